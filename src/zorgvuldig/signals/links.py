"""Links to campaign, party or candidate pages and donation platforms (``campaign_link``).

Linking to a party's, partisan group's or candidate's campaign material is political
activity; for further restricted employees it is barred even off duty, and for everyone on
duty, in the workplace or on an account used for work (5 U.S.C. 7323(b), 7324(a); 5 CFR
734.306, 734.402, 734.411; OSC Hatch Act FAQs, Social Media). A link to a contribution page
is soliciting (5 U.S.C. 7323(a)(2); 5 CFR 734.303). What counts as such a page, from the
lists of :mod:`.entities` and ``data/campaigns.yaml``:

- a party's or candidate's own site or any page of it (``sites`` in ``parties.yaml``:
  vvd.nl, labour.org.uk, gop.com, donaldjtrump.com ...), with or without ``https://``
  and ``www.`` or another subdomain ("secure.actblue.com/donate/x");
- a donation platform that serves one party (ActBlue, WinRed: ``platforms``);
- a campaign site by its shape ("smithforcongress.com": ``campaign_sites``);
- a link to a listed party's or leader's account ("x.com/VVD", "facebook.com/UKLabour").
  The members of Congress's accounts in ``us_politicians.yaml`` are their official,
  taxpayer-funded ones, not campaign pages, so a link to those is not counted.

A domain matches only as a whole domain: "notvvd.nl" and "press@vvd.nl" are not links to
vvd.nl. The signal's ``value`` is the party's short name, or ``"campaign"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .patterns import CuePatterns
from .text import RUN_RE, Field, fold, load_data, non_overlapping
from .types import Signal

#: Before a link: not inside a word, an address or a longer domain.
_LEAD = r"(?<![\w@.-])(?:https?://)?(?:[\w-]+\.)*"
#: After the domain: not a longer domain; then the path, up to a space or a quote.
_TAIL = r"(?![\w-]|\.\w)(?:/[^\s<>\"'\])}]*)?"
#: Punctuation that ends a sentence rather than the link.
_TRAILING = ".,;:!?"
_SOCIAL = r"(?:twitter|x|facebook|instagram|youtube|tiktok)\.com"
_ACCOUNT_RE = re.compile(
    rf"(?i)(?<![\w@.-])(?:https?://)?(?:www\.|m\.|mobile\.)?{_SOCIAL}/@?([A-Za-z0-9_.]+)"
)


#: The gate of the link patterns (:class:`~.patterns.CuePatterns` names it so): every
#: pattern has a key word, so a field none of whose words it marks holds no link.
LINKS_GATE = "patterns-campaign-links"
#: Every link looked for ends its domain in one of these: a text without any is skipped
#: before the patterns run (most texts that name "Labour" or "the Democrats" hold no link).
_DOMAIN_END = re.compile(r"(?i)\.(?:com|org|net|nl|uk|us|ie|wales|eu)(?![\w-])")


@dataclass(frozen=True, slots=True)
class Links:
    """The link patterns of one set of entity lists (made by :func:`build_links`)."""

    patterns: CuePatterns
    #: pattern -> the party its matches link to (``"campaign"`` for a shape)
    party_of: Mapping[re.Pattern[str], str]
    #: folded handle -> party, for links to accounts
    accounts: Mapping[str, str]


def _site_pattern(site: str) -> re.Pattern[str]:
    if not _DOMAIN_END.search(site):
        raise ValueError(
            f"site {site!r}: its domain ending is not in links._DOMAIN_END"
        )
    return re.compile(rf"(?i){_LEAD}{re.escape(site)}{_TAIL}")


def build_links(
    parties: Iterable[Mapping[str, Any]], people: Iterable[Mapping[str, Any]]
) -> Links:
    """The link patterns of the given entity lists and ``data/campaigns.yaml``.

    Args:
        parties, people: entries in the shape of ``parties.yaml`` (``sites``,
            ``accounts``); only accounts given as a list (the hand-made lists of party
            and leader accounts) count as campaign pages.
    """
    data = load_data("campaigns.yaml")
    entries: list[tuple[re.Pattern[str], list[str]]] = []
    party_of: dict[re.Pattern[str], str] = {}
    accounts: dict[str, str] = {}

    def add_site(site: str, party: str) -> None:
        pattern = _site_pattern(site)
        runs = RUN_RE.findall(site)
        entries.append((pattern, [max(runs, key=len)]))
        party_of[pattern] = party

    for entry in (*parties, *people):
        party = entry.get("short") or entry["party"]
        for site in entry.get("sites") or ():
            add_site(site, party)
        listed = entry.get("accounts") or ()
        if not isinstance(listed, Mapping):
            for handle in listed:
                accounts.setdefault(fold(handle), party)
    for platform in data.get("platforms") or ():
        add_site(platform["site"], platform["party"])
    for shape in data.get("campaign_sites") or ():
        pattern = re.compile(rf"(?i){_LEAD}{shape}{_TAIL}")
        entries.append((pattern, []))  # no words given: its keys are derived
        party_of[pattern] = "campaign"
    words = ["twitter", "x", "facebook", "instagram", "youtube", "tiktok"]
    entries.append((_ACCOUNT_RE, words))
    return Links(
        patterns=CuePatterns(entries, gate_name="campaign-links"),
        party_of=party_of,
        accounts=accounts,
    )


def find_links(links: Links, field: Field) -> list[Signal]:
    """Links in ``field`` to campaign, party or candidate pages or donation platforms.

    Args:
        links: the lists to look for (``entities.find_campaign_links`` passes those of
            the loaded entity lists).
        field: the analysed text field.
    Returns:
        ``campaign_link`` signals in text order, the span being the link without the
        punctuation that ends its sentence; ``value`` the party's short name or
        ``"campaign"``.
    """
    if not _DOMAIN_END.search(field.text):  # no link at all: the cheaper question first
        return []
    candidates = links.patterns.candidates(field)
    if not candidates:
        return []
    matches: list[tuple[int, int, str]] = []
    for pattern in candidates:
        for m in pattern.finditer(field.text):
            if pattern is _ACCOUNT_RE:
                party = links.accounts.get(fold(m.group(1).rstrip(_TRAILING)))
            else:
                party = links.party_of.get(pattern)
            if party is None:
                continue
            end = m.start() + len(m.group().rstrip(_TRAILING))
            matches.append((m.start(), end, party))
    return [
        Signal("campaign_link", field.text[start:end], field.where, start, end, party)
        for start, end, party in non_overlapping(matches)
    ]
