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

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .text import fold, gate, load_data
from .word_patterns import Matcher, Pattern, compile_pattern, normalise

#: The languages the lists are written for.
LANGUAGES = ("nl", "en")
#: The gate marking words that may start an attack, a slur, conspiracy talk or a call to
#: violence (any of them lets the cue run).
ATTACK_GATE = "attack"
#: The gate marking the words of one's own organisation and of criticism: the cue for
#: ``criticism_of_own_organisation`` runs only when both are marked.
OWN_GATE = "attack-own"
CRITICISM_GATE = "attack-criticism"

#: Phrase kinds: (section of attacks.yaml, payload of its matches).
_PHRASES = ("accusation", "reproach", "conspiracy", "calls_fixed")


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
    criticism_verbs: Matcher
    own: Matcher
    persons: frozenset[str]
    curse_prefixes: tuple[str, ...]
    collective: frozenset[str]


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


def _first_words(matcher: Matcher) -> set[str]:
    return set(matcher.by_word) | set(matcher.by_lemma)


@cache
def lists() -> dict[str, Lists]:
    """The compiled lists per language; marks the gates' words (first call only)."""
    tone = load_data("tone.yaml")["insult"]["words"]
    hurt = _hurtlex()
    data = load_data("attacks.yaml")
    out: dict[str, Lists] = {}
    attack_words: set[str] = set()
    own_words: set[str] = set()
    critical: set[str] = set()
    for lang in LANGUAGES:
        phrases = Matcher(
            pair for name in _PHRASES for pair in _compile(data[name], lang, name)
        )
        made = Lists(
            insults=_words(tone.get(lang)) | _words(hurt.get("attack", {}).get(lang)),
            adjectives=_words(hurt.get("attack_adjectives", {}).get(lang)),
            slurs=_words(hurt.get("slur", {}).get(lang)),
            derision=_words(hurt.get("derision", {}).get(lang)),
            criticism=_words(data["criticism"].get(lang)),
            phrases=phrases,
            groups=Matcher(_compile(data["groups"], lang, "group")),
            exclusion=Matcher(_compile(data["exclusion"], lang, "exclusion")),
            violence=Matcher(_compile(data["violence"], lang, "violence")),
            calls=Matcher(_compile(data["calls"], lang, "call")),
            offices=Matcher(_compile(data["offices"], lang, "office_holder")),
            criticism_verbs=Matcher(
                _compile(data["criticism_verbs"], lang, "criticism")
            ),
            own=Matcher(
                _compile(data["own"]["organisation"], lang, "own_organisation")
                + _compile(data["own"]["superior"], lang, "own_superior")
            ),
            persons=_words(data["persons"].get(lang)),
            curse_prefixes=tuple(
                normalise(p) for p in data["curse_prefixes"].get(lang, ())
            ),
            collective=_words(data["curse_prefixes"].get("collective")),
        )
        out[lang] = made
        attack_words |= made.insults | made.adjectives | made.slurs | made.derision
        for matcher in (phrases, made.exclusion, made.violence):
            attack_words |= _first_words(matcher)
        attack_words |= _first_words(made.groups)
        own_words |= _first_words(made.own)
        critical |= made.criticism | _first_words(made.criticism_verbs)
    gate(ATTACK_GATE, forms=True).add(
        words=attack_words,
        parts=[p for p in out["nl"].curse_prefixes if len(p) > 3],
    )
    gate(OWN_GATE, forms=True).add(words=own_words)
    gate(CRITICISM_GATE, forms=True).add(words=critical | attack_words)
    return out


def organisation_names(organisation: str | None) -> tuple[str, ...]:
    """The folded names by which a text may refer to the actor's own organisation.

    ``"Ministerie van Buitenlandse Zaken"`` gives itself and ``"buitenlandse zaken"``;
    ``"Politie, eenheid Den Haag"`` gives ``"politie"`` (the part before a comma);
    names of one short or very common word ("de", "rijk") are left out.
    """
    if not organisation or not organisation.strip():
        return ()
    first = fold(organisation.split(",")[0].strip())
    leads = ("ministerie van ", "ministry of ", "department of ")
    names = [first] + [
        first[len(lead) :]
        for lead in leads
        if first.startswith(lead) and len(first) > len(lead) + 3
    ]
    return tuple(n for n in dict.fromkeys(names) if len(n) >= 4)


__all__ = [
    "ATTACK_GATE",
    "CRITICISM_GATE",
    "LANGUAGES",
    "OWN_GATE",
    "Lists",
    "lists",
    "organisation_names",
]
