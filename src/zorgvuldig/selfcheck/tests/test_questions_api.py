"""``POST /api/selfcheck`` and ``zorgvuldig check --questions`` list the questions whose
answer would change a verdict, each with its answers and what the text suggests; without
``--questions`` the command line's output stays the contract's."""

from __future__ import annotations

import copy
import json

import pytest
import yaml

from zorgvuldig.cli import main
from zorgvuldig.rulebooks.check import run_check

URL = "/api/selfcheck"
UK_POST = {
    "id": "uk-own-topic",
    "actor": {"jurisdiction": "UK", "political_category": "free",
              "portfolio": ["immigration"], "account": "personal_identifiable"},
    "context": {"date": "2024-05-10"},
    "action": {"type": "post"},
    "text": "The immigration plan of the Conservatives is a disgrace. Vote Labour!",
}  # fmt: skip
NL_POST = {
    "actor": {"jurisdiction": "NL", "level": "staff", "account": "personal_identifiable"},
    "context": {"date": "2024-05-10"},
    "action": {"type": "post"},
    "text": "Die minister is een volslagen idioot.",
}  # fmt: skip


def _post(client, body, **kwargs):
    response = client.post(URL, body, content_type="application/json", **kwargs)
    assert response.status_code == 200, response.content
    return response.json()


def _questions(result):
    return {q["field"]: q for q in result["questions"]}


def test_the_response_lists_the_deciding_questions(client):
    result = _post(client, copy.deepcopy(UK_POST), headers={"accept-language": "en"})
    own = _questions(result)["context.own_area"]
    assert own["kind"] == "bool" and own["answers"] == [True, False]
    assert own["about"] == "post"
    assert "own work area" in own["text"]
    assert own["suggestion"] == {
        "value": True,
        "basis": "portfolio_topic",
        "where": "text",
        "text": "immigration",
        "start": 4,
        "end": 15,
    }
    # the rest of the response is run_check's, untouched by the suggestion
    expected = run_check(copy.deepcopy(UK_POST), language="en")
    # the API's schema gives every signal a ``target`` (null but for attacks)
    for signal in result["signals"]:
        if signal.get("target") is None:
            signal.pop("target", None)
    assert {k: v for k, v in result.items() if k != "questions"} == expected


def test_the_question_follows_the_accept_language_header(client):
    result = _post(client, copy.deepcopy(UK_POST), headers={"accept-language": "nl"})
    assert "eigen werkterrein" in _questions(result)["context.own_area"]["text"]


def test_an_answer_given_is_not_asked_again(client):
    asked = _questions(_post(client, copy.deepcopy(NL_POST)))
    assert "actor.exemplary_function" in asked
    assert asked["actor.exemplary_function"]["answers"] == [
        "police", "judiciary", "security", "inspectorate", "diplomatic",
    ]  # fmt: skip
    police = copy.deepcopy(NL_POST)
    police["actor"]["exemplary_function"] = "police"
    assert "actor.exemplary_function" not in _questions(_post(client, police))
    none = {**copy.deepcopy(NL_POST), "answered": ["actor.exemplary_function"]}
    assert "actor.exemplary_function" not in _questions(_post(client, none))


def test_answered_names_a_told_field(client):
    body = {**copy.deepcopy(NL_POST), "answered": ["actor.level"]}
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-2:] == ["answered", 0]


def test_the_openapi_schema_describes_the_questions(client):
    schema = client.get("/api/openapi.json").json()
    question = schema["components"]["schemas"]["QuestionOut"]
    assert {"field", "text", "about", "kind", "answers", "suggestion"} <= set(
        question["properties"]
    )
    assert "questions" in schema["components"]["schemas"]["ResultOut"]["properties"]


def _cli(capsys, tmp_path, data, *args):
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert main(["check", str(path), *args]) == 0
    return capsys.readouterr().out


def test_the_command_line_adds_questions_only_when_asked(capsys, tmp_path):
    plain = json.loads(_cli(capsys, tmp_path, UK_POST, "--json"))
    assert "questions" not in plain
    assert plain == json.loads(json.dumps(run_check(copy.deepcopy(UK_POST))))
    asked = json.loads(_cli(capsys, tmp_path, [UK_POST], "--json", "--questions"))
    assert "context.own_area" in _questions(asked[0])
    assert {k: v for k, v in asked[0].items() if k != "questions"} == plain


@pytest.mark.parametrize("flag", [[], ["--questions"]])
def test_the_summary_names_the_questions(capsys, tmp_path, flag):
    out = _cli(capsys, tmp_path, UK_POST, *flag)
    assert ("question context.own_area (true/false)" in out) is bool(flag)
