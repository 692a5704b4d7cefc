"""Reading documents of every intake format into text (parliament.formats)."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgvuldig.parliament.formats import (
    FormatError,
    clean_line,
    clean_text,
    read_document,
)
from zorgvuldig.parliament.parsing import parse_inquiry

from .documents import docx_with_paragraphs, encrypted_pdf, pdf_with_text, scanned_pdf

HEADER = (
    "Vragen van het lid Bakker (PVV) aan de minister van Buitenlandse Zaken over "
    "een ambassadeur op Facebook (ingezonden 3 februari 2012)."
)
QUESTIONS_TEXT = (
    f"{HEADER}\n\nVraag 1\n\nKent u het bericht?\n\nVraag 2\n\nIs het waar?\n"
)

# Constructed after the structure of officielebekendmakingen's Kamervragen XML (element
# names as its XSLT and public readers use them); not a real publication.
PUBLICATION_XML = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><kamervragen>
 <kamervraagkop><tekstregel>Tweede Kamer der Staten-Generaal</tekstregel></kamervraagkop>
 <kamervraagnummer>2021Z06403</kamervraagnummer>
 <kamervraagomschrijving type="vraag">Vragen van het lid
   <naam><achternaam>Van Campen</achternaam></naam> (VVD) aan de minister van Defensie
   over <kamervraagonderwerp>het bericht X</kamervraagonderwerp>
   (ingezonden <datum isodatum="2021-04-08">8 april 2021</datum>).</kamervraagomschrijving>
 <vraag><nr>Vraag 1</nr><al>Kent u het bericht «X»?<noot id="n1" type="voet">
   <noot.nr>1</noot.nr><noot.al>NOS, 7 april 2021</noot.al></noot></al></vraag>
 <vraag><nr>Vraag 2</nr><al>Is dat waar?</al></vraag>
</kamervragen></officiele-publicatie>""".encode()


def _parsed(data: bytes, name: str = ""):
    return parse_inquiry(read_document(data, name).text)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_text_in_every_encoding_reads_the_same(encoding):
    text = QUESTIONS_TEXT.replace("Facebook", "Facebook «café»")
    extracted = read_document(text.encode(encoding), "vragen.txt")
    assert extracted.format == "text"
    assert "«café»" in extracted.text
    assert len(parse_inquiry(extracted.text).questions) == 2


def test_windows_1252_is_said():
    warnings = read_document("Vraag 1 \u2013 €?".encode("cp1252")).warnings
    assert any("Windows-1252" in w for w in warnings)


def test_pdf_with_a_text_layer_is_read_with_its_footnote():
    pdf = pdf_with_text(
        [
            [HEADER[:70], HEADER[70:], "", "Vraag 1", "Kent u het bericht «X»?1"],
            ["Vraag 2", "Is het waar?", "", "", "1 Nieuwsbericht, 2 februari 2012."],
        ]
    )
    parsed = _parsed(pdf, "vragen.pdf")
    assert [q.number for q in parsed.questions] == [1, 2]
    assert parsed.questions[0].footnotes[0].text == "Nieuwsbericht, 2 februari 2012."
    assert parsed.askers[0].name == "Bakker"


def test_scanned_pdf_says_paste_the_text():
    with pytest.raises(FormatError, match="no text in this PDF; paste the text") as exc:
        read_document(scanned_pdf(), "scan.pdf")
    assert exc.value.code == "no_text_layer"


def test_pdf_with_a_password_is_refused():
    with pytest.raises(FormatError, match="password") as exc:
        read_document(encrypted_pdf(pdf_with_text([["Vraag 1", "Waarom?"]]), "geheim"))
    assert exc.value.code == "encrypted"


def test_pdf_encrypted_only_against_changes_is_read():
    data = encrypted_pdf(pdf_with_text([["Vraag 1", "Waarom?"]]), password="")
    assert "Waarom?" in read_document(data).text


def test_docx_keeps_automatic_list_numbers():
    data = docx_with_paragraphs(
        [HEADER], numbered=["Kent u het bericht?", "Is het waar?"]
    )
    parsed = _parsed(data, "vragen.docx")
    assert [(q.number, q.text) for q in parsed.questions] == [
        (1, "Kent u het bericht?"),
        (2, "Is het waar?"),
    ]


def test_publication_xml_is_read_with_header_and_footnotes():
    extracted = read_document(PUBLICATION_XML, "kv-tk-2021Z06403.xml")
    assert extracted.format == "xml"
    parsed = parse_inquiry(extracted.text)
    assert parsed.number == "2021Z06403"
    assert parsed.askers[0].name == "Van Campen"
    assert parsed.submitted.isoformat() == "2021-04-08"
    assert parsed.questions[0].footnotes[0].text == "NOS, 7 april 2021"


def test_xml_entities_are_not_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY f SYSTEM "file:///etc/passwd">]>'
        b"<kamervragen><vraag><nr>Vraag 1</nr><al>&b; &f;?</al></vraag></kamervragen>"
    )
    text = read_document(bomb).text
    assert "aaaaaaaaaa" not in text
    assert "root:" not in text


def test_html_page_gives_its_visible_text():
    page = (
        b"<html><head><title>Menu</title><script>var x=1</script></head><body>"
        b"<nav>Home | Contact</nav><main><p>" + HEADER.encode() + b"</p>"
        b"<h2>Vraag 1</h2><p>Kent u\n    het bericht?</p><h2>Vraag 2</h2>"
        b"<p>Is het waar?</p></main><footer>Cookies</footer></body></html>"
    )
    extracted = read_document(page, "vragen.html")
    assert extracted.format == "html"
    assert "Home" not in extracted.text and "Cookies" not in extracted.text
    assert "Kent u het bericht?" in extracted.text
    assert len(parse_inquiry(extracted.text).questions) == 2


@pytest.mark.parametrize(
    ("data", "name", "code", "found"),
    [
        (b"", "x.txt", "empty", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "x.png", "not_text", "PNG"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "x.doc",
            "old_word",
            ".doc",
        ),
        (b"plain words, not a PDF", "x.pdf", "unreadable", "found text"),
        (b"PK\x03\x04 broken zip", "x.docx", "unreadable", "ZIP"),
        (b"<kamervragen><vraag>", "x.xml", "unreadable", "not well-formed"),
    ],
)
def test_unreadable_input_names_what_was_found(data, name, code, found):
    with pytest.raises(FormatError) as exc:
        read_document(data, name)
    assert exc.value.code == code
    assert found in str(exc.value)


def test_zip_that_is_not_word_is_refused():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(FormatError, match="spreadsheet"):
        read_document(buffer.getvalue(), "x.docx")


def test_too_large_is_refused_before_reading():
    with pytest.raises(FormatError, match="at most 1 MB") as exc:
        read_document(b"a" * 2_000_000, max_bytes=1_048_576)
    assert exc.value.code == "too_large"


def test_invisible_and_control_characters_are_removed():
    dirty = "Jan\u200b Jansen\u202e (VVD)\x0b\x00\u00ad en\r\nmeer\u2028"
    assert clean_text(dirty) == "Jan Jansen (VVD)\n en\nmeer\n"
    assert clean_line(dirty) == "Jan Jansen (VVD) en meer"


@given(st.text())
def test_clean_text_leaves_no_control_characters_and_is_idempotent(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not any(
        (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 for c in cleaned
    )
    cleaned.encode("utf-8")  # no lone surrogates


PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<?xml version='1.0'?><kamervragen>",
            b"<html><body>", b"\xff\xfe", b"\xef\xbb\xbf"]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=2000), st.sampled_from(
    ["", "a.pdf", "a.docx", "a.xml", "a.html", "a.txt", "a.doc"]))  # fmt: skip
def test_any_bytes_give_text_or_a_format_error(prefix, data, name):
    try:
        extracted = read_document(prefix + data, name)
    except FormatError as exc:
        assert str(exc) and exc.code
    else:
        assert extracted.text.strip()
        assert extracted.text == clean_text(extracted.text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5))
def test_any_pdf_text_gives_text_or_a_format_error(lines):
    try:
        read_document(pdf_with_text([lines]))
    except FormatError as exc:
        assert exc.code in {"no_text_layer", "empty"}
