"""``zorgvuldig questions parse`` as the command-line contract describes it.

Runs the dispatcher in-process (``zorgvuldig.cli.main``) and once as a child
process, so that stdout holding exactly one JSON document is checked for real.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from zorgvuldig.cli import main
from zorgvuldig.parliament.tests import DATA

DEMO = DATA / "kamervragen-2012-ambassador-like.txt"


def test_json_output(capsys):
    assert main(["questions", "parse", str(DEMO), "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert err == ""
    assert data["submitted"] == "2012-02-03"
    assert data["deadline"] == "2012-02-24"
    assert [a["name"] for a in data["askers"]] == ["Bakker", "Smit"]
    assert len(data["questions"]) == 4


def test_reads_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(DEMO.read_text(encoding="utf-8")))
    assert main(["questions", "parse", "-", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["questions"]) == 4


def test_summary_without_json(capsys):
    assert main(["questions", "parse", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert "Written parliamentary questions" in out
    assert "Bakker (PVV); Smit (PVV)" in out
    assert "Answer due: 2012-02-24" in out
    assert "Questions (4):" in out


def test_missing_file_exits_2_naming_it(capsys, tmp_path):
    missing = tmp_path / "nope.txt"
    assert main(["questions", "parse", str(missing), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert str(missing) in err
    assert err.count("\n") == 1


def test_text_without_questions_is_a_letter(capsys):
    path = DATA / "not-an-inquiry.txt"
    assert main(["questions", "parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kind"], out["questions"]) == ("other", [])


def test_binary_file_exits_2(capsys, tmp_path):
    path = tmp_path / "image.bin"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d")  # neither UTF-8 nor cp1252
    assert main(["questions", "parse", str(path)]) == 2
    assert str(path) in capsys.readouterr().err


def test_questions_without_action_exits_2(capsys):
    assert main(["questions"]) == 2
    assert "parse" in capsys.readouterr().err


@pytest.mark.parametrize("args", [[], ["--json"]])
def test_child_process_prints_one_document(args):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "zorgvuldig.cli",
            "questions",
            "parse",
            str(DEMO),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    if args:
        assert json.loads(result.stdout)["kind"] == "parliamentary_written"
    else:
        assert result.stdout.startswith("Written parliamentary questions")
