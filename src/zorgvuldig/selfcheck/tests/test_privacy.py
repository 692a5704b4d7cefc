"""The self-check page stores nothing and logs no text (DESIGN.md §3, Trust first)."""

from __future__ import annotations

import logging

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

SECRET_TEXT = (
    "Woensdag allemaal VVD stemmen! Vertrouwelijk: morgen besluit de ministerraad."
)

FORM = {
    "jurisdiction": "NL",
    "level": "senior",
    "function": "woordvoerder",
    "portfolio": "asiel, migratie",
    "account": "personal_identifiable",
    "date": "2023-11-20",
    "election_period": "on",
    "action": "post",
    "text": SECRET_TEXT,
}


@pytest.mark.django_db
def test_a_check_writes_no_row_and_logs_no_text(client, caplog, row_counts):
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            reverse("selfcheck:page"), FORM, headers={"accept-language": "en"}
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-level="prohibited"' in page  # disclosing a secret: a bright line
    assert "Not allowed" in page
    assert queries.captured_queries == []  # not even a read
    assert row_counts() == before  # sessions and messages included
    assert "sessionid" not in response.cookies
    assert "messages" not in response.cookies
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for fragment in ("VVD stemmen", "ministerraad", "Vertrouwelijk"):
        assert fragment not in logged


@pytest.mark.django_db
def test_the_page_needs_no_login(client):
    assert client.get(reverse("selfcheck:page")).status_code == 200


@pytest.mark.django_db
def test_a_form_error_keeps_what_was_entered(client):
    response = client.post(reverse("selfcheck:page"), {**FORM, "date": "not a date"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Woensdag allemaal VVD stemmen!" in page
    assert "errorlist" in page


@pytest.mark.django_db
def test_a_signed_in_employee_check_writes_nothing_either(client, caplog, row_counts):
    from zorgvuldig.core.models import User

    client.force_login(User.objects.create_user("mees", password="pw-for-tests-only"))
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("selfcheck:page"), FORM)
    assert response.status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []
    assert row_counts() == before
    assert "VVD stemmen" not in "\n".join(r.getMessage() for r in caplog.records)


@pytest.mark.django_db
def test_an_invalid_case_is_explained_and_not_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post(
        reverse("selfcheck:page"),
        {**FORM, "level": "emperor"},
        headers={"accept-language": "en"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert "VVD stemmen" not in "\n".join(r.getMessage() for r in caplog.records)


@pytest.mark.django_db
def test_an_overlong_text_is_refused_before_any_work(client):
    response = client.post(
        reverse("selfcheck:page"),
        {**FORM, "text": "PVV is slecht. " * 5000},
        headers={"accept-language": "en"},
    )
    page = response.content.decode()
    assert "Ensure this value has at most 20000 characters" in page
    assert 'data-level="' not in page
