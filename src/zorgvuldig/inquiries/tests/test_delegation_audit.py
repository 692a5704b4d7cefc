"""The case's audit trail: whom a delegate acted for, and every entry in the reader's language
with a readable label instead of its action code."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.core.services import (
    audit_trail_for,
    delegate_role,
    revoke_delegation,
)
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.views.case import QUIET_READS

from .factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db


def _audit_text(client, inquiry, language: str) -> tuple[str, str]:
    """The audit section of the case page: its HTML and the text people see."""
    page = client.get(
        reverse("inquiries:detail", args=[inquiry.pk]),
        headers={"accept-language": language},
    ).content.decode()
    section = page.split('id="audit"', 1)[1].split("</section>", 1)[0]
    return section, " ".join(re.sub(r"<[^>]+>", " ", section).split())


def _name(user: User) -> str:
    return user.get_full_name()


@pytest.fixture
def drafted():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    deputy = make_user(Role.CASE_HANDLER, team.org, username="plaatsvervanger")
    today = timezone.localdate()
    delegation = delegate_role(
        actor=team.approver,
        from_user=team.approver,
        to_user=deputy,
        starts=today,
        ends=today + dt.timedelta(days=7),
    )
    return team, inquiry, User.objects.get(pk=deputy.pk), delegation


def test_a_delegate_acts_on_behalf_of_the_delegator(client, drafted):
    team, inquiry, deputy, _delegation = drafted
    services.approve_answer(actor=deputy, inquiry=inquiry, reason="Akkoord.")
    entry = AuditEntry.objects.get(action="transition.approve")
    assert (entry.actor, entry.on_behalf_of) == (deputy, team.approver)
    client.force_login(team.handler)
    _html, en = _audit_text(client, inquiry, "en")
    assert f"{_name(deputy)} (on behalf of {_name(team.approver)})" in en
    _html, nl = _audit_text(client, inquiry, "nl")
    assert f"{_name(deputy)} (namens {_name(team.approver)})" in nl


def test_people_acting_in_their_own_right_act_for_no_one(drafted):
    team, inquiry, _deputy, _delegation = drafted
    services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert AuditEntry.objects.filter(on_behalf_of__isnull=False).count() == 0


def test_an_assignee_acting_in_a_delegated_role_acts_for_the_delegator(drafted):
    team, inquiry, deputy, _delegation = drafted
    inquiry.assignees.add(deputy)  # now assigned in their own right, as case handler
    Inquiry.objects.filter(pk=inquiry.pk).update(
        confidentiality=Confidentiality.VERTROUWELIJK  # so that reading is audited
    )
    inquiry = Inquiry.objects.get(pk=inquiry.pk)
    deputy = User.objects.get(pk=deputy.pk)
    services.record_document_read(actor=deputy, inquiry=inquiry, document="a.docx")
    services.approve_answer(actor=deputy, inquiry=inquiry)
    entries = {e.action: e for e in AuditEntry.objects.filter(actor=deputy)}
    assert entries["transition.approve"].on_behalf_of == team.approver
    assert entries["document.read"].on_behalf_of is None


def test_after_revocation_the_delegate_no_longer_acts(drafted):
    team, inquiry, deputy, delegation = drafted
    revoke_delegation(actor=team.approver, delegation=delegation)
    deputy = User.objects.get(pk=deputy.pk)
    with pytest.raises(services.ProcedureError):
        services.approve_answer(actor=deputy, inquiry=inquiry)


@pytest.mark.parametrize(
    ("written", "read", "shown", "not_shown"),
    [
        (
            "nl",
            "en",
            [
                "Case registered",
                "Facts declared established",
                "Registered → Facts established",
                "Advice recorded Legal advice",
                "(Informal correction)",
                "Draft answer submitted for approval",
            ],
            ["Feiten vastgesteld", "Geregistreerd", "Juridisch advies"],
        ),
        (
            "en",
            "nl",
            [
                "Zaak geregistreerd",
                "Feiten vastgesteld verklaard",
                "Geregistreerd → Feiten vastgesteld",
                "Advies vastgelegd Juridisch advies",
                "(Informele correctie)",
                "Conceptantwoord ter goedkeuring aangeboden",
            ],
            ["Facts established", "Registered", "Legal advice"],
        ),
    ],
)
def test_the_trail_is_shown_in_the_readers_language(
    client, written, read, shown, not_shown
):
    team = Team()
    with translation.override(written):
        inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    client.force_login(team.handler)
    html, text = _audit_text(client, inquiry, read)
    for words in shown:
        assert words in text
    for words in not_shown:
        assert words not in text
    # No action code is shown to people; it stays in the markup for machines.
    # (the case's entries: those about the users, such as their creation, are not shown here)
    actions = set(audit_trail_for(inquiry).values_list("action", flat=True))
    assert "transition.draft_answer" in actions
    assert "inquiry.viewed" in actions  # on record, not listed (QUIET_READS)
    for action in actions:
        assert action not in text
        if action not in QUIET_READS:
            assert f'data-action="{action}"' in html
    assert "transition." not in text
