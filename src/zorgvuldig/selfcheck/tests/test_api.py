"""``POST /api/selfcheck``: the checker's verdict as JSON, no login, nothing stored or logged."""

from __future__ import annotations

import copy
import logging

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from zorgvuldig.rulebooks.check import run_check

from .cases import case

URL = "/api/selfcheck"
SECRET_TEXT = "Vertrouwelijk: morgen besluit de ministerraad. Stem allemaal VVD!"
#: The shared kept like, with one more post given as plain text: the API takes a post as
#: text or as ``{text, date}``.
KEPT_LIKE = case(
    action__target__content=[
        *case()["action"]["target"]["content"],
        "Samen staan we op tegen discriminatie.",
    ]
)
SECRET_POST = {
    "actor": {"jurisdiction": "NL", "level": "senior", "account": "personal_anonymous"},
    "context": {"date": "2023-11-20", "election_period": True},
    "action": {"type": "post"},
    "text": SECRET_TEXT,
}
CONTRACT_VERDICT = ("jurisdiction", "level", "clearance_required", "would_change")
CONTRACT_REASON = ("rule", "text", "citation", "signals")
CONTRACT_SIGNAL = ("kind", "text", "where", "start", "end")


def _post(client, body, **kwargs):
    return client.post(URL, body, content_type="application/json", **kwargs)


def _contract(result: dict) -> dict:
    """The fields shared/cases/README.md names, to compare the API with run_check."""
    return {
        "id": result["id"],
        "verdicts": [
            {
                **{k: v[k] for k in CONTRACT_VERDICT},
                "reasons": [{k: r[k] for k in CONTRACT_REASON} for r in v["reasons"]],
                "precedents": v["precedents"],
            }
            for v in result["verdicts"]
        ],
        "signals": [{k: s[k] for k in CONTRACT_SIGNAL} for s in result["signals"]],
    }


@pytest.mark.parametrize("jurisdictions", [None, ["US", "UK"]])
def test_a_valid_case_gives_the_same_verdict_as_run_check(client, jurisdictions):
    body = copy.deepcopy(KEPT_LIKE)
    if jurisdictions:
        body["jurisdictions"] = jurisdictions
    response = _post(client, body)
    assert response.status_code == 200, response.content
    expected = run_check(copy.deepcopy(KEPT_LIKE), jurisdictions)
    assert _contract(response.json()) == _contract(expected)
    verdicts = response.json()["verdicts"]
    assert [v["jurisdiction"] for v in verdicts] == ["NL", *(jurisdictions or [])]
    assert "125a" in verdicts[0]["reasons"][0]["citation"]  # the rules of 2012
    assert verdicts[0]["weighed_content"][0]["date"] == "2010-06-20"
    assert verdicts[0]["advice"]  # review old likes


@pytest.mark.parametrize("language", ["en", "nl"])
def test_explanations_follow_the_accept_language_header(client, language):
    body = {**copy.deepcopy(KEPT_LIKE), "jurisdictions": ["US"]}
    response = _post(client, body, headers={"accept-language": language})
    assert response.status_code == 200
    expected = run_check(copy.deepcopy(KEPT_LIKE), ["US"], language=language)
    assert _contract(response.json()) == _contract(expected)


def test_the_check_needs_no_login_and_no_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = _post(client, SECRET_POST)
    assert response.status_code == 200
    assert response.json()["verdicts"][0]["level"] == "prohibited"


def test_other_methods_are_refused_not_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("actor", "level", "emperor"), "level"),
        (("actor", "rank", "senior"), "rank"),
        (("context", "date", "yesterday"), "date"),
        (("action", "type", "retweet"), "type"),
    ],
)
def test_an_invalid_field_is_named(client, change, field):
    body = copy.deepcopy(SECRET_POST)
    section, key, value = change
    body[section][key] = value
    response = _post(client, body)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"][-1] == field and e["loc"][-2] == section for e in errors)
    assert SECRET_TEXT not in response.content.decode()


def test_a_missing_section_is_named(client):
    body = {k: v for k, v in SECRET_POST.items() if k != "context"}
    response = _post(client, body)
    assert response.status_code == 422
    assert ["body", "case", "context"] in [e["loc"] for e in response.json()["detail"]]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"actor": {"jurisdiction": "FR"}}, "actor.jurisdiction"),
        ({"action": {"type": "like"}}, "action.target"),
        ({"jurisdictions": ["XX"]}, "jurisdictions"),
    ],
)
def test_a_case_the_checker_refuses_gives_400_naming_the_field(client, change, named):
    response = _post(client, {**SECRET_POST, **change})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(named)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [SECRET_POST, {**SECRET_POST, "actor": {"jurisdiction": "FR"}}],
    ids=["valid", "refused"],
)
def test_a_check_writes_no_row_opens_no_session_and_logs_no_text(
    client, caplog, row_counts, body
):
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = _post(client, body, headers={"accept-language": "en"})
    assert response.status_code in (200, 400)
    assert queries.captured_queries == []  # not even a read
    assert row_counts() == before
    assert not response.cookies  # no session, no messages, no CSRF cookie
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for fragment in ("ministerraad", "VVD", "Vertrouwelijk"):
        assert fragment not in logged


@pytest.mark.django_db
def test_a_signed_in_employee_check_writes_nothing_either(client, caplog, row_counts):
    from zorgvuldig.core.models import User

    client.force_login(User.objects.create_user("mees", password="pw-for-tests-only"))
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = _post(client, SECRET_POST)
    assert response.status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []  # Django's LoginRequiredMiddleware reads the session; no more
    assert row_counts() == before
    assert "sessionid" not in response.cookies
    assert "ministerraad" not in "\n".join(r.getMessage() for r in caplog.records)


def test_the_openapi_schema_describes_the_endpoint(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operation = schema["paths"][URL]["post"]
    assert set(operation["responses"]) >= {"200", "400", "422"}
    assert not operation.get("security")  # no login
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    case = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    assert {"actor", "context", "action", "text", "jurisdictions"} <= set(
        case["properties"]
    )
    assert set(case["required"]) == {"actor", "context", "action"}
    action = schema["components"]["schemas"]["ActionIn"]["properties"]["type"]
    assert "like" in action["enum"]


def test_the_api_docs_need_no_login(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_a_body_over_the_upload_limit_gets_a_json_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(
        URL, '{"text": "' + "x" * 2000 + '"}', content_type="application/json"
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "too large" in response.json()["detail"]


def test_the_employees_answers_are_accepted_and_a_wrong_one_is_named(client):
    told = copy.deepcopy(SECRET_POST)
    told["actor"] |= {"supervises": True, "exemplary_function": "police"}
    told["context"] |= {"own_area": True, "addressees": ["team"], "series": False}
    told["action"] |= {"links_campaign": False, "invites_giving": None}
    response = _post(client, told)
    assert response.status_code == 200, response.content
    assert _contract(response.json()) == _contract(run_check(copy.deepcopy(told)))
    told["context"]["addressees"] = ["the boss"]
    response = _post(client, told)
    assert response.status_code in (400, 422)
    assert "addressees" in response.content.decode()
