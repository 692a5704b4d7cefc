"""The measure-word analyser: terms, inflections, negation, hedging, attribution.

Each table varies one thing at a time against a plain asserted sentence, so that a rule
is tested on its own rather than fitted to the shared acceptance cases. No database.
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgvuldig.signals.measures import (
    SEVERITY,
    Finding,
    LexiconError,
    MeasureCategory,
    MeasureClaim,
    analyse,
    judge_claim,
    load_lexicon,
    matches_term,
    most_serious,
)


def only(text: str, language: str | None) -> MeasureClaim:
    """The single claim in ``text``."""
    claims = analyse(text, language)
    assert len(claims) == 1, claims
    return claims[0]


def flags(claim: MeasureClaim) -> tuple[bool, bool, bool]:
    return claim.negated, claim.hedged, claim.attributed


# --- the lexicon ----------------------------------------------------------------------


def test_lexicon_covers_every_category_in_both_languages():
    lexicon = load_lexicon()
    for lang, lex in lexicon.items():
        terms = {t for entries in lex.terms.by_word.values() for t, _ in entries}
        assert {t.category for t in terms} == set(MeasureCategory), lang
        assert all(t.source for t in terms), lang


def test_severity_orders_the_ladder():
    assert [SEVERITY[c] for c in MeasureCategory] == [0, 1, 2, 3, 4]


# --- terms and their categories (DESIGN.md §6.3) --------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "term", "category"),
    [
        ("De ambassadeur is berispt.", "nl", "berisping", "punishment"),
        ("Hij kreeg een schriftelijke berisping.", "nl", "berisping", "punishment"),
        (
            "De minister nam disciplinaire maatregelen.",
            "nl",
            "disciplinaire maatregel",
            "punishment",
        ),
        ("De ambassadeur is aangesproken.", "nl", "aanspreken", "informal"),
        ("Hij is erop gewezen dat dit niet kan.", "nl", "erop gewezen", "informal"),
        (
            "Hij had een stevig gesprek met de minister.",
            "nl",
            "een stevig gesprek",
            "informal",
        ),
        ("De ambtenaar is geschorst.", "nl", "geschorst", "order_measure"),
        (
            "Zij is op non-actief gesteld.",
            "nl",
            "op non-actief gesteld",
            "order_measure",
        ),
        ("De ambtenaar is ontslagen.", "nl", "ontslag", "dismissal"),
        ("Hij kreeg voorwaardelijk strafontslag.", "nl", "strafontslag", "dismissal"),
        ("Er komt geen maatregel.", "nl", "geen maatregel", "none"),
        ("The officials were reprimanded.", "en", "reprimanded", "punishment"),
        ("She received a letter of reprimand.", "en", "reprimanded", "punishment"),
        (
            "He was given a final written warning.",
            "en",
            "written warning",
            "punishment",
        ),
        ("The two officials were spoken to.", "en", "spoken to", "informal"),
        ("The employee was counselled.", "en", "counselled", "informal"),
        (
            "He was placed on administrative leave.",
            "en",
            "administrative leave",
            "order_measure",
        ),
        ("The official was sacked.", "en", "fired", "dismissal"),
        (
            "The agency proceeded with his removal from federal service.",
            "en",
            "removal",
            "dismissal",
        ),
        ("There will be no further action.", "en", "no action", "none"),
    ],
)
def test_term_category(text, language, term, category):
    claim = only(text, language)
    assert (claim.term, claim.category) == (term, category)
    assert not claim.ambiguous


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De ambassadeur is op het matje geroepen.", "nl"),
        ("De ambassadeur werd op de vingers getikt.", "nl"),
        ("The staff members were rapped on the knuckles.", "en"),
        ("The diplomat was admonished.", "en"),
        ("The diplomat was suspended.", "en"),
    ],
)
def test_ambiguous_terms_are_flagged_never_resolved(text, language):
    claim = only(text, language)
    assert claim.ambiguous
    assert len(claim.readings) >= 2


@pytest.mark.parametrize(
    ("text", "category", "ambiguous"),
    [
        ("The diplomat was suspended.", "order_measure", True),
        (
            "The diplomat was suspended pending an investigation.",
            "order_measure",
            False,
        ),
        ("The diplomat was suspended on full pay.", "order_measure", False),
        ("The diplomat was suspended without pay.", "punishment", False),
        ("The diplomat was given an unpaid suspension.", "punishment", False),
    ],
)
def test_words_around_suspended_decide_its_category(text, category, ambiguous):
    claim = only(text, "en")
    assert (claim.category, claim.ambiguous) == (category, ambiguous)


def test_dutch_schorsing_is_an_order_measure_unless_unpaid():
    assert only("Hij is geschorst.", "nl").category == "order_measure"
    unpaid = only("Hij is geschorst zonder behoud van salaris.", "nl")
    assert unpaid.category == "punishment"


# --- inflection and separable verbs ---------------------------------------------------


@pytest.mark.parametrize(
    "form", ["berispt", "berispte", "berispten", "berisping", "berispingen", "BERISPT"]
)
def test_dutch_inflections_of_berispen(form):
    claim = only(f"De ambassadeur werd {form} door de minister.", "nl")
    assert claim.term == "berisping"
    assert claim.matched_text == form


@pytest.mark.parametrize(
    "form", ["reprimand", "reprimands", "reprimanded", "reprimanding"]
)
def test_english_inflections_of_reprimand(form):
    assert only(f"The minister {form} the officials.", "en").term == "reprimanded"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (
            "De minister spreekt de ambassadeur aan op zijn like.",
            "spreekt de ambassadeur aan",
        ),
        ("De minister sprak hem gisteren aan.", "sprak hem gisteren aan"),
        (
            "De ministers spraken de diplomaat aan, zegt een bron.",
            "spraken de diplomaat aan",
        ),
        ("Hij besloot de ambassadeur aan te spreken.", "aan te spreken"),
        ("Het is goed dat de minister hem aanspreekt.", "aanspreekt"),
    ],
)
def test_dutch_separable_verb_aanspreken(text, matched):
    claim = only(text, "nl")
    assert claim.term == "aanspreken"
    assert claim.matched_text == matched


def test_separable_particle_must_close_the_clause():
    # "aan" here starts a prepositional phrase, it is not the particle of "spreekt".
    assert analyse("De minister spreekt over de gevechten aan de grens.", "nl") == []


# --- negation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "negated"),
    [
        ("De ambassadeur is berispt.", "nl", False),
        ("De ambassadeur is niet berispt.", "nl", True),
        ("De ambassadeur krijgt geen berisping.", "nl", True),
        ("De ambassadeur is nooit berispt.", "nl", True),
        ("De minister berispte de ambassadeur niet.", "nl", True),
        ("De minister sprak de ambassadeur niet aan.", "nl", True),
        ("De ambassadeur is niet alleen berispt.", "nl", False),
        ("The official was fired.", "en", False),
        ("The official was not fired.", "en", True),
        ("The official wasn't fired.", "en", True),
        ("They didn\u2019t sack him.", "en", True),
        ("The department did not take disciplinary action.", "en", True),
        ("There was no disciplinary action.", "en", True),
        ("The official was not only reprimanded.", "en", False),
        ("The official was reprimanded, though not harshly.", "en", False),
    ],
)
def test_negation(text, language, negated):
    claim = only(text, language)
    assert claim.negated is negated
    assert not claim.hedged


def test_negation_stops_at_a_contrast():
    claims = analyse("Hij is niet berispt maar aangesproken.", "nl")
    assert [(c.term, c.negated) for c in claims] == [
        ("berisping", True),
        ("aanspreken", False),
    ]


def test_a_following_niet_negates_only_a_finite_verb():
    assert only("Het ontslag is niet terecht.", "nl").negated is False


# --- hedging: possibility, demand, future ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "hedged"),
    [
        ("De ambassadeur krijgt een berisping.", "nl", False),
        ("De ambassadeur riskeert een berisping.", "nl", True),
        ("Mogelijk volgt een berisping.", "nl", True),
        ("De PVV wil dat de ambassadeur wordt ontslagen.", "nl", True),
        ("De PVV eist ontslag van de ambassadeur.", "nl", True),
        ("De ambassadeur dreigt ontslagen te worden.", "nl", True),
        ("Voor de ambassadeur dreigt ontslag.", "nl", True),
        ("Ontslag dreigt voor de ambassadeur.", "nl", True),
        ("Ambassadeur berispt?", "nl", True),
        ("The official was fired.", "en", False),
        ("The official may face dismissal.", "en", True),
        ("The official could be fired.", "en", True),
        ("The official should be sacked.", "en", True),
        ("The senator calls for the official to be sacked.", "en", True),
        ("The official will be reprimanded.", "en", True),
        ("The official faces disciplinary action.", "en", True),
    ],
)
def test_hedging(text, language, hedged):
    claim = only(text, language)
    assert claim.hedged is hedged
    assert not claim.negated


def test_hedge_does_not_cross_a_contrast():
    claims = analyse("Hij riskeerde ontslag, maar kreeg een berisping.", "nl")
    assert [(c.term, c.hedged) for c in claims] == [
        ("ontslag", True),
        ("berisping", False),
    ]


def test_can_confirm_is_not_a_hedge():
    claim = only("We can confirm that a civil servant has been fired.", "en")
    assert not claim.hedged


# --- attribution ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "attributed"),
    [
        ("De ambassadeur is berispt.", "nl", False),
        ("De ambassadeur is naar verluidt berispt.", "nl", True),
        ("Volgens ingewijden is de ambassadeur berispt.", "nl", True),
        ("De ambassadeur is berispt, aldus het ministerie.", "nl", True),
        ("The officials were reprimanded.", "en", False),
        ("The officials have reportedly been reprimanded.", "en", True),
        ("The officials were reprimanded, a spokesman says.", "en", True),
    ],
)
def test_attribution_keeps_the_claim_asserted(text, language, attributed):
    claim = only(text, language)
    assert claim.attributed is attributed
    assert claim.asserted


# --- language -------------------------------------------------------------------------


def test_terms_belong_to_their_language():
    assert analyse("The officials were reprimanded.", "nl") == []
    assert analyse("De ambassadeur is berispt.", "en") == []


def test_language_is_guessed_when_not_given():
    assert only("De ambassadeur is door de minister berispt.", None).language == "nl"
    assert only("The two officials have been reprimanded.", None).language == "en"


def test_unsupported_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        analyse("tekst", "de")


# --- exclusions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De ambassadeur nam ontslag.", "nl"),
        ("De ambassadeur heeft zijn ontslag ingediend.", "nl"),
        ("Alles wijst erop dat de zaak is afgedaan.", "nl"),
        ("The court dismissed the case.", "en"),
        ("The minister dismissed claims of a cover-up.", "en"),
        ("Police fired shots in the air.", "en"),
    ],
)
def test_lookalikes_are_not_measures(text, language):
    assert analyse(text, language) == []


# --- spans ----------------------------------------------------------------------------


def test_spans_are_str_indices_into_the_text():
    text = "Café: «De ambassadeur» is — volgens ingewijden — berispt 🙂. Ook ontslagen?"
    claims = analyse(text, "nl")
    assert [text[c.start : c.end] for c in claims] == ["berispt", "ontslagen"]
    assert all(c.matched_text == text[c.start : c.end] for c in claims)


def _lexicon_words() -> list[str]:
    """Words that start a term or a cue, plus later words of some patterns."""
    words = {
        w
        for lex in load_lexicon().values()
        for matcher in (lex.terms, lex.cues, lex.exclusions)
        for w in matcher.by_word
    }
    words |= {"aan", "op", "het", "matje", "geroepen", "knuckles", "pending", "pay"}
    return sorted(words | {",", ".", "?", "--", "maar", "but"})


measure_words = st.sampled_from(_lexicon_words())


# no deadline: two shared cores make single examples slow at times (not the code)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(measure_words, st.text(max_size=8)), max_size=40))
def test_any_text_is_analysed_and_spans_lie_inside(words):
    text = " ".join(words)
    for language in ("nl", "en", None):
        for claim in analyse(text, language):
            assert 0 <= claim.start < claim.end <= len(text)
            assert claim.matched_text == text[claim.start : claim.end]
            assert claim.category in SEVERITY


@given(st.text())
def test_arbitrary_unicode_is_analysed(text):
    for claim in analyse(text):
        assert 0 <= claim.start < claim.end <= len(text)


def test_one_megabyte_of_text():
    paragraph = textwrap.dedent(
        """\
        De ambassadeur is door de minister aangesproken, maar niet berispt. Mogelijk
        volgt ontslag, schrijft de krant. The officials were reportedly reprimanded.

        """
    )
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    claims = analyse(text)
    assert len(text) >= 1_000_000
    assert claims
    assert all(0 <= c.start < c.end <= len(text) for c in claims)


# --- comparison with the recorded measure ---------------------------------------------


@pytest.mark.parametrize(
    ("claim_text", "recorded_term", "same"),
    [
        ("De minister spreekt de ambassadeur aan.", "aangesproken", True),
        ("De ambassadeur is aangesproken.", "aanspreken", True),
        ("De ambassadeur is berispt.", "aangesproken", False),
        (
            "The official was suspended.",
            "suspended pending a disciplinary interview",
            True,
        ),
        (
            "The official was suspended without pay.",
            "suspended pending an interview",
            False,
        ),
        ("The official was suspended without pay.", "suspended without pay", True),
    ],
)
def test_matches_term(claim_text, recorded_term, same):
    claim = analyse(claim_text)[0]
    assert matches_term(claim, recorded_term) is same


def test_matches_term_falls_back_on_lemmas_for_unknown_terms():
    claim = only("Hij is berispt.", "nl")
    assert matches_term(claim, "berispen volgens het reglement") is True
    assert matches_term(claim, "") is False


@pytest.mark.parametrize(
    ("text", "recorded", "term", "finding"),
    [
        ("Hij is aangesproken.", "informal", "aangesproken", Finding.ACCURATE),
        ("Hij is berispt.", "informal", "aangesproken", Finding.OVERSTATED),
        ("Hij is aangesproken.", "punishment", "berisping", Finding.UNDERSTATED),
        (
            "Hij is op het matje geroepen.",
            "informal",
            "aangesproken",
            Finding.AMBIGUOUS,
        ),
        ("Hij is niet geschorst.", "order_measure", "geschorst", Finding.CONTRADICTED),
        ("Er komt geen maatregel.", "informal", "aangesproken", Finding.CONTRADICTED),
        ("Er komt geen maatregel.", "none", "", Finding.ACCURATE),
        ("Hij krijgt geen berisping.", "informal", "aangesproken", None),
        ("Hij riskeert ontslag.", "informal", "aangesproken", None),
        ("Hij is berispt.", "none", "", Finding.OVERSTATED),
        ("Disciplinary action was taken.", "dismissal", "dismissed", Finding.ACCURATE),
        ("Disciplinary action was taken.", "informal", "spoken to", Finding.OVERSTATED),
        ("No disciplinary action was taken.", "informal", "spoken to", None),
        (
            "No disciplinary action was taken.",
            "dismissal",
            "dismissed",
            Finding.CONTRADICTED,
        ),
        ("The official was suspended.", "order_measure", "suspended", Finding.ACCURATE),
        (
            "The official was suspended.",
            "order_measure",
            "geschorst",
            Finding.AMBIGUOUS,
        ),
    ],
)
def test_judge_claim(text, recorded, term, finding):
    assert judge_claim(analyse(text)[0], recorded, term) == finding


def test_judge_claim_refuses_an_unknown_category():
    with pytest.raises(ValueError):
        judge_claim(analyse("Hij is berispt.", "nl")[0], "reprimand")


def test_most_serious_follows_the_contract_order():
    assert most_serious([Finding.ACCURATE, None, Finding.UNDERSTATED]) == "understated"
    assert most_serious(list(Finding)) == Finding.CONTRADICTED
    assert most_serious([None]) is None


# --- a malformed lexicon fails loudly -------------------------------------------------

VALID_CUES = "cues: {nl: {negation: [geen]}, en: {negation: [not]}}\n"


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (
            "- {term: x, language: nl, category: bad, ambiguous: no, source: s, "
            "patterns: [x]}",
            "unknown category 'bad'",
        ),
        (
            "- {term: x, language: nl, category: none, ambiguous: no, patterns: [x]}",
            "missing source",
        ),
        (
            "- {term: x, language: nl, category: none, ambiguous: no, source: s, "
            "patterns: ['a (b']}",
            "pattern 'a (b'",
        ),
        (
            "- {term: x, language: nl, category: none, ambiguous: no, source: s, "
            "patterns: [x, no]}",
            "quote yes/no/on/off",
        ),
        (
            "- {term: x, language: fr, category: none, ambiguous: no, source: s, "
            "patterns: [x]}",
            "language must be one of",
        ),
        (
            "- {term: x, language: nl, category: none, ambiguous: maybe, source: s, "
            "patterns: [x]}",
            "ambiguous must be yes or no",
        ),
    ],
)
def test_malformed_lexicon_names_the_file_and_the_entry(tmp_path, terms, message):
    path = tmp_path / "terms.yaml"
    path.write_text(VALID_CUES + "terms:\n" + terms + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value)
    assert "terms[0] ('x')" in str(info.value)
    assert message in str(info.value)


def test_missing_lexicon_file_names_it(tmp_path):
    with pytest.raises(LexiconError, match=r"missing\.yaml"):
        load_lexicon(tmp_path / "missing.yaml")
