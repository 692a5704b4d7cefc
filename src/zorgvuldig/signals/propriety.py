"""Propriety of official communication and party political activity (UK sources first).

The kinds, each from the phrases of ``data/propriety.yaml`` (which names its sources):

- ``announcement``: a new policy, fund, scheme or blog made public ("today we announce",
  "new on our blog"). The Cabinet Office's General Election Guidance stops new
  announcements in the election period;
- ``announcement_before_parliament``: an announcement in a text that says Parliament will
  be told later ("the Secretary of State will tell MPs next week"): the most important
  announcements of policy are made to Parliament first (Ministerial Code para 9.1);
- ``unconfirmed_information``: hearsay about what is coming ("hearing that", "rumour has
  it"): GCS guidance asks official accounts to check accuracy and not to post when in
  doubt;
- ``partisan_account``: in the target's name only, the account of a party, a party branch
  or a campaigning group (GCS: official accounts must not further disseminate messages
  from partisan accounts);
- ``party_or_candidate``: in the target's name only, a politician's account named by office
  ("a councillor's account", "an MP's page"), as :mod:`.entities` finds them by name;
- ``partisan_stance`` with value ``party activity``: holding party office, a party
  conference, canvassing for a party or candidate (the national political activities of
  Civil Service Management Code 4.4.1(a)), even where no party is named.
"""

from __future__ import annotations

from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, load_data
from .types import Signal

#: The field of the target's name: only there do account kinds count.
TARGET_NAME = "target.name"


@cache
def _patterns() -> dict[str, CuePatterns]:
    data = load_data("propriety.yaml")
    return {
        key: CuePatterns(data[key])
        for key in (
            "announcement",
            "before_parliament",
            "unconfirmed",
            "partisan_accounts",
            "politician_accounts",
            "party_activity",
        )
    }


def may_match(field: Field) -> bool:
    """Whether any propriety cue may match ``field`` (the cheap gate test)."""
    patterns = _patterns()
    if field.where == TARGET_NAME:
        return any(p.may_match(field) for p in patterns.values())
    return (
        patterns["announcement"].may_match(field)
        or patterns["unconfirmed"].may_match(field)
        or patterns["party_activity"].may_match(field)
    )


def find_propriety(field: Field) -> list[Signal]:
    """The propriety cues of ``field`` (see the module docstring for the kinds).

    Returns:
        signals in no particular order; ``announcement_before_parliament`` only beside an
        ``announcement`` of the same field, the account kinds only in the target's name.
    """
    patterns = _patterns()
    found = find_phrases("announcement", patterns["announcement"], field)
    if found:
        found += find_phrases(
            "announcement_before_parliament", patterns["before_parliament"], field
        )
    found += find_phrases("unconfirmed_information", patterns["unconfirmed"], field)
    found += [
        Signal(s.kind, s.text, s.where, s.start, s.end, "party activity")
        for s in find_phrases("partisan_stance", patterns["party_activity"], field)
    ]
    if field.where == TARGET_NAME:
        found += find_phrases("partisan_account", patterns["partisan_accounts"], field)
        found += [
            Signal(s.kind, s.text, s.where, s.start, s.end, "politician")
            for s in find_phrases(
                "party_or_candidate", patterns["politician_accounts"], field
            )
        ]
    return found
