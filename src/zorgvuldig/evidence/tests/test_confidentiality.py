"""Evidence above a user's clearance is neither listed nor served."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.evidence import services as evidence
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

pytestmark = pytest.mark.django_db


def test_evidence_above_clearance_is_hidden_and_not_served(client):
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    team.handler.clearance = Confidentiality.GEHEIM
    team.handler.save()
    item = evidence.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("rapport.pdf", b"%PDF secret"),
        confidentiality=Confidentiality.GEHEIM,
    )
    client.force_login(team.hr)  # cleared up to confidentieel (the default)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()
    assert "rapport.pdf" not in page
    url = reverse("evidence:download", args=[inquiry.pk, item.pk])
    assert client.get(url).status_code == 404
    with pytest.raises(evidence.EvidenceError):
        evidence.add_evidence(
            actor=team.hr,
            inquiry=inquiry,
            upload=SimpleUploadedFile("x.txt", b"x"),
            confidentiality=Confidentiality.ZEER_GEHEIM,
        )
