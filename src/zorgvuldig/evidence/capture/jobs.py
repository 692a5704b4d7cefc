"""Requesting a URL capture on a case and running it as a background job (huey).

Public surface: :func:`request_capture` (a write, called by the view), :func:`run_capture`
(the job's work; safe to run twice) and the huey task :func:`capture_task`, re-exported from
``evidence.tasks`` for huey's discovery. The product captures only addresses a person types
into a case: there is no crawling and no schedule.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from huey.contrib.djhuey import db_task

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.evidence.capture_job import UrlCapture
from zorgvuldig.evidence.choices import CaptureFailure, CaptureState
from zorgvuldig.evidence.queries import UPLOAD_ROLES, may_add_evidence
from zorgvuldig.evidence.services import EvidenceError
from zorgvuldig.inquiries.models import Inquiry

from .fetch import CaptureError, Limits, capture_url
from .storing import store_capture


def limits() -> Limits:
    """The capture limits from the settings (``ZORGVULDIG_CAPTURE_*``)."""
    return Limits(
        timeout=settings.ZORGVULDIG_CAPTURE_TIMEOUT,
        deadline=settings.ZORGVULDIG_CAPTURE_DEADLINE,
        max_bytes=settings.ZORGVULDIG_CAPTURE_MAX_BYTES,
        max_redirects=settings.ZORGVULDIG_CAPTURE_MAX_REDIRECTS,
    )


@transaction.atomic
def request_capture(
    *,
    actor: User,
    inquiry: Inquiry,
    url: str,
    description: str = "",
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
) -> UrlCapture:
    """Queue a capture of ``url`` for ``inquiry``; the job starts after the commit.

    Raises:
        EvidenceError: the actor may not add evidence or files above their clearance.
    """
    if not may_add_evidence(actor, inquiry):
        raise EvidenceError(
            _("Only an assigned case handler or advisor may add evidence.")
        )
    if confidentiality not in Confidentiality.up_to(actor.clearance):
        raise EvidenceError(_("You cannot file evidence above your own clearance."))
    capture = UrlCapture.objects.create(
        inquiry=inquiry,
        url=url.strip(),
        description=description,
        confidentiality=confidentiality,
        requested_by=actor,
    )
    record_audit(
        actor=actor,
        action="evidence.capture_requested",
        target=inquiry,
        summary=Summary(
            gettext_noop("URL capture #%(number)s"), {"number": capture.pk}
        ),
        on_behalf_of=inquiry.delegator_of(actor, *UPLOAD_ROLES),
    )
    transaction.on_commit(lambda: capture_task(capture.pk))
    return capture


def run_capture(capture_id: int) -> str:
    """Capture and store one queued capture; returns its final state.

    Safe to run twice: a capture that is no longer queued is left alone. Every failure is
    recorded on the capture with its reason, never raised.
    """
    with transaction.atomic():
        claimed = UrlCapture.objects.filter(
            pk=capture_id, state=CaptureState.QUEUED
        ).update(state=CaptureState.RUNNING, step=_("starting"))
    if not claimed:
        return "skipped"
    capture = UrlCapture.objects.select_related("inquiry", "requested_by").get(
        pk=capture_id
    )

    def progress(step: str, detail: str) -> None:
        labels = {
            "connecting": _("fetching %(where)s"),
            "redirected": _("redirected to %(where)s"),
            "extracting": _("extracting the main text of %(where)s"),
        }
        text = labels.get(step, "%(where)s") % {"where": detail}
        UrlCapture.objects.filter(pk=capture_id).update(step=text[:300])

    try:
        captured = capture_url(
            capture.url,
            limits=limits(),
            allowed_hosts=settings.ZORGVULDIG_CAPTURE_ALLOWED_HOSTS,
            progress=progress,
        )
    except CaptureError as exc:
        return _finish_failed(capture, exc.failure.value, exc.detail)
    try:
        with transaction.atomic():
            warc, text = store_capture(capture, captured)
            UrlCapture.objects.filter(pk=capture_id).update(
                state=CaptureState.DONE,
                step="",
                final_url=captured.final_url[:2000],
                http_status=captured.status,
                warc_item=warc,
                text_item=text,
                finished_at=timezone.now(),
            )
    except EvidenceError as exc:
        return _finish_failed(capture, CaptureFailure.STORING, str(exc))
    return CaptureState.DONE


def _finish_failed(capture: UrlCapture, failure: str, detail: str) -> str:
    UrlCapture.objects.filter(pk=capture.pk).update(
        state=CaptureState.FAILED,
        step="",
        failure=failure,
        failure_detail=detail[:2000],
        finished_at=timezone.now(),
    )
    record_audit(
        actor=None,
        action="evidence.capture_failed",
        target=capture.inquiry,
        summary=Summary(
            gettext_noop("URL capture #%(number)s: %(reason)s"),
            {"number": capture.pk, "reason": failure},
        ),
    )
    return CaptureState.FAILED


@db_task()
def capture_task(capture_id: int) -> str:
    """The background job of one capture (by id; reloads, safe to run twice)."""
    return run_capture(capture_id)
