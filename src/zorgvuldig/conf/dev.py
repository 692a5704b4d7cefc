"""Development and demo settings: SQLite under ./var, a fixed local secret, localhost only."""

from .base import *  # noqa: F403
from .base import VAR_DIR, _env_list

SECRET_KEY = SECRET_KEY or "dev-only-not-secret-zorgvuldig"  # noqa: F405
VAR_DIR.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve straight from the app folders, no collectstatic
(VAR_DIR / "static").mkdir(exist_ok=True)
# The demo's users sign in with a password only, unless the environment asks for more.
ZORGVULDIG_OTP_REQUIRED_ROLES = _env_list("ZORGVULDIG_OTP_REQUIRED_ROLES", "")
