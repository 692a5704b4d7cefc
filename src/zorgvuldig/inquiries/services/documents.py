"""Reads of a confidential case's documents, on record."""

from __future__ import annotations

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.models import Inquiry

from .steps import (
    on_behalf_of,
)


def record_document_read(*, actor: User, inquiry: Inquiry, document: str) -> None:
    """Audit the reading of a document of a confidential case (``vertrouwelijk`` and up).

    Args:
        document: what was read, e.g. ``"answer.docx"``.
    """
    if Confidentiality.is_confidential(inquiry.confidentiality):
        record_audit(
            actor=actor,
            action="document.read",
            target=inquiry,
            summary=Summary(
                "%(document)s (%(level)s)",
                {
                    "document": document,
                    "level": Confidentiality(inquiry.confidentiality),
                },
            ),
            on_behalf_of=on_behalf_of(actor, inquiry),
        )
