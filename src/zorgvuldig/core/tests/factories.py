"""Users and delegations for the core's tests (the core cannot use the inquiry factories)."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from zorgvuldig.core.models import Delegation, Organisation, User

_seq = itertools.count(1)


def make_org(name: str = "Ministerie van Buitenlandse Zaken") -> Organisation:
    org, _ = Organisation.objects.get_or_create(name=name)
    return org


def make_user(role: str, org: Organisation | None = None, **fields) -> User:
    n = next(_seq)
    return User.objects.create_user(
        username=fields.pop("username", f"{role}-{n}"),
        password="pw-for-tests-only",
        first_name=fields.pop("first_name", role.replace("_", " ").title()),
        last_name=fields.pop("last_name", str(n)),
        role=role,
        organisation=org or make_org(),
        **fields,
    )


def make_delegation(
    from_user: User,
    to_user: User,
    *,
    starts: dt.date | None = None,
    days: int = 14,
    **fields,
) -> Delegation:
    """A delegation written directly (no checks), e.g. one that lies in the past."""
    starts = starts or timezone.localdate()
    return Delegation.objects.create(
        from_user=from_user,
        to_user=to_user,
        role=from_user.role,
        starts=starts,
        ends=starts + dt.timedelta(days=days),
        created_by=from_user,
        **fields,
    )
