"""Access follows assignment and confidentiality level; reading confidential documents is
audited."""

from __future__ import annotations

from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import inquiries_visible_to

from .factories import Team, build_inquiry

pytestmark = pytest.mark.django_db


def test_levels_are_ordered():
    assert Confidentiality.up_to(Confidentiality.INTERN) == [
        "openbaar",
        "beperkt_openbaar",
        "intern",
    ]
    assert Confidentiality.is_confidential(Confidentiality.VERTROUWELIJK)
    assert not Confidentiality.is_confidential(Confidentiality.ZAAKVERTROUWELIJK)


def test_an_assigned_user_without_clearance_does_not_see_the_case(client):
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    Inquiry.objects.filter(pk=inquiry.pk).update(confidentiality=Confidentiality.GEHEIM)
    assert inquiry not in inquiries_visible_to(team.legal)
    client.force_login(team.legal)
    assert client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code == 404
    team.legal.clearance = Confidentiality.GEHEIM
    team.legal.save()
    assert client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code == 200


@pytest.mark.parametrize("level", Confidentiality.values)
def test_reading_a_document_is_audited_at_every_level(client, level):
    """Issue 11: documents were audited only from ``vertrouwelijk`` up, while cases default
    to ``zaakvertrouwelijk``, so most reads left no trace."""
    team = Team()
    inquiry = build_inquiry(team, State.APPROVED)
    Inquiry.objects.filter(pk=inquiry.pk).update(confidentiality=level)
    team.approver.clearance = Confidentiality.ZEER_GEHEIM
    team.approver.save()
    client.force_login(team.approver)
    response = client.get(reverse("inquiries:answer_docx", args=[inquiry.pk]))
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="document.read")
    assert entry.actor == team.approver
    assert entry.target == inquiry
    assert "answer.docx" in entry.summary


def test_a_case_cannot_be_registered_above_ones_clearance():
    team = Team()
    with pytest.raises(services.ProcedureError):
        services.register_inquiry(
            actor=team.handler,
            organisation=team.org,
            kind="press",
            subject="x",
            questions=[{"number": 1, "text": "?"}],
            confidentiality=Confidentiality.ZEER_GEHEIM,
        )
