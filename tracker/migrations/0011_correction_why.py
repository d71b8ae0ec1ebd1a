"""A Correction says why staff changed the value (tracker/domain/edits.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tracker", "0010_opendata")]
    operations = [
        migrations.AddField(
            model_name="correction", name="why", field=models.TextField(blank=True, verbose_name="waarom")
        ),
    ]
