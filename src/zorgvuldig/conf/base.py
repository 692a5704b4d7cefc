"""Settings shared by every environment.

Environment variables are read here and nowhere else; each has a default and a line in
``docs/configuration.md``.
"""

import json
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
    "zorgvuldig.core.admin_site.AdminConfig",  # the role-based admin site (issue 11)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_fsm",
    "csp",
    "ninja",
    "huey.contrib.djhuey",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
    "zorgvuldig.core",
    "zorgvuldig.selfcheck",
    "zorgvuldig.inquiries",
    "zorgvuldig.evidence",
    "zorgvuldig.media",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise: dynamic responses only (static files keep their cache lifetime).
    "zorgvuldig.core.headers.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "zorgvuldig.core.middleware.SecurityAuditMiddleware",
    "zorgvuldig.core.middleware.SessionLifetimeMiddleware",
    "zorgvuldig.core.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during authentication into the
    # lockout page.
    "axes.middleware.AxesMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks (select_for_update does nothing): a transaction takes the
    # write lock when it starts, so two simultaneous registrations wait for each other
    # instead of one failing with "database is locked" (Django 5.1+).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def _env_list(name: str, default: str) -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


# Authentication (issue 11; OWASP ASVS 4.0 level 2, chapters 2 and 3). See docs/security.md.
# Axes first: it refuses every authentication from a locked-out address before the others run.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "zorgvuldig.core.oidc.ProductRolesOIDCBackend",
]
#: Passwords: at least ZORGVULDIG_PASSWORD_MIN_LENGTH characters (ASVS 2.1.1: 12), not like
#: the user's own name or e-mail, not all digits, and not on the breached-password list
#: (Django's list of 20,000 common passwords, ASVS 2.1.7).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": _env_int("ZORGVULDIG_PASSWORD_MIN_LENGTH", 12)},
    },
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inquiries:list"
LOGOUT_REDIRECT_URL = "login"

#: Password guessing (django-axes): after ZORGVULDIG_LOGIN_FAILURE_LIMIT failed logins from
#: one address, every login from it is refused (the right password too) for
#: ZORGVULDIG_LOCKOUT_MINUTES; each failure during the lockout starts the period again.
AXES_FAILURE_LIMIT = _env_int("ZORGVULDIG_LOGIN_FAILURE_LIMIT", 30)
AXES_COOLOFF_TIME = _env_int("ZORGVULDIG_LOCKOUT_MINUTES", 15) / 60  # in hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "zorgvuldig.core.middleware.client_ip"
#: How many reverse proxies in front of the site append to X-Forwarded-For (0: none, the
#: client's address is REMOTE_ADDR).
ZORGVULDIG_TRUSTED_PROXIES = _env_int("ZORGVULDIG_TRUSTED_PROXIES", 0)
AXES_LOCKOUT_CALLABLE = "zorgvuldig.core.login_views.locked_out"
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = (
    False  # the attempts hold addresses: not for the administrator's screen
)

#: Sessions: signed out after ZORGVULDIG_SESSION_IDLE_MINUTES without a request, and after
#: ZORGVULDIG_SESSION_MAX_HOURS since signing in whatever happens (ASVS 3.3.2).
ZORGVULDIG_SESSION_IDLE_MINUTES = _env_int("ZORGVULDIG_SESSION_IDLE_MINUTES", 30)
ZORGVULDIG_SESSION_MAX_HOURS = _env_int("ZORGVULDIG_SESSION_MAX_HOURS", 10)
# The stored session outlives the lifetime by one idle period, so that the middleware can
# still end it on record (audited) when its user comes back just after.
SESSION_COOKIE_AGE = (
    ZORGVULDIG_SESSION_MAX_HOURS * 60 * 60 + ZORGVULDIG_SESSION_IDLE_MINUTES * 60
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

#: Second factor (TOTP, django-otp) for local accounts: required for these roles (codes of
#: core.choices.Role; "all" for every role; empty: only for users who enrolled themselves).
ZORGVULDIG_OTP_REQUIRED_ROLES = _env_list(
    "ZORGVULDIG_OTP_REQUIRED_ROLES",
    "case_handler,hr_advisor,legal_advisor,advisor,communications,approver,administrator",
)
OTP_TOTP_ISSUER = os.environ.get("ZORGVULDIG_OTP_ISSUER", "Zorgvuldig")

#: Single sign-on through OpenID Connect (mozilla-django-oidc), on when
#: ZORGVULDIG_OIDC_ISSUER and a client id are set. The endpoints default to the issuer's
#: usual paths and can each be set. Users are matched by ZORGVULDIG_OIDC_USERNAME_CLAIM to
#: the product's own users, whose roles are kept in the product; see docs/security.md.
ZORGVULDIG_OIDC_ISSUER = os.environ.get("ZORGVULDIG_OIDC_ISSUER", "").rstrip("/")
OIDC_RP_CLIENT_ID = os.environ.get("ZORGVULDIG_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("ZORGVULDIG_OIDC_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("ZORGVULDIG_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("ZORGVULDIG_OIDC_SCOPES", "openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get(
    "ZORGVULDIG_OIDC_AUTHORIZATION_ENDPOINT", f"{ZORGVULDIG_OIDC_ISSUER}/auth"
)
OIDC_OP_TOKEN_ENDPOINT = os.environ.get(
    "ZORGVULDIG_OIDC_TOKEN_ENDPOINT", f"{ZORGVULDIG_OIDC_ISSUER}/token"
)
OIDC_OP_USER_ENDPOINT = os.environ.get(
    "ZORGVULDIG_OIDC_USERINFO_ENDPOINT", f"{ZORGVULDIG_OIDC_ISSUER}/me"
)
OIDC_OP_JWKS_ENDPOINT = os.environ.get(
    "ZORGVULDIG_OIDC_JWKS_ENDPOINT", f"{ZORGVULDIG_OIDC_ISSUER}/jwks"
)
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("ZORGVULDIG_OIDC_LOGOUT_ENDPOINT", "")
OIDC_USE_PKCE = True
OIDC_CREATE_USER = os.environ.get("ZORGVULDIG_OIDC_CREATE_USERS", "").lower() in {
    "1",
    "true",
    "yes",
}
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
ZORGVULDIG_OIDC_USERNAME_CLAIM = os.environ.get(
    "ZORGVULDIG_OIDC_USERNAME_CLAIM", "preferred_username"
)
#: Roles from the provider only when an organisation wants them: the claim that lists them
#: and a JSON map from the provider's values to role codes, e.g. {"zv-hr": "hr_advisor"}.
ZORGVULDIG_OIDC_ROLES_CLAIM = os.environ.get("ZORGVULDIG_OIDC_ROLES_CLAIM", "")
ZORGVULDIG_OIDC_ROLE_MAP = os.environ.get("ZORGVULDIG_OIDC_ROLE_MAP", "{}")

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
# URL captures (issue 12; docs/configuration.md): only public addresses, unless a host is
# listed here (comma-separated names or IP addresses, e.g. an internal archive).
ZORGVULDIG_CAPTURE_ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ZORGVULDIG_CAPTURE_ALLOWED_HOSTS", "").split(",")
    if h.strip()
]
#: Seconds to connect and between bytes read; seconds for a whole capture.
ZORGVULDIG_CAPTURE_TIMEOUT = float(os.environ.get("ZORGVULDIG_CAPTURE_TIMEOUT", "10"))
ZORGVULDIG_CAPTURE_DEADLINE = float(os.environ.get("ZORGVULDIG_CAPTURE_DEADLINE", "60"))
#: Largest response body a capture reads, in bytes; redirects a capture follows.
ZORGVULDIG_CAPTURE_MAX_BYTES = int(
    os.environ.get("ZORGVULDIG_CAPTURE_MAX_BYTES", str(20 * 1024 * 1024))
)
ZORGVULDIG_CAPTURE_MAX_REDIRECTS = int(
    os.environ.get("ZORGVULDIG_CAPTURE_MAX_REDIRECTS", "5")
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

#: The Tweede Kamer open-data API (OData v4) that intake by Kamer number asks; the one
#: outgoing address the administrator sets and trusts (issue 10, docs/configuration.md).
ZORGVULDIG_TK_OPENDATA_URL = os.environ.get(
    "ZORGVULDIG_TK_OPENDATA_URL", "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
)

#: RFC 3161 timestamp authorities asked for a token over each evidence manifest (issue 12):
#: a JSON list of ``{"url": …, "chain": "/path/to/chain.pem"}``; empty (the default) turns
#: trusted timestamps off. The chain file holds the authority's root (and intermediates).
ZORGVULDIG_TIMESTAMP_AUTHORITIES = json.loads(
    os.environ.get("ZORGVULDIG_TIMESTAMP_AUTHORITIES", "[]")
)
#: Seconds to wait for a timestamp authority.
ZORGVULDIG_TIMESTAMP_TIMEOUT = float(
    os.environ.get("ZORGVULDIG_TIMESTAMP_TIMEOUT", "10")
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

#: Content-Security-Policy (django-csp; issue 11, OWASP ASVS 4.0 V14.4.3): scripts only from
#: this site's own static files (no inline scripts, no on...= attributes, no eval), nothing
#: from other sites, no plug-ins, no framing. Inline styles stay allowed: the self-check's
#: and the case page's <style> blocks and the API documentation (Swagger UI) use them; with
#: images, fonts and connections limited to this site a style cannot send anything away.
#: See docs/security.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every login at INFO; failures and lockouts come at WARNING.
    "loggers": {"axes": {"level": "WARNING"}},
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
