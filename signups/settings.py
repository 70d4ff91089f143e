"""Django settings of the sign-up service, all from the environment.

The embedded default needs nothing: SQLite in the data folder
(SIGNUPS_DATA, default `dane-zapisow/`), e-mails printed to the console.
A real server sets DATABASE_URL (PostgreSQL), EMAIL_HOST and SIGNUPS_SITE_URL;
README.md, "Zapisy na szkolenia", lists every variable.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

env = os.environ.get
DATA = Path(env("SIGNUPS_DATA", "dane-zapisow")).resolve()
DATA.mkdir(parents=True, exist_ok=True)


def _secret_key():
    """SIGNUPS_SECRET_KEY, else one made on first start and kept in the data folder."""
    if env("SIGNUPS_SECRET_KEY"):
        return env("SIGNUPS_SECRET_KEY")
    path = DATA / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env("SIGNUPS_DEBUG", "") == "1"
# The public address of the site the forms are on (links in e-mails, the
# Origin check); the service answers under /zapisy/ on the same address.
SITE_URL = env("SIGNUPS_SITE_URL", "http://localhost:8000").rstrip("/")
ALLOWED_HOSTS = [h for h in env("SIGNUPS_ALLOWED_HOSTS", "").split(",") if h] or ["*"]
CSRF_TRUSTED_ORIGINS = [SITE_URL]
USE_X_FORWARDED_HOST = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = "/zapisy/"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SITE_URL.startswith("https://")
SESSION_COOKIE_NAME = "zapisy_sesja"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "signups.apps.SignupsConfig",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "signups.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "signups.views.site",
            ],
        },
    },
]
WSGI_APPLICATION = "signups.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{DATA / 'zapisy.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Every transaction takes the write lock first (BEGIN IMMEDIATE): two
    # sign-ups at once wait for each other instead of both counting the
    # same free seat. WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski")]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/zapisy/static/"
STATIC_ROOT = DATA / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# E-mail: printed to the console unless EMAIL_HOST names an SMTP server.
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env("EMAIL_USE_TLS", "") == "1"
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("SIGNUPS_FROM_EMAIL", "Centrum KLUCZ <szkolenia@localhost>")
# Where each new sign-up is announced when a training has no Registration-Email ("" = nowhere).
SIGNUPS_NOTIFY_EMAIL = env("SIGNUPS_NOTIFY_EMAIL", "")

# The rules of sign-up (hours and days; README.md explains each).
SIGNUPS_TRAININGS = env("SIGNUPS_TRAININGS", "output/szkolenia/zapisy.json")
SIGNUPS_HOLD_HOURS = float(env("SIGNUPS_HOLD_HOURS", "24"))
SIGNUPS_OFFER_HOURS = float(env("SIGNUPS_OFFER_HOURS", "48"))
SIGNUPS_KEEP_DAYS = int(env("SIGNUPS_KEEP_DAYS", "30"))
SIGNUPS_MIN_SECONDS = float(env("SIGNUPS_MIN_SECONDS", "3"))
# At most this many sign-ups per hour from one address and to one e-mail.
SIGNUPS_PER_IP_HOUR = int(env("SIGNUPS_PER_IP_HOUR", "20"))
SIGNUPS_PER_EMAIL_HOUR = int(env("SIGNUPS_PER_EMAIL_HOUR", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
