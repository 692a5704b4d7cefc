"""The word lists of the attack cues (:mod:`.attacks`), read and compiled once.

Three data files, each naming its sources and licence in its header:

- ``data/tone.yaml`` (``insult``): the product's own short list of name-calling words;
- ``data/hurtlex.yaml``: the HurtLex 1.2 selection (``attack``, ``slur``, ``derision``),
  CC BY-NC-SA 4.0; when the file is absent (a commercial user removed it) the cues run on
  the other lists only;
- ``data/attacks.yaml``: the phrases (accusations, reproach, groups and exclusion,
  conspiracy vocabulary, violence and calls, one's own organisation and superiors, office
  holders, criticism), compiled with the pattern language of ``measure_terms.yaml``
  (:func:`~.word_patterns.compile_pattern`).

Pure Python; no Django.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .text import fold, gate, load_data, stopwords
from .word_patterns import Matcher, Pattern, compile_pattern, normalise

#: The languages the lists are written for.
LANGUAGES = ("nl", "en")
#: The gate marking the words of an insult, a slur, derision, an accusation, reproach,
#: conspiracy talk or violence: each phrase is gated on its least common word (its
#: longest required word), so that "is|are|was|were lying" waits for "lying".
ATTACK_GATE = "attack"
#: Discriminatory talk needs a group noun and an exclusion word: both gates marked.
GROUP_GATE = "attack-group"
EXCLUSION_GATE = "attack-exclusion"
#: Criticism of one's own organisation needs a word for it (or its name) and a word of
#: criticism: both gates marked.
OWN_GATE = "attack-own"
CRITICISM_GATE = "attack-criticism"
#: Possessives before a scare quote ("je 'betrokkenheid'"): the sarcasm cue looks for
#: a quotation only in a text that holds one.
POSSESSIVE_GATE = "attack-possessive"
POSSESSIVES = frozenset(
    {"je", "jouw", "uw", "zijn", "haar", "hun", "jullie", "your", "his", "their"}
)
#: Every gate of the attack cues.
GATES = frozenset(
    {
        ATTACK_GATE,
        GROUP_GATE,
        EXCLUSION_GATE,
        OWN_GATE,
        CRITICISM_GATE,
        POSSESSIVE_GATE,
    }
)

#: Phrase kinds: (section of attacks.yaml, payload of its matches).
_PHRASES = ("accusation", "reproach", "comparison", "conspiracy", "calls_fixed")


#: For each required word of a pattern, the folded words it may be and whether one of
#: them is a lemma (``~``): all must occur in a text for the pattern to match.
Requirement = tuple[tuple[frozenset[str], bool], ...]


@dataclass(frozen=True)
class Lists:
    """The compiled lists of one language.

    Attributes:
        insults: folded name-calling words (tone.yaml and HurtLex ``attack``).
        adjectives: folded insulting adjectives (HurtLex ``attack_adjectives``): an
            insult only in a sentence that names a person.
        slurs: folded words that insult a group for what it is (HurtLex ``slur``).
        derision: folded words that dismiss what someone says or does.
        criticism: folded adjectives of negative evaluation.
        phrases: matches of the accusation, reproach, conspiracy and fixed-call phrases;
            payload the section name.
        groups, exclusion, violence, calls, offices, criticism_verbs: matchers of those
            sections (payload the section name).
        targets: one matcher of one's own organisation and superior, office holders and
            groups (payloads ``own_organisation``, ``own_superior``,
            ``office_holder``, ``group``), for the target of an attack.
        own: matcher of one's own organisation (payload ``own_organisation``) and
            superior (payload ``own_superior``).
        persons: folded pronouns that stand for a person or people.
        curse_prefixes, collective: for Dutch curse compounds ("kankervolk").
    """

    insults: frozenset[str]
    adjectives: frozenset[str]
    slurs: frozenset[str]
    derision: frozenset[str]
    criticism: frozenset[str]
    phrases: Matcher
    groups: Matcher
    exclusion: Matcher
    violence: Matcher
    calls: Matcher
    offices: Matcher
    targets: Matcher
    criticism_verbs: Matcher
    own: Matcher
    persons: frozenset[str]
    curse_prefixes: tuple[str, ...]
    collective: frozenset[str]
    #: gate name -> anchor word -> the requirements of the patterns it anchors
    anchored: dict[str, dict[str, list[Requirement]]]
    #: gate name -> the single words that are a cue by themselves
    singles: dict[str, frozenset[str]]


def _hurtlex() -> dict[str, Any]:
    """The HurtLex selection, or empty lists when the file was removed."""
    path = resources.files("zorgvuldig.signals").joinpath("data", "hurtlex.yaml")
    if not path.is_file():
        return {}
    data: dict[str, Any] = load_data("hurtlex.yaml")
    return data


def _words(values: Any) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in values or ())


def _compile(section: Any, lang: str, payload: str) -> list[tuple[str, Pattern]]:
    return [(payload, compile_pattern(p, lang)) for p in (section or {}).get(lang, ())]


def _required(pattern: Pattern) -> Requirement:
    """The words of a pattern, folded, with apostrophes as spaces (a text's vocabulary
    splits words at apostrophes: "don't" is "don" and "t")."""
    return tuple(
        (
            frozenset(fold(w).replace("'", " ") for w in e.words | e.lemmas),
            bool(e.lemmas),
        )
        for e in pattern.elements
        if not e.gap and not e.optional and (e.words or e.lemmas)
    )


def _anchored(
    pairs: list[tuple[str, Pattern]], also: Requirement = ()
) -> dict[str, list[Requirement]]:
    hints = frozenset(fold(w) for w in load_data("attacks.yaml").get("anchors") or ())
    """Anchor word -> requirements: each pattern is anchored on the alternatives of its
    required word whose shortest alternative is longest (the least common, as a rule),
    function words ("them", "against") last and the data's ``anchors`` first; a text
    holding the anchor is then checked for all the pattern's required words, and for
    those of ``also``."""
    function_words = frozenset().union(*stopwords().values())
    out: dict[str, list[Requirement]] = {}
    for _, pattern in pairs:
        required = _required(pattern) + also
        best, _ = max(
            _required(pattern),
            key=lambda req: (
                not req[0].isdisjoint(hints),
                not req[0] <= function_words,
                min(map(len, req[0])),
            ),
        )
        for w in best:  # the word as a gate sees it: with its apostrophe
            out.setdefault(w.replace(" ", "'"), []).append(required)
    return out


def _merged(
    *parts: dict[str, list[Requirement]],
) -> dict[str, list[Requirement]]:
    out: dict[str, list[Requirement]] = {}
    for part in parts:
        for key, reqs in part.items():
            out.setdefault(key, []).extend(reqs)
    return out


def _call_words(section: Any, lang: str) -> frozenset[str]:
    """Every word of every call pattern (a text with a call holds one of them)."""
    return frozenset(
        fold(w)
        for _, p in _compile(section, lang, "call")
        for e in p.elements
        for w in e.words | e.lemmas
    )


def _anchors(pairs: list[tuple[str, Pattern]]) -> set[str]:
    return set(_anchored(pairs))


@cache
def lists() -> dict[str, Lists]:
    """The compiled lists per language; marks the gates' words (first call only)."""
    tone = load_data("tone.yaml")["insult"]["words"]
    hurt = _hurtlex()
    data = load_data("attacks.yaml")
    out: dict[str, Lists] = {}
    keys: dict[str, set[str]] = {
        name: set()
        for name in (ATTACK_GATE, GROUP_GATE, EXCLUSION_GATE, OWN_GATE, CRITICISM_GATE)
    }
    for lang in LANGUAGES:
        phrases = [
            pair for name in _PHRASES for pair in _compile(data[name], lang, name)
        ]
        groups = _compile(data["groups"], lang, "group")
        exclusion = _compile(data["exclusion"], lang, "exclusion")
        violence = _compile(data["violence"], lang, "violence")
        own = _compile(data["own"]["organisation"], lang, "own_organisation")
        own += _compile(data["own"]["superior"], lang, "own_superior")
        verbs = _compile(data["criticism_verbs"], lang, "criticism")
        offices = _compile(data["offices"], lang, "office_holder")
        phrase_anchors = _anchored(phrases)
        # a violence word counts only with a word of a call in the text, and a word for
        # someone it is aimed at (an insult or slur found by itself runs the cue anyway)
        someone = _words(data["persons"].get(lang)) | {"allemaal", "all"}
        someone |= frozenset(_anchored(groups))
        violent_anchors = _anchored(
            violence,
            ((_call_words(data["calls"], lang), False), (frozenset(someone), False)),
        )
        made = Lists(
            insults=_words(tone.get(lang)) | _words(hurt.get("attack", {}).get(lang)),
            adjectives=_words(hurt.get("attack_adjectives", {}).get(lang)),
            slurs=_words(hurt.get("slur", {}).get(lang)),
            derision=_words(hurt.get("derision", {}).get(lang)),
            criticism=_words(data["criticism"].get(lang)),
            phrases=Matcher(phrases),
            groups=Matcher(groups),
            exclusion=Matcher(exclusion),
            violence=Matcher(violence),
            calls=Matcher(_compile(data["calls"], lang, "call")),
            offices=Matcher(offices),
            targets=Matcher(own + offices + groups),
            criticism_verbs=Matcher(verbs),
            own=Matcher(own),
            persons=_words(data["persons"].get(lang)),
            curse_prefixes=tuple(
                normalise(p) for p in data["curse_prefixes"].get(lang, ())
            ),
            collective=_words(data["curse_prefixes"].get("collective")),
            anchored={
                # a violence word counts only with a word of a call in the text
                ATTACK_GATE: _merged(violent_anchors, phrase_anchors),
                "phrases": phrase_anchors,
                "violence": violent_anchors,
                GROUP_GATE: _anchored(groups),
                EXCLUSION_GATE: _anchored(exclusion),
                OWN_GATE: _anchored(own),
                CRITICISM_GATE: _anchored(
                    verbs + [p for p in phrases if p[0] == "accusation"]
                ),
            },
            singles={},
        )
        words = made.insults | made.adjectives | made.slurs | made.derision
        made.singles.update(
            {
                ATTACK_GATE: words,
                GROUP_GATE: made.slurs,
                EXCLUSION_GATE: frozenset(),
                OWN_GATE: frozenset(),
                CRITICISM_GATE: words | made.criticism,
            }
        )
        out[lang] = made
        keys[ATTACK_GATE] |= words | _anchors(phrases) | _anchors(violence)
        keys[GROUP_GATE] |= _anchors(groups) | made.slurs
        keys[EXCLUSION_GATE] |= _anchors(exclusion)
        keys[OWN_GATE] |= _anchors(own)
        keys[CRITICISM_GATE] |= words | made.criticism | _anchors(verbs)
        keys[CRITICISM_GATE] |= _anchors([p for p in phrases if p[0] == "accusation"])
    for name, gate_words in keys.items():
        if name in GATES:
            gate(name, forms=True).add(words=gate_words)
    gate(POSSESSIVE_GATE).add(words=POSSESSIVES)
    gate(ATTACK_GATE, forms=True).add(
        parts=[p for p in out["nl"].curse_prefixes if len(p) > 3]
    )
    return out


@lru_cache(maxsize=1024)
@cache
def word_lists(
    languages: tuple[str, ...],
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """``(insults, adjectives, slurs, derision)`` of ``languages`` together (a text
    whose language is undecided is read in both). A word is an insult in its own
    language only: Dutch "homo" is a neutral word, English "homo" a slur."""
    every = [lex for lang, lex in lists().items() if lang in languages]
    return (
        frozenset().union(*(lex.insults for lex in every)),
        frozenset().union(*(lex.adjectives for lex in every)),
        frozenset().union(*(lex.slurs for lex in every)),
        frozenset().union(*(lex.derision for lex in every)),
    )


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1024)
def organisation_names(organisation: str | None) -> tuple[str, ...]:
    """The names by which a text may refer to the actor's own organisation: the full
    name as written, in lower case, capitalised, in title case and in capitals; the
    short name after "Ministerie van", "Ministry of" or "Department of" only
    capitalised or in capitals; each also without accents (a text is searched as it
    is, without making a folded copy).

    ``"Ministerie van Buitenlandse Zaken"`` gives itself and ``"Buitenlandse Zaken"``;
    ``"Politie, eenheid Den Haag"`` gives ``"Politie"`` (the part before a comma);
    names shorter than four letters are left out.
    """
    if not organisation or not organisation.strip():
        return ()
    first = organisation.split(",")[0].strip()
    leads = ("ministerie van ", "ministry of ", "department of ")
    short = [
        first[len(lead) :]
        for lead in leads
        if first.casefold().startswith(lead) and len(first) > len(lead) + 3
    ]
    # the full name in any case; a short name ("Financiën", "Energy") only as a name,
    # capitalised: in lower case it is an ordinary word ("renewable energy")
    variants = [first, first.lower(), first[:1].upper() + first[1:], first.title()]
    variants += [first.upper()]
    variants += [
        v for n in short for v in (n[:1].upper() + n[1:], n.title(), n.upper())
    ]
    variants += [_without_accents(v) for v in variants]
    return tuple(n for n in dict.fromkeys(variants) if len(n) >= 4)


__all__ = [
    "ATTACK_GATE",
    "CRITICISM_GATE",
    "EXCLUSION_GATE",
    "GATES",
    "GROUP_GATE",
    "LANGUAGES",
    "OWN_GATE",
    "POSSESSIVES",
    "POSSESSIVE_GATE",
    "Lists",
    "Requirement",
    "lists",
    "organisation_names",
    "word_lists",
]
