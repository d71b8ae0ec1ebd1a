# The feed key: a SHA-256 per user for ?token= on the feeds and the API (tracker/feeds/tokens.py)

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0012_flag_overdue_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FeedToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key_hash", models.CharField(max_length=64, unique=True, verbose_name="SHA-256 van de sleutel")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="gemaakt op")),
                ("last_used_on", models.DateField(blank=True, null=True, verbose_name="laatst gebruikt op")),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="feed_token",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="gebruiker",
                    ),
                ),
            ],
            options={
                "verbose_name": "feedsleutel",
                "verbose_name_plural": "feedsleutels",
            },
        ),
    ]
