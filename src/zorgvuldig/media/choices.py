"""Verdicts of the media check (cases/README.md, "Media")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    """How an article represents the recorded measure, most serious first."""

    CONTRADICTED = "contradicted", _("Contradicts the recorded measure")
    OVERSTATED = "overstated", _("Overstated: heavier than recorded")
    UNDERSTATED = "understated", _("Understated: lighter than recorded")
    AMBIGUOUS = "ambiguous", _("Ambiguous: for a person to judge")
    ACCURATE = "accurate", _("Accurate")
    NO_CLAIM = "no_claim", _("Makes no claim about a measure")
    EXTRACTION_FAILED = (
        "extraction_failed",
        _("Extraction failed: no article text found on the page"),
    )

    @classmethod
    def label_of(cls, value: str) -> str:
        """The translated label of ``value``, or the value itself if unknown."""
        return str(cls(value).label) if value in cls.values else value
