"""Opening an evidence item's page is in the custody log (``viewed``, issue 12 step 6) and
the audit trail, one entry per request; the chain still verifies. Outsiders, the employee
concerned and people not cleared for the item get 404 and leave no entry."""

from __future__ import annotations

from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.evidence import services
from zorgvuldig.evidence.models import CustodyEntry
from zorgvuldig.evidence.queries import PREVIEW_BYTES
from zorgvuldig.evidence.verification import verify_case
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    team = Team()
    inquiry = build_inquiry(team)
    employee = make_user(Role.EMPLOYEE, team.org)
    inquiry.persons.update(user=employee)
    note = services.add_note(
        actor=team.handler, inquiry=inquiry, text="Seen: the like of 3 March 2010"
    )
    return team, employee, inquiry, note


def _url(inquiry, item):
    return reverse("evidence:item", args=[inquiry.pk, item.pk])


def test_viewing_an_item_logs_viewed_and_the_chain_holds(client, case):
    team, _employee, inquiry, note = case
    client.force_login(team.hr)
    for _ in range(2):
        page = client.get(_url(inquiry, note))
        assert page.status_code == 200
    text = page.content.decode()
    assert "Seen: the like of 3 March 2010" in text  # the note's text, previewed
    assert note.manifest_sha256 in text
    viewed = CustodyEntry.objects.filter(inquiry=inquiry, action="viewed")
    assert [(e.item, e.actor) for e in viewed] == [(note, team.hr)] * 2
    assert (
        AuditEntry.objects.filter(action="evidence.viewed", actor=team.hr).count() == 2
    )
    report = verify_case(inquiry.pk)
    assert report.ok, report.as_text()
    assert "custody log: 3 entries" in "\n".join(report.checked)


def test_a_long_text_is_previewed_in_part(client, case):
    team, _employee, inquiry, _note = case
    long = services.add_note(
        actor=team.handler, inquiry=inquiry, text="a" * (PREVIEW_BYTES + 10)
    )
    client.force_login(team.handler)
    text = client.get(_url(inquiry, long)).content.decode()
    assert "a" * PREVIEW_BYTES in text
    assert "a" * (PREVIEW_BYTES + 1) not in text


def test_outsiders_and_the_uncleared_get_404_and_leave_no_entry(client, case):
    team, employee, inquiry, note = case
    team.handler.clearance = Confidentiality.GEHEIM
    team.handler.save()
    secret = services.add_note(
        actor=team.handler,
        inquiry=inquiry,
        text="secret memo",
        confidentiality=Confidentiality.GEHEIM,
    )
    before = CustodyEntry.objects.filter(action="viewed").count()
    for user in [*Team().members, employee]:
        client.force_login(user)
        assert client.get(_url(inquiry, note)).status_code == 404, user.role
    client.force_login(team.comms)
    assert client.get(_url(inquiry, secret)).status_code == 404
    assert CustodyEntry.objects.filter(action="viewed").count() == before
