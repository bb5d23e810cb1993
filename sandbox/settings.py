"""Settings for the sandbox server. Independent of the product's settings.

Environment variables:
    SANDBOX_DATABASE      SQLite file path (default var/sandbox.sqlite3 in the
                          repository root).
    SANDBOX_DEBUG         "1" to turn Django's debug pages on (default off).
    SANDBOX_SECRET_KEY    Django secret key. The default is fixed because the
                          sandbox stores no user secrets and serves loopback only.
    SANDBOX_ADMIN_TOKEN   value of the X-Sandbox-Admin header that the
                          /_sandbox/ control endpoints require.
    SANDBOX_PROFANITY_WORDS  comma-separated words and phrases the validator
                          rejects as banned.
    SANDBOX_STRICT_APPLICATION_URLS  "1" to reject loopback application links
                          as the live API does (by default they are accepted
                          so a local product's form can be linked).
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

DATABASE_PATH = Path(
    os.environ.get("SANDBOX_DATABASE") or REPO_ROOT / "var" / "sandbox.sqlite3"
)
if not DATABASE_PATH.is_absolute():
    DATABASE_PATH = REPO_ROOT / DATABASE_PATH
DATABASE_PATH.parent.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("SANDBOX_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get(
    "SANDBOX_SECRET_KEY", "sandbox-local-only-not-a-secret-7f3c1e9a2b"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

SANDBOX_ADMIN_TOKEN = os.environ.get("SANDBOX_ADMIN_TOKEN", "sandbox-admin")
SANDBOX_PROFANITY_WORDS = [
    word.strip()
    for word in os.environ.get(
        "SANDBOX_PROFANITY_WORDS", "sandboxbannedword,sandbox banned phrase"
    ).split(",")
    if word.strip()
]
SANDBOX_STANDARDS_CSV = REPO_ROOT / "data" / "standards.csv"

INSTALLED_APPS = ["sandbox.adverts"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
# The API paths have no trailing slash, and a redirect would lose a POST body.
APPEND_SLASH = False

ROOT_URLCONF = "sandbox.urls"
WSGI_APPLICATION = "sandbox.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": ["django.template.context_processors.request"]
        },
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATABASE_PATH,
        "OPTIONS": {
            # Several gunicorn threads write (request log, fault counter), so
            # writers take the lock up front and wait for it instead of failing.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
