"""``POST /api/questions/read``: the intake's reading as JSON, for case handlers only."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

import pytest

from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.parliament.tests import DATA
from zorgvuldig.parliament.tests.documents import pdf_with_text, scanned_pdf
from zorgvuldig.parliament.tests.opendata_server import serve_opendata

from .factories import Team

pytestmark = pytest.mark.django_db
URL = "/api/questions/read"
DEMO = (DATA / "kamervragen-2012-ambassador-like.txt").read_text(encoding="utf-8")


@pytest.fixture
def handler_client():
    team = Team()
    client = Client()
    client.force_login(team.handler)
    return client, team


def test_a_pdf_is_read_and_nothing_stored(handler_client):
    client, _team = handler_client
    pdf = pdf_with_text([[p, ""] for p in DEMO.split("\n\n") if p.strip()])
    response = client.post(URL, {"file": SimpleUploadedFile("v.pdf", pdf)})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["format"] == "pdf"
    assert len(data["questions"]) == 4
    assert data["deadline"] == "2012-02-24"
    assert not Inquiry.objects.exists()


def test_a_scan_is_refused_naming_what_was_found(handler_client):
    client, _team = handler_client
    response = client.post(URL, {"file": SimpleUploadedFile("s.pdf", scanned_pdf())})
    assert response.status_code == 400
    assert response.json()["code"] == "no_text_layer"
    assert "no text in this PDF; paste the text" in response.json()["detail"]


def test_a_kamer_number_is_fetched(handler_client):
    client, _team = handler_client
    with (
        serve_opendata() as (base, _),
        override_settings(ZORGVULDIG_TK_OPENDATA_URL=base),
    ):
        response = client.post(URL, {"kamer_number": "2021Z06403"})
    assert response.status_code == 200, response.content
    assert response.json()["number"] == "2021Z06403"
    assert response.json()["format"] == "opendata"


def test_only_case_handlers(handler_client):
    _client, team = handler_client
    client = Client()
    client.force_login(team.hr)
    assert client.post(URL, {"text": DEMO}).status_code == 403
    assert Client().post(URL, {"text": DEMO}).status_code == 401


def test_a_text_longer_than_an_inquiry_is_refused_naming_the_limit(handler_client):
    client, _team = handler_client
    response = client.post(URL, {"text": "Vraag 1 Kent u het bericht? " * 20_000})
    assert response.status_code == 400
    assert response.json()["code"] == "too_long"
    assert "at most 500000" in response.json()["detail"]


def test_control_characters_are_cleaned_from_a_pasted_text(handler_client):
    client, _team = handler_client
    response = client.post(URL, {"text": DEMO.replace("Kent u", "Kent\u200b u\x0b")})
    assert response.status_code == 200
    texts = " ".join(q["text"] for q in response.json()["questions"])
    assert "\u200b" not in texts and "\x0b" not in texts


def test_the_deadline_is_in_the_organisation_s_terms(handler_client):
    """The page and the API read the same: an organisation that answers the Tweede Kamer
    in four weeks gets that deadline from the API too (it used the shipped three)."""
    client, team = handler_client
    team.org.procedure_settings = {"assemblies": [{"code": "tweede_kamer", "days": 28}]}
    team.org.save()
    response = client.post(URL, {"text": DEMO})
    assert response.status_code == 200, response.content
    assert response.json()["deadline"] == "2012-03-02"  # submitted 2012-02-03 + 28 days


def test_a_text_of_invisible_characters_with_a_number_takes_the_zaak_s_questions(
    handler_client,
):
    """A pasted text that is empty once cleaned is no text: the number's question
    document is read (it was taken for a text, and refused as empty)."""
    client, _team = handler_client
    with (
        serve_opendata() as (base, _),
        override_settings(ZORGVULDIG_TK_OPENDATA_URL=base),
    ):
        response = client.post(
            URL, {"text": "\u200b\u200e", "kamer_number": "2021Z06403"}
        )
    assert response.status_code == 200, response.content
    assert response.json()["format"] == "opendata"
    assert response.json()["questions"]


def test_a_problem_names_the_input_it_concerns(handler_client):
    client, _team = handler_client
    response = client.post(URL, {"file": SimpleUploadedFile("s.pdf", scanned_pdf())})
    assert response.json()["field"] == "file"
    response = client.post(URL, {"kamer_number": "12345"})
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == (
        "bad_number",
        "kamer_number",
    )
