"""States and failure reasons of URL captures, and states of automatic timestamps, with
translated labels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaptureState(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("capturing")
    DONE = "done", _("captured")
    FAILED = "failed", _("not captured")


class CaptureFailure(models.TextChoices):
    """Why a capture did not complete; the codes of ``capture.fetch.Failure`` plus
    ``storing``. The labels are what the case page says."""

    SCHEME = "scheme", _("only http and https addresses can be captured")
    MALFORMED = "malformed", _("the address is not a valid web address")
    CREDENTIALS = (
        "credentials",
        _("the address contains a user name or password; captures never send them"),
    )
    UNRESOLVED = "unresolved", _("the host name does not exist (no DNS answer)")
    NOT_PUBLIC = (
        "not_public",
        _(
            "the address leads to a non-public network address (internal, loopback, "
            "link-local, multicast or reserved); captures reach only the public internet "
            "unless an administrator allows the host"
        ),
    )
    TIMEOUT = "timeout", _("the site did not answer in time")
    TOO_LARGE = "too_large", _("the page is larger than the capture limit")
    TOO_MANY_REDIRECTS = "too_many_redirects", _("the address redirects too many times")
    CONNECTION = "connection", _("no connection could be made to the site")
    STORING = "storing", _("the capture could not be stored as evidence")


class TimestampState(models.TextChoices):
    """Where the automatic request for an item's trusted timestamps stands."""

    PENDING = "pending", _("timestamp requested")
    DONE = "done", _("timestamped")
    FAILED = "failed", _("timestamp failed")


class FactQuestion(models.TextChoices):
    """The fact questions of a case (issue 12, step 5): what the careful procedure must
    establish before anyone advises. In the 2012 case nobody asked them, and the like
    turned out to predate the post it was blamed for by two years."""

    WHAT = "what", _("What exactly was posted or liked (a page, a post, a comment)?")
    WHEN = "when", _("When was it done?")
    ACCOUNT = "account", _("By which account?")
    PUBLIC = "public", _("Was it public?")
    EXISTED = "existed", _("Did the contested content exist at the time of the action?")
    INTENT = "intent", _("Was the action deliberate or automatic?")
    EMPLOYEE = "employee", _("What does the employee say about it?")
