"""The measure-word lexicon: its data file, compiled into word patterns per language.

The lexicon (``data/measure_terms.yaml``) writes each form of a measure word as a small
word pattern (:mod:`zorgvuldig.signals.word_patterns`), so that multiword terms ("letter
of reprimand"), optional words ("een (stevig) gesprek"), inflections (listed, or
``~lemma`` through simplemma) and Dutch separable verbs ("spreekt ... aan!") are data,
not code. The syntax is described in that file's header. Internal to ``signals``:
:mod:`zorgvuldig.signals.measures` is the public surface and re-exports
:class:`MeasureCategory`, :class:`LexiconError` and :func:`load_lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .word_patterns import Matcher, Pattern, PatternError, compile_pattern, normalise

#: The languages the lexicon covers (ISO 639-1).
LANGUAGES: tuple[str, ...] = ("nl", "en")


class MeasureCategory(StrEnum):
    """The measure ladder (DESIGN.md §6.3), from mild to severe."""

    NONE = "none"
    INFORMAL = "informal"
    ORDER_MEASURE = "order_measure"
    PUNISHMENT = "punishment"
    DISMISSAL = "dismissal"


#: Severity rank of each category: ``none`` 0 up to ``dismissal`` 4.
SEVERITY: dict[str, int] = {c.value: i for i, c in enumerate(MeasureCategory)}


class LexiconError(ValueError):
    """The lexicon data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    """A lexicon entry (see the header of ``data/measure_terms.yaml``)."""

    term: str
    language: str
    category: MeasureCategory
    ambiguous: bool
    generic: bool
    readings: tuple[MeasureCategory, ...]
    source: str
    finite: tuple[Pattern, ...]
    qualifiers: Matcher  # payload: the category a qualifier decides


@dataclass(frozen=True)
class LanguageLexicon:
    """Everything the analyser needs for one language."""

    terms: Matcher  # payload: Term
    exclusions: Matcher
    cues: Matcher  # payload: cue kind ("negation", "hedge", ...)
    #: (kind, word ending), e.g. ("negation", "n't")
    suffixes: tuple[tuple[str, str], ...]
    boundaries: frozenset[str]
    abbreviations: frozenset[str]
    followers: Matcher
    #: words that may stand before a term in subject position ("een", "the", "his")
    determiners: frozenset[str] = frozenset()


_CUE_KINDS = (
    "negation",
    "negation_exceptions",
    "hedge",
    "hedge_exceptions",
    "hedge_after",
    "hedge_subject_after",
    "negation_breakers",
    "imposed",
    "attribution",
)
_CUE_KEYS = {*_CUE_KINDS, "negation_suffixes", "hedge_suffixes", "boundaries"}
_CUE_KEYS |= {"abbreviations", "particle_followers", "determiners"}
_REQUIRED_KEYS = {"term", "language", "category", "ambiguous", "source", "patterns"}
_TERM_KEYS = {"term", "language", "category", "ambiguous", "readings", "generic"}
_TERM_KEYS |= {"source", "patterns", "finite", "qualifiers"}


def _default_path() -> Path:
    return Path(str(resources.files("zorgvuldig.signals").joinpath("data")))


@cache
def load_lexicon(path: str | Path | None = None) -> dict[str, LanguageLexicon]:
    """Read and compile the lexicon (once per path; cached).

    Args:
        path: a YAML file shaped like ``data/measure_terms.yaml`` (default: that file).
    Returns:
        ``{language: LanguageLexicon}`` for each of :data:`LANGUAGES`.
    Raises:
        LexiconError: the file is missing or malformed; the message names the file and
            the entry.
    """
    path = Path(path) if path else _default_path() / "measure_terms.yaml"
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot be read as YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise LexiconError(f"{path}: expected a mapping with a 'terms' list")
    cues, exclusions = data.get("cues") or {}, data.get("exclusions") or {}
    terms: dict[str, list[tuple[Term, Pattern]]] = {lang: [] for lang in LANGUAGES}
    seen: set[tuple[str, str]] = set()
    for i, raw in enumerate(data["terms"]):
        term, patterns = _compile_term(raw, f"{path}: terms[{i}]", seen)
        terms[term.language] += [(term, p) for p in patterns]
    result = {}
    for lang in LANGUAGES:
        where = f"{path}: cues.{lang}"
        lc = cues.get(lang)
        if not isinstance(lc, dict):
            raise LexiconError(f"{where}: missing")
        if unknown := set(lc) - _CUE_KEYS:
            raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        cue_pairs = [
            (kind, _compile(p, lang, f"{where}.{kind}"))
            for kind in _CUE_KINDS
            for p in _str_list(lc.get(kind, []), f"{where}.{kind}")
        ]
        suffixes = [
            (kind.removesuffix("_suffixes"), s.lower())
            for kind in ("negation_suffixes", "hedge_suffixes")
            for s in _str_list(lc.get(kind, []), f"{where}.{kind}")
        ]
        follow = _str_list(
            lc.get("particle_followers", []), f"{where}.particle_followers"
        )
        ewhere = f"{path}: exclusions.{lang}"
        excl = _str_list(exclusions.get(lang, []), ewhere)
        result[lang] = LanguageLexicon(
            terms=Matcher(terms[lang]),
            exclusions=Matcher([(None, _compile(p, lang, ewhere)) for p in excl]),
            cues=Matcher(cue_pairs),
            suffixes=tuple(suffixes),
            boundaries=_word_set(lc, "boundaries", where),
            abbreviations=_word_set(lc, "abbreviations", where),
            determiners=_word_set(lc, "determiners", where),
            followers=Matcher(
                [
                    (None, _compile(p, lang, f"{where}.particle_followers"))
                    for p in follow
                ]
            ),
        )
    return result


def _word_set(cues: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(
        normalise(w) for w in _str_list(cues.get(key, []), f"{where}.{key}")
    )


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of strings")
    for v in value:
        if not isinstance(v, str):
            hint = " (quote yes/no/on/off)" if isinstance(v, bool) else ""
            raise LexiconError(f"{where}: {v!r} is not a string{hint}")
    return value


def _compile(text: str, language: str, where: str) -> Pattern:
    try:
        return compile_pattern(text, language)
    except PatternError as exc:
        raise LexiconError(f"{where}: pattern {text!r}: {exc}") from None


def _category(value: Any, where: str) -> MeasureCategory:
    try:
        return MeasureCategory(value)
    except ValueError:
        choices = ", ".join(MeasureCategory)
        raise LexiconError(f"{where}: unknown category {value!r} ({choices})") from None


def _compile_term(
    raw: Any, where: str, seen: set[tuple[str, str]]
) -> tuple[Term, list[Pattern]]:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a mapping")
    where = f"{where} ({raw.get('term')!r})"
    if missing := _REQUIRED_KEYS - set(raw):
        raise LexiconError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown := set(raw) - _TERM_KEYS:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if raw["language"] not in LANGUAGES:
        raise LexiconError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
    for flag in ("ambiguous", "generic"):
        if not isinstance(raw.get(flag, False), bool):
            raise LexiconError(f"{where}: {flag} must be yes or no")
    if not isinstance(raw["term"], str) or not isinstance(raw["source"], str):
        raise LexiconError(f"{where}: term and source must be text")
    key = (raw["language"], raw["term"])
    if key in seen:
        raise LexiconError(f"{where}: duplicate term")
    seen.add(key)
    readings = tuple(
        _category(c, where) for c in _str_list(raw.get("readings", []), where)
    )
    qualifiers: list[tuple[MeasureCategory, Pattern]] = []
    for j, q in enumerate(raw.get("qualifiers") or []):
        qwhere = f"{where}.qualifiers[{j}]"
        if not isinstance(q, dict) or "category" not in q or "patterns" not in q:
            raise LexiconError(f"{qwhere}: expected {{category, patterns, source}}")
        cat = _category(q["category"], qwhere)
        qualifiers += [
            (cat, _compile(p, raw["language"], qwhere))
            for p in _str_list(q["patterns"], qwhere)
        ]
    term = Term(
        term=raw["term"],
        language=raw["language"],
        category=_category(raw["category"], where),
        ambiguous=raw["ambiguous"],
        generic=raw.get("generic", False),
        readings=readings,
        source=raw["source"],
        finite=(),
        qualifiers=Matcher(qualifiers),
    )
    patterns = _patterns(raw, "patterns", term, where)
    finite = tuple(_patterns(raw, "finite", term, where))
    return replace(term, finite=finite), patterns


def _patterns(raw: dict[str, Any], key: str, term: Term, where: str) -> list[Pattern]:
    where = f"{where}.{key}"
    texts = _str_list(raw.get(key, []), where)
    if key == "patterns" and not texts:
        raise LexiconError(f"{where}: at least one pattern is needed")
    return [_compile(t, term.language, where) for t in texts]
