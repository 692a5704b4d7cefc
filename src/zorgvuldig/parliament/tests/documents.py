"""Test documents made in the tests: a tiny PDF writer and .docx files via python-docx.

No PDF library that writes text is a dependency (pypdf reads), so :func:`pdf_with_text`
writes the few PDF objects a one-font text document needs by hand (PDF 1.4: catalog, pages,
page, Helvetica with WinAnsiEncoding, one content stream per page, the cross-reference
table). Shared by the format tests, the intake tests and the browser test.
"""

from __future__ import annotations

import io


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return (
        b"("
        + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        + b")"
    )


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def pdf_with_text(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold ``pages`` (a list of lines per page) as a text layer."""
    objects: list[bytes] = [
        b"",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 50 800 Td"]
        ops += [_pdf_string(line) + b" Tj T*" for line in lines]
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        )
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return _assemble(objects)


def scanned_pdf() -> bytes:
    """A PDF page that shows an image (a grey 2x2 pixel "scan") and holds no text."""
    image = b"\x80\x80\x80\x80"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    ]
    draw = b"q 500 0 0 700 40 60 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n"
        % len(image)
        + image
        + b"\nendstream"
    )
    return _assemble(objects)


def encrypted_pdf(data: bytes, password: str) -> bytes:
    """``data`` (a PDF) encrypted with a user password (RC4, which pypdf writes itself)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_with_paragraphs(
    paragraphs: list[str], numbered: tuple[str, ...] | list[str] = ()
) -> bytes:
    """A .docx with ``paragraphs``, then ``numbered`` as an automatically numbered list
    (Word's "List Number" style: the numbers are not in the text)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for text in numbered:
        document.add_paragraph(text, style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
