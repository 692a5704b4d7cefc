"""Every view that shows personal data, requested as every role, leaves an audit entry.

The matrix is generated from the URL resolver (issue 11): every URL pattern is either a read
of personal data (:data:`READS`), a write whose refusal shows the case page again
(:data:`CASE_WRITES`: the case page records its own view), or named in :data:`NO_PERSONAL_DATA`
with the reason. A new URL fails :func:`test_every_url_is_classified` until it is placed.

Each read is requested by a user of every role, both assigned to the case and not; the
employee the case is about is one of them. Whatever the answer, personal data is served
only with an entry on record: a 200 leaves a new read entry by that user on the case;
anything else (404, 403, a redirect) served nothing. Recording refusals with the user is
the security-event part of issue 11 (branch ``trust-auth``).
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

import pytest

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.evidence.services import add_evidence
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.services import READ_ACTIONS
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db

#: The actions of read entries: the inquiries' and the evidence app's.
READ_ENTRIES = (
    *READ_ACTIONS,
    "evidence.downloaded",
    "evidence.viewed",
    "evidence.exported",
    "evidence.integrity_failed",
)

#: Reads of personal data: ``{url name: [extra kwargs per variant]}``; ``inquiry_pk`` and
#: ``item_pk`` are filled in from the case.
READS: dict[str, list[dict]] = {
    "inquiries:detail": [{}],
    "inquiries:record_about_me": [{}],
    "inquiries:export_csv": [{}],
    "inquiries:answer_docx": [{}],
    "inquiries:postponement_docx": [{}],
    "inquiries:document": [
        {"kind": "hearing", "fmt": "docx"},
        {"kind": "hearing", "fmt": "pdf"},
        {"kind": "advice-request-hr", "fmt": "docx"},
    ],
    "evidence:download": [{}],
    "evidence:item": [{}],
    "evidence:export": [{}],
    # The case page with the conduct form filled from the timeline (nothing saved).
    "evidence:conduct_from_timeline": [{}],
}
#: Reads whose document the matrix's case does not have (no postponement notice): every
#: request is refused with a message, so only the refusal is checked.
ABSENT = {"inquiries:postponement_docx"}
#: POST-only forms of the case page: refused or invalid, they show the case page again.
CASE_WRITES = {
    "inquiries:facts",
    "inquiries:conduct",
    "inquiries:advice",
    "inquiries:hearing",
    "inquiries:measure",
    "inquiries:measure_history",
    "inquiries:answers",
    "inquiries:override",
    "inquiries:assign",
    "inquiries:postpone",
    "inquiries:transition",
    "evidence:upload",
    "evidence:import_export",
    "evidence:import_own_export",
    "evidence:capture",
    "evidence:seen",
    "evidence:post",
    "evidence:answer_fact",
    "evidence:retry_timestamps",
    "media:check",
}
#: URLs that show no personal data, and why.
NO_PERSONAL_DATA = {
    "home": "the start page",
    "healthz": "a liveness check",
    "login": "the login form",
    "logout": "signs out",
    "oidc_authentication_init": "starts single sign-on at the identity provider",
    "oidc_authentication_callback": "signs in from the identity provider's answer",
    "otp_verify": "asks the second factor's code",
    "otp_enrol": "sets up one's own second factor: one's own key, no case data",
    "set_language": "sets the language",
    "selfcheck:page": "the employee's own text, checked and not stored",
    "selfcheck:guidance": "guidance for everyone",
    "api:api-root": "the API's index",
    "api:selfcheck": "the self-check API: the caller's own text, not stored",
    "api:questions-read": (
        "reads the text, file or Kamer number the caller sends; stores nothing and "
        "shows no stored case"
    ),
    "api:openapi-json": "the API description",
    "api:openapi-view": "the API documentation page",
    "inquiries:list": "the dashboard: case numbers, subjects and deadlines, no persons",
    "inquiries:intake": "the form to register a case",
    "delegations": "the user's own delegations (colleagues' names and roles)",
    "revoke_delegation": "revokes a delegation (POST)",
}


def _names(patterns=None, namespace=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue  # accounts and settings only: see tests/test_administrator.py
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}"


def test_every_url_is_classified():
    names = set(_names())
    classified = set(READS) | CASE_WRITES | set(NO_PERSONAL_DATA)
    assert names - classified == set(), "place the new URL in one of the lists"
    assert classified - names == set(), "a listed URL no longer exists"


@pytest.fixture
def world():
    """One case with evidence, its team of every role that works on cases, the employee it
    is about, and per role a user of the same organisation who is not on the case."""
    team = Team()
    case = build_inquiry(team, State.APPROVED)
    advisor = make_user(Role.ADVISOR, team.org)
    case.assignees.add(advisor)
    employee = make_user(Role.EMPLOYEE, team.org)
    case.persons.update(user=employee)
    item = add_evidence(
        actor=team.handler,
        inquiry=case,
        upload=SimpleUploadedFile("screenshot.png", b"\x89PNG fake"),
    )
    insiders = [*team.members, advisor, employee]
    outsiders = [make_user(role, team.org) for role in Role.values]
    superuser = User.objects.create_superuser("root", password="pw-for-tests-only")
    return case, item, [*insiders, *outsiders, superuser]


def _requests():
    for name, variants in READS.items():
        for extra in variants:
            yield pytest.param(
                name,
                extra,
                id=f"{name}{'-' + '.'.join(extra.values()) if extra else ''}",
            )


def _url(name, extra, case, item):
    pattern_kwargs = {"inquiry_pk": case.pk, "item_pk": item.pk, **extra}
    for kwargs in (
        pattern_kwargs,
        {k: v for k, v in pattern_kwargs.items() if k != "item_pk"},
        {},
    ):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            pass
    raise AssertionError(name)


def _served(client, user, method, url) -> tuple[int, int]:
    """``(status, read entries added by user)``; an export that lists no case counts as
    refused (status 204): it served nothing to record."""
    client.force_login(user)
    before = AuditEntry.objects.filter(actor=user, action__in=READ_ENTRIES).count()
    response = getattr(client, method)(
        url, {"reason": "x", "text": "x"} if method == "post" else None
    )
    after = AuditEntry.objects.filter(actor=user, action__in=READ_ENTRIES).count()
    if url.endswith(".csv") and response.content.decode().count("\n") <= 1:
        return 204, after - before  # the header row only
    return response.status_code, after - before


@pytest.mark.parametrize(("name", "extra"), list(_requests()))
def test_every_read_by_every_role_is_on_record(client, world, name, extra):
    case, item, users = world
    url = _url(name, extra, case, item)
    served = []
    for user in users:
        status, recorded = _served(client, user, "get", url)
        if status == 200:
            served.append(user.role)
            assert recorded >= 1, (url, user.role, user.username)
        else:
            assert status in (204, 302, 403, 404, 409), (url, user.role, status)
    if name not in ABSENT:
        assert served, f"nobody could read {url}: the test would prove nothing"


@pytest.mark.parametrize("name", sorted(CASE_WRITES))
def test_a_refused_write_shows_the_case_only_on_record(client, world, name):
    case, item, users = world
    url = _url(
        name, {"name": "approve"} if name.endswith("transition") else {}, case, item
    )
    for user in users:
        status, recorded = _served(client, user, "post", url)
        if status == 200:  # the case page shown again with the refused form
            assert recorded >= 1, (url, user.role)
        else:
            assert status in (302, 403, 404, 405), (url, user.role, status)


def test_the_trail_points_to_the_record_instead_of_copying_it(client, world):
    case, item, users = world
    handler = users[0]
    for name in (
        "inquiries:detail",
        "evidence:download",
        "evidence:item",
        "evidence:export",
        "inquiries:export_csv",
    ):
        _served(client, handler, "get", _url(name, {}, case, item))
    person = case.persons.get()
    for entry in AuditEntry.objects.filter(action__in=READ_ENTRIES):
        for copied in (
            person.name,
            case.subject,
            item.original_name,
            case.facts or "\0",
        ):
            assert copied not in entry.summary, (entry.action, copied)
        assert entry.target_id == str(case.pk)


def test_a_read_is_recorded_below_confidential(client, world):
    """The issue's failure: case pages were never recorded, documents only from
    ``vertrouwelijk`` up, while cases default to ``zaakvertrouwelijk``."""
    case, item, users = world
    assert case.confidentiality == Confidentiality.ZAAKVERTROUWELIJK
    handler = users[0]
    for name in ("inquiries:detail", "inquiries:answer_docx"):
        status, recorded = _served(client, handler, "get", _url(name, {}, case, item))
        assert (status, recorded) == (200, 1), name
