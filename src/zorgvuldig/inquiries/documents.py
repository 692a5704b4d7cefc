"""Word documents of the procedure (python-docx): the answer in the Vraag/Antwoord layout.

The layout follows the published answers to written questions (Aanhangsel Handelingen):
a heading with the askers and the subject, then alternating "Vraag n" and "Antwoord n".
"""

from __future__ import annotations

import io

from django.utils import timezone

from docx import Document
from docx.shared import Pt

from .models import Inquiry


def answer_docx(inquiry: Inquiry) -> bytes:
    """The answer to ``inquiry`` as .docx bytes (Dutch headings, as sent to parliament)."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    askers = ", ".join(
        f"{a['name']} ({a['party']})" if a.get("party") else a["name"]
        for a in inquiry.askers
    )
    title = "Antwoord op vragen"
    if askers:
        title += f" van {askers}"
    doc.add_heading(title, level=1)
    doc.add_paragraph(inquiry.subject)
    meta = []
    if inquiry.number:
        meta.append(f"Nummer: {inquiry.number}")
    if inquiry.submitted:
        meta.append(f"Ingezonden: {inquiry.submitted:%d-%m-%Y}")
    if meta:
        doc.add_paragraph(" · ".join(meta))
    for q in inquiry.questions.all():
        p = doc.add_paragraph()
        p.add_run(f"Vraag {q.number}").bold = True
        doc.add_paragraph(q.text)
        p = doc.add_paragraph()
        p.add_run(f"Antwoord {q.number}").bold = True
        doc.add_paragraph(q.answer)
    _set_properties(doc, inquiry, title)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def postponement_docx(inquiry: Inquiry) -> bytes:
    """The postponement notice (uitstelbericht) as .docx bytes, in Dutch as sent to the Chamber.

    Raises:
        ValueError: the inquiry has no recorded postponement.
    """
    notice = inquiry.postponement
    if notice is None:
        raise ValueError("no postponement recorded")
    doc = Document()
    doc.add_heading("Mededeling", level=1)
    askers = ", ".join(a["name"] for a in inquiry.askers) or "de leden"
    number = f" ({inquiry.number})" if inquiry.number else ""
    submitted = f"{inquiry.submitted:%d-%m-%Y}" if inquiry.submitted else "onbekend"
    doc.add_paragraph(
        f"De vragen van {askers} over {inquiry.subject}{number}, ingezonden op {submitted}, "
        "kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord."
    )
    doc.add_paragraph(f"Reden: {notice.reason}")
    doc.add_paragraph(
        f"De beantwoording volgt uiterlijk op {inquiry.deadline:%d-%m-%Y}."
        if inquiry.deadline
        else "De beantwoording volgt zo spoedig mogelijk."
    )
    doc.add_paragraph(f"Verzonden op {notice.sent_on:%d-%m-%Y}.")
    _set_properties(doc, inquiry, "Mededeling uitstel beantwoording")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _set_properties(doc, inquiry: Inquiry, title: str) -> None:
    props = doc.core_properties
    props.author = props.last_modified_by = inquiry.organisation.name
    props.title = title
    props.subject = inquiry.subject
    props.comments = ""
    props.created = props.modified = timezone.now()
