"""Giving a manifest to items recorded before the content-addressed store (issue 12).

Public surface: :func:`adopt_older_items`, :class:`Adoption`.

Items uploaded before migration 0003 have a file (``evidence/<case>/<sha256[:16]>``) and its
SHA-256, but no parts, no manifest and no custody entry, so ``verify`` checks only their
file and the WACZ export leaves their file out. Adopting such an item, once:

1. re-hashes its file while copying it into the store (:func:`store_artefact`, in chunks);
   a file that no longer matches its recorded SHA-256 (or is missing) is not adopted, and
   ``verify`` keeps naming it;
2. records the file as the item's only part (role ``file``, under its original name);
3. writes the manifest's SHA-256 on the item: the one field an item gains after its
   creation, filled only while it is empty (the record's other fields stay as they were;
   the manifest says ``captured_at`` and ``captured_by`` from them);
4. appends a custody entry ``created`` by ``system``, noting that the manifest was made
   later, when, and by which version of Zorgvuldig;
5. requests trusted timestamps when authorities are configured (they prove the manifest's
   existence from now on, not from the upload).

Running it again does nothing for items already adopted (they have parts), so it is safe to
run after every upgrade: ``zorgvuldig evidence adopt-older [CASE]``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from .custody import append_custody
from .manifest import manifest_of
from .models import CustodyAction, EvidenceItem, ItemArtefact
from .storage import store_artefact
from .timestamping import request_timestamps

NOTE = "manifest made later, for an item recorded before manifests"


@dataclass(frozen=True)
class Adoption:
    """What happened to one older item: ``adopted`` with its ``manifest_sha256``, or not
    with the ``problem`` (its file changed or is missing)."""

    item: int
    adopted: bool
    manifest_sha256: str = ""
    problem: str = ""


def older_items(inquiry_pk: int | None = None) -> QuerySet[EvidenceItem]:
    """Items without parts (recorded before the store), of one case or of all, oldest
    first."""
    items = EvidenceItem.objects.filter(parts__isnull=True).select_related(
        "inquiry", "uploaded_by"
    )
    if inquiry_pk is not None:
        items = items.filter(inquiry_id=inquiry_pk)
    return items.order_by("pk")


def adopt_older_items(inquiry_pk: int | None = None, *, version: str) -> list[Adoption]:
    """Adopt every older item (of case ``inquiry_pk``, or of all cases) as the module
    describes; ``version`` is the product's version, kept in the custody entry.

    Returns:
        One :class:`Adoption` per older item found; empty when there is none (a second
        run).
    """
    return [_adopt(item, version) for item in older_items(inquiry_pk)]


def _adopt(item: EvidenceItem, version: str) -> Adoption:
    try:
        with item.file.open("rb") as fh:
            artefact = store_artefact(fh)
    except FileNotFoundError:
        return Adoption(item.pk, False, problem="its file is missing")
    if artefact.sha256 != item.sha256:
        return Adoption(
            item.pk,
            False,
            problem=f"its file expected sha256 {item.sha256}, found {artefact.sha256}",
        )
    with transaction.atomic():
        # Lock the item and look again: another run may have adopted it meanwhile.
        locked = EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        if locked is None or locked.manifest_sha256 or locked.parts.exists():
            return Adoption(item.pk, False, problem="adopted meanwhile by another run")
        ItemArtefact.objects.create(
            item=item,
            artefact=artefact,
            role="file",
            name=item.original_name,
            content_type=item.content_type,
            position=0,
        )
        manifest_sha256 = hashlib.sha256(manifest_of(item)).hexdigest()
        # The one field filled after creation, and only while empty (save() refuses).
        written = EvidenceItem.objects.filter(pk=item.pk, manifest_sha256="").update(
            manifest_sha256=manifest_sha256
        )
        if written != 1:  # cannot happen under the lock; never log a manifest not held
            raise RuntimeError(f"evidence item {item.pk}: manifest not written")
        item.manifest_sha256 = manifest_sha256
        append_custody(
            inquiry=item.inquiry,
            action=CustodyAction.CREATED,
            actor=None,
            item=item,
            details={
                "manifest_sha256": manifest_sha256,
                "note": NOTE,
                "by": f"zorgvuldig {version}",
            },
        )
        request_timestamps(item)
    return Adoption(item.pk, True, manifest_sha256=manifest_sha256)
