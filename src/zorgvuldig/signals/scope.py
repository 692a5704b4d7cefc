"""Scope of a word in its sentence: is it negated, quoted, attributed to someone else?

One analysis shared by the measure-word analyser (:mod:`.measures`: "geen berisping",
"reportedly suspended") and the tone cues (:mod:`.attacks`: "hij is geen leugenaar", a
quoted insult that someone else said). The cue words are those of the measure lexicon
(``data/measure_terms.yaml``, ``cues.<language>``: negation, hedges, attribution, clause
boundaries, abbreviations), so both read a sentence the same way.

- :class:`Cues`: the cue words of one sentence and :meth:`Cues.near`, whether a cue of a
  kind stands close to a match in the same clause;
- :func:`quotations`: the spans of quoted passages (straight, curly and low quotation
  marks, guillemets; a single quote only where it cannot be an apostrophe);
- :class:`TextScope`: a text split into sentences once, answering :meth:`TextScope.of`
  for any span: negated, quoted, attributed, reported (quoted *and* attributed, or
  introduced by a colon: words the writer repeats rather than says).

Pure Python; no Django.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .measure_lexicon import LANGUAGES, LanguageLexicon, load_lexicon
from .word_patterns import Sentence, Token, split_sentences

#: Quotations in marks that cannot be apostrophes: straight and curly double quotes, low
#: opening quotes, guillemets (at most 1,000 characters).
_DOUBLE_RE = re.compile(
    r'"([^"]{1,1000}?)"|\u201c([^\u201d]{1,1000}?)\u201d'
    r"|\u201e([^\u201d\u201c]{1,1000}?)[\u201d\u201c]|\u00ab([^\u00bb]{1,1000}?)\u00bb"
)
_QUOTE_CHARS = ('"', "'", "\u2018", "\u201c", "\u201e", "\u00ab")
#: A quotation in single marks: the opening mark follows a space or the start (or an
#: opening bracket), the closing one precedes a space, punctuation or the end.
_SINGLE_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[]))['\u2018]([^'\u2018\u2019\n]{1,300}?)['\u2019](?=$|[\s.,;:!?)\]])"
)
#: Words before an attribution cue that make it the writer's own ("I said").
_FIRST_PERSON = frozenset({"ik", "wij", "we", "i"})


class Cues:
    """The cue words of one sentence, indexed by the tokens where they start and end."""

    def __init__(self, toks: list[Token], lex: LanguageLexicon) -> None:
        found = lex.cues.find_all(toks, lex.followers)
        hits = [(kind, idx[0], idx[-1]) for kind, idx in found]
        endings = tuple(suffix for _, suffix in lex.suffixes)
        if endings:  # most words end in none: ask them all at once first
            hits += [
                (kind, i, i)
                for i, tok in enumerate(toks)
                if tok.key.endswith(endings)
                for kind, suffix in lex.suffixes
                if tok.key.endswith(suffix)
            ]
        exceptions = {
            (k.split("_")[0], a) for k, a, _ in hits if k.endswith("_exceptions")
        }
        self.tokens = toks
        self.kinds: set[str] = set()
        self.starts: dict[tuple[str, int], list[int]] = {}
        self.ends: dict[tuple[str, int], list[int]] = {}
        for k, a, b in hits:
            if k.endswith("_exceptions") or (k, a) in exceptions:
                continue
            self.kinds.add(k)
            self.starts.setdefault((k, a), []).append(b)
            self.ends.setdefault((k, b), []).append(a)

    def near(
        self,
        kind: str,
        idx: list[int],
        before: int,
        after: int,
        stop_at: str | None = None,
    ) -> bool:
        """Is a ``kind`` cue inside the match's gap, or at most ``before`` words before
        it or ``after`` words after it in the same clause?

        ``stop_at`` names a cue kind that ends the look backwards: a cue before such a
        word does not reach the match ("not allowed to *talk about* the suspension").
        """
        if kind not in self.kinds:
            return False
        toks, first, last = self.tokens, idx[0], idx[-1]
        clause, inside = toks[first].clause, set(idx)
        for a in range(first + 1, last):  # in a gap: "sprak hem niet aan"
            ends = self.starts.get((kind, a), ())
            if a not in inside and any(b < last and b not in inside for b in ends):
                return True
        for b in range(first - 1, first - 2 - before, -1):
            if b < 0 or toks[b].clause != clause:
                break
            if (kind, b) in self.ends:
                return True
            if stop_at is not None and (stop_at, b) in self.starts:
                break
        for a in range(last + 1, min(len(toks), last + 2 + after)):
            if toks[a].clause != clause:
                break
            if (kind, a) in self.starts:
                return True
        return False

    def own_attribution(self) -> bool:
        """Is every attribution cue of the sentence the writer's own ("ik zeg", "I said")?"""
        starts = [a for (k, a) in self.starts if k == "attribution"]
        return bool(starts) and all(
            a > 0 and self.tokens[a - 1].key in _FIRST_PERSON for a in starts
        )


def quotations(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quoted passage of ``text``, marks excluded, in order."""
    if not any(q in text for q in _QUOTE_CHARS):
        return []
    spans = [
        m.span(m.lastindex or 0)
        for m in _DOUBLE_RE.finditer(text)
        if "\n\n" not in m.group()
    ]
    for m in _SINGLE_RE.finditer(text):
        a, b = m.span(1)
        if not any(s <= a < e for s, e in spans):
            spans.append((a, b))
    return sorted(spans)


@dataclass(frozen=True, slots=True)
class WordScope:
    """What the sentence around a span says about it.

    Attributes:
        negated: a negation cue stands just before it in its clause ("geen", "not").
        quoted: it stands inside quotation marks.
        attributed: its sentence reports someone else's words ("zegt", "according to"),
            and not the writer's own ("ik zeg"); looked for only for quoted words.
        colon_quote: it is quoted right after a colon ("X: 'een leugenaar'").
        words: the number of words of the quotation it stands in (0 when not quoted).
    """

    negated: bool = False
    quoted: bool = False
    attributed: bool = False
    colon_quote: bool = False
    words: int = 0

    @property
    def reported(self) -> bool:
        """The writer repeats someone else's words rather than saying them."""
        return self.quoted and (self.attributed or self.colon_quote)


#: How many words before a word a negation cue may stand (same clause) in the tone cues:
#: "geen leugenaar", "not a liar", "is not the biggest liar".
NEGATION_BEFORE = 3
#: ... and after it: "hij liegt niet".
NEGATION_AFTER = 1


#: A likely sentence end, for cutting the regions around a few offsets (the sentences are
#: then split properly, with abbreviations, by :func:`split_sentences`).
_END_RE = re.compile(r"[.!?]+(?=\s|$)|\n[ \t]*\n")


def regions(text: str, offsets: Sequence[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of the stretches of ``text`` around ``offsets``: the sentence
    holding each offset, from the likely sentence end before it to the one after it,
    and the sentence before that (an abbreviation such as "dhr." may look like a
    sentence end and would otherwise cut off the words before it). Merged, in order."""
    if not offsets:
        return []
    ends = [m.end() for m in _END_RE.finditer(text)]
    out: list[tuple[int, int]] = []
    for offset in sorted(offsets):
        k = bisect_right(ends, offset)
        start = ends[k - 2] if k >= 2 else 0
        end = ends[k] if k < len(ends) else len(text)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class TextScope:
    """A text split into sentences once (per language), for :meth:`of`.

    Args:
        text: the whole field.
        languages: the languages to read it in (``nl``, ``en``); cue words of each count.
        around: offsets of the words that matter; only the sentences near them are
            split (:func:`regions`). ``None``: the whole text.
    """

    def __init__(
        self, text: str, languages: Sequence[str], around: Sequence[int] | None = None
    ) -> None:
        lexicon = load_lexicon()
        self.text = text
        self.lexicons = [lexicon[lang] for lang in languages if lang in LANGUAGES]
        self._quotes: list[tuple[int, int]] | None = None
        self._sentences: list[list[Sentence]] = []
        self._starts: list[list[int]] = []
        #: the cues of a sentence, made when first asked for: (language, index) -> cues
        self._cues: dict[tuple[int, int], Cues] = {}
        stretches = [(0, len(text))] if around is None else regions(text, around)
        # one split serves every language: the clause words and abbreviations of all
        boundaries = frozenset().union(*(lex.boundaries for lex in self.lexicons))
        abbreviations = frozenset().union(*(lex.abbreviations for lex in self.lexicons))
        sentences: list[Sentence] = []
        for a, b in stretches:
            sentences += split_sentences(text[a:b], boundaries, abbreviations, a)
        starts = [s.tokens[0].start for s in sentences]
        for _ in self.lexicons:
            self._sentences.append(sentences)
            self._starts.append(starts)

    @property
    def quotes(self) -> list[tuple[int, int]]:
        """The quoted passages of the text (:func:`quotations`), found when first asked."""
        if self._quotes is None:
            self._quotes = quotations(self.text)
        return self._quotes

    def _first_person_before(self, offset: int) -> bool:
        """Does the writer speak ("ik", "we") in the sentence before ``offset``?"""
        for lang in range(len(self.lexicons)):
            k = bisect_right(self._starts[lang], offset) - 1
            if k >= 0 and any(
                t.key in _FIRST_PERSON
                for t in self._sentences[lang][k].tokens
                if t.end <= offset
            ):
                return True
        return False

    def sentences(self, lang: int = 0) -> list[Sentence]:
        """The sentences of the ``lang``-th language's split, in text order."""
        if lang >= len(self._sentences):
            return []
        return self._sentences[lang]

    def sentence(self, start: int, lang: int = 0) -> tuple[Sentence, Cues] | None:
        """The sentence (and its cues) holding offset ``start`` in the ``lang``-th
        language's split, or ``None``."""
        if lang >= len(self._sentences):
            return None
        k = bisect_right(self._starts[lang], start) - 1
        if k < 0:
            return None
        sentence = self._sentences[lang][k]
        if start >= sentence.tokens[-1].end:
            return None
        cues = self._cues.get((lang, k))
        if cues is None:
            cues = self._cues[(lang, k)] = Cues(sentence.tokens, self.lexicons[lang])
        return sentence, cues

    def of(self, start: int, end: int) -> WordScope:
        """The scope of ``text[start:end]`` (any language's reading may negate it).

        The cue words of a sentence are found once, when first asked for; attribution
        matters only for quoted words and is looked for only for them.
        """
        quote = next(((a, b) for a, b in self.quotes if a <= start and end <= b), None)
        negated = attributed = False
        for lang in range(len(self.lexicons)):
            found = self.sentence(start, lang)
            if found is None:
                continue
            sentence, cues = found
            toks = sentence.tokens
            idx = [i for i, t in enumerate(toks) if t.start < end and t.end > start]
            if not idx:
                continue
            negated = negated or cues.near(
                "negation", idx, NEGATION_BEFORE, NEGATION_AFTER
            )
            if quote is not None and not attributed:
                attributed = "attribution" in cues.kinds and not cues.own_attribution()
        if quote is None:
            return WordScope(negated=negated)
        before = self.text[: quote[0] - 1].rstrip()
        return WordScope(
            negated=negated,
            quoted=True,
            attributed=attributed,
            colon_quote=before.endswith(":")
            and not self._first_person_before(quote[0]),
            words=len(re.findall(r"\w+", self.text[quote[0] : quote[1]])),
        )


__all__ = ["Cues", "TextScope", "WordScope", "quotations", "regions"]
