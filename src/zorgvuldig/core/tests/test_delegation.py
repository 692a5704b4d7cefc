"""Delegating a role: who may, which roles, which periods; revoking; and whom a delegate acts
for (``User.delegator_for``)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

import pytest
import time_machine

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry, Delegation, User
from zorgvuldig.core.services import DelegationError, delegate_role, revoke_delegation

from .factories import make_delegation, make_org, make_user

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    """The user reloaded, without the per-instance cache of delegations."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def people():
    org = make_org()
    return {
        "approver": make_user(Role.APPROVER, org),
        "deputy": make_user(Role.CASE_HANDLER, org),
        "colleague": make_user(Role.LEGAL_ADVISOR, org),
        "admin": make_user(Role.ADMINISTRATOR, org),
        "foreign_admin": make_user(
            Role.ADMINISTRATOR, make_org("Ministerie van Defensie")
        ),
    }


def _delegate(people, **changes) -> Delegation:
    today = timezone.localdate()
    kwargs = {
        "actor": people["approver"],
        "from_user": people["approver"],
        "to_user": people["deputy"],
        "starts": today,
        "ends": today + dt.timedelta(days=13),
        "reason": "Vakantie",
    } | changes
    return delegate_role(**kwargs)


# -- which roles ---------------------------------------------------------------------------


def test_the_delegable_roles_are_those_that_act_on_cases():
    assert set(Role.delegable()) >= {
        Role.CASE_HANDLER,
        Role.HR_ADVISOR,
        Role.LEGAL_ADVISOR,
        Role.COMMUNICATIONS,
        Role.APPROVER,
    }
    assert not {Role.EMPLOYEE, Role.WORKS_COUNCIL, Role.ADMINISTRATOR} & set(
        Role.delegable()
    )


@pytest.mark.parametrize("role", Role.delegable())
def test_a_role_that_acts_on_cases_is_delegated(people, role):
    holder = make_user(role, people["deputy"].organisation)
    delegation = _delegate(people, actor=holder, from_user=holder)
    assert delegation.role == role
    assert _fresh(people["deputy"]).has_role(role)


@pytest.mark.parametrize(
    "role", [Role.EMPLOYEE, Role.WORKS_COUNCIL, Role.ADMINISTRATOR]
)
def test_a_role_that_does_not_act_on_cases_is_not_delegated(people, role):
    holder = make_user(role, people["deputy"].organisation)
    with pytest.raises(DelegationError, match="act on cases") as refused:
        _delegate(people, actor=holder, from_user=holder)
    assert refused.value.field is None
    assert not Delegation.objects.exists()


@pytest.mark.parametrize(
    "role", [Role.EMPLOYEE, Role.WORKS_COUNCIL, Role.ADMINISTRATOR]
)
def test_no_role_goes_to_someone_who_does_not_work_on_cases(people, role):
    """An administrator manages accounts; a delegated role would open cases to them."""
    with pytest.raises(DelegationError, match="works council") as refused:
        _delegate(people, to_user=make_user(role, people["deputy"].organisation))
    assert refused.value.field == "to_user"


# -- which periods -------------------------------------------------------------------------


def test_a_period_starting_today_is_accepted_and_audited(people):
    delegation = _delegate(people)
    assert delegation.starts == timezone.localdate()
    entry = AuditEntry.objects.get(action="role.delegated")
    assert entry.actor == people["approver"]
    assert entry.summary_params["role"] == {"choice": "core.Role", "value": "approver"}


def test_a_period_starting_in_the_past_is_refused_naming_the_field(people):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    with pytest.raises(DelegationError, match=r"\(From\).*past") as refused:
        _delegate(people, starts=yesterday)
    assert refused.value.field == "starts"
    assert not Delegation.objects.exists()


def test_the_past_is_measured_in_amsterdam_not_utc(people):
    # 23:30 UTC on 29 March 2026 is already 30 March in Amsterdam (summer time begins).
    with time_machine.travel(
        dt.datetime(2026, 3, 29, 23, 30, tzinfo=dt.UTC), tick=False
    ):
        with pytest.raises(DelegationError) as refused:
            _delegate(people, starts=dt.date(2026, 3, 29), ends=dt.date(2026, 4, 5))
        assert refused.value.field == "starts"
        _delegate(people, starts=dt.date(2026, 3, 30), ends=dt.date(2026, 4, 5))


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"to_user": "approver"}, "to_user", "oneself"),
        ({"to_user": "foreign_admin"}, "to_user", "same organisation"),
        ({"ends": -1}, "ends", "ends before"),
        ({"ends": 93}, "ends", "at most"),
    ],
)
def test_bad_delegations_name_the_field_at_fault(people, change, field, message):
    today = timezone.localdate()
    if "to_user" in change:
        change = {"to_user": people[change["to_user"]]}
    else:
        change = {"ends": today + dt.timedelta(days=change["ends"])}
    with pytest.raises(DelegationError, match=message) as refused:
        _delegate(people, **change)
    assert refused.value.field == field


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [
        ("approver", True),
        ("admin", True),
        ("foreign_admin", False),
        ("colleague", False),
    ],
)
def test_who_may_delegate_a_role(people, actor, allowed):
    if allowed:
        assert _delegate(people, actor=people[actor]).created_by == people[actor]
    else:
        with pytest.raises(DelegationError, match="themselves or an administrator"):
            _delegate(people, actor=people[actor])


# -- revoking -------------------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["approver", "admin"])
def test_the_delegator_or_an_administrator_revokes(people, actor):
    delegation = _delegate(people)
    assert _fresh(people["deputy"]).has_role(Role.APPROVER)
    with time_machine.travel(timezone.now() + dt.timedelta(hours=1), tick=False):
        revoked = revoke_delegation(
            actor=people[actor], delegation=delegation, reason="Eerder terug"
        )
        assert revoked.revoked_at == timezone.now()
    assert revoked.revoked_by == people[actor]
    deputy = _fresh(people["deputy"])
    assert deputy.active_delegations() == []
    assert not deputy.has_role(Role.APPROVER)
    entry = AuditEntry.objects.get(action="role.delegation_revoked")
    assert (entry.actor, entry.reason) == (people[actor], "Eerder terug")
    assert entry.target == people["approver"]


@pytest.mark.parametrize("actor", ["deputy", "colleague", "foreign_admin"])
def test_no_one_else_revokes(people, actor):
    delegation = _delegate(people)
    with pytest.raises(DelegationError, match="delegator or an administrator"):
        revoke_delegation(actor=people[actor], delegation=delegation)
    delegation.refresh_from_db()
    assert delegation.revoked_at is None
    assert not AuditEntry.objects.filter(action="role.delegation_revoked").exists()


def test_a_future_delegation_can_be_cancelled(people):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    delegation = _delegate(people, starts=tomorrow, ends=tomorrow)
    revoke_delegation(actor=people["approver"], delegation=delegation)
    with time_machine.travel(dt.datetime.combine(tomorrow, dt.time(12), dt.UTC)):
        assert _fresh(people["deputy"]).active_delegations() == []


def test_a_revoked_or_ended_delegation_is_not_revoked_again(people):
    delegation = _delegate(people)
    revoke_delegation(actor=people["approver"], delegation=delegation)
    with pytest.raises(DelegationError, match="already been revoked"):
        revoke_delegation(actor=people["approver"], delegation=delegation)
    ended = make_delegation(
        people["approver"],
        people["deputy"],
        starts=timezone.localdate() - dt.timedelta(days=20),
        days=5,
    )
    with pytest.raises(DelegationError, match="already ended"):
        revoke_delegation(actor=people["approver"], delegation=ended)


# -- on whose behalf ------------------------------------------------------------------------


def test_delegator_for_says_whom_a_delegate_acts_for(people):
    approver, deputy = people["approver"], people["deputy"]
    _delegate(people)
    deputy = _fresh(deputy)
    assigned = [approver.pk, deputy.pk]
    # Acting as approver on a case of the approver: on the approver's behalf.
    assert deputy.delegator_for([Role.APPROVER], assigned) == approver
    assert deputy.delegator_for(None, [approver.pk]) == approver
    # Acting in their own role on a case they are assigned to: in their own right.
    assert deputy.delegator_for([Role.CASE_HANDLER], assigned) is None
    assert deputy.delegator_for(None, assigned) is None
    # A role that was not delegated, or a case the delegator is not assigned to: no one.
    assert deputy.delegator_for([Role.HR_ADVISOR], assigned) is None
    assert deputy.delegator_for([Role.APPROVER], [deputy.pk]) is None
    assert approver.delegator_for([Role.APPROVER], assigned) is None


def test_a_revoked_delegation_acts_for_no_one(people):
    delegation = _delegate(people)
    revoke_delegation(actor=people["admin"], delegation=delegation)
    deputy = _fresh(people["deputy"])
    assert deputy.delegator_for([Role.APPROVER], [people["approver"].pk]) is None
    assert deputy.acting_for() == [deputy.pk]


@pytest.mark.parametrize("new_role", [Role.ADMINISTRATOR, Role.EMPLOYEE])
def test_a_delegate_whose_role_changes_away_from_cases_acts_for_no_one(
    people, new_role
):
    delegation = _delegate(people)
    deputy = _fresh(delegation.to_user)
    assert deputy.active_delegations()
    deputy.role = new_role
    deputy.save()
    assert _fresh(deputy).active_delegations() == []
