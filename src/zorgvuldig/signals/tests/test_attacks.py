"""Attack signals: one test per kind, their targets, and the scope (negation, quotation,
attribution) they share with the measure-word analyser. Written on general sentences,
not on the shared or corpus cases. No database.

Property tests (hypothesis): any text is analysed without error, every span lies inside
the text and every attack has a known target.
"""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals import detect
from zorgvuldig.signals.attacks import TARGETS
from zorgvuldig.signals.scope import TextScope, quotations

ATTACK_KINDS = {
    "insult",
    "personal_attack",
    "discrimination_or_conspiracy",
    "incitement",
    "criticism_of_own_organisation",
}

#: HurtLex (CC BY-NC-SA 4.0) is not shipped: an organisation that may use it makes
#: ``signals/data/hurtlex.yaml`` with ``scripts/build_hurtlex_subset.py``.
NEEDS_HURTLEX = pytest.mark.skipif(
    not (
        Path(__file__).resolve().parents[2] / "signals" / "data" / "hurtlex.yaml"
    ).is_file(),
    reason="needs signals/data/hurtlex.yaml (HurtLex, CC BY-NC-SA 4.0, not shipped; "
    "made by scripts/build_hurtlex_subset.py)",
)


def kinds(text, **kw):
    return {s.kind for s in detect(text, **kw)}


def attacks(text, kind, **kw):
    return [s for s in detect(text, **kw) if s.kind == kind]


# ---- personal_attack ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die wethouder is een ordinaire oplichter.",
        "De minister loog tegen de Kamer.",
        "The senator is a fraud and a coward.",
        "He lied to us again.",
        "Wat een stelletje prutsers op dat departement.",
    ],
)
def test_insult_or_accusation_is_a_personal_attack(text):
    assert "personal_attack" in kinds(text)


def test_every_insult_is_also_a_personal_attack():
    found = detect("Die advocaat is een klootzak.")
    insults = {(s.start, s.end) for s in found if s.kind == "insult"}
    attacks_ = {(s.start, s.end) for s in found if s.kind == "personal_attack"}
    assert insults
    assert insults <= attacks_


@NEEDS_HURTLEX
def test_adjective_insults_a_person_not_a_policy():
    assert "personal_attack" in kinds("He is arrogant and spineless, that minister.")
    assert "personal_attack" not in kinds("The new filing procedure is arrogant.")


@NEEDS_HURTLEX
def test_reproach_and_derision_with_a_target():
    assert "personal_attack" in kinds("Shame on you, councillor.")
    derision = attacks(
        "The Home Secretary's plan is unworkable nonsense.", "personal_attack"
    )
    assert [s.value for s in derision] == ["derision"]
    assert derision[0].target == "office_holder"
    # derision that says nothing of whom it is about is no personal attack
    assert "personal_attack" not in kinds("Wat een onzin.")


def test_scare_quotes_after_a_possessive_are_sarcasm():
    found = attacks("Bedankt voor uw 'hulp' bij dit dossier.", "personal_attack")
    assert [s.value for s in found] == ["sarcasm"]
    assert "personal_attack" not in kinds("Het programma 'Samen Sterk' start maandag.")


# ---- negation, quotation, attribution ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hij is geen leugenaar",
        "he is not a liar",
        "Zij liegt niet.",
        "Niemand hier is een idioot.",
        "Ik zeg niet dat hij liegt.",
    ],
)
def test_negated_attack_does_not_count(text):
    assert not kinds(text) & ATTACK_KINDS


@pytest.mark.parametrize(
    "text",
    [
        'De demonstrant riep: "de burgemeester is een leugenaar".',
        "Volgens de oppositie is het 'een stelletje prutsers'.",
        'He said the senator was "a liar and a crook".',
    ],
)
def test_quoted_attack_of_someone_else_does_not_count(text):
    assert not kinds(text) & ATTACK_KINDS


def test_own_quoted_words_still_count():
    # quotation marks without anyone to attribute them to: the writer's own words
    assert "personal_attack" in kinds('Ik zeg het nog één keer: "leugenaars". Echt.')
    assert "personal_attack" in kinds('I said it before: they are "liars".')


def test_scope_of_a_span():
    text = 'Hij zegt: "dat is geen leugenaar". Jij liegt.'
    scope = TextScope(text, ["nl"])
    first = text.index("leugenaar")
    assert scope.of(first, first + 9).negated
    assert scope.of(first, first + 9).reported
    last = text.index("liegt")
    assert not scope.of(last, last + 5).negated
    assert not scope.of(last, last + 5).quoted


def test_quotations_ignore_apostrophes():
    assert quotations("Het is 's ochtends druk, zo'n dag") == []
    text = "hun 'inzet' en \u201cbeleid\u201d"
    assert [text[a:b] for a, b in quotations(text)] == ["inzet", "beleid"]


# ---- discrimination_or_conspiracy ------------------------------------------------------


@NEEDS_HURTLEX
def test_slur_is_insult_attack_and_discrimination():
    found = detect("Wat een nikkers daar.")
    assert {"insult", "personal_attack", "discrimination_or_conspiracy"} <= {
        s.kind for s in found
    }
    assert {s.target for s in found} == {"group"}


def test_group_with_exclusion_is_discrimination():
    found = attacks(
        "Asielzoekers moeten allemaal het land uit.", "discrimination_or_conspiracy"
    )
    assert found
    assert found[0].value == "exclusion"
    assert "discrimination_or_conspiracy" in kinds("Those migrants are vermin.")
    assert "discrimination_or_conspiracy" not in kinds(
        "Wij helpen asielzoekers met huisvesting."
    )


def test_conspiracy_vocabulary():
    assert "discrimination_or_conspiracy" in kinds(
        "Corona was een plandemie van de kwaadaardige elite."
    )
    assert "discrimination_or_conspiracy" in kinds("The deep state runs everything.")
    assert "discrimination_or_conspiracy" not in kinds(
        "Er is geen sprake van een plandemie."
    )


# ---- incitement ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die verraders moeten we allemaal ophangen.",
        "Someone should shoot them.",
        "Aan de hoogste boom met die zakkenvullers.",
    ],
)
def test_call_to_violence_is_incitement(text):
    assert "incitement" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "We should kill this bill in committee.",
        "De politie heeft de verdachte neergeschoten.",
        "Niemand moet hen ophangen.",
    ],
)
def test_violence_without_a_call_against_someone_is_not(text):
    assert "incitement" not in kinds(text)


# ---- criticism_of_own_organisation -------------------------------------------------------


def test_criticism_of_own_organisation_and_superior():
    found = attacks(
        "Het asielbeleid van mijn minister is onuitvoerbaar en onmenselijk.",
        "criticism_of_own_organisation",
    )
    assert found
    assert found[0].target == "own_superior"
    found = attacks(
        "My department's new rules are pathetic.", "criticism_of_own_organisation"
    )
    assert found
    assert found[0].target == "own_organisation"


def test_organisation_by_name():
    text = "De Belastingdienst is hopeloos en incompetent."
    assert attacks(
        text, "criticism_of_own_organisation", organisation="Belastingdienst"
    )
    assert not attacks(text, "criticism_of_own_organisation", organisation="Politie")


def test_praise_or_negated_criticism_is_not():
    assert not attacks(
        "Trots op mijn collega's vandaag!", "criticism_of_own_organisation"
    )
    assert not attacks(
        "Mijn afdeling is helemaal niet incompetent.", "criticism_of_own_organisation"
    )


# ---- targets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Mijn minister is een leugenaar.", "own_superior"),
        ("Mijn collega's zijn sukkels.", "own_organisation"),
        ("De burgemeester is een sukkel.", "office_holder"),
        ("Wat een idioten.", "group"),
        ("Jij bent een sukkel.", "person"),
    ],
)
def test_target(text, target):
    found = attacks(text, "personal_attack")
    assert found
    assert found[0].target == target


def test_target_is_in_the_output():
    sig = attacks("Jij bent een sukkel.", "personal_attack")[0]
    assert sig.as_dict()["target"] == "person"
    assert "target" not in detect("Stem op de PVV")[0].as_dict()


# ---- any text --------------------------------------------------------------------------


PIECES = [*"abcdefghijklmnopqrstuvwxyz '\"\u201c\u201d\u2019.,:;!?-\n",
          "leugenaar", " niet ", "mijn minister ", "onmenselijk", "nikkers", "moeten ",
          "ophangen", "zei: ", "liar", "not ", "'s ", "uw 'hulp' ", "allemaal "]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    organisation=st.sampled_from([None, "", "Politie", "Ministerie van Financiën"]),
)
def test_any_text_is_analysed_with_spans_inside(text, organisation):
    for sig in detect(text, organisation=organisation):
        assert 0 <= sig.start <= sig.end <= len(text)
        assert text[sig.start : sig.end] == sig.text
        if sig.kind in ATTACK_KINDS - {"discrimination_or_conspiracy"}:
            assert sig.target in TARGETS


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_unicode_text_is_analysed(text):
    for sig in detect(text, organisation="Gemeente Utrecht"):
        assert text[sig.start : sig.end] == sig.text


def test_a_word_is_an_insult_in_its_own_language_only():
    # Dutch "homo" is the neutral word; the English slur list must not reach it
    assert (
        not kinds("Ik ben homo en trots op mijn werk bij de gemeente.") & ATTACK_KINDS
    )


def test_remembered_attacks_depend_on_the_organisation():
    text = "De Belastingdienst is hopeloos en incompetent."
    first = attacks(
        text, "criticism_of_own_organisation", organisation="Belastingdienst"
    )
    assert first
    assert not attacks(text, "criticism_of_own_organisation", organisation="Politie")
    again = attacks(
        text, "criticism_of_own_organisation", organisation="Belastingdienst"
    )
    assert again == first


def test_a_long_text_is_read_near_its_cue_words_only():
    filler = "Vandaag was een gewone werkdag op kantoor. " * 200
    text = (
        filler + "Die wethouder is geen oplichter. " + filler + "Jij bent een sukkel."
    )
    found = attacks(text, "personal_attack")
    assert [s.text for s in found] == ["sukkel"]
    assert text[found[0].start : found[0].end] == "sukkel"


def test_a_short_name_of_the_organisation_counts_only_as_a_name():
    org = "Department of Energy"
    assert not attacks(
        "The renewable energy plans are pathetic.",
        "criticism_of_own_organisation",
        organisation=org,
    )
    assert attacks(
        "The Department of Energy is pathetic.",
        "criticism_of_own_organisation",
        organisation=org,
    )
