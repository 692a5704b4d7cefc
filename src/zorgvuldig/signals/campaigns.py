"""Slogans, hashtags and @handles of parties and candidates, with their dates.

Part of the signal ``party_or_candidate`` (see :mod:`.entities`), from three lists:

- ``data/campaigns.yaml``: campaign slogans ("Make America Great Again", "Get Brexit
  Done") and hashtags ("#MAGA", "#Resist"), each with the periods in which it was a
  party's or candidate's slogan and its sources. Outside its periods it is not partisan:
  "#ImWithHer" in 2026 or "#resist" in 2016 names nobody. A slogan or hashtag that takes
  a side adds a ``partisan_stance``;
- the hashtag of any listed name ("#VVD", "#GroenLinks", "#JoeBiden"), also with a
  prefix that takes a side and a year ("#StemVVD", "#NeverTrump", "#Trump2024");
- the accounts of parties and politicians (``accounts`` in ``parties.yaml``; the members
  of Congress in ``us_politicians.yaml``) as @mentions, in any capitalisation and as whole
  handles ("@SenJoniErnst", not "@SenJoniErnstFan", not "press@...").

Hashtags follow the OSC's reading of "#resist" (advisory of 27 Nov 2018): used "in
isolation" it is presumed political activity from that day on, but as a word of a
sentence ("I must #resist the temptation ...") it is not. An entry marked ``alone`` counts
only when no word of its line stands both before and after it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .names import NameTrie
from .patterns import CuePatterns
from .text import DEFAULT_LANGUAGES, RUN_RE, Field, Word, fold, load_data
from .types import Signal

#: A hashtag: ``#`` not inside a word or address, then its body.
HASHTAG_RE = re.compile(r"(?<![\w#&/])#(\w+)")
#: An @mention: ``@`` not inside an e-mail address, then a handle (inner dots allowed).
MENTION_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
#: A year at the end of a hashtag ("#Trump2024").
_YEAR_RE = re.compile(r"(.+?)(?:19|20)\d\d")
_TAGS_AND_MENTIONS = re.compile(r"[#@]\w+")
#: The gate of the slogans' trie (:class:`~.names.NameTrie` names it so).
SLOGANS_GATE = "names-slogans"
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Term:
    """A slogan or hashtag of a party or candidate, and when it was one.

    Attributes:
        party: the party short name of ``parties.yaml`` (or a campaign's name).
        stance: ``"for"``/``"against"`` when using it takes a side, else ``None``.
        periods: ``(from, until)`` days, both inclusive, ``None`` open; empty: always.
        alone: counts only outside running text (see the module docstring).
    """

    party: str
    stance: str | None = None
    periods: tuple[tuple[dt.date | None, dt.date | None], ...] = ()
    alone: bool = False

    def holds_on(self, on: dt.date) -> bool:
        """Whether ``on`` lies inside one of the periods (always, when there are none)."""
        if not self.periods:
            return True
        return any(
            (start is None or start <= on) and (end is None or on <= end)
            for start, end in self.periods
        )


def _periods(
    entry: Mapping[str, Any],
) -> tuple[tuple[dt.date | None, dt.date | None], ...]:
    spans = entry.get("periods") or (
        [{"from": entry.get("from"), "until": entry.get("until")}]
        if entry.get("from") or entry.get("until")
        else []
    )
    return tuple((s.get("from"), s.get("until")) for s in spans)


def _term(entry: Mapping[str, Any]) -> Term:
    return Term(
        party=entry["party"],
        stance=entry.get("stance"),
        periods=_periods(entry),
        alone=bool(entry.get("alone")),
    )


def _joined(name: str) -> str:
    """A name as a hashtag writes it: its letter/digit runs without the gaps."""
    return "".join(RUN_RE.findall(name))


@dataclass(frozen=True, slots=True)
class CampaignTerms:
    """The slogans, hashtags and handles of one set of entity lists.

    The slogans have a trie of their own, apart from the names': its words are common
    ones, which as first words of names would make every name's neighbourhood worth a
    walk; a slogan's value in it is its index in :attr:`terms`.
    """

    slogans: NameTrie
    terms: tuple[Term, ...]
    #: key word -> the folded runs and the term of each slogan form it gates: a slogan can
    #: only be in a text holding its key and all its other words, on a day of its period,
    #: which is cheaper to ask than to walk the trie
    forms: Mapping[str, tuple[tuple[frozenset[str], Term], ...]]
    #: folded hashtag -> its terms (listed hashtags and the hashtags of slogans)
    tags: Mapping[str, tuple[Term, ...]]
    #: folded joined name -> ``(party, surface)``; ``surface`` set for exact names
    names: Mapping[str, tuple[tuple[str, str | None], ...]]
    #: folded handle -> party
    handles: Mapping[str, str]
    prefixes: tuple[tuple[str, str], ...]
    #: registers "#" and "@" as text keys (patterns.may_match_any_text): a text with a
    #: hashtag or a mention is looked at even when none of its words is marked
    marks: CuePatterns

    def may_match(self, field: Field) -> bool:
        """Whether a slogan, hashtag or mention may occur in ``field``."""
        text = field.text
        return "#" in text or "@" in text or SLOGANS_GATE in field.marked

    def find(self, field: Field, on: dt.date | None = None) -> list[Signal]:
        """``party_or_candidate`` (and ``partisan_stance``) signals of ``field`` on ``on``.

        Args:
            field: the analysed text field.
            on: the day of the post (``None``: today, UTC).
        """
        text = field.text
        tags, mentions = "#" in text, "@" in text
        keys = field.marked.get(SLOGANS_GATE)
        if not keys and not tags and not mentions:  # most texts
            return []
        on = on or dt.datetime.now(dt.UTC).date()
        slogans = (
            self.slogans.find(field)
            if keys and self._may_hold_slogan(field, keys, on)
            else []
        )
        found: list[Signal] = []
        for start, end, name in slogans:
            term = self.terms[int(name.value)]
            if term.holds_on(on):
                found += _signals(field, start, end, term.party, term.stance)
        if tags:
            for m in HASHTAG_RE.finditer(text):
                found += self._hashtag(field, m, on)
        if mentions:
            for m in MENTION_RE.finditer(text):
                party = self.handles.get(fold(m.group(1)))
                if party is not None:
                    found += _signals(field, m.start(), m.end(), party, None)
        return found

    def _may_hold_slogan(self, field: Field, keys: Iterable[Word], on: dt.date) -> bool:
        """Whether every word of a slogan in use on ``on``, gated by one of ``keys``
        (the marked words of ``field``), is in ``field``."""
        candidates = [
            runs
            for word in keys
            for run in word.runs
            for runs, term in self.forms.get(run, ())
            if term.holds_on(on)
        ]
        if not candidates:
            return False
        vocab = field.vocab
        return any(runs <= vocab for runs in candidates)

    def _hashtag(self, field: Field, m: re.Match[str], on: dt.date) -> list[Signal]:
        body = m.group(1)
        listed = self.tags.get(fold(body))
        if listed is not None:  # a listed hashtag follows its own periods
            out: list[Signal] = []
            for term in listed:
                if term.holds_on(on) and (
                    not term.alone or _stands_alone(field.text, m.start(), m.end())
                ):
                    out += _signals(field, m.start(), m.end(), term.party, term.stance)
            return out
        year = _YEAR_RE.fullmatch(body)
        cores = [body, year.group(1)] if year else [body]
        for core in cores:
            party = self._name(core)
            if party is not None:
                return _signals(field, m.start(), m.end(), party, None)
            folded = fold(core)
            for prefix, stance in self.prefixes:
                if folded.startswith(prefix) and len(folded) > len(prefix):
                    party = self._name(core[len(prefix) :])
                    if party is not None:
                        return _signals(field, m.start(), m.end(), party, stance)
        return []

    def _name(self, written: str) -> str | None:
        """The party of the name ``written`` as a hashtag body, if it is a listed name."""
        listed = self.names.get(fold(written), ())
        for party, surface in listed:
            if surface is None or surface == written:
                return party
        # an abbreviation in capitals only ("VVD", "GOP") also in lower case: "#vvd";
        # not a word listed in capitals too ("LABOUR" beside "Labour": "#labour"), nor
        # one whose lower case is a Dutch or English word ("DENK": "#denk")
        if listed and all(
            surface is not None and surface.isupper() and len(surface) >= 3
            for _, surface in listed
        ):
            return None if _is_word(fold(written)) else listed[0][0]
        return None


def _is_word(folded: str) -> bool:
    """Whether ``folded`` is a word of the Dutch or English dictionary of simplemma."""
    from simplemma import is_known

    return any(is_known(folded, lang=lang) for lang in DEFAULT_LANGUAGES)


def _signals(
    field: Field, start: int, end: int, party: str, stance: str | None
) -> list[Signal]:
    text = field.text[start:end]
    found = [Signal("party_or_candidate", text, field.where, start, end, party)]
    if stance:
        found.append(
            Signal(
                "partisan_stance", text, field.where, start, end, f"{stance} {party}"
            )
        )
    return found


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands apart from the running text of its line.

    It does when no word stands before it on its line, or none after it (other hashtags
    and mentions left aside): "Terrible decision. #Resist", "#Resist tyranny". Inside a
    line of words it is a word of the text ("I must #resist the temptation", "Must.
    #resist. Another. Donut."), whatever the punctuation around it.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = _TAGS_AND_MENTIONS.sub("", text[line_start:start])
    following = _TAGS_AND_MENTIONS.sub(
        "", text[end : None if line_end < 0 else line_end]
    )
    return not (_WORD.search(before) and _WORD.search(following))


def build_terms(
    parties: Iterable[Mapping[str, Any]], people: Iterable[Mapping[str, Any]]
) -> CampaignTerms:
    """The campaign terms of ``data/campaigns.yaml`` and of the given entity lists.

    Args:
        parties: party entries in the shape of ``parties.yaml`` (``short``, ``names``,
            ``exact``, ``accounts``).
        people: politician entries (``name``, ``party``, ``names``, ``exact``,
            ``accounts`` as a list or a mapping of platform -> handle).
    """
    data = load_data("campaigns.yaml")
    slogans = NameTrie("slogans")
    terms: list[Term] = []
    tags: dict[str, list[Term]] = {}
    phrases: list[tuple[str, str, bool]] = []
    keys: dict[str, str] = {}
    runs: dict[str, list[tuple[frozenset[str], Term]]] = {}
    for entry in data.get("slogans") or ():
        term = _term(entry)
        index = str(len(terms))
        terms.append(term)
        for text in (entry["text"], *(entry.get("variants") or ())):
            forms = [text, text.replace("'", "\u2019")] if "'" in text else [text]
            for form in forms:
                phrases.append((form, index, False))
                words = [fold(r) for r in RUN_RE.findall(form)]
                key = (
                    fold(str(entry["key"])) if entry.get("key") else max(words, key=len)
                )
                runs.setdefault(key, []).append((frozenset(words), term))
                if entry.get("key"):
                    keys[form] = str(entry["key"])
        for tag in (_joined(entry["text"]), *(entry.get("hashtags") or ())):
            tags.setdefault(fold(tag), []).append(term)
    slogans.add_all(phrases, keys=keys)
    for entry in data.get("hashtags") or ():
        tags.setdefault(fold(entry["tag"]), []).append(_term(entry))
    names: dict[str, list[tuple[str, str | None]]] = {}
    handles: dict[str, str] = {}
    for party in parties:
        for name in party.get("names") or ():
            names.setdefault(fold(_joined(name)), []).append((party["short"], None))
        for name in party.get("exact") or ():
            names.setdefault(fold(_joined(name)), []).append(
                (party["short"], _joined(name))
            )
        for handle in _accounts(party):
            handles.setdefault(fold(handle), party["short"])
    for person in people:
        for name in (person["name"], *(person.get("names") or ())):
            names.setdefault(fold(_joined(name)), []).append((person["party"], None))
        for name in person.get("exact") or ():
            names.setdefault(fold(_joined(name)), []).append(
                (person["party"], _joined(name))
            )
        for handle in _accounts(person):
            handles.setdefault(fold(handle), person["party"])
    sides = data.get("name_hashtags") or {}
    prefixes = sorted(
        (
            (fold(p), stance)
            for stance in ("for", "against")
            for p in sides.get(stance, ())
        ),
        key=lambda p: -len(p[0]),
    )
    return CampaignTerms(
        slogans=slogans,
        terms=tuple(terms),
        forms={k: tuple(v) for k, v in runs.items()},
        tags={k: tuple(v) for k, v in tags.items()},
        names={k: tuple(v) for k, v in names.items()},
        handles=handles,
        prefixes=tuple(prefixes),
        marks=CuePatterns([HASHTAG_RE, MENTION_RE], gate_name="campaign-marks"),
    )


def _accounts(entry: Mapping[str, Any]) -> list[str]:
    """The handles of an entry: a list, or a mapping of platform -> handle."""
    accounts = entry.get("accounts") or ()
    if isinstance(accounts, Mapping):
        return [str(h) for h in accounts.values()]
    return [str(h) for h in accounts]
