"""The shared acceptance cases (``../shared/cases``) through the command-line contract.

Each case is one test. Cases the product does not pass yet are listed, with the issue that
will make them pass, in ``expected_failures.yaml``; they run as strict expected failures, so
the suite fails as soon as one starts passing and the list must be updated.
The folder is found at ``$ZORGVULDIG_SHARED_DIR/cases`` or ``<repo>/../shared/cases``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import pytest
import yaml

from zorgvuldig.cli import main

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ZORGVULDIG_SHARED_DIR", REPO.parent / "shared"))
CASES = SHARED / "cases"
EXPECTED_FAILURES = (
    yaml.safe_load(
        (Path(__file__).parent / "expected_failures.yaml").read_text(encoding="utf-8")
    )
    or {}
)

pytestmark = pytest.mark.acceptance


def _run(args: list[str]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    assert code == 0, f"zorgvuldig {' '.join(args)} exited {code}"
    return json.loads(out.getvalue())


def _params(kind: str, ids: list[str]):
    """One param per case, strict xfail when listed; a skipped one when there are none."""
    known = EXPECTED_FAILURES.get(kind) or {}
    out = []
    for case_id in ids:
        marks = []
        if case_id in known:
            marks.append(
                pytest.mark.xfail(
                    strict=True, reason=f"expected to pass with issue #{known[case_id]}"
                )
            )
        out.append(pytest.param(case_id, marks=marks, id=case_id))
    return out or [
        pytest.param("none", marks=pytest.mark.skip(reason=f"no cases at {CASES}"))
    ]


def _load_yaml_cases(folder: Path, pattern: str) -> list[dict]:
    if not folder.exists():
        return []
    return [
        c for f in sorted(folder.glob(pattern)) for c in yaml.safe_load(f.read_text())
    ]


SELF_CASES = {c["id"]: c for c in _load_yaml_cases(CASES / "selfcheck", "*.yaml")}
MEDIA_CASES = {c["id"]: c for c in _load_yaml_cases(CASES / "media", "*.yaml")}
QUESTION_FOLDERS = ("questions", "questions-real")


def _expected_questions(folder: str) -> dict:
    path = CASES / folder / "expected.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


QUESTIONS = {folder: _expected_questions(folder) for folder in QUESTION_FOLDERS}
SKIP = pytest.mark.skipif(
    not CASES.exists(), reason=f"shared acceptance cases not found at {CASES}"
)


def _batch(cmd: list[str], cases: dict) -> dict:
    with tempfile.NamedTemporaryFile(
        "w", suffix=".yaml", delete=False, encoding="utf-8"
    ) as f:
        yaml.safe_dump(list(cases.values()), f, allow_unicode=True)
    try:
        return {r["id"]: r for r in _run([*cmd, f.name, "--json"])}
    finally:
        os.unlink(f.name)


@cache
def _selfcheck_results() -> dict:
    return _batch(["check"], SELF_CASES)


@cache
def _media_results() -> dict:
    return _batch(["media", "assess", "--cases"], MEDIA_CASES)


@SKIP
@pytest.mark.parametrize("case_id", _params("selfcheck", list(SELF_CASES)))
def test_selfcheck_case(case_id):
    case, result = SELF_CASES[case_id], _selfcheck_results()[case_id]
    assert "error" not in result, result.get("error")
    verdicts = {v["jurisdiction"]: v for v in result["verdicts"]}
    flagged = {s["kind"] for s in result["signals"]}
    for exp in case["expect"]:
        v = verdicts[exp["jurisdiction"]]
        assert v["level"] in exp["level_in"], (exp["jurisdiction"], v["level"])
        if "clearance_required" in exp:
            assert bool(v["clearance_required"]) == exp["clearance_required"]
        cites = [str(r["citation"]).lower() for r in v["reasons"]]
        for need in exp.get("must_cite", []):
            parts = [need] if isinstance(need, str) else need
            assert any(all(p.lower() in c for p in parts) for c in cites), (
                parts,
                cites,
            )
        for kind in exp.get("must_flag", []):
            assert kind in flagged, (kind, sorted(flagged))


@SKIP
@pytest.mark.parametrize("case_id", _params("media", list(MEDIA_CASES)))
def test_media_case(case_id):
    exp, result = MEDIA_CASES[case_id]["expect"], _media_results()[case_id]
    assert "error" not in result, result.get("error")
    allowed = exp.get("verdict_in") or [exp["verdict"]]
    assert result["verdict"] in allowed
    asserted = [c for c in result["claims"] if not c["negated"] and not c["hedged"]]
    if "claimed_category" in exp:
        assert exp["claimed_category"] in {c["category"] for c in asserted}
    if "where" in exp:
        wheres = {c["where"] for c in result["claims"]}
        assert exp["where"] in wheres or (
            exp["where"] == "both" and {"headline", "body"} <= wheres
        )


def _question_params() -> list:
    """One param per shared question file of both folders, ids ``folder/name``."""
    return [
        p
        for folder in QUESTION_FOLDERS
        for p in _params(folder, [f"{folder}/{name}" for name in QUESTIONS[folder]])
        if p.values[0] != "none"
    ] or _params("questions", [])


@SKIP
@pytest.mark.parametrize("case", _question_params())
def test_questions_file(case):
    """The contract's checks (shared ``cases/README.md``, "Questions")."""
    folder, name = case.split("/", 1)
    exp = QUESTIONS[folder][name]
    r = _run(["questions", "parse", str(CASES / folder / name), "--json"])
    assert len(r["questions"]) == exp["question_count"]
    for key in ("submitted", "deadline"):
        if key in exp:
            assert (r[key] or None) == (str(exp[key]) if exp[key] else None), key
    names = " ".join(a["name"] for a in r["askers"]).lower()
    for a in exp.get("askers", []):
        assert a.lower() in names, (a, names)
    if "asker_count" in exp:
        assert len(r["askers"]) == exp["asker_count"], names
    parties = {a["party"] for a in r["askers"]}
    for p in exp.get("parties", []):
        assert p in parties
    for key in ("kind", "reference", "number"):
        if key in exp:
            assert r[key] == exp[key], key
    if "answers" in exp:
        assert [sorted(a["questions"]) for a in r["answers"]] == exp["answers"]
