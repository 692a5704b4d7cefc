"""The one step that stores a finished capture as evidence: the seam to the evidence store.

:func:`store_capture` is the only place the capture code writes evidence items, through
:func:`zorgvuldig.evidence.services.add_evidence`: each file stored once by its SHA-256, as an
item of kind ``url_capture`` with its source, tool, capture time and reason in its manifest,
and a ``created`` entry in the case's custody log.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from zorgvuldig.evidence import services
from zorgvuldig.evidence.capture_job import UrlCapture
from zorgvuldig.evidence.models import EvidenceItem, EvidenceKind

from .fetch import Captured


def store_capture(
    capture: UrlCapture, captured: Captured
) -> tuple[EvidenceItem, EvidenceItem | None]:
    """Store the WARC and the main text of ``captured`` as evidence of the capture's case,
    in the requester's name, at the capture's confidentiality level.

    Returns:
        ``(WARC item, text item or None when the page had no main text)``.

    Raises:
        services.EvidenceError: the requester may no longer add evidence, or a file is too
            large for ``ZORGVULDIG_MAX_UPLOAD_BYTES``.
    """
    when = captured.started.strftime("%Y-%m-%dT%H:%M:%SZ")
    why = f" — {capture.description}" if capture.description else ""
    origin = f"{captured.final_url} (HTTP {captured.status}) {when}, {captured.tool}"

    def store(name: str, content: bytes, content_type: str, label: str) -> EvidenceItem:
        return services.add_evidence(
            actor=capture.requested_by,
            inquiry=capture.inquiry,
            upload=SimpleUploadedFile(
                f"capture-{capture.pk}.{name}", content, content_type
            ),
            description=f"{label}: {origin}{why}"[:500],
            confidentiality=capture.confidentiality,
            kind=EvidenceKind.URL_CAPTURE,
            source=captured.final_url,
            tool=captured.tool[:100],
            captured_at=captured.started,
            reason=capture.description,
        )

    warc = store("warc.gz", captured.warc, "application/warc", "WARC")
    text = None
    if captured.text.strip():
        text = store(
            "txt",
            captured.text.encode("utf-8"),
            "text/plain; charset=utf-8",
            "Main text (trafilatura)",
        )
    return warc, text
