"""Links to campaign, party or candidate pages and donation platforms (``campaign_link``).

Property test (hypothesis): any text is analysed without error and every span lies inside
the text and equals the signal's text.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals.entities import find_campaign_links


def links(text):
    return [(s.text, s.value) for s in find_campaign_links(text)]


@pytest.mark.parametrize(
    ("text", "link", "party"),
    [
        ("Lees https://www.vvd.nl/standpunten/ vandaag", "https://www.vvd.nl/standpunten/", "VVD"),
        ("Het programma: pvv.nl.", "pvv.nl", "PVV"),
        ("Manifesto at labour.org.uk/manifesto!", "labour.org.uk/manifesto", "Labour"),
        ("conservatives.com", "conservatives.com", "Conservatives"),
        ("Join at GOP.com", "GOP.com", "Republican Party"),
        ("https://democrats.org/take-action", "https://democrats.org/take-action",
         "Democratic Party"),
        ("Give: secure.actblue.com/donate/x, thanks", "secure.actblue.com/donate/x",
         "Democratic Party"),  # a donation platform, with a subdomain
        ("winred.com/candidate", "winred.com/candidate", "Republican Party"),
        ("smithforcongress.com", "smithforcongress.com", "campaign"),  # a campaign's shape
        ("Follow x.com/VVD", "x.com/VVD", "VVD"),  # a party's account
        ("https://twitter.com/geertwilderspvv", "https://twitter.com/geertwilderspvv", "PVV"),
    ],
)  # fmt: skip
def test_links_to_party_and_campaign_pages(text, link, party):
    assert links(text) == [(link, party)]


@pytest.mark.parametrize(
    "text",
    [
        "mail press@vvd.nl",  # an e-mail address
        "notvvd.nl and vvd.nlx",  # other domains
        "gop.com.example.org",  # a longer domain
        "the VVD and the GOP",  # names, not links
        "x.com/SenJoniErnst",  # a member's official account is not a campaign page
        "x.com/somebody",
        "rijksoverheid.nl/onderwerpen",
    ],
)
def test_no_campaign_link(text):
    assert links(text) == []


def test_the_campaign_site_shape_runs_only_on_texts_with_its_words():
    from zorgvuldig.signals.entities import _lexicon

    assert not _lexicon().links.patterns._always  # every pattern has a key


LINK_PIECES = ["vvd.nl", "https://", "www.", "/", "@", "x.com/VVD", ".", " ", "actblue",
               ".com", "forcongress", "gop.com", "\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "vvd.nl",
                    "https://",
                    "www.",
                    "/",
                    "@",
                    "x.com/VVD",
                    ".",
                    " ",
                    "actblue",
                    ".com",
                    "forcongress",
                    "gop.com",
                    "\n",
                ]
            ),
            st.text(max_size=10),
        ),
        max_size=12,
    )
)
def test_any_text_spans_lie_inside_the_text(pieces):
    text = "".join(pieces)
    for sig in find_campaign_links(text, where="target.content[0]"):
        assert sig.kind == "campaign_link"
        assert sig.where == "target.content[0]"
        assert 0 <= sig.start < sig.end <= len(text)
        assert text[sig.start : sig.end] == sig.text


def test_the_gates_detect_asks_are_those_of_the_patterns():
    # detect() asks the gates by name rather than through the patterns' may_match
    from zorgvuldig.signals.addressees import ADDRESSEE_GATE, _patterns
    from zorgvuldig.signals.campaigns import SLOGANS_GATE
    from zorgvuldig.signals.entities import _lexicon
    from zorgvuldig.signals.links import LINKS_GATE

    assert _lexicon().terms.slogans._gate.name == SLOGANS_GATE
    links = _lexicon().links.patterns
    assert links._gate.name == LINKS_GATE
    assert not links._text_keys
    addressees = _patterns()[0]
    assert addressees._gate.name == ADDRESSEE_GATE
    assert not addressees._always
    assert set(addressees._text_keys) == {"@"}
