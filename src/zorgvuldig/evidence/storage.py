"""The content-addressed store of artefacts (issue 12, step 1).

Public surface: :func:`store_artefact`, :func:`artefact_digest`, :class:`TooLargeError`.

An artefact's bytes live at ``<MEDIA_ROOT>/evidence/sha256/<first two hex>/<sha256>``,
written once, mode 0600 (readable by the service's account alone), in folders of mode
0700. Bytes are streamed through a temporary file in the same folder while they are hashed,
so memory stays bounded by one chunk (1 MiB) whatever the size.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from .models import Artefact

CHUNK = 1 << 20
#: Folder of the store inside the storage.
PREFIX = "evidence/sha256"


class TooLargeError(Exception):
    """The bytes passed ``max_bytes``; nothing was stored."""


def _chunks(source: bytes | BinaryIO | Iterable[bytes]) -> Iterable[bytes]:
    if isinstance(source, bytes | bytearray):
        yield bytes(source)
    elif hasattr(source, "read"):
        yield from iter(lambda: source.read(CHUNK), b"")  # type: ignore[union-attr]
    else:
        yield from source  # type: ignore[misc]


def _name(sha256: str) -> str:
    return f"{PREFIX}/{sha256[:2]}/{sha256}"


def store_artefact(
    source: bytes | BinaryIO | Iterable[bytes], *, max_bytes: int | None = None
) -> Artefact:
    """Store ``source`` once, by its SHA-256, and return its :class:`Artefact`.

    Args:
        source: the bytes, a binary file object read from its current position (e.g. an
            ``UploadedFile``, a WARC file opened ``"rb"``), or an iterable of byte chunks.
        max_bytes: refuse more than this many bytes (``None``: no limit).

    Returns:
        The artefact; an existing one when the same bytes were stored before (its file is
        rewritten only if it went missing).

    Raises:
        TooLargeError: more than ``max_bytes`` bytes.
    """
    root = Path(default_storage.path(PREFIX))
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    digest = hashlib.sha256()
    size = 0
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".incoming-")  # created mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in _chunks(source):
                size += len(chunk)
                if max_bytes is not None and size > max_bytes:
                    raise TooLargeError(size)
                digest.update(chunk)
                out.write(chunk)
        sha256 = digest.hexdigest()
        target = Path(default_storage.path(_name(sha256)))
        target.parent.mkdir(exist_ok=True, mode=0o700)
        if not target.exists():
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    existing = Artefact.objects.filter(sha256=sha256).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Artefact.objects.create(sha256=sha256, size=size, file=_name(sha256))
    except IntegrityError:  # stored at the same moment by another request
        return Artefact.objects.get(sha256=sha256)


def artefact_digest(artefact: Artefact) -> str | None:
    """The SHA-256 of the artefact's file as it is now, or ``None`` when it is missing."""
    try:
        with artefact.file.open("rb") as fh:
            digest = hashlib.sha256()
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                digest.update(chunk)
    except FileNotFoundError:
        return None
    return digest.hexdigest()
