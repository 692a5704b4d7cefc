"""The one verdict presenter: a verdict reads the same on the self-check page, its guidance
and the inquiry's conduct card, in the reader's language, and unknown rules break nothing."""

from __future__ import annotations

from django.utils import translation

import pytest

from zorgvuldig.conduct.choices import JURISDICTION_LABELS
from zorgvuldig.conduct.verdicts import (
    VERDICT_LEVEL_LABELS,
    label_verdicts,
    version_note,
)
from zorgvuldig.rulebooks import types
from zorgvuldig.rulebooks.check import run_check
from zorgvuldig.rulebooks.loader import load_rulebooks

#: The 2012 ambassador's page like (shared/cases/selfcheck/nl.yaml), checked everywhere.
CASE = {
    "actor": {
        "jurisdiction": "NL",
        "level": "head_of_mission",
        "account": "personal_identifiable",
    },
    "context": {"date": "2012-02-01"},
    "action": {
        "type": "like",
        "since": "2010-03-01",
        "target": {
            "kind": "page",
            "name": "Nederland bekent kleur",
            "content": [{"text": "Geen regering met PVV", "date": "2010-06-20"}],
        },
    },
    "text": None,
}

#: The title of each jurisdiction's rules in force on 2012-02-01 (the rulebooks' files).
TITLES = {
    "NL": "Ambtenarenwet art. 125a (tot 2020)",
    "US": "Hatch Act (5 U.S.C. 7321-7326; 5 CFR part 734)",
    "UK": "Civil Service Code and Civil Service Management Code 4.4",
}


def test_every_level_and_jurisdiction_of_the_rulebooks_has_a_label():
    assert set(VERDICT_LEVEL_LABELS) == {level.label for level in types.Level}
    assert set(JURISDICTION_LABELS) == set(types.JURISDICTIONS)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "NL": (
                    "Netherlands",
                    "version before-2020, for dates before 2020-01-01",
                ),
                "US": ("United States", "version 1994, in force since 1994-02-03"),
                "UK": ("United Kingdom", "version 2015, in force since 2015-03-16"),
            },
        ),
        (
            "nl",
            {
                "NL": ("Nederland", "versie before-2020, voor datums vóór 2020-01-01"),
                "US": ("Verenigde Staten", "versie 1994, geldig sinds 1994-02-03"),
                "UK": ("Verenigd Koninkrijk", "versie 2015, geldig sinds 2015-03-16"),
            },
        ),
    ],
)
def test_each_verdict_is_labelled_with_the_rules_in_force_on_the_day(
    language, expected
):
    with translation.override(language):
        verdicts = run_check(CASE, ["US", "UK"], language=language)["verdicts"]
        labelled = label_verdicts(verdicts, CASE)
        assert labelled is verdicts  # in place, for the page's other decorations
        assert [v["jurisdiction"] for v in labelled] == ["NL", "US", "UK"]
        for v in labelled:
            name, version = expected[v["jurisdiction"]]
            assert str(v["jurisdiction_label"]) == name
            assert str(v["level_label"]) == str(VERDICT_LEVEL_LABELS[v["level"]])
            assert v["rules_title"] == TITLES[v["jurisdiction"]]
            assert v["rules_version"] == version


def test_a_later_version_is_named_by_its_start_and_end():
    nl_2020 = load_rulebooks()["NL"][-1]
    with translation.override("en"):
        assert version_note(nl_2020) == "version 2020, in force since 2020-01-01"


@pytest.mark.parametrize(
    "case",
    [{}, {"context": {}}, {"context": {"date": "1 februari 2012"}}, {"context": None}],
    ids=["no context", "no date", "unreadable date", "context null"],
)
def test_a_verdict_whose_rules_cannot_be_found_keeps_its_codes(case):
    verdicts = [
        {"jurisdiction": "NL", "level": "caution", "rulebook": "NL before-2020"},
        {"jurisdiction": "BE", "level": "severe", "rulebook": "BE 2024"},
    ]
    with translation.override("en"):
        nl, be = label_verdicts(verdicts, case)
        assert (nl["rules_title"], nl["rules_version"]) == ("NL before-2020", "")
        assert str(nl["level_label"]) == "Take care"
    assert (be["jurisdiction_label"], be["level_label"]) == ("BE", "severe")
    assert (be["rules_title"], be["rules_version"]) == ("BE 2024", "")
    # a dated case of a jurisdiction without rules is no error either
    (be,) = label_verdicts([be], {"context": {"date": "2012-02-01"}})
    assert be["rules_title"] == "BE 2024"
