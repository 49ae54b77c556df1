import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
# Every view module is imported now, while a gunicorn worker boots, not in the first request it answers
# (0,2 s of imports, which the first users of a fresh or restarted worker waited for).
import_module(settings.ROOT_URLCONF)
