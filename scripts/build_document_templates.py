"""Write the default Word templates of the procedure's documents (docxtpl / Jinja tags).

Run once after changing the layout: ``.venv/bin/python scripts/build_document_templates.py``.
The output in ``src/zorgvuldig/inquiries/answers/document_templates/`` is committed. An organisation
replaces a template by putting a file of the same name in ``ZORGVULDIG_DOCUMENT_TEMPLATES``.
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = (
    Path(__file__).resolve().parents[1]
    / "src/zorgvuldig/inquiries/answers/document_templates"
)


def _doc() -> Document:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    return doc


def _bold(doc: Document, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def answer() -> Document:
    doc = _doc()
    doc.add_heading(
        "Antwoord op vragen{% if askers %} van {{ askers }}{% endif %}", level=1
    )
    doc.add_paragraph("{{ subject }}")
    doc.add_paragraph(
        "{% if number %}Nummer: {{ number }} · {% endif %}Ingezonden: {{ submitted }}"
    )
    # Grouped answers as written answers print them: "Vraag 2", "Vraag 3", "Vraag 4", then
    # one "Antwoord 2, 3 en 4" (blocks; see documents._questions_and_answers).
    doc.add_paragraph("{%p for block in blocks %}")
    doc.add_paragraph("{%p for q in block.questions %}")
    _bold(doc, "Vraag {{ q.number }}")
    doc.add_paragraph("{{ q.text }}")
    doc.add_paragraph("{%p endfor %}")
    _bold(doc, "Antwoord {{ block.numbers }}")
    doc.add_paragraph("{{ block.answer }}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def postponement() -> Document:
    doc = _doc()
    doc.add_heading("Mededeling", level=1)
    doc.add_paragraph(
        "De vragen van {{ askers or 'de leden' }} over {{ subject }}{% if number %} "
        "({{ number }}){% endif %}, ingezonden op {{ submitted }}, kunnen niet binnen de "
        "gebruikelijke termijn van drie weken worden beantwoord."
    )
    doc.add_paragraph("Reden: {{ postponement.reason }}")
    doc.add_paragraph("De beantwoording volgt uiterlijk op {{ deadline }}.")
    doc.add_paragraph("Verzonden op {{ postponement.sent_on }}.")
    return doc


def hearing() -> Document:
    doc = _doc()
    doc.add_heading("Verslag van het horen", level=1)
    doc.add_paragraph("Zaak: {{ subject }}")
    doc.add_paragraph(
        "Medewerker: {{ hearing.employee }}"
        "{% if hearing.function %}, {{ hearing.function }}{% endif %}"
    )
    doc.add_paragraph("Datum: {{ hearing.held_on }}")
    doc.add_paragraph("Aanwezig: {{ hearing.present }}")
    doc.add_paragraph("Bijgestaan door: {{ hearing.assisted_by or '—' }}")
    _bold(doc, "Verklaring van de medewerker")
    doc.add_paragraph("{{ hearing.account }}")
    _bold(doc, "Reactie van de medewerker op dit verslag")
    doc.add_paragraph(
        "{{ hearing.response }}{% if hearing.comment %}: {{ hearing.comment }}{% endif %}"
    )
    return doc


def advice_request() -> Document:
    doc = _doc()
    doc.add_heading("Adviesaanvraag {{ advisor }}", level=1)
    doc.add_paragraph("Zaak: {{ subject }}{% if number %} ({{ number }}){% endif %}")
    doc.add_paragraph("Antwoord uiterlijk: {{ deadline }}")
    _bold(doc, "Vastgestelde feiten")
    doc.add_paragraph("{{ facts }}")
    _bold(doc, "Vragen")
    doc.add_paragraph("{%p for q in questions %}")
    doc.add_paragraph("{{ q.number }}. {{ q.text }}")
    doc.add_paragraph("{%p endfor %}")
    _bold(doc, "Gevraagd advies")
    doc.add_paragraph(
        "Wij vragen uw advies over de norm (Ambtenarenwet 2017 art. 10), de "
        "proportionaliteit van een eventuele maatregel en de formulering van het antwoord."
    )
    return doc


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (
        ("answer", answer),
        ("postponement", postponement),
        ("hearing", hearing),
        ("advice_request", advice_request),
    ):
        doc = build()
        doc.core_properties.author = "Zorgvuldig"
        doc.core_properties.comments = ""
        path = OUT / f"{name}.docx"
        doc.save(path)
        print(f"wrote {path}")
