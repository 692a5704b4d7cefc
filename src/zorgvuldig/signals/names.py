"""Finding names from long lists (parties, politicians, countries) in one pass over a text.

A :class:`NameTrie` holds names as sequences of folded letter/digit runs ("J.D. Vance" is
``j d vance``). Finding them walks the runs of the text once and follows the trie from
each run that starts a name, so the cost depends on the length of the text, not on the
length of the lists: a list ten times longer costs about the same.

A name matches when its runs follow each other in the text with the same punctuation
between them (spaces may differ), so "J.D. Vance" matches "J.D.  Vance" but not "J D
Vance". A name marked ``exact`` matches only with its own capitals and accents: "DENK"
and "Volt" are parties, "denk" and "volt" ordinary words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain, count, pairwise
from operator import attrgetter
from typing import Any

from .text import RUN_RE, Field, Gate, fold, gate

_COUNTER = count()
_RUNS = attrgetter("runs")


@dataclass(frozen=True, slots=True)
class Name:
    """One listed name and what it stands for (``value``: a party, a country code)."""

    text: str
    value: str
    gaps: tuple[str, ...]
    exact: tuple[str, ...] | None = None


class NameTrie:
    """Names keyed by their folded runs; see the module docstring."""

    def __init__(self, gate_name: str | None = None) -> None:
        """An empty trie; its gate (:class:`~.text.Gate`) starts empty too.

        Args:
            gate_name: names the gate, for a list that is rebuilt (``add_entities``):
                the new trie takes over the old one's gate rather than adding a gate.
        """
        self._root: dict[Any, Any] = {}
        self.size = 0
        # a name can only be present when its longest run is: that run marks the words
        self._gate: Gate = gate(f"names-{gate_name or next(_COUNTER)}")
        self._gate.clear()
        self._longest = 1

    def add(self, name: str, value: str, *, exact: bool = False) -> None:
        """Add ``name`` standing for ``value``; ``exact``: only with this capitalisation."""
        self.add_all([(name, value, exact)])

    def add_all(
        self,
        names: Iterable[tuple[str, str, bool]],
        *,
        keys: Mapping[str, str] | None = None,
    ) -> None:
        """Add each ``(name, value, exact)`` as :meth:`add` does.

        The gate marks the words seen so far once for all the names, rather than once
        per name: with thousands of names that is the difference between milliseconds
        and seconds.

        Args:
            names: the names to add.
            keys: name -> the word of it that gates it (the least common one; a phrase
                of common words such as a slogan); by default the longest word.
        """
        chosen = keys or {}
        gates = [
            key
            for name, value, exact in names
            if (key := self._insert(name, value, exact, chosen.get(name)))
        ]
        if gates:
            self._gate.add(words=gates)

    def _insert(
        self, name: str, value: str, exact: bool, key: str | None = None
    ) -> str | None:
        """Put ``name`` in the trie; the run that gates it, when it is new."""
        spans = [m.span() for m in RUN_RE.finditer(name)]
        if not spans:
            return None
        gaps = tuple(
            "".join(name[a_end:b_start].split())
            for (_, a_end), (b_start, _) in pairwise(spans)
        )
        node = self._root
        runs = [fold(name[a:b]) for a, b in spans]
        for run in runs:
            node = node.setdefault(run, {})
        surface = tuple(name[a:b] for a, b in spans) if exact else None
        entry = Name(" ".join(name.split()), value, gaps, surface)
        entries = node.setdefault(None, [])
        if entry in entries:
            return None
        entries.append(entry)
        self.size += 1
        self._longest = max(self._longest, len(runs))
        if key is not None and fold(key) in runs:
            return fold(key)
        return max(runs, key=len)

    def may_match(self, field: Field) -> bool:
        """Whether a name may occur in ``field`` (one of its words is marked)."""
        return self._gate.name in field.marked

    def find(self, field: Field) -> list[tuple[int, int, Name]]:
        """For each run of ``field`` that starts a name, the longest name found there.

        Returns:
            ``(start, end, name)`` in text order; matches may overlap (a caller keeps the
            longest).
        """
        marked = field.marked.get(self._gate.name)
        if not marked:
            return []
        # a name lies around a marked word: look only at those stretches of the text
        reach, last = self._longest, len(field.words) - 1
        stretches: list[list[int]] = []
        for i in field.indexes(marked):
            a, b = max(0, i - reach), min(last, i + reach)
            if stretches and a <= stretches[-1][1] + 1:
                stretches[-1][1] = b
            else:
                stretches.append([a, b])
        found: list[tuple[int, int, Name]] = []
        words, starts = field.words, self._root.keys()
        for a, b in stretches:
            # a stretch often holds a marked word but no run that starts a name ("Rutte"
            # without "Mark"): skip it before working out where its runs are
            if starts.isdisjoint(chain.from_iterable(map(_RUNS, words[a : b + 1]))):
                continue
            found += self._walk(field.text, field.runs_between(a, b))
        return found

    def _walk(
        self, text: str, runs: list[tuple[int, int, str, int]]
    ) -> list[tuple[int, int, Name]]:
        found = []
        for j, (start, _end, run, _w) in enumerate(runs):
            node = self._root.get(run)
            if node is None:
                continue
            best: tuple[int, int, Name] | None = None
            k = j
            while True:
                for entry in node.get(None, ()):
                    if _fits(entry, text, runs, j, k):
                        best = (start, runs[k][1], entry)
                        break
                if k + 1 >= len(runs):
                    break
                node = node.get(runs[k + 1][2])
                if node is None:
                    break
                k += 1
            if best is not None:
                found.append(best)
        return found


def _fits(
    entry: Name, text: str, runs: list[tuple[int, int, str, int]], j: int, k: int
) -> bool:
    for i, gap in enumerate(entry.gaps):
        between = text[runs[j + i][1] : runs[j + i + 1][0]]
        if "".join(between.split()) != gap:
            return False
    if entry.exact is not None:
        return entry.exact == tuple(text[s:e] for s, e, _r, _w in runs[j : k + 1])
    return True
