"""The Celery app. Without CELERY_BROKER_URL the jobs run in-process from
management commands; the same functions (tracker/jobs/flag_overdue.py,
tracker/digests/delivery.py) run either way."""

import os

from celery import Celery

from tracker.config.startup import load_settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")
load_settings_or_exit()

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["tracker.jobs"])  # tracker/jobs/tasks.py: the daily jobs
app.autodiscover_tasks(["tracker.ingest"], related_name="uploads")  # papers uploaded on /documents/upload/
app.autodiscover_tasks(["tracker.opendata"])  # tracker/opendata/tasks.py: the nightly open-data sync
