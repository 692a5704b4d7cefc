"""The procedure's documents from replaceable templates, as Word and PDF."""

from __future__ import annotations

import io

from django.test import override_settings
from django.urls import reverse

import pytest
from docx import Document

from zorgvuldig.inquiries.answers.documents import (
    DOCUMENTS,
    DocumentError,
    available_documents,
    render_docx,
)
from zorgvuldig.inquiries.choices import State

from .factories import ANSWERS, Team, build_inquiry

pytestmark = pytest.mark.django_db


def _text(docx_bytes: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs)


@pytest.fixture
def approved():
    team = Team()
    inquiry = build_inquiry(team, State.APPROVED)
    return team, inquiry


def test_every_document_renders_from_its_template(approved):
    _team, inquiry = approved
    # The postponement notice exists only once a postponement is recorded.
    with pytest.raises(DocumentError):
        render_docx(inquiry, "postponement")
    for name in DOCUMENTS:
        if name == "postponement":
            continue
        text = _text(render_docx(inquiry, name, advisor="HR"))
        assert "{{" not in text and "{%" not in text, name
        assert inquiry.subject in text, name
    answer = _text(render_docx(inquiry, "answer"))
    assert answer.index("Vraag 2") < answer.index("Antwoord 2")
    assert ANSWERS[2] in answer
    hearing = _text(render_docx(inquiry, "hearing"))
    assert "Ik vond de pagina in 2010 leuk" in hearing


def test_an_organisation_replaces_a_template(approved, tmp_path):
    _team, inquiry = approved
    doc = Document()
    doc.add_paragraph("EIGEN HUISSTIJL {{ subject }}")
    doc.save(tmp_path / "answer.docx")
    with override_settings(ZORGVULDIG_DOCUMENT_TEMPLATES=str(tmp_path)):
        assert _text(render_docx(inquiry, "answer")).startswith("EIGEN HUISSTIJL")


def test_untrusted_text_cannot_inject_template_code(approved):
    _team, inquiry = approved
    inquiry.questions.filter(number=1).update(text="{{ organisation }} <w:p>&")
    assert "{{ organisation }}" in _text(render_docx(inquiry, "answer"))


def test_pdf_download(client, approved):
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        pytest.skip("PDF needs weasyprint (pip) and Debian's libpango-1.0-0")
    team, inquiry = approved
    client.force_login(team.approver)
    response = client.get(
        reverse("inquiries:document", args=[inquiry.pk, "answer", "pdf"])
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_unknown_documents_are_404(client, approved):
    team, inquiry = approved
    client.force_login(team.approver)
    assert (
        client.get(
            reverse("inquiries:document", args=[inquiry.pk, "x", "docx"])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("inquiries:document", args=[inquiry.pk, "answer", "exe"])
        ).status_code
        == 404
    )
    # An advice request is made per advisor (advice-request-<code>), never addressed to no
    # one.
    assert (
        client.get(
            reverse("inquiries:document", args=[inquiry.pk, "advice_request", "docx"])
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("state", "answer", "advice_request"),
    [
        (State.REGISTERED, False, False),
        (State.FACTS_ESTABLISHED, False, True),
        (State.ANSWER_DRAFTED, False, True),
        (State.APPROVED, True, True),
        (State.SENT, True, True),
    ],
)
def test_the_case_page_offers_the_documents_that_exist(state, answer, advice_request):
    documents = available_documents(state)
    assert ("answer" in documents) is answer
    assert ("advice_request" in documents) is advice_request
    assert {"postponement", "hearing"} <= documents


def test_control_characters_never_reach_the_word_document(approved):
    """A subject, answer or fact holding ``\\x0b`` (a PDF's line break pasted in) or a
    bidirectional override made python-docx fail; they are cleaned on the way out. (NUL
    cannot be stored at all: PostgreSQL refuses it and Django's form fields reject it.)"""
    _team, inquiry = approved
    type(inquiry).objects.filter(pk=inquiry.pk).update(
        subject="Uitingen\x0b van een\u202e ambtenaar\x01", facts="Feit\x0c een\x1f"
    )
    inquiry.refresh_from_db()
    for name in DOCUMENTS:
        if name == "postponement":
            continue
        text = _text(render_docx(inquiry, name, advisor="HR"))
        assert "\u202e" not in text and "\x01" not in text
    answer = Document(io.BytesIO(render_docx(inquiry, "answer")))
    assert answer.core_properties.subject == "Uitingen van een ambtenaar"
