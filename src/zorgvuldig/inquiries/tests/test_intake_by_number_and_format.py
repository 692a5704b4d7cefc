"""Intake from a Kamer number, a PDF or a .docx, and no duplicate cases (issue 10).

The open-data API is a local stand-in serving constructed responses
(``parliament/tests/opendata_server.py``); no test reaches the network.
"""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.parliament.tests import DATA
from zorgvuldig.parliament.tests.documents import docx_with_paragraphs, pdf_with_text
from zorgvuldig.parliament.tests.opendata_server import serve_opendata

from .factories import Team, make_org, make_user

pytestmark = pytest.mark.django_db

EN = {"headers": {"accept-language": "en"}}
DEMO = (DATA / "kamervragen-2012-ambassador-like.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p for p in DEMO.split("\n\n") if p.strip()]


@pytest.fixture
def team():
    return Team()


@pytest.fixture
def opendata():
    with (
        serve_opendata() as (base, seen),
        override_settings(ZORGVULDIG_TK_OPENDATA_URL=base),
    ):
        yield seen


def _confirm_from(page: str, team: Team) -> dict:
    """The confirmation form's fields as the page filled them, plus the team."""
    fields = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
    )
    fields.update(
        {
            name: value
            for name, value in re.findall(
                r'<textarea name="(question_\d+|askers|addressees)"[^>]*>\s*([^<]*)<',
                page,
            )
        }
    )
    subject = re.search(r'name="subject" value="([^"]*)"', page)
    number = re.search(r'name="number" value="([^"]*)"', page)
    submitted = re.search(r'name="submitted" value="([^"]*)"', page)
    fields.update(
        {
            "confirm": "1",
            "kind": "parliamentary_written",
            "subject": subject.group(1) if subject else "Onderwerp",
            "number": number.group(1) if number else "",
            "submitted": submitted.group(1) if submitted else "",
            "no_person": "on",
            "assignees": [team.hr.pk, team.legal.pk, team.approver.pk],
        }
    )
    return fields


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("vragen.pdf", pdf_with_text([[p, ""] for p in PARAGRAPHS])),
        ("vragen.docx", docx_with_paragraphs(PARAGRAPHS)),
        ("vragen.txt", DEMO.encode("utf-16")),
        ("vragen.txt", DEMO.encode("cp1252")),
    ],
)
def test_uploaded_document_is_read_for_correction(client, team, name, data):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"), {"file": SimpleUploadedFile(name, data)}, **EN
    )
    page = response.content.decode()
    assert "Check what was read" in page
    assert 'name="question_4"' in page
    assert "Bakker (PVV)" in page


def test_kamer_number_fetches_the_zaak_and_its_questions(client, team, opendata):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021z06403"}, **EN
    )
    page = response.content.decode()
    assert 'value="2021Z06403"' in page
    assert "R.M. Leijten (SP)" in page
    assert 'name="question_2"' in page
    assert 'value="2021-04-19"' in page
    assert any("Document(" in r for r in opendata)


def test_kamer_number_with_pasted_text_takes_the_questions_from_the_text(
    client, team, opendata
):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021Z06403", "text": DEMO}, **EN
    )
    page = response.content.decode()
    assert 'name="question_4"' in page  # the pasted text has four questions
    assert "R.M. Leijten (SP)" in page  # the askers are the record's
    assert not any("Document(" in r for r in opendata)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("2020Z00001", "knows no Zaak with number 2020Z00001"),
        ("2021Z0640", "Expected a Kamer number like 2021Z06403"),
    ],
)
def test_bad_or_unknown_number_is_named(client, team, opendata, number, message):
    client.force_login(team.handler)
    response = client.post(reverse("inquiries:intake"), {"kamer_number": number}, **EN)
    assert message in response.content.decode()


def test_unreachable_api_says_paste_instead(client, team):
    client.force_login(team.handler)  # the test settings point at a closed port
    response = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021Z06403"}, **EN
    )
    assert "cannot be reached now; paste or upload" in response.content.decode()


def _register(client, team, opendata_page: str) -> None:
    response = client.post(
        reverse("inquiries:intake"), _confirm_from(opendata_page, team), **EN
    )
    assert response.status_code == 302, response.content.decode()[-2000:]


def test_second_registration_of_a_number_shows_the_existing_case(
    client, team, opendata
):
    client.force_login(team.handler)
    first = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021Z06403"}, **EN
    )
    _register(client, team, first.content.decode())
    inquiry = Inquiry.objects.get()
    again = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021Z06403"}, **EN
    )
    page = again.content.decode()
    assert "Inquiry 2021Z06403 is already registered" in page
    assert reverse("inquiries:detail", args=[inquiry.pk]) in page
    assert inquiry.subject in page
    assert Inquiry.objects.count() == 1


def test_a_colleague_not_on_the_case_learns_only_that_it_exists(client, team, opendata):
    client.force_login(team.handler)
    first = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021Z06403"}, **EN
    )
    _register(client, team, first.content.decode())
    inquiry = Inquiry.objects.get()
    colleague = make_user(Role.CASE_HANDLER, team.org)
    client.force_login(colleague)
    again = client.post(reverse("inquiries:intake"), {"text": DEMO.replace(
        "Vragen van", "2021Z06403\n\nVragen van")}, **EN)  # fmt: skip
    page = again.content.decode()
    assert (
        "already registered in your organisation, in a case you are not assigned"
        in page
    )
    assert reverse("inquiries:detail", args=[inquiry.pk]) not in page
    assert inquiry.subject not in page
    assert Inquiry.objects.count() == 1


def test_the_same_form_submitted_twice_registers_once(client, team, opendata):
    client.force_login(team.handler)
    first = client.post(
        reverse("inquiries:intake"), {"kamer_number": "2021Z06403"}, **EN
    )
    data = _confirm_from(first.content.decode(), team)
    assert data["intake_token"]
    one = client.post(reverse("inquiries:intake"), data, **EN)
    two = client.post(reverse("inquiries:intake"), data, **EN)  # back button, again
    inquiry = Inquiry.objects.get()
    assert (
        one["Location"]
        == two["Location"]
        == reverse("inquiries:detail", args=[inquiry.pk])
    )
    follow = client.get(two["Location"], **EN)
    assert "already submitted" in follow.content.decode()


def test_the_same_form_without_a_number_also_registers_once(client, team):
    client.force_login(team.handler)
    first = client.post(reverse("inquiries:intake"), {"text": DEMO}, **EN)
    data = _confirm_from(first.content.decode(), team)
    for _ in range(3):
        client.post(reverse("inquiries:intake"), data, **EN)
    assert Inquiry.objects.count() == 1


def test_the_service_refuses_a_number_the_organisation_has(team):
    def register(token: str):
        return services.register_inquiry(
            actor=team.handler,
            organisation=team.org,
            kind="parliamentary_written",
            subject="x",
            number="2021z06403 ",
            questions=[{"number": 1, "text": "Waarom?"}],
            intake_token=token,
        )

    register("a")
    with pytest.raises(services.DuplicateInquiryError) as exc:
        register("b")
    assert exc.value.existing.number == "2021Z06403"
    with pytest.raises(services.AlreadyRegisteredError):
        register("a")
    other = Team(
        make_org("Ministerie van Defensie")
    )  # another organisation registers its own case for the same questions
    services.register_inquiry(
        actor=other.handler,
        organisation=other.org,
        kind="parliamentary_written",
        subject="x",
        number="2021Z06403",
        questions=[{"number": 1, "text": "Waarom?"}],
    )
    assert Inquiry.objects.filter(number="2021Z06403").count() == 2


def test_invisible_and_control_characters_never_reach_the_case(team):
    inquiry = services.register_inquiry(
        actor=team.handler,
        organisation=team.org,
        kind="parliamentary_written",
        subject="Uitingen\x0b van\u200b een\u202e ambtenaar",
        askers=[{"name": "Bak\u200bker\u2066", "party": "PVV\x00"}],
        addressees=["minister\u200f van BZ"],
        persons=[{"name": "J. de\u200b Vries", "function": "ambassadeur\x0b"}],
        questions=[{"number": 1, "text": "Kent u\u200b het\x0b bericht?\u202c"}],
    )
    assert inquiry.subject == "Uitingen van een ambtenaar"
    assert inquiry.askers == [{"name": "Bakker", "party": "PVV"}]
    assert inquiry.addressees == ["minister van BZ"]
    assert inquiry.persons.get().name == "J. de Vries"
    assert inquiry.questions.get().text == "Kent u het\n bericht?"


def test_the_same_text_read_again_by_the_same_person_gets_the_same_key():
    # Case pages are not cached (no-store): the back button reads the text again, and the
    # confirmation that follows must be recognised as the one already submitted.
    from zorgvuldig.inquiries.forms import ConfirmInquiryForm

    parsed = {"kind": "parliamentary_written", "questions": []}
    key = ConfirmInquiryForm.initial_from(parsed, "Vraag 1 Kent u?", 7)["intake_token"]
    assert (
        key
        == ConfirmInquiryForm.initial_from(parsed, "Vraag 1 Kent u?", 7)["intake_token"]
    )
    assert (
        key
        != ConfirmInquiryForm.initial_from(parsed, "Vraag 1 Kent u?", 8)["intake_token"]
    )
    assert (
        key
        != ConfirmInquiryForm.initial_from(parsed, "Vraag 1 Kent u niet?", 7)[
            "intake_token"
        ]
    )


def test_a_question_document_longer_than_an_inquiry_is_refused(client, team):
    """The number's question document is held to the limit a pasted or uploaded text is
    (it was read whatever its length)."""
    from zorgvuldig.parliament.tests.opendata_server import QUESTION_DOCUMENT_ID

    long_text = ("Vraag 1 Kent u het bericht? " * 20_000).encode()
    client.force_login(team.handler)
    with (
        serve_opendata(files={QUESTION_DOCUMENT_ID: ("text/plain", long_text)}) as (
            base,
            _,
        ),
        override_settings(ZORGVULDIG_TK_OPENDATA_URL=base),
    ):
        response = client.post(
            reverse("inquiries:intake"), {"kamer_number": "2021Z06403"}, **EN
        )
    page = response.content.decode()
    assert "Check what was read" not in page
    assert "is longer than 500000 characters" in page
