"""Roles of DESIGN.md §2."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user does in the product; checked on every transition and page."""

    EMPLOYEE = "employee", _("Employee")
    CASE_HANDLER = "case_handler", _("Case handler")
    HR_ADVISOR = "hr_advisor", _("HR advisor")
    LEGAL_ADVISOR = "legal_advisor", _("Legal advisor")
    ADVISOR = "advisor", _("Other advisor")
    COMMUNICATIONS = "communications", _("Communications")
    APPROVER = "approver", _("Approver")
    WORKS_COUNCIL = "works_council", _("Works council")
    ADMINISTRATOR = "administrator", _("Administrator")

    @classmethod
    def delegable(cls) -> tuple[str, ...]:
        """The roles that act on cases, and so may be delegated to a colleague for a period.

        Not the employee (who speaks only for themselves), the works council (an independent
        body under the Wet op de ondernemingsraden, not a step of the procedure) nor the
        administrator (who manages accounts, not cases).
        """
        return (
            cls.CASE_HANDLER,
            cls.HR_ADVISOR,
            cls.LEGAL_ADVISOR,
            cls.ADVISOR,
            cls.COMMUNICATIONS,
            cls.APPROVER,
        )


class Confidentiality(models.TextChoices):
    """The eight confidentiality levels of the Dutch case standard (ZGW
    ``vertrouwelijkheidaanduiding``), from public to top secret, in order."""

    OPENBAAR = "openbaar", _("Public")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("Restricted public")
    INTERN = "intern", _("Internal")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("Case-confidential")
    VERTROUWELIJK = "vertrouwelijk", _("Confidential")
    CONFIDENTIEEL = "confidentieel", _("Confidential (departmental)")
    GEHEIM = "geheim", _("Secret")
    ZEER_GEHEIM = "zeer_geheim", _("Top secret")

    @classmethod
    def up_to(cls, level: str) -> list[str]:
        """The levels at or below ``level`` (what someone cleared for ``level`` may see)."""
        values = list(cls.values)
        return values[: values.index(level) + 1] if level in values else []

    @classmethod
    def is_confidential(cls, level: str) -> bool:
        """Whether reading a document of ``level`` is audited (``vertrouwelijk`` and up)."""
        return level in cls.values and list(cls.values).index(level) >= list(
            cls.values
        ).index(cls.VERTROUWELIJK)
