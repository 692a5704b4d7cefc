"""``run_check``: the contract output for one case, validation, purity and robustness.

No database: the self-check is pure. Property tests (hypothesis) feed arbitrary Unicode,
empty, emoji-only and 1 MB texts and expect a verdict per requested jurisdiction.
"""

import copy
import logging
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.rulebooks.cases import CaseError
from zorgvuldig.rulebooks.check import run_check

from .cases import KEPT_LIKE, case, post_case


def test_contract_shape():
    result = run_check(case())
    assert set(result) == {"id", "verdicts", "signals"}
    assert result["id"] == "kept-like"
    (verdict,) = result["verdicts"]
    assert {"jurisdiction", "level", "clearance_required", "reasons", "precedents",
            "would_change"} <= set(verdict)  # fmt: skip
    assert verdict["jurisdiction"] == "NL"
    assert verdict["level"] in ("caution", "high_risk")
    for reason in verdict["reasons"]:
        assert set(reason) >= {"rule", "text", "citation", "signals"}
    for precedent in verdict["precedents"]:
        assert set(precedent) >= {"id", "title", "date", "outcome", "citation"}
    for sig in result["signals"]:
        assert set(sig) >= {"kind", "text", "where", "start", "end"}
    assert {s["kind"] for s in result["signals"]} >= {
        "party_or_candidate",
        "partisan_stance",
    }


def test_signal_spans_point_into_their_field():
    result = run_check(case())
    content = KEPT_LIKE["action"]["target"]["content"]
    for sig in result["signals"]:
        if sig["where"].startswith("target.content["):
            index = int(sig["where"][len("target.content[") : -1])
            assert content[index]["text"][sig["start"] : sig["end"]] == sig["text"]


def test_extra_jurisdictions_come_after_the_actors_own():
    result = run_check(case(), ["uk", "US", "NL"])
    assert [v["jurisdiction"] for v in result["verdicts"]] == ["NL", "UK", "US"]


def test_check_date_before_the_post_existed_drops_its_signals():
    result = run_check(case(context__date="2010-05-01"))
    assert result["verdicts"][0]["level"] == "ok"
    assert not [s for s in result["signals"] if s["where"] == "target.content[0]"]
    assert result["verdicts"][0]["not_yet_published"] == ["target.content[0]"]


def test_yaml_dates_and_country_names_are_accepted():
    import datetime as dt

    result = run_check(
        case(context__date=dt.date(2012, 2, 1), context__official_travel="SY")
    )
    kinds = {(s["kind"], s["where"]) for s in result["signals"]}
    assert ("sensitive_country", "context") in kinds


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"actor__jurisdiction": ...}, "actor.jurisdiction: missing"),
        (
            {"actor__jurisdiction": "FR"},
            "actor.jurisdiction: unknown jurisdiction 'FR'",
        ),
        ({"actor__level": "general"}, "actor.level: unknown value 'general'"),
        ({"actor__spokesperson": "yes"}, "actor.spokesperson: expected true or false"),
        ({"actor__portfolio": 3}, "actor.portfolio: expected a list"),
        ({"actor__rank": "top"}, "actor.rank: unknown field"),
        ({"context__date": "2012-02-30"}, "context.date: expected a date YYYY-MM-DD"),
        ({"context__date": ...}, "context.date: missing"),
        ({"action__type": "retweet"}, "action.type: unknown value 'retweet'"),
        ({"action__type": ...}, "action.type: missing"),
        (
            {"action__since": "2013-01-01"},
            "action.since: 2013-01-01 is after context.date",
        ),
        ({"action__target": ...}, "action.target: missing (a like needs the target"),
        (
            {"action__target__kind": "group"},
            "action.target.kind: unknown value 'group'",
        ),
        (
            {"action__target__content": [{"date": "2010-01-01"}]},
            "action.target.content[0].text: missing",
        ),
        ({"text": 42}, "text: expected text or null"),
        ({"actor": ...}, "actor: missing"),
    ],
)
def test_invalid_case_names_the_field(changes, message):
    with pytest.raises(CaseError) as exc:
        run_check(case(**changes))
    assert message in str(exc.value)


def test_not_a_mapping():
    with pytest.raises(CaseError, match="case: expected a mapping"):
        run_check(["not", "a", "case"])  # type: ignore[arg-type]


def test_input_is_not_modified():
    data = case()
    before = copy.deepcopy(data)
    run_check(data)
    assert data == before


def test_logs_nothing(caplog):
    caplog.set_level(logging.DEBUG)
    run_check(
        case(text="Het OM liegt. Vertrouwelijk!", action__type="post"), ["US", "UK"]
    )
    assert caplog.records == []


def test_pure_python_without_django():
    code = (
        "import sys; from zorgvuldig.rulebooks.check import run_check; "
        "run_check({'actor': {'jurisdiction': 'NL'}, 'context': {'date': '2024-01-01'}, "
        "'action': {'type': 'post'}, 'text': 'Stem op de PVV'}, ['US', 'UK']); "
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# ---- robustness: any text gives a verdict per requested jurisdiction ---------------------

JURISDICTIONS = ["NL", "US", "UK"]


def check_robust(result, texts):
    assert [v["jurisdiction"] for v in result["verdicts"]] == JURISDICTIONS
    for v in result["verdicts"]:
        assert v["level"] in ("ok", "caution", "high_risk", "prohibited")
        assert v["reasons"]
    for sig in result["signals"]:
        if sig["start"] is not None:
            field = texts[sig["where"]]
            assert 0 <= sig["start"] <= sig["end"] <= len(field)
            assert field[sig["start"] : sig["end"]] == sig["text"]


@pytest.mark.parametrize("text", ["", None, "   ", "😂" * 500, "🇳🇱🎉✨"])
def test_empty_and_emoji_only(text):
    check_robust(run_check(post_case(text), JURISDICTIONS), {"text": text})


def test_one_megabyte_text():
    text = ("Nooit meer PVV! Het Midden-Oostenbeleid is laf. İ ß 😂 " * 20000)[
        :1_000_000
    ]
    result = run_check(post_case(text), JURISDICTIONS)
    check_robust(result, {"text": text})
    assert result["verdicts"][0]["level"] == "high_risk"


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_unicode_post(text):
    check_robust(run_check(post_case(text), JURISDICTIONS), {"text": text})


@settings(max_examples=40, deadline=None)
@given(
    name=st.text(max_size=60),
    posts=st.lists(st.text(max_size=120), max_size=4),
    kind=st.sampled_from(["like", "share", "follow", "comment"]),
)
def test_arbitrary_target(name, posts, kind):
    data = post_case(None)
    data["action"] = {
        "type": kind,
        "target": {"kind": "page", "name": name, "content": posts},
    }
    texts = {
        "target.name": name,
        **{f"target.content[{i}]": p for i, p in enumerate(posts)},
    }
    check_robust(run_check(data, JURISDICTIONS), texts)


# ---- language of the explanations ---------------------------------------------------------


def test_explanations_in_the_language_asked_for():
    dutch = run_check(case(), ["US"], language="nl")
    english = run_check(case(), ["US"], language="en")
    nl_verdict, us_verdict = english["verdicts"]
    assert nl_verdict["reasons"][0]["text"].startswith("Open norm: a civil servant")
    assert nl_verdict["precedents"][0]["title"].startswith("As a staff member")
    assert any("representative role" in t for t in nl_verdict["would_change"])
    assert "Review your old likes" in nl_verdict["advice"][0]
    assert dutch["verdicts"][0]["reasons"][0]["text"].startswith("Open norm: een")
    assert "Loop uw oude likes" in dutch["verdicts"][1]["advice"][0]
    # text_en stays English and the signals do not depend on the language
    assert dutch["verdicts"][0]["reasons"][0]["text_en"].startswith(
        "Open norm: a civil"
    )
    assert dutch["signals"] == english["signals"]
    assert [v["level"] for v in dutch["verdicts"]] == [
        v["level"] for v in english["verdicts"]
    ]
    del us_verdict


def test_default_language_is_each_rulebooks_own():
    result = run_check(case(), ["US"])
    assert result["verdicts"][0]["reasons"][0]["text"].startswith("Open norm: een")
    assert result["verdicts"][1]["reasons"][0]["text"].startswith("No Hatch Act")


def test_unknown_language_is_refused():
    with pytest.raises(CaseError, match="language: unknown value 'fr'"):
        run_check(case(), language="fr")


# ---- likes, shares and follows --------------------------------------------------------------


def test_page_like_lists_the_posts_that_weighed_newest_first_and_advises_review():
    data = case()
    data["action"]["target"]["content"] = [
        {"text": "Stem niet op de VVD!", "date": "2011-05-01"},
        {"text": "Geen kabinet met steun van de PVV", "date": "2010-06-20"},
        {"text": "Iedereen telt mee.", "date": "2010-02-15"},
    ]
    (verdict,) = run_check(data, language="en")["verdicts"]
    assert [w["date"] for w in verdict["weighed_content"]] == [
        "2011-05-01",
        "2010-06-20",
    ]
    assert all(w["after_since"] for w in verdict["weighed_content"])
    assert [r["rule"] for r in verdict["reasons"]].count("later_content") == 2
    assert verdict["advice"]


def test_share_without_text_still_spreads_the_message():
    data = case(action={"type": "share", "target": {"kind": "post", "name": "x",
                "content": ["Geen kabinet met steun van de PVV"]}})  # fmt: skip
    for jurisdiction in ("NL", "US", "UK"):
        result = run_check(data, [jurisdiction], language="en")
        verdict = next(v for v in result["verdicts"] if v["jurisdiction"] == "NL")
        assert "share_without_text" in [r["rule"] for r in verdict["reasons"]]
    with_text = run_check({**data, "text": "Lees dit"}, language="en")
    assert "share_without_text" not in [
        r["rule"] for r in with_text["verdicts"][0]["reasons"]
    ]


def test_shared_cases_say_what_would_change_when_not_ok():
    import os
    import pathlib

    import yaml

    # Found like the acceptance tests find it: $ZORGVULDIG_SHARED_DIR or <repo>/../shared.
    repo = pathlib.Path(__file__).resolve().parents[4]
    shared = pathlib.Path(
        os.environ.get("ZORGVULDIG_SHARED_DIR", repo.parent / "shared")
    )
    folder = shared / "cases" / "selfcheck"
    if not folder.exists():
        pytest.skip(f"shared cases not available at {folder}")
    for path in sorted(folder.glob("*.yaml")):
        for shared in yaml.safe_load(path.read_text("utf-8")):
            for verdict in run_check(shared, ["NL", "US", "UK"])["verdicts"]:
                if verdict["level"] != "ok":
                    assert verdict["would_change"], (
                        shared["id"],
                        verdict["jurisdiction"],
                    )
