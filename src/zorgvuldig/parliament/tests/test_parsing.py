"""Reading inquiry texts: the formats of DESIGN.md §6.2, footnotes, dates, refusals.

Pure tests: no database. The texts in ``data/`` and their expected results in
``data/expected.yaml`` are the main table; the tests below it pin single rules.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgvuldig.parliament.parsing import (
    INQUIRY_KINDS,
    ParsedInquiry,
    ParseError,
    parse_inquiry,
)
from zorgvuldig.parliament.tests import DATA

EXPECTED = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))
CONTRACT_KEYS = {
    "kind",
    "number",
    "reference",
    "askers",
    "addressees",
    "subject",
    "submitted",
    "deadline",
    "questions",
    "answers",
    "warnings",
}
#: The contract's keys and the product's own: the assembly whose term sets the deadline.
OUTPUT_KEYS = CONTRACT_KEYS | {"assembly"}


def parse(text: str) -> dict:
    return parse_inquiry(text).to_dict()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_data_files(name):
    expected = EXPECTED[name]
    text = (DATA / name).read_text(encoding="utf-8")
    if "error_contains" in expected:
        with pytest.raises(ParseError, match=expected["error_contains"]):
            parse_inquiry(text)
        return
    got = parse(text)
    assert set(got) == OUTPUT_KEYS
    for key in ("kind", "number", "reference", "addressees", "subject"):
        if key in expected:
            assert got[key] == expected[key], key
    for key in ("submitted", "deadline"):
        if key in expected:
            assert got[key] == expected[key], key
    if "askers" in expected:
        assert [[a["name"], a["party"]] for a in got["askers"]] == expected["askers"]
    assert len(got["questions"]) == expected["question_count"]
    assert [q["number"] for q in got["questions"]] == list(
        range(1, expected["question_count"] + 1)
    )
    by_number = {q["number"]: q for q in got["questions"]}
    for number, notes in expected.get("footnotes", {}).items():
        assert [
            [f["marker"], f["text"]] for f in by_number[number]["footnotes"]
        ] == notes
    for number, text in expected.get("question_texts", {}).items():
        assert by_number[number]["text"] == text
    if "answers" in expected:
        assert [a["questions"] for a in got["answers"]] == expected["answers"]
    if "warnings" in expected:
        assert got["warnings"] == expected["warnings"]
    for part in expected.get("warnings_contain", []):
        assert any(part in w for w in got["warnings"]), (part, got["warnings"])


OFFICIAL = """\
Vragen van het lid Vermeulen (GroenLinks) aan de ministers van Buitenlandse Zaken \
en van Defensie over de missie (ingezonden 28 februari 2012).

Vraag 1

Hoe is de missie verlopen?1

Vraag 2

Wat kost de missie?
"""


def test_official_format_fields():
    got = parse(OFFICIAL)
    assert got["kind"] == "parliamentary_written"
    assert got["askers"] == [{"name": "Vermeulen", "party": "GroenLinks"}]
    assert got["addressees"] == [
        "minister van Buitenlandse Zaken",
        "minister van Defensie",
    ]
    assert got["subject"] == "de missie"
    assert (got["submitted"], got["deadline"]) == ("2012-02-28", "2012-03-20")
    assert got["questions"][0] == {
        "number": 1,
        "text": "Hoe is de missie verlopen?",
        "footnotes": [{"marker": "1", "text": None}],
    }
    assert any("footnote(s) 1" in w for w in got["warnings"])


def test_windows_line_endings_read_the_same():
    assert parse(OFFICIAL.replace("\n", "\r\n")) == parse(OFFICIAL)


@pytest.mark.parametrize(
    ("askers", "expected"),
    [
        ("het lid Van Dam (D66)", [("Van Dam", "D66")]),
        ("de leden Bakker en Smit (beiden PVV)", [("Bakker", "PVV"), ("Smit", "PVV")]),
        (
            "de leden Jansen, De Vries en Pietersen (allen VVD)",
            [("Jansen", "VVD"), ("De Vries", "VVD"), ("Pietersen", "VVD")],
        ),
        (
            "het lid Van der Lee (GroenLinks) en het lid Sjoerdsma (D66)",
            [("Van der Lee", "GroenLinks"), ("Sjoerdsma", "D66")],
        ),
        ("het lid Omtzigt", [("Omtzigt", None)]),
        (
            "het lid Van Dijk (SP), mede namens het lid Karabulut (SP),",
            [("Van Dijk", "SP"), ("Karabulut", "SP")],
        ),
    ],
)
def test_askers(askers, expected):
    text = f"Vragen van {askers} aan de minister van Financiën over x.\n\nVraag 1\n\nA?"
    got = parse(text)["askers"]
    assert [(a["name"], a["party"]) for a in got] == expected


@pytest.mark.parametrize(
    ("addressees", "expected"),
    [
        (
            "de ministers van Buitenlandse Zaken, van Defensie en van Veiligheid en "
            "Justitie",
            [
                "minister van Buitenlandse Zaken",
                "minister van Defensie",
                "minister van Veiligheid en Justitie",
            ],
        ),
        (
            "de minister-president, minister van Algemene Zaken, en de minister van "
            "Financiën",
            [
                "minister-president, minister van Algemene Zaken",
                "minister van Financiën",
            ],
        ),
        (
            "de staatssecretaris van Volksgezondheid, Welzijn en Sport",
            ["staatssecretaris van Volksgezondheid, Welzijn en Sport"],
        ),
        (
            "de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking en de "
            "staatssecretaris van Financiën",
            [
                "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
                "staatssecretaris van Financiën",
            ],
        ),
    ],
)
def test_addressees(addressees, expected):
    text = f"Vragen van het lid X (SP) aan {addressees} over y.\n\nVraag 1\n\nA?"
    assert parse(text)["addressees"] == expected


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Vliegt de B52 nog?", "Vliegt de B52 nog?"),
        ("Geldt artikel 12.2 nog?", "Geldt artikel 12.2 nog?"),
        ("Kost het 1,5 miljoen?", "Kost het 1,5 miljoen?"),
        ("Is COVID-19 de oorzaak?", "Is COVID-19 de oorzaak?"),
        ("Kent u «Het bericht»?1", "Kent u «Het bericht»?"),
        ("Is het waar dat hij moet aanbieden1? Zo ja, wanneer?", None),
        ("Kent u de wet¹?", "Kent u de wet?"),
        ("Kent u het bericht? (*)", "Kent u het bericht?"),
        ("Kent u het bericht?[1]", "Kent u het bericht?"),
    ],
)
def test_footnote_markers_are_told_from_numbers(sentence, kept):
    text = (
        f"Vragen van het lid X (SP) aan de minister van Defensie.\n\n1.\n{sentence}\n"
    )
    question = parse(text)["questions"][0]
    if kept is None:
        kept = sentence.replace("1?", "?")
    assert question["text"] == kept
    assert bool(question["footnotes"]) == (kept != sentence)


def test_footnote_lines_are_not_question_text():
    text = OFFICIAL + "\n1 De Volkskrant, 27 februari 2012.\n"
    got = parse(text)
    assert got["questions"][-1]["text"] == "Wat kost de missie?"
    assert got["questions"][0]["footnotes"] == [
        {"marker": "1", "text": "De Volkskrant, 27 februari 2012."}
    ]
    assert got["warnings"] == []


def test_missing_date_is_reported_not_invented():
    got = parse(OFFICIAL.replace(" (ingezonden 28 februari 2012)", ""))
    assert got["submitted"] is None
    assert got["deadline"] is None
    assert any("no submission date" in w for w in got["warnings"])


def test_impossible_date_is_reported():
    got = parse(OFFICIAL.replace("28 februari", "31 februari"))
    assert got["submitted"] is None
    assert any("31 februari 2012" in w for w in got["warnings"])


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1 maart 2012", "2012-03-01"),
        ("3 mei 2016", "2016-05-03"),
        ("14 okt. 2020", "2020-10-14"),
        ("28-02-2012", "2012-02-28"),
    ],
)
def test_dutch_dates(written, expected):
    text = OFFICIAL.replace("28 februari 2012", written)
    assert parse(text)["submitted"] == expected


def test_bulleted_questions_leave_out_recommendations():
    text = (
        "Van: De Ondernemingsraad\n\nDatum: 17 februari 2012\n\n"
        "- Hoe gaat u dit regelen?\n- Wie beslist?\n\nDe OR adviseert:\n\n"
        "- uit te gaan van vertrouwen;\n- een procedure op te zetten.\n"
    )
    got = parse(text)
    assert got["kind"] == "works_council"
    assert [q["text"] for q in got["questions"]] == [
        "Hoe gaat u dit regelen?",
        "Wie beslist?",
    ]
    assert got["submitted"] == "2012-02-17"
    assert got["deadline"] is None


def test_numbering_gap_is_warned():
    text = OFFICIAL.replace("Vraag 2", "Vraag 3")
    assert any("not 1 to 2" in w for w in parse(text)["warnings"])


def test_unanswered_question_is_warned():
    text = OFFICIAL.replace("Vraag 2", "Antwoord 1\n\nJa.\n\nVraag 2")
    got = parse(text)
    assert [a["questions"] for a in got["answers"]] == [[1]]
    assert any("no answer found for question(s) 2" in w for w in got["warnings"])


@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_refuses_empty_text(text):
    with pytest.raises(ParseError) as info:
        parse_inquiry(text)
    assert "\n" not in str(info.value)
    assert "expected" in str(info.value)


def test_a_letter_without_questions_is_kind_other_without_error():
    got = parse("Dit is een mededeling.\n")
    assert (got["kind"], got["questions"]) == ("other", [])
    assert any("no questions found" in w for w in got["warnings"])


def test_a_postponement_notice_is_recognised():
    got = parse(
        "Mededeling\n\nDe vragen van het lid X (SP) over y (2020Z01234) kunnen tot mijn "
        "spijt niet binnen de gebruikelijke termijn worden beantwoord.\n"
    )
    assert (got["kind"], got["number"], got["questions"]) == (
        "postponement",
        "2020Z01234",
        [],
    )
    assert "niet binnen de gebruikelijke termijn" in got["subject"]


def test_a_duplicate_number_is_kept_with_a_warning():
    got = parse(OFFICIAL.replace("Vraag 2", "Vraag 1"))
    assert [q["number"] for q in got["questions"]] == [1, 1]
    assert any("appears twice: both are kept" in w for w in got["warnings"])


# --- properties

FRAGMENTS = st.sampled_from(
    [
        "Vraag 1",
        "Vraag 2, 3 en 4",
        "Antwoord 2 t/m 4",
        "Antwoord",
        "Vragen van het lid X (PVV) aan de minister van Defensie over y",
        "(ingezonden 31 februari 2012)",
        "(ingezonden 3 maart 2012).",
        "1.)",
        "2",
        "?1",
        "¹",
        "(*)",
        "[1]",
        "- ",
        "Zie antwoord op vraag 9",
        "Mededeling van minister Z",
        "1 Nieuwsbericht.",
        "Datum",
        "Onze referentie",
        "OR-1/2012",
        "?",
        "\n",
        "\n\n",
        " ",
    ]
)
TEXTS = st.one_of(
    st.text(), st.lists(st.one_of(FRAGMENTS, st.text(max_size=8))).map("".join)
)


def _is_subsequence(part: str, whole: str) -> bool:
    chars = iter(whole)
    return all(ch in chars for ch in part)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_parses_or_is_refused_with_parse_error(text):
    try:
        parsed = parse_inquiry(text)
    except ParseError:
        assert not text.strip()  # only an empty text is refused (issue 10)
        return
    data = parsed.to_dict()
    assert set(data) == OUTPUT_KEYS
    assert data["kind"] in INQUIRY_KINDS
    json.dumps(data)  # serialisable as it stands
    source = _squeeze(text)
    for question in data["questions"]:
        # Question texts are taken from the text: only markers and spacing go.
        assert _is_subsequence(_squeeze(question["text"]), source)
        assert question["text"] == question["text"].strip()
    assert parse_inquiry(text) == parsed  # deterministic


NAMES = st.sampled_from(["Jansen", "De Vries", "Van den Berg", "Bakker", "Öztürk"])
PARTIES = st.sampled_from(["VVD", "PVV", "GroenLinks-PvdA", "D66", "SGP"])
WORDS = st.lists(
    st.sampled_from(
        ["de", "minister", "ambtenaar", "bericht", "2012", "«citaat»", "B52"]
    ),
    min_size=1,
    max_size=8,
)
QUESTION_TEXTS = WORDS.map(lambda w: "Klopt het dat " + " ".join(w) + "?")


@settings(max_examples=100)
@given(
    askers=st.lists(
        st.tuples(NAMES, PARTIES), min_size=1, max_size=3, unique_by=lambda a: a[0]
    ),
    questions=st.lists(QUESTION_TEXTS, min_size=1, max_size=12),
    submitted=st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)),
    numbered=st.booleans(),
)
def test_round_trip_of_generated_official_texts(askers, questions, submitted, numbered):
    months = (
        "januari februari maart april mei juni juli augustus september oktober "
        "november december"
    )
    month = months.split()[submitted.month - 1]
    who = " en ".join(f"het lid {n} ({p})" for n, p in askers)
    lines = [
        f"Vragen van {who} aan de minister van Defensie over een bericht "
        f"(ingezonden {submitted.day} {month} {submitted.year}).",
        "",
    ]
    for n, q in enumerate(questions, start=1):
        lines += [f"{n}.)" if numbered else f"Vraag {n}", q, ""]
    parsed: ParsedInquiry = parse_inquiry("\n".join(lines))
    assert [(a.name, a.party) for a in parsed.askers] == askers
    assert [q.text for q in parsed.questions] == questions
    assert parsed.submitted == submitted
    assert parsed.deadline is not None
    assert (parsed.deadline - submitted).days == 21


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).filter(
    lambda t: t.strip()
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(WORDS, min_size=1, max_size=3), min_size=1, max_size=6))
def test_no_text_between_two_question_numbers_is_lost(blocks):
    """Every paragraph under "Vraag n" ends up in some question's or answer's text."""
    text = "\n\n".join(
        f"Vraag {n}\n" + "\n\n".join(f"{p}?" if i == 0 else p for i, p in enumerate(b))
        for n, b in enumerate(blocks, start=1)
    )
    got = parse(text)
    kept = _squeeze(
        " ".join(q["text"] for q in got["questions"])
        + " ".join(a["text"] for a in got["answers"])
    )
    for block in blocks:
        for paragraph in block:
            assert _squeeze(paragraph) in kept
