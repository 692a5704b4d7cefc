"""Verifying a case's evidence, in the database or in an exported bundle (issue 12, step 6).

Public surface: :func:`verify_case`, :func:`verify_bundle`, :class:`Report`.

Both re-hash every artefact, recompute every item's manifest hash, check every timestamp
token against its authority's chain and follow the custody chain from its first entry. The
report names each item, artefact, token or custody entry that does not hold, and lists the
commands a third party runs to repeat the check with open tools (``sha256sum``,
``openssl ts -verify``).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage

from .custody import GENESIS, canonical_line, entry_record
from .manifest import manifest_of
from .models import CustodyEntry, EvidenceItem
from .storage import CHUNK, artefact_digest
from .timestamps import TimestampError, check_token

INDEX = "evidence/manifest.json"


@dataclass
class Report:
    """What was checked (``checked``: one line each), what failed (``failures``: one line
    each, naming the item or entry) and how to repeat it (``commands``)."""

    title: str
    checked: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_text(self) -> str:
        lines = [self.title]
        lines += [f"OK    {line}" for line in self.checked]
        lines += [f"FAIL  {line}" for line in self.failures]
        if self.commands:
            lines.append("Repeat with open tools:")
            lines += [f"  {c}" for c in self.commands]
        lines.append("RESULT: " + ("all checks hold" if self.ok else "FAILED"))
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "ok": self.ok,
            "checked": self.checked,
            "failures": self.failures,
            "commands": self.commands,
        }


def _check_chain(report: Report, lines: Sequence[tuple[str, bytes, str | None]]) -> str:
    """Follow a custody chain of ``(label, canonical line, stored hash)``; return the head."""
    prev = GENESIS
    broken = 0
    for label, line, stored in lines:
        actual = hashlib.sha256(line).hexdigest()
        try:
            claimed_prev = json.loads(line)["prev"]
        except (ValueError, KeyError, TypeError):
            claimed_prev = None
        if claimed_prev != prev:
            report.failures.append(f"{label}: does not follow the entry before it")
            broken += 1
        elif stored is not None and stored != actual:
            report.failures.append(
                f"{label}: changed (recorded hash {stored}, content hashes to {actual})"
            )
            broken += 1
        prev = stored if stored is not None else actual
    if not broken:
        report.checked.append(f"custody log: {len(lines)} entries, head {prev}")
    return prev


def _check_tokens(
    report: Report, label: str, manifest: bytes, tokens: list[tuple[str, bytes, str]]
) -> None:
    for authority, der, chain in tokens:
        try:
            info = check_token(der, chain, manifest)
        except TimestampError as exc:
            report.failures.append(f"{label}: timestamp from {authority}: {exc}")
        else:
            report.checked.append(
                f"{label}: timestamp from {authority} at {info.gen_time:%Y-%m-%dT%H:%M:%SZ}"
            )


def verify_case(inquiry_pk: int) -> Report:
    """Check the evidence of case ``inquiry_pk`` as stored."""
    report = Report(title=f"Evidence of case {inquiry_pk}")
    items = (
        EvidenceItem.objects.filter(inquiry_id=inquiry_pk)
        .select_related("uploaded_by")
        .prefetch_related("parts__artefact", "timestamps")
        .order_by("pk")
    )
    for item in items:
        label = f"item #{item.pk}"
        parts = list(item.parts.all())
        if not parts:  # recorded before artefacts and manifests (migration 0003)
            actual = artefact_digest(item)  # type: ignore[arg-type]
            if actual != item.sha256:
                report.failures.append(
                    f"{label}: file expected sha256 {item.sha256}, found {actual}"
                )
            else:
                report.checked.append(
                    f"{label}: file sha256 {item.sha256} (recorded before manifests, "
                    "not in exports; 'zorgvuldig evidence adopt-older' gives it one)"
                )
            continue
        manifest = manifest_of(item)
        if hashlib.sha256(manifest).hexdigest() != item.manifest_sha256:
            report.failures.append(
                f"{label}: its record no longer matches manifest sha256 "
                f"{item.manifest_sha256}"
            )
        else:
            report.checked.append(f"{label}: manifest sha256 {item.manifest_sha256}")
        for part in parts:
            actual = artefact_digest(part.artefact)
            expected = part.artefact.sha256
            if actual != expected:
                found = actual or "no file"
                report.failures.append(
                    f"{label}: artefact {part.name} expected sha256 {expected}, "
                    f"found {found}"
                )
            else:
                report.checked.append(
                    f"{label}: artefact {part.name} sha256 {expected}"
                )
                report.commands.append(
                    f"echo '{expected}  {default_storage.path(str(part.artefact.file.name))}'"
                    " | sha256sum -c"
                )
        _check_tokens(
            report,
            label,
            manifest,
            [
                (t.authority, bytes(t.response), t.chain_pem)
                for t in item.timestamps.all()
            ],
        )
    entries = CustodyEntry.objects.filter(inquiry_id=inquiry_pk).order_by("seq")
    _check_chain(
        report,
        [
            (f"custody entry #{e.seq}", canonical_line(entry_record(e)), e.entry_hash)
            for e in entries
        ],
    )
    return report


def _hash_member(bundle: zipfile.ZipFile, name: str) -> str | None:
    try:
        with bundle.open(name) as fh:
            digest = hashlib.sha256()
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                digest.update(chunk)
    except KeyError:
        return None
    return digest.hexdigest()


def verify_bundle(path: Path | str | io.BytesIO) -> Report:
    """Check an exported bundle (:mod:`zorgvuldig.evidence.bundle`) on its own.

    Raises:
        ValueError: not a zip file, or without ``evidence/manifest.json``.
    """
    report = Report(
        title=f"Evidence bundle {path if isinstance(path, str | Path) else ''}"
    )
    try:
        bundle = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ValueError("not a WACZ/zip file") from None
    with bundle:
        try:
            index = json.loads(bundle.read(INDEX))
        except (KeyError, ValueError):
            raise ValueError(f"no readable {INDEX}") from None
        report.title = f"Evidence bundle of case {index.get('case')}"
        sums = _check_datapackage(report, bundle)
        for entry in index.get("items", []):
            label = f"item #{entry['item']}"
            manifest = bundle.read(entry["manifest"])
            actual = hashlib.sha256(manifest).hexdigest()
            if actual != entry["manifest_sha256"]:
                report.failures.append(
                    f"{label}: manifest expected sha256 {entry['manifest_sha256']}, "
                    f"found {actual}"
                )
            else:
                report.checked.append(f"{label}: manifest sha256 {actual}")
            recorded = [p["sha256"] for p in json.loads(manifest).get("parts", [])]
            for part, expected in zip(entry["parts"], recorded, strict=False):
                found = _hash_member(bundle, part["path"])
                if found != expected:
                    report.failures.append(
                        f"{label}: artefact {part['path']} expected sha256 {expected}, "
                        f"found {found or 'no file'}"
                    )
                else:
                    report.checked.append(
                        f"{label}: artefact {part['path']} sha256 {found}"
                    )
            tokens = []
            for token in entry.get("timestamps", []):
                tokens.append(
                    (
                        token["authority"],
                        bundle.read(token["response"]),
                        bundle.read(token["chain"]).decode(),
                    )
                )
                report.commands.append(
                    f"openssl ts -verify -data {entry['manifest']} "
                    f"-in {token['response']} -CAfile {token['chain']}"
                )
            _check_tokens(report, label, manifest, tokens)
        custody = index["custody"]
        raw = bundle.read(custody["path"]).decode().splitlines()
        lines = [
            (f"custody entry #{n}", line.encode(), None)
            for n, line in enumerate(raw, 1)
        ]
        head = _check_chain(report, lines)
        if head != custody["head"] or len(lines) != custody["entries"]:
            report.failures.append(
                f"custody log: expected {custody['entries']} entries ending in "
                f"{custody['head']}, found {len(lines)} ending in {head}"
            )
        if sums:
            report.commands.insert(0, "unzip BUNDLE.wacz -d bundle && cd bundle")
            report.commands.insert(1, "sha256sum -c SHA256SUMS")
    return report


def _check_datapackage(report: Report, bundle: zipfile.ZipFile) -> bool:
    """Check the WACZ ``datapackage.json`` resource hashes; return whether there are
    ``SHA256SUMS``."""
    try:
        package = json.loads(bundle.read("datapackage.json"))
    except (KeyError, ValueError):
        report.failures.append("datapackage.json: missing or unreadable")
        return False
    digest = json.loads(bundle.read("datapackage-digest.json"))
    actual = _hash_member(bundle, "datapackage.json")
    if digest.get("hash") != f"sha256:{actual}":
        report.failures.append(
            "datapackage.json: does not match datapackage-digest.json"
        )
    bad = 0
    for resource in package.get("resources", []):
        found = _hash_member(bundle, resource["path"])
        if resource.get("hash") != f"sha256:{found}":
            report.failures.append(
                f"{resource['path']}: expected {resource.get('hash')}, found "
                f"{'sha256:' + found if found else 'no file'}"
            )
            bad += 1
    if not bad:
        report.checked.append(
            f"datapackage.json: {len(package.get('resources', []))} files as listed"
        )
    return "SHA256SUMS" in bundle.namelist()
