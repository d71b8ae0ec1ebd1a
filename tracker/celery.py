"""The Celery app. Without CELERY_BROKER_URL the jobs run in-process from
management commands; the same functions in tracker/jobs.py run either way."""
import os

from celery import Celery

from tracker.startup import load_settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
load_settings_or_exit()

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(related_name="upload_tasks")  # tracker/upload_tasks.py: papers uploaded on /documents/upload/
