"""The inquiry pages: intake with correction, the case page, audit, and the .docx."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from docx import Document

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import AdviceKind, State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.parliament.tests import DATA
from zorgvuldig.parliament.tests.documents import scanned_pdf

from .factories import ANSWERS, Team, build_inquiry, make_org, make_user

pytestmark = pytest.mark.django_db

DEMO_TEXT = (DATA / "kamervragen-2012-ambassador-like.txt").read_text(encoding="utf-8")
EN = {"headers": {"accept-language": "en"}}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)  # a Word 97-2003 header


@pytest.fixture
def team():
    return Team()


def test_pasted_questions_are_shown_for_correction_before_saving(client, team):
    client.force_login(team.handler)
    response = client.post(reverse("inquiries:intake"), {"text": DEMO_TEXT}, **EN)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check what was read" in page
    assert 'name="question_4"' in page
    assert "2012-02-03" in page  # submitted date, editable
    assert "Bakker (PVV)" in page
    assert not Inquiry.objects.exists()  # nothing saved yet


def _confirm_data(team, **changes):
    data = {
        "confirm": "1",
        "kind": "parliamentary_written",
        "subject": "Facebook-like van een ambassadeur",
        "submitted": "2012-02-03",
        "askers": "Bakker (PVV)",
        "persons": "J. de Vries, ambassadeur",
        "question_1": "Kent u het bericht?",
        "assignees": [team.hr.pk, team.legal.pk, team.approver.pk],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"assignees": [None]}, "Choose at least one of each"),
        ({"assignees": None}, "This field is required"),
        ({"persons": ""}, "Name the employee(s) concerned"),
        ({"number": 'x"\ny'}, "Expected a number like 2012Z03360"),
        ({"question_1": None, "question_\u00b2": "?"}, "no questions"),
        ({"question_99999999999999999999": "?"}, None),
    ],
)
def test_confirm_form_errors_name_the_field_and_save_nothing(
    client, team, changes, message
):
    if changes.get("assignees") == [None]:
        changes["assignees"] = [team.hr.pk]
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"), _confirm_data(team, **changes), **EN
    )
    assert response.status_code in (200, 302)
    if message:
        assert message in response.content.decode()
        assert not Inquiry.objects.exists()
    else:  # an absurd question number is ignored, the real question kept
        assert Inquiry.objects.get().questions.count() == 1


def test_an_inquiry_about_no_person_needs_the_box_ticked(client, team):
    client.force_login(team.handler)
    client.post(
        reverse("inquiries:intake"),
        _confirm_data(team, persons="", no_person="on"),
        **EN,
    )
    assert not Inquiry.objects.get().concerns_person


def test_confirming_saves_the_corrected_inquiry_with_its_deadline(client, team):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"),
        {
            "assignees": [team.hr.pk, team.legal.pk, team.approver.pk],
            "confirm": "1",
            "kind": "parliamentary_written",
            "subject": "Facebook-like van een ambassadeur",
            "submitted": "2012-02-03",
            "askers": "Bakker (PVV)\nSmit (PVV)",
            "persons": "J. de Vries, ambassadeur",
            "question_1": "Kent u het bericht?",
            "question_2": "Is het waar? (gecorrigeerd)",
            "source_text": DEMO_TEXT,
        },
    )
    inquiry = Inquiry.objects.get()
    assert response["Location"] == reverse("inquiries:detail", args=[inquiry.pk])
    assert str(inquiry.deadline) == "2012-02-24"
    assert inquiry.askers == [
        {"name": "Bakker", "party": "PVV"},
        {"name": "Smit", "party": "PVV"},
    ]
    assert [q.text for q in inquiry.questions.all()][1] == "Is het waar? (gecorrigeerd)"
    assert inquiry.persons.get().name == "J. de Vries"
    assert inquiry.is_assigned(team.handler)
    assert inquiry.is_assigned(team.legal)
    assert not inquiry.is_assigned(team.comms)


def test_uploaded_text_file_is_read(client, team):
    client.force_login(team.handler)
    upload = SimpleUploadedFile("vragen.txt", DEMO_TEXT.encode("utf-8"))
    response = client.post(reverse("inquiries:intake"), {"file": upload}, **EN)
    assert 'name="question_4"' in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "Dit is geen vraag. Ook dit niet."}, "question"),
        ({"text": "   "}, "Paste the text"),
        # (\xff\xfe would now be a UTF-16 byte-order mark: this is binary in any encoding)
        ({"file": SimpleUploadedFile("x.bin", b"\x00\x81\x00\x00binary")}, "UTF-8"),
        (
            {"file": SimpleUploadedFile("scan.pdf", scanned_pdf())},
            "No text in this PDF",
        ),
        ({"file": SimpleUploadedFile("x.doc", OLE)}, "save it as .docx"),
    ],
)
def test_unreadable_input_gets_a_message_and_keeps_the_text(
    client, team, data, message
):
    client.force_login(team.handler)
    response = client.post(reverse("inquiries:intake"), data, **EN)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    if data.get("text", "").strip():
        assert data["text"] in page  # what was pasted is still there
    if "file" in data:
        assert 'name="text"' in page  # the form is shown again to paste into
    assert not Inquiry.objects.exists()


def test_only_case_handlers_register(client, team):
    client.force_login(team.hr)
    response = client.post(reverse("inquiries:intake"), {"text": DEMO_TEXT})
    assert response.status_code == 302
    assert not Inquiry.objects.exists()


def test_changes_to_advice_measure_and_answer_are_audited_and_shown(client, team):
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    services.record_advice(
        actor=team.legal,
        inquiry=inquiry,
        kind=AdviceKind.LEGAL,
        text="Herzien advies.",
        reason="Nieuwe feiten",
    )
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    for action in (
        "inquiry.registered",
        "facts.recorded",
        "hearing.recorded",
        "advice.recorded",
        "measure.recorded",
        "answer.changed",
        "transition.draft_answer",
    ):
        assert action in actions
    revised = AuditEntry.objects.filter(action="advice.recorded").first()
    assert revised.actor == team.legal
    assert revised.reason == "Nieuwe feiten"
    assert revised.changes["text"][1] == "Herzien advies."
    client.force_login(team.handler)
    page = client.get(
        reverse("inquiries:detail", args=[inquiry.pk]), **EN
    ).content.decode()
    assert "Nieuwe feiten" in page
    assert "advice.recorded" in page


def test_a_refused_step_shows_what_is_missing_and_keeps_the_state(client, team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:transition", args=[inquiry.pk, "complete_advice"]),
        {"reason": ""},
        follow=True,
        **EN,
    )
    page = response.content.decode()
    assert "HR advice is required." in page
    assert "Legal advice is required." in page
    assert Inquiry.objects.get(pk=inquiry.pk).state == State.FACTS_ESTABLISHED


def test_invalid_hearing_form_keeps_the_input(client, team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED, hearing=False)
    client.force_login(team.hr)
    response = client.post(
        reverse("inquiries:hearing", args=[inquiry.pk]),
        {"held_on": "gisteren", "present": "ambassadeur", "account": "Mijn verhaal."},
        **EN,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mijn verhaal." in page
    assert "Enter a valid date." in page


def test_docx_download_has_the_vraag_antwoord_layout(client, team):
    inquiry = build_inquiry(team, State.APPROVED)
    client.force_login(team.approver)
    response = client.get(reverse("inquiries:answer_docx", args=[inquiry.pk]))
    assert response.status_code == 200
    paragraphs = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert paragraphs.index("Vraag 2") < paragraphs.index("Antwoord 2")
    assert ANSWERS[2] in paragraphs


def test_docx_is_refused_before_approval(client, team):
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    client.force_login(team.handler)
    response = client.get(reverse("inquiries:answer_docx", args=[inquiry.pk]))
    assert response.status_code == 302


def test_a_refused_answer_keeps_what_was_typed(client, team):
    inquiry = build_inquiry(team, State.APPROVED)  # answers can no longer change
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:answers", args=[inquiry.pk]),
        {"answer_1": "Een nieuw antwoord dat niet verloren mag gaan."},
        **EN,
    )
    page = response.content.decode()
    assert "not possible in state" in page
    assert "Een nieuw antwoord dat niet verloren mag gaan." in page


def test_the_case_handler_adds_people_to_the_case(client, team):
    inquiry = build_inquiry(team, State.REGISTERED)
    newcomer = make_user("legal_advisor", team.org)
    client.force_login(team.handler)
    client.post(
        reverse("inquiries:assign", args=[inquiry.pk]), {"users": [newcomer.pk]}
    )
    assert Inquiry.objects.get(pk=inquiry.pk).is_assigned(newcomer)
    assert AuditEntry.objects.filter(action="case.assigned").exists()


def test_people_of_another_organisation_cannot_be_added(team):
    inquiry = build_inquiry(team, State.REGISTERED)
    stranger = make_user("hr_advisor", make_org("Ministerie van Defensie"))
    with pytest.raises(services.ProcedureError):
        services.assign_to_case(actor=team.handler, inquiry=inquiry, users=[stranger])


def test_the_why_of_an_answer_change_is_recorded(client, team):
    inquiry = build_inquiry(team, State.MEASURE_DECIDED)
    client.force_login(team.handler)
    client.post(
        reverse("inquiries:answers", args=[inquiry.pk]),
        {
            "answer_1": "Ja.",
            "answer_2": "Nee.",
            "reason": "Feiten gecorrigeerd door HR",
        },
    )
    entry = AuditEntry.objects.filter(action="answer.changed").first()
    assert entry.reason == "Feiten gecorrigeerd door HR"
    assert entry.actor == team.handler
    assert entry.changes["answer 2"][1] == "Nee."


def test_the_case_page_shows_milestones_and_overdue_steps(client, team):
    inquiry = build_inquiry(
        team, State.FACTS_ESTABLISHED
    )  # registered today, due in 2012
    client.force_login(team.handler)
    page = client.get(
        reverse("inquiries:detail", args=[inquiry.pk]), **EN
    ).content.decode()
    assert "Deadlines" in page
    assert "milestone-overdue" in page  # the 2012 answer deadline has long passed
    assert "milestone-done" in page  # facts established today, within its term


def test_postponement_from_the_case_page(client, team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:postpone", args=[inquiry.pk]),
        {"reason": "Het HR-advies vraagt meer tijd.", "sent_on": "2012-02-20"},
        follow=True,
        **EN,
    )
    assert "Postponement notice sent on" in response.content.decode()
    assert str(Inquiry.objects.get(pk=inquiry.pk).deadline) == "2012-03-16"
    notice = client.get(reverse("inquiries:postponement_docx", args=[inquiry.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(notice.content)).paragraphs)
    assert "Het HR-advies vraagt meer tijd." in text
    assert "16-03-2012" in text


def test_intake_with_a_tweede_kamer_record_takes_its_number_and_dates(client, team):
    record = (DATA / "tk-zaak-2012Z02001.json").read_bytes()
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"),
        {"text": DEMO_TEXT, "zaak": SimpleUploadedFile("zaak.json", record)},
        **EN,
    )
    page = response.content.decode()
    assert 'value="2012Z02001"' in page
    assert "postponement notice" in page
    assert 'name="question_4"' in page


def test_an_unreadable_record_is_named(client, team):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"),
        {"text": DEMO_TEXT, "zaak": SimpleUploadedFile("zaak.json", b'{"Soort": "x"}')},
        **EN,
    )
    assert "The record cannot be read: Nummer" in response.content.decode()


@pytest.mark.parametrize(
    "settings_value",
    [
        ["not", "an", "object"],
        {"approval_layers": "director"},
        {"milestones": {"facts": "x"}},
    ],
)
def test_settings_mistakes_do_not_take_the_case_page_down(client, team, settings_value):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    team.org.procedure_settings = settings_value
    team.org.country = "nl"
    team.org.save()
    client.force_login(team.handler)
    assert client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code == 200


def test_absurd_dates_are_refused_not_a_crash(client, team):
    client.force_login(team.handler)
    text = DEMO_TEXT.replace("3 februari 2012", "30 december 9999")
    response = client.post(reverse("inquiries:intake"), {"text": text}, **EN)
    assert response.status_code == 200
    confirm = client.post(
        reverse("inquiries:intake"), _confirm_data(team, submitted="9999-12-30"), **EN
    )
    assert "The submission date lies in the future" in confirm.content.decode()
    confirm = client.post(
        reverse("inquiries:intake"), _confirm_data(team, submitted="1500-01-01"), **EN
    )
    assert "between 1800 and 2200" in confirm.content.decode()


def test_a_refused_measure_opens_its_section_with_the_reason(client, team):
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE, hearing=False)
    client.force_login(team.hr)
    response = client.post(
        reverse("inquiries:measure", args=[inquiry.pk]),
        {"category": "punishment", "term": "schriftelijke berisping"},
        **EN,
    )
    page = response.content.decode()
    assert "<details open><summary>Record the measure" in page
    assert page.count("can only be decided after the employee") >= 2  # top and form


def test_the_language_switch_on_a_refused_form_returns_to_the_case(client, team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED, hearing=False)
    client.force_login(team.hr)
    page = client.post(
        reverse("inquiries:hearing", args=[inquiry.pk]),
        {"held_on": "2030-01-01", "present": "x", "account": "y"},
        **EN,
    ).content.decode()
    case_url = reverse("inquiries:detail", args=[inquiry.pk])
    assert f'name="next" type="hidden" value="{case_url}"' in page


def test_a_postponement_notice_cannot_be_dated_in_the_future(team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    with pytest.raises(services.ProcedureError):
        services.postpone_answer(
            actor=team.handler, inquiry=inquiry, reason="x", sent_on=dt.date(2099, 1, 1)
        )


@pytest.mark.parametrize("role", ["employee", "works_council"])
def test_people_never_assigned_to_cases_get_no_case_controls(client, team, role):
    client.force_login(make_user(role, team.org))
    page = client.get(reverse("inquiries:list"), **EN).content.decode()
    assert "Export as CSV" not in page
    assert 'class="filters"' not in page
    assert "Nothing has been recorded about you." in page
    client.force_login(team.handler)
    page = client.get(reverse("inquiries:list"), **EN).content.decode()
    assert "Export as CSV" in page


@pytest.mark.django_db(transaction=True)
def test_adding_people_runs_in_its_own_transaction(client):
    """Outside a test's wrapping transaction, the row lock of the service needs its own
    (PostgreSQL refuses SELECT ... FOR UPDATE in autocommit)."""
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    newcomer = make_user("legal_advisor", team.org)
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:assign", args=[inquiry.pk]), {"users": [newcomer.pk]}
    )
    assert response.status_code == 302
    assert inquiry.assignees.filter(pk=newcomer.pk).exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "No questions found."), ("nl", "Geen vragen gevonden.")],
)
def test_a_text_without_questions_is_explained_in_the_page_language(
    client, team, language, expected
):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"),
        {"text": "Een brief zonder vraagteken"},
        headers={"accept-language": language},
    )
    assert expected in response.content.decode()
