"""Reads of personnel data, on record: the case page, its documents, the employee's own
record and the dashboard export (issue 11; OWASP ASVS 4.0 V7.1.3, V8.3.5: accesses to
sensitive data are logged).

Every read is recorded at every confidentiality level: cases default to
``zaakvertrouwelijk``, below the ``vertrouwelijk`` from which documents used to be audited.
A summary points to the record (the case's number, a document's kind, a count), never
copies what the record holds; what was read can be looked up from the entry's target.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_noop

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit, record_reads
from zorgvuldig.inquiries.models import Inquiry

from .steps import on_behalf_of

#: The action codes of reads, so that the case page can keep its trail of changes readable.
READ_ACTIONS = (
    "inquiry.viewed",
    "document.read",
    "record.viewed",
    "inquiries.exported",
)


def record_case_view(*, actor: User, inquiry: Inquiry) -> None:
    """Audit a view of the case page (``inquiry.viewed``), at any confidentiality level."""
    record_audit(
        actor=actor,
        action="inquiry.viewed",
        target=inquiry,
        summary=_level(inquiry),
        on_behalf_of=on_behalf_of(actor, inquiry),
    )


def record_document_read(*, actor: User, inquiry: Inquiry, document: str) -> None:
    """Audit the reading of a document of the case (``document.read``), at any level.

    Args:
        document: what was read, e.g. ``"answer.docx"`` or ``"hearing.pdf"`` (its kind and
            format: the document is made from the record, the name points to it).
    """
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


def record_own_record_read(*, actor: User, inquiry: Inquiry) -> None:
    """Audit an employee's reading of what is recorded about them (``record.viewed``)."""
    record_audit(
        actor=actor, action="record.viewed", target=inquiry, summary=_level(inquiry)
    )


def record_export(*, actor: User, inquiries: Sequence[Inquiry]) -> int:
    """Audit a CSV export of the dashboard: one ``inquiries.exported`` entry on each case
    in it, saying how many cases the file held.

    Returns:
        The number of entries written (``len(inquiries)``).
    """
    return record_reads(
        actor=actor,
        action="inquiries.exported",
        targets=inquiries,
        summary=Summary(
            gettext_noop("Dashboard export of %(count)s cases"),
            {"count": len(inquiries)},
        ),
    )


def _level(inquiry: Inquiry) -> Summary:
    return Summary("%(level)s", {"level": Confidentiality(inquiry.confidentiality)})
