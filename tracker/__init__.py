"""The tracker: Django project package and the tracking app."""

from tracker.config.celery import app as celery_app

__all__ = ("celery_app",)
