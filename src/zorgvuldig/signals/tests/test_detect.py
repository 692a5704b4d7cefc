"""The public ``detect`` function: all cues of a field, with spans inside the text.

Property tests (hypothesis): any text is analysed without error and every span lies
inside the text and equals the signal's text.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals import SIGNAL_KINDS, detect, guess_language

SITUATION_KINDS = {"official_account"}


def check_spans(text, found):
    for sig in found:
        assert sig.kind in SIGNAL_KINDS - SITUATION_KINDS
        assert 0 <= sig.start <= sig.end <= len(text)
        assert text[sig.start : sig.end] == sig.text


def test_kinds_of_one_text():
    text = "Woensdag allemaal VVD stemmen! Eindelijk grip op migratie."
    kinds = {s.kind for s in detect(text, portfolio=["asiel", "migratie"])}
    assert kinds == {"party_or_candidate", "partisan_stance", "portfolio_topic"}


def test_where_is_passed_through():
    found = detect("Geen regering met steun van de PVV", where="target.content[0]")
    assert {s.where for s in found} == {"target.content[0]"}


def test_empty_and_none():
    assert detect("") == []
    assert detect(None) == []


def test_language_guess():
    assert guess_language("Het is er echt te druk op het fietspad.") == "nl"
    assert guess_language("It is really too busy on the cycle path.") == "en"
    assert guess_language("😂😂") is None


def test_one_megabyte():
    text = ("Stem op de PVV! Het OM liegt. vertrouwelijk 😂 " * 30000)[:1_000_000]
    found = detect(text, portfolio=["Midden-Oosten"])
    check_spans(text, found)
    assert {"party_or_candidate", "insult", "nonpublic_information"} <= {
        s.kind for s in found
    }


def test_emoji_only():
    text = "🎉🇳🇱😂" * 50
    check_spans(text, detect(text))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400), portfolio=st.lists(st.text(max_size=20), max_size=3))
def test_any_text_gives_spans_inside_it(text, portfolio):
    check_spans(text, detect(text, portfolio=portfolio, function="ambassadeur"))


@settings(max_examples=100, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            [
                "PVV",
                "stem",
                "op",
                "geen",
                "regering",
                "Vote",
                "them",
                "out",
                ".",
                "!",
                " ",
                "liegt",
                "İ",
                "ß",
                "Midden-Oostenbeleid",
                "vertrouwelijk",
                "$20",
                "As",
                "ambassadeur",
                "\n",
                "😂",
                "Damascus",
                "Re-elect",
                "Senator",
                "Jane",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_cue_rich_text_gives_spans_inside_it(text):
    check_spans(text, detect(text, portfolio=["Midden-Oosten"], function="ambassadeur"))


def test_a_new_word_that_occurs_twice_is_made_once():
    from zorgvuldig.signals.text import Field

    field = Field("qwzxvy-beleid en nog eens qwzxvy-beleid")
    assert field.words[0] is field.words[-1]


def test_language_is_guessed_when_asked_and_kept_when_given():
    from zorgvuldig.signals.text import Field

    assert Field("Het is er echt te druk op het fietspad.").language == "nl"
    assert Field("It is really too busy.", language="nl").languages == ("nl",)
    assert Field("😂😂").languages == ("nl", "en")
