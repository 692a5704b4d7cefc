"""Roles of DESIGN.md §2."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user does in the product; checked on every transition and page."""

    EMPLOYEE = "employee", _("Employee")
    CASE_HANDLER = "case_handler", _("Case handler")
    HR_ADVISOR = "hr_advisor", _("HR advisor")
    LEGAL_ADVISOR = "legal_advisor", _("Legal advisor")
    COMMUNICATIONS = "communications", _("Communications")
    APPROVER = "approver", _("Approver")
    WORKS_COUNCIL = "works_council", _("Works council")
    ADMINISTRATOR = "administrator", _("Administrator")
