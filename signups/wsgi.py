"""The WSGI application (gunicorn serves it: `klucz-signups serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signups.settings")
application = get_wsgi_application()
