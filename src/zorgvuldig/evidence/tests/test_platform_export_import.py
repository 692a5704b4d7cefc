"""Importing a platform export into a case: only the entries the case uses are kept, with
the export's SHA-256; the employee supplies their own; the facts timeline shows them before
the advice; people not on the case see nothing of it."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.demo import load_demo
from zorgvuldig.evidence import platform_exports
from zorgvuldig.evidence.models import EvidenceItem, TimelineEvent
from zorgvuldig.exports.tests.conftest import zip_folder
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def case():
    team = Team()
    inquiry = build_inquiry(team)
    employee = make_user(Role.EMPLOYEE, team.org, username="jdevries")
    inquiry.persons.update(user=employee)
    return team, employee, inquiry


def _export(folder: str = "facebook-2019") -> SimpleUploadedFile:
    return SimpleUploadedFile("export.zip", zip_folder(folder).getvalue())


def test_only_the_entries_the_case_uses_are_kept(case):
    team, _employee, inquiry = case
    upload = _export()
    supplied = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    done = platform_exports.import_export(
        actor=team.handler,
        inquiry=inquiry,
        upload=upload,
        terms=["Nederland bekent kleur"],
    )
    kinds = sorted(e.kind for e in done.events)
    assert kinds == ["comment", "page_like", "reaction"]
    like = next(e for e in done.events if e.kind == "page_like")
    assert like.when == dt.datetime(2010, 3, 1, 10, 14, tzinfo=dt.UTC)
    assert like.export_sha256 == supplied
    with done.item.file.open("rb") as fh:
        stored = fh.read().decode()
    assert supplied in stored
    assert "Café de Zwaan" not in stored  # not about the case
    assert "PRIVATE MESSAGE" not in stored  # messages never read, never kept
    assert "likes_and_reactions/pages.json#2" in stored  # the unreadable entry is named
    assert AuditEntry.objects.filter(action="evidence.export_imported").count() == 1


def test_the_same_export_supplied_twice_adds_no_entry_twice(case):
    team, employee, inquiry = case
    terms = ["Nederland bekent kleur"]
    platform_exports.import_export(
        actor=team.handler, inquiry=inquiry, upload=_export(), terms=terms
    )
    with pytest.raises(platform_exports.ExportRefused, match="imported into this case"):
        platform_exports.import_export(
            actor=employee, inquiry=inquiry, upload=_export(), terms=terms
        )
    assert TimelineEvent.objects.filter(inquiry=inquiry).count() == 3
    assert EvidenceItem.objects.filter(inquiry=inquiry).count() == 1
    # with a further term, only the entries the case does not hold yet are added
    more = platform_exports.import_export(
        actor=team.handler,
        inquiry=inquiry,
        upload=_export(),
        terms=[*terms, "Café de Zwaan"],
    )
    assert more.events and all("Zwaan" in e.target for e in more.events)
    assert TimelineEvent.objects.filter(inquiry=inquiry).count() == 3 + len(more.events)


def test_an_unreadable_export_imports_nothing(case):
    team, _employee, inquiry = case
    data = zip_folder("facebook-2019").getvalue()
    with pytest.raises(platform_exports.ExportRefused) as refused:
        platform_exports.import_export(
            actor=team.handler,
            inquiry=inquiry,
            upload=SimpleUploadedFile("export.zip", data[:300]),
            terms=["Nederland bekent kleur"],
        )
    assert "truncated" in str(refused.value)
    assert not EvidenceItem.objects.exists()
    assert not TimelineEvent.objects.exists()


def test_the_refusal_is_shown_on_the_case_page_not_a_traceback(client, case):
    team, _employee, inquiry = case
    client.force_login(team.handler)
    response = client.post(
        reverse("evidence:import_export", args=[inquiry.pk]),
        {"file": SimpleUploadedFile("x.zip", b"PK\x03\x04broken"), "terms": "kleur"},
        follow=True,
        **EN,
    )
    assert "could not be read" in response.content.decode()


def test_x_likes_show_time_unknown(client, case):
    team, _employee, inquiry = case
    platform_exports.import_export(
        actor=team.handler,
        inquiry=inquiry,
        upload=_export("x-2023"),
        terms=["steun van de PVV"],
    )
    client.force_login(team.handler)
    page = client.get(
        reverse("inquiries:detail", args=[inquiry.pk]), **EN
    ).content.decode()
    assert "time unknown" in page


def test_the_employee_supplies_their_export_and_sees_what_the_case_holds(client, case):
    _team, employee, inquiry = case
    client.force_login(employee)
    url = reverse("evidence:import_own_export", args=[inquiry.pk])
    client.post(url, {"file": _export(), "terms": "Nederland bekent kleur"})
    page = client.get(
        reverse("inquiries:record_about_me", args=[inquiry.pk]), **EN
    ).content.decode()
    assert "What the case holds of your actions" in page
    assert "likes_and_reactions/pages.json#0" in page
    assert TimelineEvent.objects.filter(added_by=employee).count() == 3
    # stored like any evidence: once by its hash, with a manifest and a custody entry
    from zorgvuldig.evidence.models import CustodyEntry, EvidenceItem, EvidenceKind

    item = EvidenceItem.objects.get(inquiry=inquiry, uploaded_by=employee)
    assert item.kind == EvidenceKind.PLATFORM_EXPORT and item.manifest_sha256
    assert CustodyEntry.objects.filter(item=item, action="created").exists()


def test_no_one_outside_the_case_imports_or_reads(client, case):
    team, _employee, inquiry = case
    platform_exports.import_export(
        actor=team.handler, inquiry=inquiry, upload=_export(), terms=["kleur"]
    )
    outsider = make_user(Role.CASE_HANDLER, team.org, username="outsider")
    other_employee = make_user(Role.EMPLOYEE, team.org, username="other")
    for user in (outsider, other_employee):
        client.force_login(user)
        assert (
            client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code
            == 404
        )
        for name in ("import_export", "import_own_export"):
            response = client.post(
                reverse(f"evidence:{name}", args=[inquiry.pk]),
                {"file": _export(), "terms": "kleur"},
            )
            assert response.status_code == 404
    with pytest.raises(platform_exports.ExportRefused):
        platform_exports.import_export(
            actor=outsider, inquiry=inquiry, upload=_export(), terms=["kleur"]
        )
    assert TimelineEvent.objects.count() == 3


def test_demo_timeline_shows_the_like_two_years_before_the_post_above_the_advice(
    client,
):
    load_demo()
    load_demo()  # idempotent: one import
    inquiry = Inquiry.objects.get()
    assert inquiry.timeline_events.filter(side="employee").count() == 1
    client.force_login(inquiry.assignees.get(role=Role.HR_ADVISOR))
    page = client.get(
        reverse("inquiries:detail", args=[inquiry.pk]), **EN
    ).content.decode()
    assert page.index('id="timeline"') < page.index('id="advice"')
    timeline = page[page.index('id="timeline"') : page.index('id="advice"')]
    assert timeline.index("1 Mar 2010") < timeline.index("20 Jan 2012")
    assert "22 months before the post" in timeline
    assert "the post did not exist yet" in timeline
    assert AuditEntry.objects.filter(action="evidence.target_post_recorded").exists()


def test_the_html_form_is_imported_like_the_json_form_with_the_zone_stated(case):
    """Issue 12, point 4: "the HTML variant too". Before, an HTML export was refused."""
    team, _employee, inquiry = case
    done = platform_exports.import_export(
        actor=team.handler,
        inquiry=inquiry,
        upload=_export("facebook-html-2023"),
        terms=["Nederland bekent kleur"],
    )
    like = next(e for e in done.events if e.kind == "page_like")
    # written as 11:14 Amsterdam time, read in the product's zone: the JSON form's moment
    assert like.when == dt.datetime(2010, 3, 1, 10, 14, tzinfo=dt.UTC)
    assert sorted(e.kind for e in done.events) == [
        "comment",
        "follow",
        "page_like",
        "reaction",
    ]
    with done.item.file.open("rb") as fh:
        stored = fh.read().decode()
    assert "Mar 01, 2010 11:14:00 am" in stored  # the time as the export wrote it
    assert "Europe/Amsterdam" in stored  # and the zone it was read in
    assert "PRIVATE" not in stored
    assert "Europe/Amsterdam" in platform_exports.report(done.reading)
    # the timeline says that the time rests on an assumed zone
    assert like.local_time == "Mar 01, 2010 11:14:00 am"


def test_the_employee_supplies_the_html_form_from_their_page(client, case):
    _team, employee, inquiry = case
    client.force_login(employee)
    response = client.post(
        reverse("evidence:import_own_export", args=[inquiry.pk]),
        {"file": _export("facebook-html-2020"), "terms": "Nederland bekent kleur"},
        follow=True,
        **EN,
    )
    page = response.content.decode()
    assert "without a time zone" in page
    assert "likes_and_reactions/pages.html#0" in page
    assert TimelineEvent.objects.filter(added_by=employee).count() == 2


def test_the_timeline_shows_a_time_read_in_an_assumed_zone_as_written(client, case):
    team, _employee, inquiry = case
    platform_exports.import_export(
        actor=team.handler,
        inquiry=inquiry,
        upload=_export("facebook-html-2023"),
        terms=["Nederland bekent kleur"],
    )
    client.force_login(team.handler)
    page = client.get(
        reverse("inquiries:detail", args=[inquiry.pk]), **EN
    ).content.decode()
    assert "as written: Mar 01, 2010 11:14:00 am (zone assumed)" in page
