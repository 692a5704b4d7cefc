"""Organisations, users with their role, delegations, and the audit trail.

Public surface for other apps: ``Organisation``, ``User``, ``AuditEntry`` (for foreign keys and
reads); writes go through :mod:`zorgvuldig.core.services`.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import audit
from .choices import Confidentiality, Role


class Organisation(models.Model):
    """A government organisation using the product (e.g. a ministry)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.CharField(
        _("country"), max_length=2, default="NL", help_text=_("ISO 3166-1 alpha-2")
    )
    procedure_settings = models.JSONField(
        _("procedure settings"),
        default=dict,
        blank=True,
        help_text=_(
            'Overrides of the procedure defaults, e.g. {"milestones": {"facts": [3, 5]}} '
            "(target and fatal business days after registration)."
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in. One role per user; the role decides what they may do."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    role = models.CharField(
        _("role"), max_length=32, choices=Role.choices, default=Role.EMPLOYEE
    )
    clearance = models.CharField(
        _("cleared up to"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.CONFIDENTIEEL,
        help_text=_("The highest confidentiality level this user may read."),
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text=_("Receives the escalation when this user's deadlines are overdue."),
    )
    approval_layer = models.CharField(
        _("approval layer"),
        max_length=64,
        blank=True,
        help_text=_(
            "For approvers: the layer they approve for (one of the organisation's "
            "approval layers, e.g. 'director'); empty means any layer."
        ),
    )

    oidc_subject = models.CharField(
        _("single sign-on subject"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The identity provider's subject ('sub') this account is bound to at its first "
            "single sign-on; later sign-ins must carry the same subject."
        ),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, *roles: str) -> bool:
        """Whether the user holds one of ``roles``, their own or delegated to them now."""
        return self.is_active and bool(set(self.effective_roles()) & set(roles))

    def effective_roles(self) -> list[str]:
        """The user's own role and the roles delegated to them today (cached per instance)."""
        cached = getattr(self, "_effective_roles", None)
        if cached is None:
            cached = [self.role, *(d.role for d in self.active_delegations())]
            self._effective_roles = cached
        return cached

    def active_delegations(self) -> list["Delegation"]:
        """The delegations to this user in force today, not revoked (cached per instance)."""
        cached = getattr(self, "_active_delegations", None)
        if cached is None:
            # A delegate whose own role no longer works on cases (made administrator or
            # employee after the delegation) acts for no one.
            if self.pk is None or self.role not in Role.delegable():
                cached = []
            else:
                today = timezone.localdate()
                cached = list(
                    Delegation.objects.filter(
                        to_user=self,
                        starts__lte=today,
                        ends__gte=today,
                        revoked_at__isnull=True,
                    ).select_related("from_user")
                )
            self._active_delegations = cached
        return cached

    def acting_for(self) -> list[int]:
        """The ids of the users this user acts for today: themselves and their delegators."""
        return [self.pk, *(d.from_user_id for d in self.active_delegations())]

    def delegator_for(
        self, roles: Iterable[str] | None, among_user_ids: Iterable[int]
    ) -> "User | None":
        """For whom this user acts, in one of ``roles``, on a case assigned to ``among_user_ids``.

        Args:
            roles: the roles the act needs (e.g. ``(Role.APPROVER,)``); ``None``: any role.
            among_user_ids: the ids of the users assigned to the case.

        Returns:
            ``None`` when the user acts in their own right (assigned, and their own role is
            one of ``roles``) or not through a delegation at all; otherwise the assigned
            delegator whose role (one of ``roles``) was delegated to them and is in force today.
        """
        among = set(among_user_ids)
        wanted = None if roles is None else set(roles)
        if self.pk in among and (wanted is None or self.role in wanted):
            return None
        for delegation in self.active_delegations():
            if delegation.from_user_id in among and (
                wanted is None or delegation.role in wanted
            ):
                return delegation.from_user
        return None


class Delegation(models.Model):
    """A time-limited delegation of a role to a colleague (e.g. an approver on leave).

    During ``starts``..``ends`` (calendar days, inclusive) ``to_user`` holds ``role`` and acts
    for ``from_user`` on the cases ``from_user`` is assigned to, unless it is revoked (ended
    early by the delegator or an administrator; ``revoked_at`` and ``revoked_by`` say when and
    by whom). Created and revoked through ``core.services`` and audited; never deleted, so
    the audit trail's "on behalf of" can always be traced to its delegation.
    """

    from_user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="delegations_given"
    )
    to_user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="delegations_received"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    starts = models.DateField(_("from"))
    ends = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts__lte=models.F("ends")),
                name="delegation_period_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_user} → {self.to_user} ({self.role}, {self.starts}..{self.ends})"

    @property
    def is_over(self) -> bool:
        """Whether the delegation no longer applies: revoked, or its last day has passed."""
        return self.revoked_at is not None or self.ends < timezone.localdate()


class AuditEntry(models.Model):
    """One recorded act: who did what, when and why, on which object.

    Append-only: entries are written by :func:`zorgvuldig.core.services.record_audit` and never
    changed. ``target`` is the object acted upon (usually an inquiry), so a case page can list
    everything done to its case. ``on_behalf_of`` is the delegator when the actor acted
    through a delegation. The summary is kept untranslated (``summary_msgid`` and
    ``summary_params``) and shown in the reader's language (:mod:`zorgvuldig.core.audit`).
    """

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The delegator, when the actor acted through a delegation."),
    )
    action = models.CharField(_("action"), max_length=64)
    summary = models.CharField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_(
            "As written: in English when there is an untranslated summary, else in the "
            "language of the writer (entries from before translated summaries)."
        ),
    )
    summary_msgid = models.CharField(
        _("untranslated summary"), max_length=500, blank=True
    )
    summary_params = models.JSONField(_("summary parameters"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ("-at", "-pk")
        indexes = [models.Index(fields=["target_type", "target_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action}"

    @property
    def action_label(self) -> str:
        """What was done, for people, in the active language (``""``: no label registered)."""
        return audit.action_label(self.action)

    @property
    def summary_text(self) -> str:
        """The summary in the active language; older entries show their stored text."""
        if not self.summary_msgid:
            return self.summary
        try:
            return audit.render(self.summary_msgid, self.summary_params)
        except (KeyError, ValueError, TypeError):  # a translation that does not fit
            return self.summary
