"""The procedure's documents, as Word (.docx) and PDF, from templates an organisation can replace.

Documents: the answer (Vraag/Antwoord layout of the Aanhangsel Handelingen), the postponement
notice (uitstelbericht), the report of the hearing, and the requests for HR and Legal advice.

- Word: docxtpl templates in ``document_templates/<name>.docx`` (made by
  ``scripts/build_document_templates.py``); a file of the same name in the folder
  ``settings.ZORGVULDIG_DOCUMENT_TEMPLATES`` replaces it.
- PDF: the Django template ``inquiries/documents/<name>.html`` rendered by WeasyPrint (which
  needs the Pango library, Debian package ``libpango-1.0-0``); override it like any Django
  template (``ZORGVULDIG_TEMPLATE_DIR``).

Both are filled from the same context (:func:`document_context`), in Dutch, as sent.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zorgvuldig.inquiries.choices import State
from zorgvuldig.parliament.formats import clean_line, clean_text

from .grouping import answer_blocks, leaders_of

if TYPE_CHECKING:
    from zorgvuldig.inquiries.models import Inquiry

DOCUMENTS = ("answer", "postponement", "hearing", "advice_request")
#: The states in which each document can be made. Advice requests are made per advisor
#: (``advice-request-<advisor code>`` in addresses, see ``procedure/advisors.py``).
DOCUMENT_STATES: dict[str, tuple[str, ...]] = {
    "answer": (State.APPROVED, State.SENT),
    "postponement": tuple(State.values),
    "hearing": tuple(State.values),
    "advice_request": tuple(s for s in State.values if s != State.REGISTERED),
}
DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "document_templates"


class DocumentError(Exception):
    """A document that cannot be made now; the message says why and what to do."""


def available_documents(state: str) -> frozenset[str]:
    """The documents (of :data:`DOCUMENTS`) that can be made while the inquiry is in
    ``state``; the case page offers only these."""
    return frozenset(name for name in DOCUMENTS if not_available(name, state) is None)


def not_available(name: str, state: str) -> str | None:
    """Why document ``name`` (one of :data:`DOCUMENTS`) cannot be made while the inquiry is
    in ``state``, for a person; ``None`` when it can (:data:`DOCUMENT_STATES`)."""
    if state in DOCUMENT_STATES[name]:
        return None
    if name == "advice_request":
        return _("Advice is requested once the facts are established.")
    return _("The answer can be downloaded once it is approved.")


def _day(value: Any) -> str:
    return f"{value:%d-%m-%Y}" if value else "onbekend"


def document_context(
    inquiry: Inquiry, name: str, advisor: str = "", person: int | None = None
) -> dict[str, Any]:
    """The values a document template may use (plain strings and lists, Dutch dates).

    ``person`` (the pk of a person concerned) chooses whose hearing report it is; it may be
    left out when the inquiry concerns one person.

    Raises:
        DocumentError: the document does not apply yet (no postponement, no hearing), or
            the person is missing or unknown.
    """
    context: dict[str, Any] = {
        "organisation": inquiry.organisation.name,
        "subject": inquiry.subject,
        "number": inquiry.number,
        "askers": ", ".join(
            f"{a['name']} ({a['party']})" if a.get("party") else a["name"]
            for a in inquiry.askers
        ),
        "submitted": _day(inquiry.submitted),
        "deadline": _day(inquiry.deadline),
        "facts": inquiry.facts,
        **_questions_and_answers(inquiry),
        "advisor": advisor,
    }
    if name == "postponement":
        notice = inquiry.postponement
        if notice is None:
            raise DocumentError(_("No postponement notice has been recorded."))
        context["postponement"] = {
            "reason": notice.reason,
            "sent_on": _day(notice.sent_on),
        }
    if name == "hearing":
        persons = list(inquiry.persons.all())
        if person is None and len(persons) == 1:
            person = persons[0].pk
        concerned = next((p for p in persons if p.pk == person), None)
        if concerned is None:
            raise DocumentError(_("Choose the employee whose hearing report you want."))
        hearing = inquiry.hearing_of(concerned)
        if hearing is None:
            raise DocumentError(_("The hearing has not been recorded yet."))
        with translation.override("nl"):
            response = str(hearing.get_response_display())
        context["hearing"] = {
            "employee": concerned.name,
            "function": concerned.function,
            "held_on": _day(hearing.held_on),
            "present": hearing.present,
            "assisted_by": hearing.assisted_by,
            "account": hearing.account,
            "response": response,
            "comment": hearing.employee_comment,
        }
    return context


def _questions_and_answers(inquiry: Inquiry) -> dict[str, Any]:
    """The questions, and the answers grouped as written answers group them.

    ``blocks``: runs of questions that share one answer, ``[{"questions": [{"number",
    "text"}], "numbers": "2, 3 en 4", "answer": str}]``: print each question, then
    "Antwoord {{ numbers }}" and the answer. A run after other questions whose group was
    answered earlier gets "Zie het antwoord op vraag 2." as its answer.

    ``questions``: ``[{"number", "text", "answer"}]``, one per question (the context before
    grouped answers, kept for replaced templates): a grouped question's ``answer`` is its
    group's text at the group's first question and "Zie het antwoord op vraag N." at the
    others.
    """
    questions = list(inquiry.questions.all())
    by_number = {q.number: q for q in questions}
    leaders = leaders_of(questions)
    with translation.override("nl"):
        blocks = [
            {
                "questions": [
                    {"number": n, "text": by_number[n].text} for n in block.questions
                ],
                "numbers": block.numbers,
                "answer": block.reference or by_number[block.leader].answer,
            }
            for block in answer_blocks(leaders)
        ]
        flat = [
            {
                "number": q.number,
                "text": q.text,
                "answer": (
                    _("See the answer to question %(n)d.") % {"n": leaders[q.number]}
                    if leaders[q.number] is not None
                    else q.answer
                ),
            }
            for q in questions
        ]
    return {"questions": flat, "blocks": blocks}


def _template_path(name: str) -> Path:
    custom = getattr(settings, "ZORGVULDIG_DOCUMENT_TEMPLATES", "")
    if custom and (Path(custom) / f"{name}.docx").is_file():
        return Path(custom) / f"{name}.docx"
    return DEFAULT_TEMPLATES / f"{name}.docx"


def _xml_safe(value: Any) -> Any:
    """``value`` with every string cleaned of control and invisible characters, which XML
    1.0 (and so a Word document) cannot hold: a subject with ``\x0b`` from a pasted PDF
    made python-docx fail (issue 10). Dicts and lists are cleaned throughout."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: _xml_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_xml_safe(v) for v in value]
    return value


def render_docx(
    inquiry: Inquiry, name: str, advisor: str = "", person: int | None = None
) -> bytes:
    """Document ``name`` (one of :data:`DOCUMENTS`) of ``inquiry`` as .docx bytes
    (``person``: see :func:`document_context`).

    Raises:
        DocumentError: the document does not apply yet.
    """
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(_template_path(name)))
    context = _xml_safe(document_context(inquiry, name, advisor, person))
    template.render(context, autoescape=True)
    props = template.docx.core_properties
    props.author = props.last_modified_by = clean_line(inquiry.organisation.name)
    props.subject = clean_line(inquiry.subject)
    props.comments = ""
    props.created = props.modified = timezone.now()
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_pdf(
    inquiry: Inquiry, name: str, advisor: str = "", person: int | None = None
) -> bytes:
    """Document ``name`` of ``inquiry`` as PDF bytes (WeasyPrint; ``person``: see
    :func:`document_context`).

    Raises:
        DocumentError: the document does not apply yet, or WeasyPrint cannot run here
            (the message names the Debian package to install).
    """
    context = _xml_safe(document_context(inquiry, name, advisor, person))
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Pango library is missing
        raise DocumentError(
            "PDF needs WeasyPrint and the Pango library: pip install weasyprint and "
            f"apt-get install libpango-1.0-0 ({exc.__class__.__name__})"
        ) from None
    with translation.override("nl"):
        html = render_to_string(f"inquiries/documents/{name}.html", context)
    return weasyprint.HTML(string=html).write_pdf()
