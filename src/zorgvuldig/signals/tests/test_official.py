"""Speaking in an official capacity (``official_title``)."""

from zorgvuldig.signals.official import find_official_titles


def test_title_after_as():
    text = "As Deputy Assistant Secretary of Commerce, I urge you to vote."
    (sig,) = find_official_titles(text)
    assert sig.text == "As Deputy Assistant Secretary of Commerce"
    assert text[sig.start : sig.end] == sig.text


def test_actor_function_counts_as_title():
    text = "Als beleidsmedewerker Midden-Oosten zeg ik: dit klopt niet."
    assert find_official_titles(text, function="beleidsmedewerker Midden-Oosten")


def test_on_behalf_of_the_ministry():
    assert find_official_titles("Namens het ministerie feliciteer ik de winnaar")


def test_ordinary_as_is_no_title():
    assert find_official_titles("As a parent I worry about school meals.") == []


def test_title_as_closing_signature():
    text = (
        "Canvass with me on Saturday! \u2013 Deputy Field Director, U.S. Forest Service"
    )
    (sig,) = find_official_titles(text)
    assert sig.text == "\u2013 Deputy Field Director, U.S. Forest Service"


def test_courtesy_address_or_a_title_mid_text_is_no_signature():
    assert (
        find_official_titles("Canvass with me on Saturday! - The Honorable Ann Lee")
        == []
    )
    assert (
        find_official_titles("The director - of all people - came to the picnic.") == []
    )
