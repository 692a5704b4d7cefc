"""Audit entries are kept untranslated and shown in the reader's language."""

from __future__ import annotations

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, gettext_noop

import pytest

from zorgvuldig.core.audit import PerLanguage, Summary, action_label, stored_params
from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.core.services import audit_trail_for, delegate_role, record_audit

from .factories import make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return make_user(Role.APPROVER, make_org())


def _shown(entry: AuditEntry, language: str) -> tuple[str, str]:
    entry = AuditEntry.objects.get(pk=entry.pk)
    with translation.override(language):
        return entry.action_label, entry.summary_text


@pytest.mark.parametrize(("written", "read"), [("nl", "en"), ("en", "nl")])
def test_an_entry_is_shown_in_the_readers_language(user, written, read):
    deputy = make_user(Role.CASE_HANDLER, user.organisation, first_name="Piet")
    today = timezone.localdate()
    with translation.override(written):
        delegate_role(
            actor=user, from_user=user, to_user=deputy, starts=today, ends=today
        )
    entry = AuditEntry.objects.get(action="role.delegated")
    label, summary = _shown(entry, read)
    expected = {
        "en": ("Role delegated", f"Piet {deputy.last_name} acts as Approver from"),
        "nl": (
            "Rol overgedragen",
            f"Piet {deputy.last_name} treedt op als Goedkeurder van",
        ),
    }[read]
    assert label == expected[0]
    assert summary.startswith(expected[1])
    # The stored text is the source language, whoever wrote it.
    assert entry.summary.startswith(f"Piet {deputy.last_name} acts as Approver from")


def test_choices_are_kept_as_codes_and_people_as_data(user):
    entry = record_audit(
        actor=user,
        action="test.read",
        target=user,
        summary=Summary(
            "%(document)s (%(level)s)",
            {"document": "antwoord.docx", "level": Confidentiality.GEHEIM},
        ),
    )
    assert entry.summary_params == {
        "document": "antwoord.docx",
        "level": {"choice": "core.Confidentiality", "value": "geheim"},
    }
    assert _shown(entry, "nl")[1] == "antwoord.docx (Geheim)"
    assert _shown(entry, "en")[1] == "antwoord.docx (Secret)"


def test_nested_summaries_lists_and_texts_per_language(user):
    entry = record_audit(
        actor=user,
        action="test.assigned",
        target=user,
        summary=Summary(
            "%(people)s: %(kind)s",
            {
                "people": [
                    Summary(
                        "%(name)s (%(role)s)", {"name": "An", "role": Role.APPROVER}
                    ),
                    Summary(
                        "%(name)s (%(role)s)", {"name": "Bo", "role": Role.EMPLOYEE}
                    ),
                ],
                "kind": PerLanguage(
                    {"nl": "Bureau Integriteit", "en": "Integrity office"}
                ),
            },
        ),
    )
    assert _shown(entry, "en")[1] == "An (Approver), Bo (Employee): Integrity office"
    assert (
        _shown(entry, "nl")[1]
        == "An (Goedkeurder), Bo (Medewerker): Bureau Integriteit"
    )


def test_old_entries_keep_their_stored_summary(user):
    entry = record_audit(
        actor=user, action="role.delegated", target=user, summary="Feiten vastgelegd"
    )
    assert entry.summary_msgid == ""
    assert _shown(entry, "en") == ("Role delegated", "Feiten vastgelegd")


def test_a_translation_that_does_not_fit_falls_back_to_the_stored_text(user):
    entry = record_audit(
        actor=user,
        action="test.broken",
        target=user,
        summary=Summary(gettext_noop("Approved for %(layer)s"), {"layer": "director"}),
    )
    AuditEntry.objects.filter(pk=entry.pk).update(summary_params={})
    assert _shown(entry, "nl")[1] == "Approved for director"


def test_unknown_actions_have_no_label():
    assert action_label("no.such.action") == ""


def test_what_cannot_be_kept_is_refused():
    class Unregistered(models.TextChoices):
        ONE = "one", "One"

    with pytest.raises(TypeError, match="register_choices"):
        stored_params({"x": Unregistered.ONE})
    with pytest.raises(TypeError, match="translated"):
        stored_params({"x": gettext_lazy("Approved")})
    with pytest.raises(TypeError):
        stored_params({"x": object()})


def test_a_missing_parameter_is_refused_when_written(user):
    with pytest.raises(KeyError):
        record_audit(
            actor=user,
            action="test.broken",
            target=user,
            summary=Summary(gettext_noop("Approved for %(layer)s")),
        )


def test_on_behalf_of_is_recorded_and_loaded_with_the_trail(
    user, django_assert_num_queries
):
    delegator = make_user(Role.APPROVER, user.organisation)
    record_audit(actor=user, action="x", target=user, on_behalf_of=delegator)
    record_audit(actor=user, action="y", target=user, on_behalf_of=user)
    with django_assert_num_queries(1):  # the trail, with both users joined
        # (the user's creation is on their trail too: only the two written here)
        trail = list(audit_trail_for(user).filter(action__in=("x", "y")))
        assert [(e.action, e.on_behalf_of) for e in trail] == [
            ("y", None),
            ("x", delegator),
        ]
