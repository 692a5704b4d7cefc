"""``zorgvuldig media assess``: the command-line contract (DESIGN.md §7). No db."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from zorgvuldig.cli import main

DATA = Path(__file__).parent / "data"
SINGLE = ["media", "assess", "--measure", "informal", "--term", "aangesproken"]


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_single_text_article_json(capsys):
    code, out, err = run(
        capsys,
        [*SINGLE, "--date", "2012-02-09", str(DATA / "nl-berispt.txt"), "--json"],
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["verdict"] == "overstated"
    assert data["headline"] == "Ambassadeur berispt om PVV-mening"
    assert data["measure_in_force"] == {
        "category": "informal",
        "term": "aangesproken",
        "date": "2012-02-09",
    }
    assert {c["where"] for c in data["claims"]} == {"headline", "body"}
    assert data["headline_supported_by_body"] is False


def test_single_html_article(capsys):
    argv = [
        "media",
        "assess",
        "--measure",
        "order_measure",
        "--term",
        "suspended pending a hearing",
    ]
    code, out, _ = run(capsys, [*argv, str(DATA / "en-suspended.html"), "--json"])
    data = json.loads(out)
    assert (code, data["verdict"]) == (0, "accurate")
    assert all(not c["hedged"] for c in data["claims"])


def test_article_from_stdin(capsys, monkeypatch):
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("# Minister spreekt ambassadeur aan\n")
    )
    code, out, _ = run(capsys, [*SINGLE, "-", "--json"])
    assert (code, json.loads(out)["verdict"]) == (0, "accurate")


def test_human_summary(capsys):
    code, out, _ = run(capsys, [*SINGLE, str(DATA / "nl-berispt.txt")])
    assert code == 0
    assert "Verdict:          overstated" in out
    assert '"berispt": punishment (berisping) -> overstated' in out


def write_cases(tmp_path, cases) -> str:
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump(cases, allow_unicode=True), encoding="utf-8")
    return str(path)


GOOD = {
    "id": "good",
    "recorded": {"category": "informal", "term": "aangesproken", "date": "2012-02-09"},
    "language": "nl",
    "headline": "Ambassadeur berispt",
    "body": "Hij is aangesproken.",
    "published": "2012-02-10",
    "expect": {"verdict": "overstated"},
}


def test_cases_answer_each_and_report_invalid_ones(tmp_path, capsys):
    cases = [
        GOOD,
        {**GOOD, "id": "unknown-field", "author": "x"},
        {k: v for k, v in GOOD.items() if k != "body"} | {"id": "no-body"},
        {
            **GOOD,
            "id": "bad-category",
            "recorded": {"category": "reprimand", "term": "x"},
        },
        {**GOOD, "id": "bad-date", "published": "10 februari"},
        {
            **GOOD,
            "id": "history",
            "recorded": [
                GOOD["recorded"],
                {"category": "punishment", "term": "berisping", "date": "2012-02-10"},
            ],
        },
        "not a mapping",
    ]
    code, out, err = run(
        capsys, ["media", "assess", "--cases", write_cases(tmp_path, cases), "--json"]
    )
    assert (code, err) == (0, "")
    results = json.loads(out)
    assert [r["id"] for r in results] == [
        "good",
        "unknown-field",
        "no-body",
        "bad-category",
        "bad-date",
        "history",
        None,
    ]
    assert results[0]["verdict"] == "overstated"
    assert "author" in results[1]["error"]
    assert results[2]["error"] == "missing field body"
    assert "unknown category" in results[3]["error"]
    assert "published" in results[4]["error"]
    assert results[5]["measure_in_force"]["term"] == "berisping"
    assert results[5]["verdict"] == "understated"  # the body's "aangesproken"
    assert "error" in results[6]


def test_cases_human_output(tmp_path, capsys):
    code, out, _ = run(
        capsys, ["media", "assess", "--cases", write_cases(tmp_path, [GOOD])]
    )
    assert code == 0
    assert out.startswith("== good ==\nVerdict:")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([*SINGLE, "does-not-exist.txt", "--json"], "does-not-exist.txt: no such file"),
        (
            ["media", "assess", "--cases", "does-not-exist.yaml", "--json"],
            "no such file",
        ),
        (
            ["media", "assess", "--term", "x", "article.txt"],
            "--measure CATEGORY is required",
        ),
        (["media", "assess", "--measure", "informal"], "give an article FILE"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, argv)
    assert (code, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1


def test_cases_file_that_is_not_yaml_or_not_a_list(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, ["media", "assess", "--cases", str(bad), "--json"])
    assert code == 2 and "not valid YAML" in err
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("just text\n", encoding="utf-8")
    code, _, err = run(capsys, ["media", "assess", "--cases", str(scalar), "--json"])
    assert code == 2 and "expected a list of media cases" in err


def test_empty_article_exits_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    code, _, err = run(capsys, [*SINGLE, str(empty), "--json"])
    assert code == 2 and "no main text found" in err


def test_the_command_does_not_set_up_django(tmp_path):
    path = write_cases(tmp_path, [GOOD])
    script = (
        "import sys, io, contextlib\n"
        "from zorgvuldig.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['media', 'assess', '--cases', {path!r}, '--json'])\n"
        "apps = sys.modules.get('django.apps')\n"
        "print(code, bool(apps and apps.apps.ready))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", "False"]


def test_a_binary_file_is_refused_with_exit_2(tmp_path, capsys):
    from zorgvuldig.cli import main

    png = tmp_path / "plaatje.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    code = main(
        ["media", "assess", "--measure", "informal", "--term", "x", str(png), "--json"]
    )
    assert code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a text file" in captured.err
