"""The case handler's dashboard: order, filters, CSV export, and a fixed number of queries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import InquiryKind, State
from zorgvuldig.inquiries.exports import spreadsheet_safe
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import dashboard

from .factories import QUESTIONS, Team, build_inquiry

pytestmark = pytest.mark.django_db


def _register(team, subject, submitted, **extra):
    return services.register_inquiry(
        actor=team.handler,
        organisation=team.org,
        kind=extra.pop("kind", InquiryKind.PARLIAMENTARY_WRITTEN),
        subject=subject,
        submitted=submitted,
        questions=QUESTIONS,
        assignees=team.members,
        **extra,
    )


def test_overdue_first_then_by_due_date():
    team = Team()
    today = dt.date(2026, 11, 29)
    later = _register(team, "Later", dt.date(2026, 11, 20))  # due 11 Dec
    sooner = _register(team, "Sooner", dt.date(2026, 11, 10))  # due 1 Dec
    overdue = _register(team, "Overdue", dt.date(2026, 10, 1))  # due 22 Oct
    undated = _register(team, "No date", None)
    rows = list(dashboard(team.handler, today=today))
    assert [r.subject for r in rows] == ["Overdue", "Sooner", "Later", "No date"]
    assert [r.overdue for r in rows] == [True, False, False, False]
    assert {later.pk, sooner.pk, overdue.pk, undated.pk} == {r.pk for r in rows}


def test_filters():
    team = Team()
    _register(team, "Kamervragen", dt.date(2026, 10, 1))
    _register(team, "OR-memo", dt.date(2026, 10, 1), kind=InquiryKind.WORKS_COUNCIL)
    kinds = dashboard(team.handler, kind=InquiryKind.WORKS_COUNCIL)
    assert [r.subject for r in kinds] == ["OR-memo"]
    states = dashboard(team.handler, state=State.FACTS_ESTABLISHED)
    assert list(states) == []
    overdue = dashboard(team.handler, overdue_only=True, today=dt.date(2026, 11, 29))
    assert [r.subject for r in overdue] == ["Kamervragen"]  # the memo has no deadline
    other = Team(team.org)
    assert list(dashboard(team.handler, assignee=other.handler.pk)) == []


def test_sent_cases_are_never_overdue():
    team = Team()
    inquiry = build_inquiry(team, State.SENT)
    assert not dashboard(team.handler).filter(pk=inquiry.pk).exists()  # open cases only
    row = dashboard(team.handler, state=State.SENT).get(pk=inquiry.pk)
    assert row.deadline < dt.date.today()  # noqa: DTZ011
    assert row.overdue is False


@pytest.mark.parametrize(
    "value", ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_cells_are_neutralised(value):
    assert spreadsheet_safe(value) == "'" + value


def _export(client, language, **params):
    response = client.get(
        reverse("inquiries:export_csv"), params, headers={"accept-language": language}
    )
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # for spreadsheets
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_export_is_filtered_and_safe(client):
    team = Team()
    _register(team, "=cmd|' /C calc'!A0", dt.date(2026, 10, 1))
    _register(team, "Not overdue", None)
    client.force_login(team.handler)
    rows = _export(client, "en", overdue="on")
    assert len(rows) == 2
    assert rows[1][1] == "'=cmd|' /C calc'!A0"
    # An invalid filter is left out; the valid ones still apply.
    assert len(_export(client, "en", overdue="on", state="xyz")) == 2


@pytest.mark.parametrize(
    ("language", "head", "row"),
    [
        (
            "en",
            [
                "Parliament number",
                "Subject",
                "Kind",
                "State",
                "Submitted on",
                "Answer due",
                "Overdue",
                "Case handlers",
            ],
            ["Written parliamentary questions", "Registered", "2026-10-01"],
        ),
        (
            "nl",
            [
                "Nummer Tweede Kamer",
                "Onderwerp",
                "Soort",
                "Status",
                "Ingezonden op",
                "Antwoord uiterlijk",
                "Te laat",
                "Zaakbehandelaars",
            ],
            ["Schriftelijke Kamervragen", "Geregistreerd", "2026-10-01"],
        ),
    ],
)
def test_csv_export_speaks_the_language_of_the_request(client, language, head, row):
    team = Team()
    _register(team, "Facebook-like", dt.date(2026, 10, 1), number="2026Z01234")
    _register(team, "Persvragen", None, kind=InquiryKind.PRESS)
    client.force_login(team.handler)
    rows = _export(client, language)
    assert rows[0] == head
    overdue, undated = rows[1], rows[2]
    assert overdue[0] == "2026Z01234"
    assert [overdue[2], overdue[3], overdue[4]] == row
    assert overdue[6] == {"en": "Yes", "nl": "Ja"}[language]
    assert undated[6] == {"en": "No", "nl": "Nee"}[language]
    assert overdue[7] == team.handler.get_full_name()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_dashboard_and_case_page_queries_do_not_grow_with_the_number_of_cases(client):
    team = Team()
    first = build_inquiry(team, State.ANSWER_DRAFTED)
    client.force_login(team.handler)
    one = _count_queries(client, reverse("inquiries:list"))
    page_one = _count_queries(client, reverse("inquiries:detail", args=[first.pk]))
    for n in range(199):
        _register(team, f"Vragen {n}", dt.date(2026, 10, 1) + dt.timedelta(days=n % 60))
    assert Inquiry.objects.count() == 200
    many = _count_queries(client, reverse("inquiries:list"))
    page_many = _count_queries(client, reverse("inquiries:detail", args=[first.pk]))
    # Measured 6 for the list (session, user, delegations, records about the user, one page
    # of rows, their handlers) and 18 for the case page (session, user, delegations, the
    # inquiry and 9 relations read with it (with the measure history, issue 13), the
    # audit entry of the view, article checks, assignable users, evidence, the facts
    # timeline's events, URL captures, audit trail); 22 since the facts page has answers
    # to its fact questions (one query) and links them to the evidence (the items read
    # once for the seven forms).
    assert one == many <= 6
    assert page_one == page_many <= 22


def test_the_dashboard_is_paginated(client):
    team = Team()
    for n in range(55):
        _register(team, f"Vragen {n}", dt.date(2026, 10, 1))
    client.force_login(team.handler)
    first = client.get(reverse("inquiries:list"), {"overdue": "on"}).content.decode()
    assert first.count('href="/inquiries/') >= 50
    assert "page=2" in first and "overdue=on" in first
    second = client.get(
        reverse("inquiries:list"), {"overdue": "on", "page": 2}
    ).content.decode()
    assert len(re.findall(r">Vragen \d+<", second)) == 5
