"""Settings shared by every environment.

Environment variables are read here and nowhere else; each has a default and a line in
``docs/configuration.md``.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Writable state (SQLite database, uploads) lives under ``ZORGVULDIG_VAR_DIR``.
VAR_DIR = Path(os.environ.get("ZORGVULDIG_VAR_DIR", Path.cwd() / "var")).resolve()

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = os.environ.get("DEBUG", "").lower() in {"1", "true", "yes"}
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_fsm",
    "ninja",
    "huey.contrib.djhuey",
    "zorgvuldig.core",
    "zorgvuldig.selfcheck",
    "zorgvuldig.inquiries",
    "zorgvuldig.evidence",
    "zorgvuldig.media",
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
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "zorgvuldig.urls"
WSGI_APPLICATION = "zorgvuldig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # An organisation's own templates (documents, pages) first, then the product's.
        "DIRS": [
            *(
                [Path(os.environ["ZORGVULDIG_TEMPLATE_DIR"])]
                if os.environ.get("ZORGVULDIG_TEMPLATE_DIR")
                else []
            ),
            PACKAGE_DIR / "templates",
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'zorgvuldig.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inquiries:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"

#: Evidence and other uploads; not called "media" because ``media`` is an app here.
MEDIA_ROOT = VAR_DIR / "uploads"
MEDIA_URL = (
    "/uploads/"  # never served directly: downloads go through hash-checking views
)
#: Largest accepted upload in bytes (evidence files, question texts, article HTML).
ZORGVULDIG_MAX_UPLOAD_BYTES = int(
    os.environ.get("ZORGVULDIG_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024))
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# E-mail: reminders and escalations. The console backend prints mails; set EMAIL_URL-style
# settings for a real server in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in {"1", "true", "yes"}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "zorgvuldig@localhost")

# Background jobs (huey): SQLite storage under VAR_DIR by default, Redis when REDIS_URL is set.
# Run the worker with `zorgvuldig run_huey`.
#: Relatedness of a text to the actor's portfolio with the optional embedder (the
#: ``embedder`` extra; docs/decisions/0004-portfolio-relatedness.md): off by default.
ZORGVULDIG_EMBEDDER = os.environ.get("ZORGVULDIG_EMBEDDER", "").lower() in {
    "1",
    "true",
    "yes",
}

_REDIS_URL = os.environ.get("REDIS_URL", "")
HUEY = {
    "name": "zorgvuldig",
    "immediate": os.environ.get("ZORGVULDIG_TASKS_IMMEDIATE", "").lower()
    in {"1", "true"},
    "utc": True,
    **(
        {"huey_class": "huey.RedisHuey", "url": _REDIS_URL}
        if _REDIS_URL
        else {
            "huey_class": "huey.SqliteHuey",
            "filename": str(VAR_DIR / "huey.sqlite3"),
        }
    ),
    "consumer": {"workers": int(os.environ.get("ZORGVULDIG_WORKERS", "1"))},
}

#: A folder of Word templates (answer.docx, postponement.docx, hearing.docx,
#: advice_request.docx) that replace the product's own; empty: use the product's.
ZORGVULDIG_DOCUMENT_TEMPLATES = os.environ.get("ZORGVULDIG_DOCUMENT_TEMPLATES", "")
