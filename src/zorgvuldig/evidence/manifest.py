"""An item's manifest: the one document that says what the item is (issue 12, step 1).

Public surface: :func:`item_manifest`, :func:`manifest_of`.

The manifest is canonical JSON (keys sorted, no spaces, UTF-8): the case number, kind, who
captured it and when (UTC), tool and version, why, source, description, confidentiality
level and, per part, its role, name, content type, SHA-256 and size. Its SHA-256 is kept on
the item (``manifest_sha256``) and is what RFC 3161 timestamps are taken over; a change to
any of these fields, or to an artefact's recorded hash, changes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .custody import utc_text
from .models import EvidenceItem


def item_manifest(
    *,
    case: int,
    kind: str,
    captured_by: str,
    captured_at: datetime,
    tool: str,
    tool_version: str,
    reason: str,
    source: str,
    description: str,
    confidentiality: str,
    parts: Sequence[dict[str, Any]],
) -> bytes:
    """The canonical manifest bytes.

    Args:
        parts: ``[{"role", "name", "content_type", "sha256", "size"}]`` in order.
    """
    document = {
        "case": case,
        "kind": kind,
        "captured_by": captured_by,
        "captured_at": utc_text(captured_at),
        "tool": tool,
        "tool_version": tool_version,
        "reason": reason,
        "source": source,
        "description": description,
        "confidentiality": confidentiality,
        "parts": list(parts),
    }
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def manifest_of(item: EvidenceItem) -> bytes:
    """The manifest of a saved item, from its record and its parts' recorded hashes."""
    return item_manifest(
        case=item.inquiry_id,
        kind=item.kind,
        captured_by=item.uploaded_by.get_username(),
        captured_at=item.uploaded_at,
        tool=item.tool,
        tool_version=item.tool_version,
        reason=item.reason,
        source=item.source,
        description=item.description,
        confidentiality=item.confidentiality,
        parts=[
            {
                "role": p.role,
                "name": p.name,
                "content_type": p.content_type,
                "sha256": p.artefact.sha256,
                "size": p.artefact.size,
            }
            for p in item.parts.select_related("artefact")
        ],
    )
