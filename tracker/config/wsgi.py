import os

from django.core.wsgi import get_wsgi_application

from tracker.config.startup import load_settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")
load_settings_or_exit()
application = get_wsgi_application()
