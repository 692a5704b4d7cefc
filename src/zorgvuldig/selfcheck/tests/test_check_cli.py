"""``zorgvuldig check FILE|- [--jurisdiction ...] [--json]`` (DESIGN.md §7)."""

import io
import json

import pytest
import yaml

from zorgvuldig.cli import main

from .cases import KEPT_LIKE, post_case


def run(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, data, name="case.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return str(path)


def test_one_case_gives_one_result(tmp_path, capsys):
    code, out, err = run(capsys, write(tmp_path, KEPT_LIKE), "--json")
    assert code == 0
    assert err == ""
    result = json.loads(out)
    assert result["id"] == "kept-like"
    assert result["verdicts"][0]["level"] in ("caution", "high_risk")


def test_list_keeps_order_and_puts_errors_in_place(tmp_path, capsys):
    bad = {"id": "bad", "actor": {"jurisdiction": "NL"}, "context": {"date": "2024-01-01"},
           "action": {"type": "retweet"}}  # fmt: skip
    cases = [KEPT_LIKE, bad, {**post_case("Stem op de SP"), "id": "ok"}]
    code, out, _ = run(capsys, write(tmp_path, cases), "--json")
    assert code == 0
    results = json.loads(out)
    assert [r["id"] for r in results] == ["kept-like", "bad", "ok"]
    assert "action.type: unknown value 'retweet'" in results[1]["error"]
    assert "verdicts" in results[2]


def test_extra_jurisdictions(tmp_path, capsys):
    code, out, _ = run(
        capsys, write(tmp_path, KEPT_LIKE), "--jurisdiction", "US,UK", "--json"
    )
    assert code == 0
    assert [v["jurisdiction"] for v in json.loads(out)["verdicts"]] == [
        "NL",
        "US",
        "UK",
    ]


def test_unknown_jurisdiction_option(tmp_path, capsys):
    code, out, err = run(
        capsys, write(tmp_path, KEPT_LIKE), "--jurisdiction", "FR", "--json"
    )
    assert code == 2
    assert out == ""
    assert "--jurisdiction: unknown jurisdiction 'FR'" in err


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(KEPT_LIKE)))
    code, out, _ = run(capsys, "-", "--json")
    assert code == 0
    assert json.loads(out)["id"] == "kept-like"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("key: [unclosed", "not valid YAML or JSON"),
        ("just a sentence", "expected a self-check case"),
        (b"\xff\xfe\x00\x81\x8d", None),
    ],
)
def test_unreadable_input_exits_2(tmp_path, capsys, content, message):
    path = tmp_path / "input.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, "utf-8")
    code, out, err = run(capsys, str(path), "--json")
    assert code == 2
    assert out == ""
    assert str(path) in err
    if message:
        assert message in err
    assert len(err.strip().splitlines()) == 1


def test_single_invalid_case_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, write(tmp_path, {"id": "x", "actor": {}}), "--json")
    assert code == 2
    assert out == ""
    assert "actor.jurisdiction: missing" in err


def test_readable_summary_without_json(tmp_path, capsys):
    code, out, _ = run(capsys, write(tmp_path, KEPT_LIKE))
    assert code == 0
    assert "kept-like" in out
    assert "NL: CAUTION" in out or "NL: HIGH_RISK" in out
    assert "Ambtenarenwet art. 125a lid 1" in out
    assert "signal partisan_stance" in out


def test_language_option(tmp_path, capsys):
    path = write(tmp_path, KEPT_LIKE)
    code, out, _ = run(
        capsys, path, "--jurisdiction", "US", "--language", "en", "--json"
    )
    assert code == 0
    nl_verdict = json.loads(out)["verdicts"][0]
    assert nl_verdict["reasons"][0]["text"].startswith("Open norm: a civil servant")
