"""The WACZ export from the case page: for the people assigned to the case (only the
items each may see), never for an outsider or the employee concerned; the export is in the
custody log and the audit trail, and ``zorgvuldig evidence verify`` holds on the bundle."""

from __future__ import annotations

import io
import json
import zipfile

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.evidence import services
from zorgvuldig.evidence.models import CustodyEntry
from zorgvuldig.evidence.verification import verify_bundle, verify_case
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    team = Team()
    inquiry = build_inquiry(team)
    team.handler.clearance = Confidentiality.GEHEIM
    team.handler.save()
    employee = make_user(Role.EMPLOYEE, team.org)
    inquiry.persons.update(user=employee)
    shown = services.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("screenshot.png", b"\x89PNG fake"),
    )
    secret = services.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("memo.txt", b"the secret memo"),
        confidentiality=Confidentiality.GEHEIM,
    )
    return team, employee, inquiry, shown, secret


def _items(content: bytes) -> list[int]:
    with zipfile.ZipFile(io.BytesIO(content)) as bundle:
        return [
            e["item"]
            for e in json.loads(bundle.read("evidence/manifest.json"))["items"]
        ]


def test_an_assigned_handler_exports_a_bundle_that_verifies(client, case):
    team, _employee, inquiry, shown, secret = case
    client.force_login(team.handler)
    response = client.get(reverse("evidence:export", args=[inquiry.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "case-" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    report = verify_bundle(io.BytesIO(content))
    assert report.ok, report.as_text()
    assert _items(content) == [shown.pk, secret.pk]
    last = CustodyEntry.objects.filter(inquiry=inquiry).order_by("-seq").first()
    assert (last.action, last.actor, last.details) == (
        "exported",
        team.handler,
        {"items": [shown.pk, secret.pk]},
    )
    entry = AuditEntry.objects.get(action="evidence.exported")
    assert entry.actor == team.handler
    assert "screenshot" not in entry.summary


def test_each_person_exports_only_what_they_may_see(client, case):
    team, _employee, inquiry, shown, _secret = case
    client.force_login(team.comms)
    response = client.get(reverse("evidence:export", args=[inquiry.pk]))
    assert _items(b"".join(response.streaming_content)) == [shown.pk]


def test_an_outsider_and_the_employee_concerned_get_404(client, case):
    _team, employee, inquiry, _shown, _secret = case
    url = reverse("evidence:export", args=[inquiry.pk])
    for user in [*Team().members, employee]:
        client.force_login(user)
        assert client.get(url).status_code == 404, user.role
    assert not CustodyEntry.objects.filter(action="exported").exists()
    assert not AuditEntry.objects.filter(action="evidence.exported").exists()


def test_a_changed_artefact_is_not_exported_and_named(client, case):
    team, _employee, inquiry, shown, _secret = case
    path = default_storage.path(shown.file.name)
    with open(path, "r+b") as fh:
        fh.write(b"X")
    client.force_login(team.handler)
    response = client.get(reverse("evidence:export", args=[inquiry.pk]))
    assert response.status_code == 409
    assert f"item #{shown.pk}" in response.content.decode()
    assert AuditEntry.objects.filter(action="evidence.integrity_failed").exists()
    assert f"item #{shown.pk}: artefact" in "\n".join(verify_case(inquiry.pk).failures)


def test_a_refused_export_is_not_logged_as_exported(client, case):
    """The issue's failure: a refused export (409) left an ``exported`` custody entry
    although nothing was served. It is logged as the failed check it was, on the item."""
    team, _employee, inquiry, shown, _secret = case
    with open(default_storage.path(shown.file.name), "r+b") as fh:
        fh.write(b"X")
    client.force_login(team.handler)
    response = client.get(reverse("evidence:export", args=[inquiry.pk]))
    assert response.status_code == 409
    actions = list(
        CustodyEntry.objects.filter(inquiry=inquiry).values_list("action", flat=True)
    )
    assert "exported" not in actions
    last = CustodyEntry.objects.filter(inquiry=inquiry).order_by("-seq").first()
    assert (last.action, last.item, last.actor) == ("verified", shown, team.handler)
    assert last.details["ok"] is False
    assert last.details["during"] == "export"
    refused = AuditEntry.objects.get(action="evidence.integrity_failed")
    assert f"#{shown.pk}" in refused.summary
    assert "screenshot" not in refused.summary
    # The log itself still holds; only the changed artefact fails.
    failures = verify_case(inquiry.pk).failures
    assert failures and all(f.startswith(f"item #{shown.pk}:") for f in failures)
