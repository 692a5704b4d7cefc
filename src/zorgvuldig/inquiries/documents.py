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
    props = doc.core_properties
    props.author = props.last_modified_by = inquiry.organisation.name
    props.title = title
    props.subject = inquiry.subject
    props.comments = ""
    props.created = props.modified = timezone.now()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
