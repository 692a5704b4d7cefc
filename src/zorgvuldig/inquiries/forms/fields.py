"""Form fields shared by the inquiry forms: dates, people of the organisation who work on cases."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User


def date_field(**kwargs) -> forms.DateField:
    """A date field with the browser's date picker (the value written as YYYY-MM-DD)."""
    return forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


class PeopleField(forms.ModelMultipleChoiceField):
    """A choice of people of the organisation, each shown as "Name (Role)"."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.get_full_name() or obj.username} ({obj.get_role_display()})"


def case_workers(organisation) -> QuerySet[User]:
    """The active people of ``organisation`` (or its pk) who may work on a case: those
    with a role that acts on cases (``Role.delegable``), by role and name."""
    return User.objects.filter(
        organisation=organisation, is_active=True, role__in=Role.delegable()
    ).order_by("role", "last_name")


def change_reason() -> forms.CharField:
    """The optional "why" of a change, recorded in the audit trail."""
    return forms.CharField(
        label=_("Reason for this change (optional)"),
        required=False,
        max_length=500,
        help_text=_("Recorded in the audit trail with your name and the time."),
    )


#: The name of the hidden field that carries the version of the part a form edits, as
#: the page was loaded (``inquiries.versions``; checked by ``views.case_form``).
LOADED_VERSION = "loaded_version"


def loaded_version() -> forms.CharField:
    """The hidden version of the part of the case a form edits, as it was loaded: a save
    against a newer version is refused (``inquiries.versions``). Optional, for clients
    that post without it (they are not checked)."""
    return forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
