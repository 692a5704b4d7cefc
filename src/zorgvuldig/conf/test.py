"""Test settings: fast hashing, local-memory e-mail, uploads in a temporary folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="zorgvuldig-test-uploads-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    }
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="zorgvuldig-test-static-"))
WHITENOISE_AUTOREFRESH = True
HUEY = {"name": "zorgvuldig-test", "huey_class": "huey.MemoryHuey", "immediate": True}
# No test reaches the network: tests that fetch by Kamer number start a local stand-in of
# the open-data API and point this setting at it; a forgotten override finds a closed port.
ZORGVULDIG_TK_OPENDATA_URL = "http://127.0.0.1:9/OData/v4/2.0"
# Tests sign users in with force_login; those about the second factor set the roles.
ZORGVULDIG_OTP_REQUIRED_ROLES = []
