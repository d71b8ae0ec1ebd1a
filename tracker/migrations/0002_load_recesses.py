"""Load the Tweede Kamer's recesses from DOMAIN.md's table (the same rows the
parser's default calendar uses: documents.parsing.calendar.RECESS_TABLE)."""

from django.db import migrations

from documents.parsing.calendar import RECESS_TABLE


def load(apps, schema_editor):
    Recess = apps.get_model("tracker", "ParliamentaryRecess")
    for kind, start, end in RECESS_TABLE:
        Recess.objects.update_or_create(kind=kind, year=start.year, defaults={"start": start, "end": end})


def unload(apps, schema_editor):
    Recess = apps.get_model("tracker", "ParliamentaryRecess")
    for kind, start, _end in RECESS_TABLE:
        Recess.objects.filter(kind=kind, year=start.year).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
