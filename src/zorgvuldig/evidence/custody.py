"""The custody log of a case (issue 12, step 6): append-only, hash-chained.

Public surface: :func:`append_custody`, :func:`canonical_line`, :func:`entry_record`,
:data:`GENESIS`.

Each entry is written as one canonical JSON line (keys sorted, no spaces, UTF-8) that holds
the SHA-256 of the line before it (``prev``); the entry's own hash is the SHA-256 of its
line. Changing any field of any entry changes its hash, which no longer matches the stored
hash nor the next entry's ``prev``. In an exported bundle the lines are
``custody.jsonl``; a third party checks each with
``sed -n Np custody.jsonl | tr -d '\\n' | sha256sum`` against line N+1's ``prev``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.models import User
from zorgvuldig.inquiries.models import Inquiry

from .models import CustodyEntry, EvidenceItem

#: The ``prev`` of a case's first entry.
GENESIS = "0" * 64


def utc_text(moment: datetime) -> str:
    """``moment`` in UTC as ``2012-02-01T09:30:00.000000Z`` (microseconds kept)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_record(entry: CustodyEntry) -> dict[str, Any]:
    """What the entry's line holds: case, seq, item, action, actor, at (UTC), details,
    prev."""
    return {
        "case": entry.inquiry_id,
        "seq": entry.seq,
        "item": entry.item_id,
        "action": entry.action,
        "actor": entry.actor_name,
        "at": utc_text(entry.at),
        "details": entry.details,
        "prev": entry.prev_hash,
    }


def canonical_line(record: dict[str, Any]) -> bytes:
    """The canonical JSON line of a record (no trailing newline), as hashed."""
    return json.dumps(
        record, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def append_custody(
    *,
    inquiry: Inquiry,
    action: str,
    actor: User | None,
    item: EvidenceItem | None = None,
    details: dict[str, Any] | None = None,
) -> CustodyEntry:
    """Append one entry to ``inquiry``'s custody log and return it.

    Runs in its own transaction that locks the case row, so two entries written at once
    still form one chain (the unique ``(inquiry, seq)`` constraint refuses a fork).

    Args:
        action: a :class:`~zorgvuldig.evidence.models.CustodyAction` value.
        actor: who acted; ``None`` for the system (e.g. the command line).
        details: small JSON facts (counts, hashes, a file name of an export); never
            personnel data beyond what the item itself names.
    """
    with transaction.atomic():
        Inquiry.objects.select_for_update().filter(pk=inquiry.pk).first()
        last = (
            CustodyEntry.objects.filter(inquiry=inquiry)
            .order_by("-seq")
            .only("seq", "entry_hash")
            .first()
        )
        entry = CustodyEntry(
            inquiry=inquiry,
            seq=(last.seq + 1) if last else 1,
            item=item,
            action=action,
            actor=actor,
            actor_name=actor.get_username() if actor else "system",
            at=timezone.now(),
            details=details or {},
            prev_hash=last.entry_hash if last else GENESIS,
        )
        entry.entry_hash = hashlib.sha256(
            canonical_line(entry_record(entry))
        ).hexdigest()
        entry.save()
        return entry
