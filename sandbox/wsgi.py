import os

from django.core.wsgi import get_wsgi_application

# Set, not defaulted: an inherited DJANGO_SETTINGS_MODULE may name the
# product's settings.
os.environ["DJANGO_SETTINGS_MODULE"] = "sandbox.settings"

application = get_wsgi_application()
