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


# --- other formats, and fetching by number


def test_parses_a_pdf_and_a_docx(capsys, tmp_path):
    from zorgvuldig.parliament.tests.documents import (
        docx_with_paragraphs,
        pdf_with_text,
    )

    lines = DEMO.read_text(encoding="utf-8").split("\n\n")[:5]
    pdf = tmp_path / "vragen.pdf"
    pdf.write_bytes(pdf_with_text([[line, ""] for line in lines]))
    docx = tmp_path / "vragen.docx"
    docx.write_bytes(docx_with_paragraphs(lines))
    for path in (pdf, docx):
        assert main(["questions", "parse", str(path), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert [a["name"] for a in data["askers"]] == ["Bakker", "Smit"]
        assert len(data["questions"]) == 2


def test_scanned_pdf_exits_2_saying_paste_the_text(capsys, tmp_path):
    from zorgvuldig.parliament.tests.documents import scanned_pdf

    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    assert main(["questions", "parse", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}: no text in this PDF; paste the text" in err
    assert err.count("\n") == 1


def test_utf16_text_is_read(capsys, tmp_path):
    path = tmp_path / "vragen.txt"
    path.write_bytes(DEMO.read_text(encoding="utf-8").encode("utf-16"))
    assert main(["questions", "parse", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["questions"]) == 4
    assert "read as UTF-16 text" in data["warnings"]


def test_fetch_by_number(capsys):
    from zorgvuldig.parliament.tests.opendata_server import serve_opendata

    with serve_opendata() as (base, _):
        assert (
            main(["questions", "fetch", "2021Z06403", "--json", "--base-url", base])
            == 0
        )
    data = json.loads(capsys.readouterr().out)
    assert data["number"] == "2021Z06403"
    assert data["submitted"] == "2021-04-19"
    assert data["deadline"] == "2021-05-10"
    assert [a["party"] for a in data["askers"]] == ["SP", "SP"]
    assert len(data["questions"]) == 2


def test_fetch_uses_the_setting_and_says_when_unreachable(capsys):
    # The test settings point at a closed local port: never the network.
    assert main(["questions", "fetch", "2021Z06403"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "cannot be reached" in err


def test_fetch_unknown_number_exits_2(capsys):
    from zorgvuldig.parliament.tests.opendata_server import serve_opendata

    with serve_opendata() as (base, _):
        assert main(["questions", "fetch", "2020Z00001", "--base-url", base]) == 2
    assert "knows no Zaak 2020Z00001" in capsys.readouterr().err


def test_a_text_longer_than_an_inquiry_exits_2_naming_the_limit(capsys, tmp_path):
    """The command holds a text to the same limit as the page and the API (it read any)."""
    path = tmp_path / "long.txt"
    path.write_text("Vraag 1 Kent u het bericht? " * 20_000, encoding="utf-8")
    assert main(["questions", "parse", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert str(path) in err and "at most 500000" in err
