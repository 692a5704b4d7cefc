"""The evidence panel offers the upload form to exactly the people the service accepts."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User
from zorgvuldig.core.services import delegate_role
from zorgvuldig.evidence import services
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db


def _delegate(from_user: User, to_user: User) -> None:
    today = timezone.localdate()
    delegate_role(
        actor=from_user,
        from_user=from_user,
        to_user=to_user,
        starts=today,
        ends=today + dt.timedelta(days=3),
    )


@pytest.fixture
def people():
    """The assigned team, a deputy of the case handler who is not assigned themselves, and
    the team's communications officer holding the HR role of an HR advisor who is not on
    this case (a role they hold, but not for this case)."""
    team = Team()
    inquiry = build_inquiry(team)
    deputy = make_user(Role.LEGAL_ADVISOR, team.org)
    _delegate(team.handler, deputy)
    _delegate(make_user(Role.HR_ADVISOR, team.org), team.comms)
    people = {
        "handler": team.handler,
        "hr": team.hr,
        "legal": team.legal,
        "comms, HR elsewhere": team.comms,
        "approver": team.approver,
        "deputy of the handler": deputy,
    }
    return inquiry, {k: User.objects.get(pk=u.pk) for k, u in people.items()}


def test_the_panel_and_the_service_refuse_the_same_people(client, people):
    inquiry, users = people
    form_action = f'action="{reverse("evidence:upload", args=[inquiry.pk])}"'
    offered, accepted = set(), set()
    for name, user in users.items():
        client.force_login(user)
        page = client.get(reverse("inquiries:detail", args=[inquiry.pk]))
        assert page.status_code == 200, name
        if form_action in page.content.decode():
            offered.add(name)
        try:
            services.add_evidence(
                actor=user,
                inquiry=inquiry,
                upload=SimpleUploadedFile(f"{user.pk}.txt", b"x"),
            )
        except services.EvidenceError:
            continue
        accepted.add(name)
    assert accepted == {"handler", "hr", "legal", "deputy of the handler"}
    assert offered == accepted
