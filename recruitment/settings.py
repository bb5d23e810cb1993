"""Settings for the recruitment system, read from environment variables.

A fresh clone runs with safe local defaults (DEBUG on, SQLite, the NAS sandbox on
loopback). With DEBUG off, every secret must come from the environment: start-up
stops with a message naming the missing variable instead of using a default.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}"
        ) from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)


def env_secret(name, local_default):
    """Read a secret; only a DEBUG (local) run may fall back to the default."""
    value = os.environ.get(name)
    if value:
        return value
    if DEBUG:
        return local_default
    raise ImproperlyConfigured(
        f"{name} is not set. It has no default when DEBUG is off: set it in the "
        "environment of every web process and task worker."
    )


SECRET_KEY = env_secret("SECRET_KEY", "local-only-insecure-secret-key-do-not-deploy")

# Fernet keys (urlsafe base64, 32 bytes) for secrets stored in the database,
# such as the NAS system key. The first key encrypts; every key can decrypt, so
# a new key goes first and old ones stay until their values are re-encrypted.
FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS",
    [] if not DEBUG else ["bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU="],
)
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS is not set. It has no default when DEBUG is off: "
        "generate one with `python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'`."
    )

PORT = env_int("PORT", 8000)
SANDBOX_PORT = env_int("SANDBOX_PORT", 8001)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The absolute address of this site, used in links that leave the site: the
# application URL sent to the Recruitment API and links in emails.
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{PORT}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "recruitment.core",
    "recruitment.tenancy",
    "recruitment.programmes",
    "recruitment.organisations",
    "recruitment.jobs",
    "recruitment.nas",
    "recruitment.learners",
    "recruitment.applications",
    "recruitment.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "recruitment.tenancy.middleware.TenantMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "recruitment.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "recruitment" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "recruitment.tenancy.context_processors.tenant",
            ],
        },
    },
]

WSGI_APPLICATION = "recruitment.wsgi.application"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'recruitment.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "tenancy.User"
AUTHENTICATION_BACKENDS = ["recruitment.tenancy.backends.TenantEmailBackend"]
# Email is unique per tenant (and among support users), not across the table,
# so Django's warning about a non-unique USERNAME_FIELD does not apply.
SILENCED_SYSTEM_CHECKS = ["auth.W004"]
LOGIN_URL = "home"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "recruitment.tenancy.password_validation.NotOnlyWhitespaceValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The project's own stylesheet and scripts live outside any app's static
# folder, so the finders (and collectstatic) need its path here.
STATICFILES_DIRS = [BASE_DIR / "recruitment" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# CVs are private files: they live outside any public URL and are only served
# by a view that checks the staff user's tenant.
CV_STORAGE_BACKEND = os.environ.get(
    "CV_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
)
CV_STORAGE_LOCATION = Path(os.environ.get("CV_STORAGE_LOCATION", VAR_DIR / "cvs"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "cvs": {
        "BACKEND": CV_STORAGE_BACKEND,
        "OPTIONS": (
            {"location": CV_STORAGE_LOCATION}
            if CV_STORAGE_BACKEND.endswith("FileSystemStorage")
            else {
                "bucket_name": os.environ.get("CV_STORAGE_BUCKET", ""),
                "default_acl": "private",
                "querystring_auth": True,
            }
        ),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

CV_MAX_BYTES = env_int("CV_MAX_BYTES", 5 * 1024 * 1024)
# Requests must be able to carry a CV of the full size plus the form fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = CV_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Application form abuse limits, in django-ratelimit's "count/period" notation.
APPLICATION_RATE_PER_ADDRESS = os.environ.get("APPLICATION_RATE_PER_ADDRESS", "20/h")
APPLICATION_ATTEMPT_RATE_PER_ADDRESS = os.environ.get(
    "APPLICATION_ATTEMPT_RATE_PER_ADDRESS", "120/h"
)
APPLICATION_RATE_PER_JOB = os.environ.get("APPLICATION_RATE_PER_JOB", "600/h")
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "recruitment.applications.views.rate_limited"

# The rate limiter counts in the cache, so every web process must share it.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache"}
        if env_bool("SHARED_CACHE", not DEBUG)
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# locmem is not shared between processes; a DEBUG run has one web process.
SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]

# The Recruitment API: a tenant's Jobs token chooses the live service or the
# sandbox, and these settings give each one's base URL.
NAS_LIVE_BASE_URL = os.environ.get(
    "NAS_LIVE_BASE_URL",
    "https://api.apprenticeships.education.gov.uk/managevacancies",
)
NAS_SANDBOX_BASE_URL = os.environ.get(
    "NAS_SANDBOX_BASE_URL", f"http://127.0.0.1:{SANDBOX_PORT}/managevacancies"
)
NAS_CONNECT_TIMEOUT = float(os.environ.get("NAS_CONNECT_TIMEOUT", "3"))
NAS_READ_TIMEOUT = float(os.environ.get("NAS_READ_TIMEOUT", "15"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "recruitment@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}
