"""How the rulebooks weigh the attack signals (issue 9): NL personal attacks and
discrimination as substance factors, incitement and discrimination at least high risk
(EVRM art. 10 lid 2; Gedragscode Integriteit Rijk); UK under the Civil Service Code; US
attacks are no political activity under the Hatch Act. Through ``run_check``, on
sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zorgvuldig.rulebooks.check import run_check

#: HurtLex (CC BY-NC-SA 4.0) is not shipped: an organisation that may use it makes
#: ``signals/data/hurtlex.yaml`` with ``scripts/build_hurtlex_subset.py``.
NEEDS_HURTLEX = pytest.mark.skipif(
    not (
        Path(__file__).resolve().parents[2] / "signals" / "data" / "hurtlex.yaml"
    ).is_file(),
    reason="needs signals/data/hurtlex.yaml (HurtLex, CC BY-NC-SA 4.0, not shipped; "
    "made by scripts/build_hurtlex_subset.py)",
)


def check(jurisdiction: str, text: str, **actor: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"jurisdiction": jurisdiction}
    if jurisdiction == "NL":
        base["level"] = "staff"
    if jurisdiction == "US":
        base["hatch_category"] = "less_restricted"
    if jurisdiction == "UK":
        base["political_category"] = "intermediate"
    base.update(actor)
    result = run_check(
        {
            "actor": base,
            "context": {"date": "2024-03-01"},
            "action": {"type": "post"},
            "text": text,
        }
    )
    verdict: dict[str, Any] = result["verdicts"][0]
    return verdict


def rules(verdict: dict[str, Any]) -> set[str]:
    return {r["rule"] for r in verdict["reasons"]}


@pytest.mark.parametrize(
    "text",
    [
        "Die verraders moeten we allemaal ophangen.",
        "Asielzoekers moeten allemaal het land uit, het is ongedierte.",
    ],
)
def test_nl_incitement_and_discrimination_are_at_least_high_risk(text):
    verdict = check("NL", text)
    assert verdict["level"] == "high_risk"
    assert any("EVRM art. 10 lid 2" in r["citation"] for r in verdict["reasons"])


def test_nl_a_plain_insult_is_caution_and_its_negation_nothing():
    assert check("NL", "Die wethouder is een oplichter.")["level"] == "caution"
    assert check("NL", "Die wethouder is geen oplichter.")["level"] == "ok"


def test_nl_attacking_ones_own_minister_weighs_more_than_a_plain_insult():
    verdict = check(
        "NL",
        "Mijn minister is een leugenaar.",
        organisation="Ministerie van Justitie en Veiligheid",
    )
    assert verdict["level"] == "high_risk"
    assert {"nl.personal_attack", "nl.criticism_of_own_organisation"} <= rules(verdict)
    assert verdict["would_change"]


def test_nl_criticism_of_own_organisation_is_caution():
    verdict = check(
        "NL",
        "Het asielbeleid van mijn ministerie is onuitvoerbaar en onmenselijk.",
    )
    assert verdict["level"] == "caution"
    assert "nl.criticism_of_own_organisation" in rules(verdict)


@NEEDS_HURTLEX
def test_uk_restricted_staff_deriding_a_minister_is_high_risk():
    text = "The Home Secretary's plan is unworkable nonsense."
    assert check("UK", text, political_category="restricted")["level"] == "high_risk"
    assert check("UK", text, political_category="intermediate")["level"] == "caution"


def test_uk_incitement_is_high_risk():
    assert check("UK", "Someone should shoot them.")["level"] == "high_risk"


def test_us_an_attack_alone_is_no_political_activity():
    verdict = check("US", "The senator is a liar and a fraud.")
    assert verdict["level"] == "ok"
    assert not any("7323" in r["citation"] for r in verdict["reasons"])


def test_us_incitement_and_discrimination():
    assert check("US", "Someone should shoot them.")["level"] == "high_risk"
    verdict = check("US", "Those migrants are vermin.")
    assert verdict["level"] == "caution"
    assert "us.discrimination_conduct" in rules(verdict)


def test_refusal_to_implement_is_high_risk_in_nl_and_uk() -> None:
    """Civil Service Code (objectivity); Ambtenarenwet 2017 art. 10 lid 1."""
    uk = check("UK", "I won't implement the new charging rules.")
    assert uk["level"] == "high_risk" and "uk.refusal_to_implement" in rules(uk)
    nl = check("NL", "Ik weiger die nieuwe regeling toe te passen.")
    assert nl["level"] == "high_risk" and "nl.refusal_of_duty" in rules(nl)


def test_own_area_judgement_weighs_more_when_the_account_shows_the_employer() -> None:
    """Civil Service Code (political impartiality); CSMC 4.4."""

    def own_area(account_shows: str) -> dict[str, Any]:
        result = run_check(
            {
                "actor": {
                    "jurisdiction": "UK",
                    "political_category": "intermediate",
                    "account": "personal_identifiable",
                    "account_shows": account_shows,
                    "portfolio": ["prison places"],
                },
                "context": {"date": "2024-03-01", "own_area": True},
                "action": {"type": "post"},
                "text": "The prison places policy is a disgrace.",
            }
        )
        verdict: dict[str, Any] = result["verdicts"][0]
        return verdict

    shown = own_area("employer")
    assert shown["level"] == "high_risk"
    assert "uk.own_area_judgement_identified" in rules(shown)
    assert own_area("nothing")["level"] == "caution"


def test_a_reply_that_agrees_adopts_the_opinion_it_answers() -> None:
    """GCS propriety (an official account takes no sides); a reply that agrees is
    weighed as a share of what it agrees with."""

    def reply(text: str) -> dict[str, Any]:
        result = run_check(
            {
                "actor": {"jurisdiction": "UK", "account": "official"},
                "context": {"date": "2024-03-01", "on_duty": True},
                "action": {
                    "type": "comment",
                    "target": {
                        "kind": "post",
                        "name": "a member of the public",
                        "content": ["The council's parking policy is a disgrace."],
                    },
                },
                "text": text,
            }
        )
        verdict: dict[str, Any] = result["verdicts"][0]
        return verdict

    agreed = reply("We agree, it needs to change.")
    assert agreed["level"] == "high_risk"
    assert "uk.official_account_opinion" in rules(agreed)
    assert reply("Thanks, we have passed this on to the parking team.")["level"] == "ok"
