"""Export of a case's evidence as a WACZ bundle (issue 12, step 7).

Public surface: :func:`export_case`, :class:`ExportError`.

The bundle is a zip laid out as WACZ 1.1.1 (https://specs.webrecorder.net/wacz/1.1.1/):
``datapackage.json`` lists every file with its ``sha256:`` hash and size,
``datapackage-digest.json`` holds the hash of that list, ``archive/`` the WARC files of URL
captures and ``pages/pages.jsonl`` their addresses and times. Beside them, under
``evidence/``: every other artefact by its SHA-256 (``artefacts/``), each item's manifest
and its time-stamp responses with the authority's chain (``items/<n>/``), the custody log
(``custody.jsonl``) and the index that ties them together (``manifest.json``). A
``SHA256SUMS`` file lets anyone run ``sha256sum -c SHA256SUMS``.

Written with :mod:`zipfile` rather than py-wacz (ADR-free decision recorded in
docs/evidence.md): py-wacz builds a WACZ from WARC files only (uploads, notes and exports
are not WARC records), and brings frictionless, cdxj-indexer and boilerpy3 with it. The
files are stored uncompressed (WACZ asks this of ``archive/``) and copied in 1 MiB chunks.
There is no ``indexes/`` CDXJ index yet, so replay tools cannot browse the captures; the
bundle's hashes, tokens and log do not depend on it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.db.models import QuerySet

from zorgvuldig.core.models import User
from zorgvuldig.inquiries.models import Inquiry

from .custody import append_custody, canonical_line, entry_record, utc_text
from .manifest import manifest_of
from .models import CustodyAction, CustodyEntry, EvidenceItem, EvidenceKind
from .storage import CHUNK
from .verification import INDEX

WACZ_VERSION = "1.1.1"


class ExportError(Exception):
    """An artefact no longer matches its recorded hash; nothing is exported.

    ``item_pk`` is the item concerned, ``found`` the SHA-256 its artefact has now."""

    def __init__(self, message: str, *, item_pk: int, found: str) -> None:
        super().__init__(message)
        self.item_pk = item_pk
        self.found = found


class _Writer:
    def __init__(self, target: IO[bytes] | Path) -> None:
        self.zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED)
        self.resources: list[dict[str, Any]] = []

    def add(self, path: str, data: bytes) -> str:
        self.zip.writestr(path, data)
        sha = hashlib.sha256(data).hexdigest()
        self._record(path, sha, len(data))
        return sha

    def copy(self, path: str, source: IO[bytes]) -> str:
        digest, size = hashlib.sha256(), 0
        with self.zip.open(path, "w", force_zip64=True) as out:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        self._record(path, digest.hexdigest(), size)
        return digest.hexdigest()

    def _record(self, path: str, sha: str, size: int) -> None:
        self.resources.append(
            {
                "name": path.rsplit("/", 1)[-1],
                "path": path,
                "hash": f"sha256:{sha}",
                "bytes": size,
            }
        )


def export_case(
    *,
    inquiry: Inquiry,
    items: QuerySet[EvidenceItem],
    actor: User | None,
    target: IO[bytes] | Path,
    software: str = "zorgvuldig",
) -> dict[str, Any]:
    """Write ``items`` of ``inquiry`` as a WACZ bundle to ``target``.

    The custody entry ``exported`` is appended once every artefact has been copied and
    matched its hash, before the log is written, so the bundle's log ends with it. A
    refused export appends ``verified`` (``ok: false``, ``during: export``) on the item
    whose artefact no longer matches, never ``exported``.
    The caller has checked access: ``items`` are what ``actor`` may see
    (:func:`zorgvuldig.evidence.queries.visible_items`).

    Returns:
        The index written as ``evidence/manifest.json``.

    Raises:
        ExportError: an artefact's bytes no longer match its hash, or its file is gone
            (names the item).
    """
    items = items.select_related("uploaded_by").prefetch_related(
        "parts__artefact", "timestamps"
    )
    writer = _Writer(target)
    index: dict[str, Any] = {"case": inquiry.pk, "items": []}
    pages = [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}]
    written: dict[str, str] = {}
    with writer.zip:
        for item in items:
            try:
                index["items"].append(_write_item(writer, item, written))
            except ExportError as exc:
                # Logged as the integrity check it was, not as an export (nothing is
                # served): the item, what was found, and that an export found it.
                append_custody(
                    inquiry=inquiry,
                    action=CustodyAction.VERIFIED,
                    actor=actor,
                    item=item,
                    details={"ok": False, "sha256": exc.found, "during": "export"},
                )
                raise
            if item.kind == EvidenceKind.URL_CAPTURE and item.source:
                pages.append({"url": item.source, "ts": utc_text(item.uploaded_at)})
        # Only now that every artefact matched: the export is logged, and the bundle's
        # log ends with it.
        append_custody(
            inquiry=inquiry,
            action=CustodyAction.EXPORTED,
            actor=actor,
            details={"items": [item.pk for item in items]},
        )
        entries = CustodyEntry.objects.filter(inquiry=inquiry).order_by("seq")
        lines = [canonical_line(entry_record(e)) for e in entries]
        writer.add("evidence/custody.jsonl", b"\n".join(lines) + b"\n")
        index["custody"] = {
            "path": "evidence/custody.jsonl",
            "entries": len(lines),
            "head": hashlib.sha256(lines[-1]).hexdigest(),
        }
        writer.add(
            "pages/pages.jsonl",
            b"".join(json.dumps(p).encode() + b"\n" for p in pages),
        )
        writer.add(INDEX, json.dumps(index, indent=1).encode())
        sums = "".join(
            f"{r['hash'][7:]}  {r['path']}\n" for r in writer.resources
        ).encode()
        package = {
            "profile": "data-package",
            "wacz_version": WACZ_VERSION,
            "title": f"Evidence of case {inquiry.pk}",
            "created": utc_text(datetime.now(tz=UTC)),
            "software": software,
            "resources": list(writer.resources),
        }
        writer.zip.writestr("SHA256SUMS", sums)
        data = json.dumps(package, indent=1).encode()
        writer.zip.writestr("datapackage.json", data)
        writer.zip.writestr(
            "datapackage-digest.json",
            json.dumps(
                {
                    "path": "datapackage.json",
                    "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                }
            ),
        )
    return index


def _write_item(
    writer: _Writer, item: EvidenceItem, written: dict[str, str]
) -> dict[str, Any]:
    folder = f"evidence/items/{item.pk}"
    manifest = manifest_of(item)
    entry: dict[str, Any] = {
        "item": item.pk,
        "kind": item.kind,
        "manifest": f"{folder}/manifest.json",
        "manifest_sha256": item.manifest_sha256,
        "parts": [],
        "timestamps": [],
    }
    writer.add(entry["manifest"], manifest)
    for part in item.parts.all():
        sha = part.artefact.sha256
        if sha not in written:
            path = (
                f"archive/{sha}.warc{'.gz' if part.name.endswith('.gz') else ''}"
                if part.role == "warc"
                else f"evidence/artefacts/{sha}"
            )
            try:
                with part.artefact.file.open("rb") as fh:
                    found = writer.copy(path, fh)
            except FileNotFoundError:
                found = "no file"
            if found != sha:
                raise ExportError(
                    f"item #{item.pk}: artefact {part.name} no longer matches "
                    f"sha256 {sha}",
                    item_pk=item.pk,
                    found=found,
                )
            written[sha] = path
        entry["parts"].append({"path": written[sha], "sha256": sha, "role": part.role})
    for n, token in enumerate(item.timestamps.all(), 1):
        response, chain = (
            f"{folder}/timestamp-{n}.tsr",
            f"{folder}/timestamp-{n}-chain.pem",
        )
        writer.add(response, bytes(token.response))
        writer.add(chain, token.chain_pem.encode())
        entry["timestamps"].append(
            {"authority": token.authority, "response": response, "chain": chain}
        )
    return entry
