"""Evidence's audit entries: shown in the reader's language, with whom a delegate acted for,
and a label for every action the services write."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from zorgvuldig.core.audit import action_label
from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.core.services import delegate_role
from zorgvuldig.evidence import services
from zorgvuldig.evidence.audit_labels import ACTIONS
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team)


def _upload(actor, inquiry, name="like.txt", **fields):
    return services.add_evidence(
        actor=actor,
        inquiry=inquiry,
        upload=SimpleUploadedFile(name, b"Screenshot of the liked page"),
        **fields,
    )


def _shown(entry: AuditEntry, language: str) -> tuple[str, str]:
    entry = AuditEntry.objects.get(pk=entry.pk)
    with translation.override(language):
        return entry.action_label, entry.summary_text


@pytest.mark.parametrize("written", ["nl", "en"])
def test_a_confidential_item_is_named_by_its_level_in_the_readers_language(
    case, written
):
    team, inquiry = case
    with translation.override(written):
        item = _upload(
            team.handler,
            inquiry,
            "rapport.pdf",
            confidentiality=Confidentiality.VERTROUWELIJK,
        )
    entry = AuditEntry.objects.get(action="evidence.added")
    assert _shown(entry, "en") == (
        "Evidence added",
        f"#{item.pk} (Confidential) sha256:{item.sha256}",
    )
    assert _shown(entry, "nl") == (
        "Bewijsmateriaal toegevoegd",
        f"#{item.pk} (Vertrouwelijk) sha256:{item.sha256}",
    )
    assert "rapport.pdf" not in entry.summary


def test_a_download_reads_in_dutch_and_english(client, case):
    team, inquiry = case
    item = _upload(team.handler, inquiry)
    client.force_login(team.hr)
    client.get(reverse("evidence:download", args=[inquiry.pk, item.pk]))
    entry = AuditEntry.objects.get(action="evidence.downloaded")
    assert _shown(entry, "en") == (
        "Evidence downloaded (integrity verified)",
        f"#{item.pk} (Case-confidential): sha256 {item.sha256} verified",
    )
    assert _shown(entry, "nl") == (
        "Bewijsmateriaal gedownload (integriteit gecontroleerd)",
        f"#{item.pk} (Zaakvertrouwelijk): sha256 {item.sha256} gecontroleerd",
    )


def test_a_failed_check_reads_in_dutch_and_english(client, case):
    team, inquiry = case
    item = _upload(team.handler, inquiry)
    item.file.delete(save=False)
    client.force_login(team.hr)
    client.get(reverse("evidence:download", args=[inquiry.pk, item.pk]))
    entry = AuditEntry.objects.get(action="evidence.integrity_failed")
    assert _shown(entry, "en")[1] == (
        f"#{item.pk} (Case-confidential): expected sha256 {item.sha256}, found no file; "
        "not served"
    )
    assert _shown(entry, "nl")[1] == (
        f"#{item.pk} (Zaakvertrouwelijk): sha256 {item.sha256} verwacht, bestand "
        "ontbreekt; niet getoond"
    )


def test_a_delegate_uploads_and_downloads_on_behalf_of_the_delegator(client, case):
    team, inquiry = case
    deputy = make_user(Role.COMMUNICATIONS, team.org)  # not assigned to the case
    today = timezone.localdate()
    delegate_role(
        actor=team.handler,
        from_user=team.handler,
        to_user=deputy,
        starts=today,
        ends=today + dt.timedelta(days=3),
    )
    item = _upload(User.objects.get(pk=deputy.pk), inquiry)
    client.force_login(deputy)
    client.get(reverse("evidence:download", args=[inquiry.pk, item.pk]))
    entries = AuditEntry.objects.filter(action__startswith="evidence.")
    assert sorted((e.action, e.actor, e.on_behalf_of) for e in entries) == [
        ("evidence.added", deputy, team.handler),
        ("evidence.downloaded", deputy, team.handler),
    ]


def test_one_in_their_own_right_acts_on_behalf_of_no_one(case):
    team, inquiry = case
    _upload(team.hr, inquiry)
    assert AuditEntry.objects.get(action="evidence.added").on_behalf_of is None


def test_every_action_of_evidence_has_a_label(client, case):
    team, inquiry = case
    item = _upload(team.handler, inquiry)
    client.force_login(team.handler)
    url = reverse("evidence:download", args=[inquiry.pk, item.pk])
    client.get(url)
    client.get(reverse("evidence:item", args=[inquiry.pk, item.pk]))
    client.get(reverse("evidence:export", args=[inquiry.pk]))
    item.file.delete(save=False)
    client.get(url)
    written = set(
        AuditEntry.objects.filter(action__startswith="evidence.").values_list(
            "action", flat=True
        )
    )
    # The export actions are written by their own tests (test_platform_export_import), the
    # URL captures' by test_capture_jobs.py, the facts page's by test_fact_finding.py.
    assert written == {a for a in ACTIONS if ".capture_" not in a} - {
        "evidence.export_imported",
        "evidence.target_post_recorded",
        "evidence.seen_recorded",
        "evidence.fact_answered",
        "evidence.timestamps_requested",  # test_timestamping.py
    }
    assert [a for a in sorted(written) if not action_label(a)] == []
