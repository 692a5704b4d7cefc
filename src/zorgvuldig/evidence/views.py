"""Evidence pages: the panel on the case page, upload, an item's page (logged as viewed),
hash-checked download and the WACZ export."""

from __future__ import annotations

import tempfile
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import get_inquiry_for
from zorgvuldig.inquiries.views.case_form import panel_action

from . import services
from .bundle import ExportError
from .capture.jobs import request_capture
from .forms import CaptureForm, EvidenceForm
from .queries import (
    item_custody,
    may_add_evidence,
    panel_items,
    text_preview,
    visible_captures,
    visible_items,
)
from .timestamping import RETRIES, AskAgainError, ask_again


def panel_context(
    request: AuthenticatedHttpRequest,
    inquiry: Inquiry,
    bound_form: EvidenceForm | CaptureForm | None = None,
) -> dict[str, Any]:
    """Context of the evidence panel on the case page (the upload form and the capture
    form share the panel; ``bound_form`` is whichever was submitted)."""
    user = request.user
    captures = list(visible_captures(user, inquiry))
    return {
        "inquiry": inquiry,
        "items": panel_items(user, inquiry),
        "timestamp_retries": RETRIES,
        "form": bound_form if isinstance(bound_form, EvidenceForm) else EvidenceForm(),
        "capture_form": (
            bound_form if isinstance(bound_form, CaptureForm) else CaptureForm()
        ),
        "captures": captures,
        "captures_pending": any(c.pending for c in captures),
        "can_upload": may_add_evidence(user, inquiry),
    }


@panel_action("evidence", EvidenceForm, services.EvidenceError)
def upload(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: EvidenceForm
) -> str:
    """Add an evidence file to the case."""
    item = services.add_evidence(
        actor=request.user,
        inquiry=inquiry,
        upload=form.cleaned_data["file"],
        description=form.cleaned_data["description"],
        confidentiality=form.cleaned_data["confidentiality"],
    )
    return _("Stored %(name)s (SHA-256 %(h)s).") % {
        "name": item.original_name,
        "h": item.sha256,
    }


@panel_action("evidence", CaptureForm, services.EvidenceError)
def capture(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: CaptureForm
) -> str:
    """Queue a capture of a web address the case names; the job reports on the panel."""
    job = request_capture(
        actor=request.user,
        inquiry=inquiry,
        url=form.cleaned_data["url"],
        description=form.cleaned_data["description"],
        confidentiality=form.cleaned_data["confidentiality"],
    )
    return _("Capture of %(url)s requested; its progress shows under Evidence.") % {
        "url": job.url
    }


def download(
    request: AuthenticatedHttpRequest, inquiry_pk: int, item_pk: int
) -> HttpResponse | FileResponse:
    """Serve an evidence file only when its SHA-256 still matches the record."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    item = get_object_or_404(visible_items(request.user, inquiry), pk=item_pk)
    integrity = services.verify(item)
    services.record_download(actor=request.user, item=item, integrity=integrity)
    if not integrity.ok:
        return render(
            request,
            "evidence/integrity_failed.html",
            {"inquiry": inquiry, "item": item, "integrity": integrity},
            status=409,
        )
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-SHA256"] = item.sha256
    return response


def item(
    request: AuthenticatedHttpRequest, inquiry_pk: int, item_pk: int
) -> HttpResponse:
    """An item's page: its record, parts with their hashes, timestamps, the start of its
    text (a note, a capture's main text) and its custody entries. Each request is logged
    as ``viewed`` in the custody log and the audit trail."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    evidence = get_object_or_404(
        visible_items(request.user, inquiry).select_related("timestamping"),
        pk=item_pk,
    )
    services.record_view(actor=request.user, item=evidence)
    parts = [
        (part, text_preview(part)) for part in evidence.parts.select_related("artefact")
    ]
    return render(
        request,
        "evidence/item.html",
        {
            "inquiry": inquiry,
            "item": evidence,
            "parts": parts,
            "tokens": evidence.timestamps.defer("response", "chain_pem"),
            "custody": item_custody(evidence).select_related("actor"),
            "timestamp_retries": RETRIES,
            "can_ask_again": may_add_evidence(request.user, inquiry),
        },
    )


@require_POST
def retry_timestamps(
    request: AuthenticatedHttpRequest, inquiry_pk: int, item_pk: int
) -> HttpResponse:
    """Ask the timestamp authorities again for an item whose timestamps failed."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    evidence = get_object_or_404(visible_items(request.user, inquiry), pk=item_pk)
    try:
        ask_again(actor=request.user, item=evidence)
    except AskAgainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Timestamps requested again; the result shows on this page.")
        )
    return redirect("evidence:item", inquiry.pk, evidence.pk)


def export(
    request: AuthenticatedHttpRequest, inquiry_pk: int
) -> HttpResponse | FileResponse:
    """Serve the case's evidence that the user may see as a WACZ bundle (the same check
    as :func:`download`: assigned to the case, cleared for each item), written to a
    temporary file first so that a refused export serves nothing; 409 naming the item
    whose artefact no longer matches its hash."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    target = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it
    try:
        services.export_evidence(actor=request.user, inquiry=inquiry, target=target)
    except ExportError as exc:
        target.close()
        return render(
            request,
            "evidence/export_failed.html",
            {"inquiry": inquiry, "reason": str(exc)},
            status=409,
        )
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=f"case-{inquiry.pk}-evidence.wacz",
        content_type="application/octet-stream",
    )
