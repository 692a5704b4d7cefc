"""No lost update (issue 11, "Lost work"): two people who loaded the same case page and
save different texts no longer overwrite each other; advice written on a page opened
before the facts changed is outdated; a measure's term must fit its category.

Each test starts from the failure as the issue measured it (two clients that load the
page, then save one after the other) and would pass the second save without the version
check.
"""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

import pytest

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import AdviceKind, MeasureCategory, State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.procedure import guards
from zorgvuldig.inquiries.queries import with_case_relations

from .factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}


def _load(inquiry: Inquiry) -> Inquiry:
    return with_case_relations(Inquiry.objects).get(pk=inquiry.pk)


def _version(page: str, field_id: str) -> str:
    """The ``loaded_version`` of the form holding the field with id ``field_id``."""
    start = page.index(f'id="{field_id}"')
    form_start = page.rindex("<form", 0, start)
    form_end = page.index("</form>", start)
    found = re.search(
        r'name="loaded_version" value="([0-9a-f]+)"', page[form_start:form_end]
    )
    assert found, f"no loaded_version in the form of {field_id}"
    return found.group(1)


def _page(client, inquiry: Inquiry) -> str:
    response = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def two_handlers(client):
    """A registered case worked on by two case handlers, each in a browser of their own."""
    from django.test import Client

    team = Team()
    inquiry = build_inquiry(team, State.REGISTERED)
    second = make_user("case_handler", team.org, username="tweede")
    inquiry.assignees.add(second)
    other = Client()
    client.force_login(team.handler)
    other.force_login(second)
    return team, inquiry, client, other, second


def test_the_second_save_of_the_facts_is_refused_and_keeps_its_text(two_handlers):
    team, inquiry, first, second, _second_user = two_handlers
    page_a, page_b = _page(first, inquiry), _page(second, inquiry)
    url = reverse("inquiries:facts", args=[inquiry.pk])
    saved = first.post(
        url,
        {
            "facts": "De like dateert van maart 2010.",
            "loaded_version": _version(page_a, "id_facts"),
        },
    )
    assert saved.status_code == 302
    refused = second.post(
        url,
        {
            "facts": "De like dateert van juni 2011, op de pagina van de partij.",
            "loaded_version": _version(page_b, "id_facts"),
        },
        **EN,
    )
    text = refused.content.decode()
    assert refused.status_code == 200
    assert "Not saved: the established facts changed after you opened this page" in text
    # Who and when, and the diff: the saved words against the second person's words.
    assert "Saved by" in text and team.handler.get_full_name() in text
    assert "<del>maart 2010.</del>" in text
    assert "<ins>juni 2011, op de pagina van de partij.</ins>" in text
    # The second person's text is kept in the form, and nothing was overwritten.
    assert "De like dateert van juni 2011, op de pagina van de partij." in text
    assert _load(inquiry).facts == "De like dateert van maart 2010."
    # The page shown again carries the saved version: the merged text saves.
    merged = second.post(
        url,
        {
            "facts": "De like dateert van maart 2010 (en juni 2011).",
            "loaded_version": _version(text, "id_facts"),
        },
    )
    assert merged.status_code == 302
    assert _load(inquiry).facts == "De like dateert van maart 2010 (en juni 2011)."


def test_a_stale_resubmit_of_the_same_text_is_refused_without_a_diff(two_handlers):
    _team, inquiry, first, _second, _user = two_handlers
    page = _page(first, inquiry)
    version = _version(page, "id_facts")
    url = reverse("inquiries:facts", args=[inquiry.pk])
    assert first.post(url, {"facts": "Feit.", "loaded_version": version}).status_code
    # The same tab saves twice (back button): its version is stale, its text is not
    # different from what is saved, but the first save changed the facts, so refused.
    again = first.post(url, {"facts": "Feit.", "loaded_version": version}, **EN)
    assert again.status_code == 200
    assert "Your text is the same as the saved one" in again.content.decode()


def test_the_second_save_of_the_answers_is_refused_and_keeps_its_text(two_handlers):
    team, inquiry, first, second, _user = two_handlers
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE, person=False)
    inquiry.assignees.add(_user)
    page_a, page_b = _page(first, inquiry), _page(second, inquiry)
    url = reverse("inquiries:answers", args=[inquiry.pk])
    version_a = _version(page_a, "id_answer_1")
    version_b = _version(page_b, "id_answer_1")
    assert version_a == version_b
    assert (
        first.post(
            url,
            {"answer_1": "Ja.", "answer_2": "Nee.", "loaded_version": version_a},
        ).status_code
        == 302
    )
    refused = second.post(
        url,
        {
            "answer_1": "Ja, sinds 2010.",
            "answer_2": "Nee.",
            "loaded_version": version_b,
        },
        **EN,
    )
    text = refused.content.decode()
    assert refused.status_code == 200
    assert "Not saved: the answer changed after you opened this page" in text
    assert "Ja, sinds 2010." in text
    assert _load(inquiry).questions.get(number=1).answer == "Ja."


def test_the_second_advice_save_is_refused(client):
    """Two tabs of the HR advisor: the advice saved in one is not overwritten from the
    other."""
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.hr)
    page = _page(client, inquiry)
    version = _version(page, "id_hr_text")
    url = reverse("inquiries:advice", args=[inquiry.pk])
    record = inquiry.record_version
    post = {"kind": "hr", "on_record_version": record, "loaded_version": version}
    assert client.post(url, {**post, "text": "Gesprek volstaat."}).status_code == 302
    refused = client.post(url, {**post, "text": "Een berisping."}, **EN)
    assert refused.status_code == 200
    assert "Not saved: the HR advice changed" in refused.content.decode()
    assert _load(inquiry).advice_of(AdviceKind.HR).text == "Gesprek volstaat."


def test_advice_from_a_page_opened_before_the_facts_changed_is_outdated(client):
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.hr)
    page = _page(client, inquiry)  # HR opens the page ...
    services.revise_facts(  # ... the case handler revises the facts ...
        actor=team.handler,
        inquiry=inquiry,
        facts="De like dateert van juni 2011.",
        reason="Export ontvangen",
    )
    record = re.search(r'name="on_record_version" value="(\d+)" id="id_hr_', page)
    assert record
    saved = client.post(  # ... and HR saves the advice written on the old facts.
        reverse("inquiries:advice", args=[inquiry.pk]),
        {
            "kind": "hr",
            "text": "Gesprek volstaat.",
            "on_record_version": record.group(1),
            "loaded_version": _version(page, "id_hr_text"),
        },
        **EN,
    )
    assert saved.status_code == 302
    inquiry = _load(inquiry)
    advice = inquiry.advice_of(AdviceKind.HR)
    assert advice.on_record_version < inquiry.record_version
    assert not guards.has_hr_advice(inquiry)
    assert not guards.advice_current(inquiry)
    shown = client.get(saved.url, **EN).content.decode()
    assert "the facts or the hearing changed after you opened the page" in shown
    assert "Outdated: given before the facts or the hearing changed." in shown


def test_record_advice_without_a_version_keeps_counting_as_current():
    """Callers that pass no version (CLI, demo, other apps) get the current one."""
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    services.record_advice(actor=team.hr, inquiry=inquiry, kind="hr", text="Gesprek.")
    assert guards.has_hr_advice(_load(inquiry))


@pytest.fixture
def advised():
    team = Team()
    return team, build_inquiry(team, State.ADVICE_COMPLETE, hearing=False)


def test_a_term_that_reads_as_another_category_is_refused(advised):
    team, inquiry = advised
    with pytest.raises(services.ProcedureError) as err:
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            category=MeasureCategory.INFORMAL,
            term="schriftelijke berisping",
        )
    assert "reads as Disciplinary punishment" in err.value.messages[0]
    assert not _load(inquiry).measures.exists()


def test_a_contradiction_with_a_reason_is_audited_but_waits_for_the_hearing(advised):
    team, inquiry = advised
    # No hearing yet: the term is a punishment, whatever the category says.
    with pytest.raises(services.ProcedureError) as err:
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            category=MeasureCategory.INFORMAL,
            term="schriftelijke berisping",
            term_mismatch_reason="Zo heet het gesprek in onze regeling.",
        )
    assert "after the employee's hearing" in err.value.messages[0]
    services.record_hearing(
        actor=team.hr,
        inquiry=inquiry,
        held_on=dt.date(2012, 2, 6),
        present="HR",
        account="Verklaring.",
    )
    measure = services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        category=MeasureCategory.INFORMAL,
        term="schriftelijke berisping",
        term_mismatch_reason="Zo heet het gesprek in onze regeling.",
        decided_on=dt.date(2012, 2, 7),
    )
    assert measure.term_mismatch_reason == "Zo heet het gesprek in onze regeling."
    entry = AuditEntry.objects.filter(action="measure.recorded").first()
    assert entry.changes["term_mismatch_reason"][1] == measure.term_mismatch_reason


def test_the_guard_reads_the_term_of_a_measure_stored_before_the_check(advised):
    """A contradiction already in the database (from before this check) does not let a
    punishment through before the hearing: the guard reads the term too."""
    team, inquiry = advised
    person = inquiry.persons.get()
    inquiry.measures.create(
        person=person,
        category=MeasureCategory.INFORMAL,
        term="schriftelijke berisping",
        recorded_by=team.hr,
    )
    assert not guards.punishment_after_hearing(_load(inquiry))


def test_a_fitting_term_needs_no_reason_and_drops_one(advised):
    team, inquiry = advised
    measure = services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        category=MeasureCategory.INFORMAL,
        term="aangesproken",
        term_mismatch_reason="overbodig",
    )
    assert measure.term_mismatch_reason == ""


def test_the_measure_form_shows_the_refusal_and_keeps_the_input(client, advised):
    team, inquiry = advised
    client.force_login(team.hr)
    person = inquiry.persons.get()
    response = client.post(
        reverse("inquiries:measure", args=[inquiry.pk]),
        {
            "person": person.pk,
            "category": MeasureCategory.INFORMAL,
            "term": "schriftelijke berisping",
        },
        **EN,
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "reads as Disciplinary punishment" in text
    assert 'value="schriftelijke berisping"' in text
