"""Helpers of the export reader tests: fixture folders zipped in memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

DATA = Path(__file__).parent / "data"


def zip_folder(name: str, extra: dict[str, bytes] | None = None) -> io.BytesIO:
    """The fixture folder ``data/<name>`` as a ZIP in memory (plus ``extra`` members)."""
    buffer = io.BytesIO()
    root = DATA / name
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
        for member, content in (extra or {}).items():
            archive.writestr(member, content)
    buffer.seek(0)
    return buffer
