"""The documents of a case as Word or PDF; every read is audited."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.answers.documents import (
    DOCUMENT_STATES,
    DocumentError,
    not_available,
    render_docx,
    render_pdf,
)
from zorgvuldig.inquiries.procedure.advisors import advisor_kind
from zorgvuldig.inquiries.queries import get_inquiry_for

from .parameters import positive_int

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def download_document(
    request: AuthenticatedHttpRequest, inquiry_pk: int, kind: str, fmt: str = "docx"
) -> HttpResponse:
    """A document of the case (answer, postponement notice, hearing report, advice request)
    as Word or PDF; every read is audited, at every confidentiality level."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    if kind.startswith("advice-request-"):
        to = advisor_kind(inquiry.organisation, kind.removeprefix("advice-request-"))
        if to is None:
            raise Http404("No such advisor.")
        template, advisor = "advice_request", to.addressee
    elif (
        kind in DOCUMENT_STATES and kind != "advice_request"
    ):  # that one is per advisor
        template, advisor = kind, ""
    else:
        raise Http404("No such document.")
    if fmt not in CONTENT_TYPES:
        raise Http404("No such document.")
    not_yet = not_available(template, inquiry.state)
    if not_yet:
        messages.error(request, not_yet)
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    render = render_pdf if fmt == "pdf" else render_docx
    person = request.GET.get("person", "")
    try:
        content = render(inquiry, template, advisor, positive_int(person))
    except DocumentError as exc:
        messages.error(request, str(exc))
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    services.record_document_read(
        actor=request.user, inquiry=inquiry, document=f"{kind}.{fmt}"
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{kind}-{inquiry.number or inquiry.pk}.{fmt}"
    )
    return response
