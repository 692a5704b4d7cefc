"""Markings and phrasings of non-public information (``nonpublic_information``)."""

import pytest

from zorgvuldig.signals.nonpublic import find_nonpublic


@pytest.mark.parametrize(
    "text",
    [
        "Morgen besluit de ministerraad vertrouwelijk om de accijns te verhogen.",
        "Nog niet verder vertellen!",
        "Dit stuk is Stg. Geheim.",
        "Departementaal vertrouwelijk: de nota",
        "Embargoed until Monday 09:00",
        "Draft - not for distribution",
        "This memo is strictly confidential",
        "het rapport staat onder embargo",
    ],
)
def test_nonpublic_cue(text):
    assert find_nonpublic(text)


def test_span_is_the_cue():
    text = "Dus: nog niet verder vertellen."
    (sig,) = find_nonpublic(text)
    assert text[sig.start : sig.end] == sig.text == "nog niet verder vertellen"


@pytest.mark.parametrize(
    "text",
    [
        "Het geheim van een goede soep is tijd.",
        "Vandaag publiceerde het kabinet het besluit over de accijns.",
        "Victoria's secret is out",
    ],
)
def test_public_text_has_no_cue(text):
    assert find_nonpublic(text) == []
