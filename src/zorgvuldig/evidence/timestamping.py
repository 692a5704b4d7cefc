"""Trusted timestamps taken automatically after an item is added (issue 12, step 3).

Public surface: :func:`request_timestamps` (called by ``services.add_evidence``),
:func:`ask_again` (a person asks again after the retries gave up),
:func:`run_timestamps` (the job's work; safe to run twice) and the huey task
:func:`timestamp_task`, re-exported from ``evidence.tasks`` for huey's discovery.

When ``ZORGVULDIG_TIMESTAMP_AUTHORITIES`` lists one or more authorities, adding an item
records a :class:`~zorgvuldig.evidence.models.TimestampRequest` and, after the commit,
queues a job that asks every authority for an RFC 3161 token over the item's manifest
(:func:`zorgvuldig.evidence.timestamps.timestamp_item`). A failing authority never blocks
anything: the item is stored and usable, the failure is shown on the evidence panel, and
the job is retried (:data:`RETRIES` times, after 1, 4, 16 and 64 minutes) asking only the
authorities that have not given a token yet.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from huey.contrib.djhuey import db_task

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit

from .choices import TimestampState
from .models import EvidenceItem, TimestampRequest
from .queries import UPLOAD_ROLES, may_add_evidence
from .timestamps import TimestampError, timestamp_item

#: How often a job with a failing authority is tried again, and the first delay (seconds;
#: each later delay is :data:`BACKOFF` times the one before).
RETRIES = 4
RETRY_DELAY = 60
BACKOFF = 4


def request_timestamps(item: EvidenceItem) -> TimestampRequest | None:
    """Queue the timestamps of a just-added ``item`` (after the commit); ``None`` when no
    authority is configured."""
    if not settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES:
        return None
    request = TimestampRequest.objects.create(item=item)
    transaction.on_commit(lambda: timestamp_task(item.pk))
    return request


class AskAgainError(Exception):
    """The timestamps cannot be asked again: the message says why, for the person."""


def ask_again(*, actor: User, item: EvidenceItem) -> TimestampRequest:
    """Queue ``item``'s timestamps again (after the commit) once its request has failed,
    for an assigned case handler or advisor; audited as ``evidence.timestamps_requested``.

    Raises:
        AskAgainError: the actor may not add evidence to the case, no authority is
            configured, or the request has not failed for good (pending, done, or failed
            with automatic retries still to come).
    """
    if not may_add_evidence(actor, item.inquiry):
        raise AskAgainError(
            _("Only an assigned case handler or advisor may ask for timestamps again.")
        )
    if not settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES:
        raise AskAgainError(_("No timestamp authority is configured."))
    with transaction.atomic():
        request, created = TimestampRequest.objects.select_for_update().get_or_create(
            item=item
        )
        if not created and (
            request.state != TimestampState.FAILED or request.attempts <= RETRIES
        ):
            raise AskAgainError(
                _(
                    "The timestamps of this item have not failed, or are still being "
                    "tried again: nothing to ask again."
                )
            )
        # a new round: its retries count from zero again
        TimestampRequest.objects.filter(pk=request.pk).update(
            state=TimestampState.PENDING, attempts=0
        )
        record_audit(
            actor=actor,
            action="evidence.timestamps_requested",
            target=item.inquiry,
            summary=Summary("#%(item)s", {"item": item.pk}),
            on_behalf_of=item.inquiry.delegator_of(actor, *UPLOAD_ROLES),
        )
        transaction.on_commit(lambda: timestamp_task(item.pk))
    request.refresh_from_db()
    return request


def run_timestamps(item_id: int) -> TimestampRequest:
    """Ask every configured authority that has not yet given ``item_id`` a token; record
    the outcome on its :class:`TimestampRequest` (made if missing) and return it.

    Safe to run twice: an authority that already gave a token is not asked again, so a
    retry adds only the missing tokens. Failures are recorded, never raised.
    """
    item = EvidenceItem.objects.select_related("inquiry", "uploaded_by").get(pk=item_id)
    request, _ = TimestampRequest.objects.get_or_create(item=item)
    have = frozenset(item.timestamps.values_list("authority", flat=True))
    _tokens, problems = timestamp_item(item, skip=have)
    TimestampRequest.objects.filter(pk=request.pk).update(
        state=TimestampState.FAILED if problems else TimestampState.DONE,
        attempts=F("attempts") + 1,
        problems=problems,
    )
    request.refresh_from_db()
    return request


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY, retry_backoff=BACKOFF)
def timestamp_task(item_id: int) -> str:
    """The background job of one item's timestamps (by id; reloads, safe to run twice).

    Raises:
        TimestampError: some authority failed; huey runs the job again later.
    """
    request = run_timestamps(item_id)
    if request.problems:
        raise TimestampError("; ".join(request.problems))
    return request.state
