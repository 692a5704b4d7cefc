"""How an inquiry text is laid out: numbered blocks, footnotes and dates.

Private helper of :mod:`zorgvuldig.parliament.parsing`, split off to keep both
modules small; nothing else should import it. It finds the question and answer
blocks in one of four layouts, tried in this order:

1. labelled: "Vraag 1" / "Antwoord 1", grouped "Vraag 2, 3 en 4" (the official
   Kamervragen and Aanhangsel format since about 2008);
2. numbered: "1", "1.", "1)" or "1.)" alone on a line or before the text (older
   Aanhangsel documents, party websites), accepted only as a run 1, 2, 3 …;
3. bulleted: the bulleted items that ask something, i.e. hold a question mark
   (memos; bullets without one are recommendations and are left out);
4. paragraphs: each paragraph holding a question mark (e-mails).

Footnote markers follow a word or punctuation ("?1", "aanbieden1?", "»?1",
"wet¹", "(*)"); a bare number counts only in sequence (1, 2, 3 …) or when a
footnote line "1 Nieuwsbericht, 2 februari 2012." defines it, so that "B52" or
"12.2" are never taken for markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")
_NUMS = r"[0-9]{1,3}(?:\s*(?:,|en|t/m|tot\s+en\s+met|[-\u2013])\s*[0-9]{1,3})*"
_QA_HEADING = re.compile(
    r"^\s*(?P<kind>vragen|vraag|antwoorden|antwoord)"
    r"(?:\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen))?"
    rf"\s*(?P<nums>{_NUMS})\s*"
    r"(?:[:.)]\s*(?P<rest>.*?)|\s(?P<capital>(?-i:[A-Z\u00c0-\u00dd\u00ab\u201c\"']).*?))?"
    r"\s*$",
    re.I,
)
_BARE_ANSWER = re.compile(r"^\s*antwoord(?:en)?\s*(?:[:.]\s*(?P<rest>\S.*)?)?$", re.I)
_BARE_HEADING = re.compile(rf"^\s*(?P<nums>{_NUMS})\s*(?:\.\)|\)|\.|:)?\s*$")
_INLINE_HEADING = re.compile(
    r"^\s*(?P<nums>[0-9]{1,3})\s*(?:\.\)|\)|\.|:)\s+(?P<rest>\S.*)$"
)
_SECTION = re.compile(
    r"^\s*(?:(?:antwoord(?:en)?|mededeling)(?:\s+(?:van|namens)\b.*)?|toelichting)"
    r"\s*[:.]?\s*$",
    re.I,
)
_ANSWERS = re.compile(r"^\s*antwoord", re.I)
_BULLET = re.compile(
    r"^\s*[-*\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25e6\u2023]\s+(?P<rest>\S.*)$"
)
_FOOTNOTE_LINE = re.compile(
    r"^\s*(?:(?P<num>[0-9]{1,2})|\[(?P<bracket>[0-9]{1,2})\]|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
    r"|\((?P<star>\*{1,3})\))"
    r"\s+(?P<text>\S.*)$"
)
_MARKER = re.compile(
    r"[ \t]?\(\*{1,3}\)|\[[0-9]{1,2}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}|(?<![0-9])[0-9]{1,2}(?![0-9])"
)
_QUOTES = "\"'\u00bb\u201d\u2019"  # straight quotes, guillemet, curly quotes
_AFTER_PUNCTUATION = set("?!.,;:)]" + _QUOTES)
_BEFORE_FOLLOWER = set(".,;:?!)" + _QUOTES)
_REFERENCE = re.compile(
    r"^\s*(?:zie|verwezen\s+wordt\s+naar|ik\s+verwijs\s+(?:u\s+)?naar)\s+(?:ook\s+)?"
    r"(?:het\s+|mijn\s+|ons\s+|de\s+)?antwoord(?:en)?\s+(?:op|bij)\s+(?:de\s+)?"
    r"vra(?:ag|gen)\s+(?P<n>[0-9]{1,3})\b[^\n]{0,60}$",
    re.I,
)

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WRITTEN_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s*(?:e\s+)?"
    rf"(?P<m>{_MONTH_NAMES})\b\.?\s*(?P<y>[0-9]{{4}})(?![0-9])",
    re.I,
)
_NUMERIC_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-9]{1,2})[-/.](?P<m>[0-9]{1,2})[-/.](?P<y>[0-9]{4})(?![0-9])"
)
_ISO_DATE = re.compile(
    r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])"
)


def find_date(text: str) -> tuple[date | None, str | None]:
    """The first date in ``text`` ("28 februari 2012", "28-02-2012", "2012-02-28").

    Returns:
        ``(date, raw)``; ``(None, raw)`` when the first date-like text is not a
        real day (31 februari); ``(None, None)`` when there is none.
    """
    found = [
        m for p in (_WRITTEN_DATE, _NUMERIC_DATE, _ISO_DATE) if (m := p.search(text))
    ]
    if not found:
        return None, None
    m = min(found, key=lambda m: m.start())
    month = m.group("m")
    number = MONTHS[month.lower()] if month.isalpha() else int(month)
    year = int(m.group("y"))
    if not 1800 <= year <= 2200:  # not a submission date; also keeps deadlines in range
        return None, m.group()
    try:
        return date(year, number, int(m.group("d"))), m.group()
    except ValueError:
        return None, m.group()


def numbers(text: str) -> tuple[int, ...]:
    """'2, 3 en 4' → (2, 3, 4); '2 t/m 4' and '2-4' are ranges (at most 50 long)."""
    result: list[int] = []
    in_range = False
    for token in re.findall(r"[0-9]{1,3}|t/m|tot\s+en\s+met|[-\u2013]", text):
        if not token[0].isdigit():
            in_range = True
            continue
        n = int(token)
        if in_range and result and result[-1] < n <= result[-1] + 50:
            result.extend(range(result[-1] + 1, n + 1))
        else:
            result.append(n)
        in_range = False
    return tuple(sorted(set(result)))


def referred_question(text: str) -> int | None:
    """The question an answer only refers to ("Zie antwoord op vraag 3"), if any."""
    m = _REFERENCE.match(text)
    return int(m.group("n")) if m else None


def paragraphs(lines: list[str]) -> list[str]:
    """Runs of non-blank lines, each joined into one line."""
    result: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            result.append(" ".join(current))
            current = []
    return result


@dataclass(frozen=True)
class _Heading:
    line: int
    role: str  # "question" or "answer"
    numbers: tuple[int, ...]
    col: int  # where the block's text starts on the heading line
    ends_at_blank: bool = False


@dataclass
class _Paragraph:
    """Consecutive lines: their text (markers removed) and their markers."""

    rows: list[tuple[str, list[str]]]

    @property
    def text(self) -> str:
        return " ".join(" ".join(text for text, _ in self.rows).split())

    @property
    def markers(self) -> list[str]:
        return [m for _, found in self.rows for m in found]


@dataclass
class Layout:
    """The blocks found in a text, in document order."""

    questions: list[tuple[int, str, list[tuple[str, str | None]]]]
    answers: list[tuple[tuple[int, ...], str]]
    first_item_line: int
    outside_questions: str
    warnings: list[str] = field(default_factory=list)


def _digit_marker_at(line: str, start: int, end: int) -> bool:
    if start == 0 or (
        end < len(line) and not (line[end].isspace() or line[end] in _BEFORE_FOLLOWER)
    ):
        return False
    before = line[start - 1]
    if before.isalpha():  # "aanbieden1?" but not "B52", "m2"
        return before.islower() and start >= 2 and line[start - 2].isalpha()
    # "?1" and "»1" but not "12.2" or "1,5"
    return before in _AFTER_PUNCTUATION and (start < 2 or not line[start - 2].isdigit())


class _Markers:
    """Footnote markers per line, found in document order."""

    def __init__(self, lines: list[str], skip: set[int], defined: set[str]) -> None:
        self.spans: dict[int, list[tuple[int, int, str]]] = {}
        self.first_use: dict[str, int] = {}
        expected, last = 1, 0
        for i, line in enumerate(lines):
            if i in skip:
                continue
            for m in _MARKER.finditer(line):
                token = m.group().strip()
                if token.startswith("("):
                    marker = token[1:-1]
                elif token.startswith("["):
                    n = int(token[1:-1])
                    expected, last, marker = n + 1, n, str(n)
                else:
                    n = int(token.translate(_FROM_SUPERSCRIPT))
                    if token[0] in _SUPERSCRIPTS:
                        if m.start() == 0 or line[m.start() - 1].isspace():
                            continue
                    elif not _digit_marker_at(line, m.start(), m.end()):
                        continue
                    if n != expected and not (str(n) in defined and n > last):
                        continue
                    expected, last, marker = n + 1, n, str(n)
                self.spans.setdefault(i, []).append((m.start(), m.end(), marker))
                self.first_use.setdefault(marker, i)

    def clean(self, lines: list[str], i: int, col: int = 0) -> tuple[str, list[str]]:
        """Line ``i`` from ``col`` on without its markers, and those markers."""
        text, pos, found = [], col, []
        for start, end, marker in self.spans.get(i, []):
            if start >= col:
                text.append(lines[i][pos:start])
                pos = end
                found.append(marker)
        text.append(lines[i][pos:])
        return "".join(text), found


def _footnote_lines(lines: list[str]) -> dict[int, tuple[str, str]]:
    """Lines that look like footnotes ("1 Nieuwsbericht …"), after a blank line."""
    found: dict[int, tuple[str, str]] = {}
    for i, line in enumerate(lines):
        m = _FOOTNOTE_LINE.match(line)
        if m and (i == 0 or not lines[i - 1].strip() or i - 1 in found):
            raw = (
                m.group("star")
                or m.group("num")
                or m.group("bracket")
                or m.group("sup")
            )
            marker = (
                raw if m.group("star") else str(int(raw.translate(_FROM_SUPERSCRIPT)))
            )
            found[i] = (marker, m.group("text").strip())
    return found


def _labelled(lines: list[str]) -> tuple[list[_Heading], set[int]]:
    headings, stops = [], set()
    for i, line in enumerate(lines):
        m = _QA_HEADING.match(line)
        if m and (nums := numbers(m.group("nums"))):
            role = "question" if m.group("kind").lower().startswith("vra") else "answer"
            rest = "rest" if m.group("rest") else "capital"
            col = m.start(rest) if m.group(rest) else len(line)
            headings.append(_Heading(i, role, nums, col))
        elif (
            (m := _BARE_ANSWER.match(line))
            and headings
            and headings[-1].role == "question"
        ):
            # "Antwoord" without a number answers the question just before it
            col = m.start("rest") if m.group("rest") else len(line)
            headings.append(_Heading(i, "answer", headings[-1].numbers, col))
        elif _SECTION.match(line):
            stops.add(i)
    if not any(h.role == "question" for h in headings):
        return [], set()
    return headings, stops


def _numbered(lines: list[str], has_header: bool) -> tuple[list[_Heading], set[int]]:
    headings: list[_Heading] = []
    stops: set[int] = set()
    expected, last_answer, in_answers = 1, 0, False
    asked: set[int] = set()
    for i, line in enumerate(lines):
        if _SECTION.match(line):
            stops.add(i)
            in_answers = in_answers or bool(headings and _ANSWERS.match(line))
            continue
        m = _BARE_HEADING.match(line) or _INLINE_HEADING.match(line)
        if m is None or not (nums := numbers(m.group("nums"))):
            continue
        col = m.start("rest") if m.groupdict().get("rest") else len(line)
        if not in_answers and nums[0] == expected:
            headings.append(_Heading(i, "question", nums, col))
            expected = nums[-1] + 1
            asked.update(nums)
        elif in_answers and nums[0] in asked and nums[0] > last_answer:
            headings.append(_Heading(i, "answer", nums, col))
            last_answer = nums[-1]
    questions = [h for h in headings if h.role == "question"]
    if not questions or (len(questions) < 2 and not has_header):
        return [], set()
    if not has_header and not any("?" in ln for ln in lines[questions[0].line :]):
        return [], set()
    return headings, stops


def _bulleted(lines: list[str], skip: set[int]) -> tuple[list[_Heading], set[int]]:
    headings: list[_Heading] = []
    stops: set[int] = set()
    for i, line in enumerate(lines):
        m = _BULLET.match(line)
        if m is None or i in skip:
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() and not _BULLET.match(lines[end]):
            end += 1
        if any("?" in ln for ln in lines[i:end]):
            headings.append(
                _Heading(i, "question", (len(headings) + 1,), m.start("rest"), True)
            )
        else:
            stops.add(i)
    return headings, stops


def _by_paragraph(lines: list[str], skip: set[int]) -> list[_Heading]:
    headings: list[_Heading] = []
    start: int | None = None
    for i, line in enumerate([*lines, ""]):
        if line.strip() and i not in skip:
            start = i if start is None else start
            continue
        if start is not None and any("?" in ln for ln in lines[start:i]):
            headings.append(_Heading(start, "question", (len(headings) + 1,), 0, True))
        start = None
    return headings


def _group(paragraphs: list[_Paragraph], count: int) -> list[list[_Paragraph]] | None:
    """Split a grouped block ("Vraag 2, 3 en 4") into ``count`` questions."""
    groups: list[list[_Paragraph]] = [[]]
    for p in paragraphs:
        groups[-1].append(p)
        if "?" in p.text:
            groups.append([])
    if not groups[-1]:
        groups.pop()
    elif len(groups) > 1:  # text after the last question belongs to it
        groups[-2].extend(groups.pop())
    if len(groups) == count:
        return groups
    if len(paragraphs) == count:
        return [[p] for p in paragraphs]
    rows = [_Paragraph([row]) for p in paragraphs for row in p.rows if row[0].strip()]
    if len(rows) > len(paragraphs):  # one question per line, no blank lines between
        return _group(rows, count)
    return None


def read_layout(lines: list[str], has_header: bool) -> Layout:
    """Find the question and answer blocks of ``lines`` (see the module docstring).

    Args:
        lines: the text, split into lines.
        has_header: whether the text has a "Vragen van het lid …" sentence, which
            makes a single numbered question believable.

    Returns:
        The :class:`Layout`; its ``questions`` are empty when none were found.
    """
    candidates = _footnote_lines(lines)
    markers = _Markers(lines, set(candidates), {m for m, _ in candidates.values()})
    footnotes = {
        i: (marker, text)
        for i, (marker, text) in candidates.items()
        if markers.first_use.get(marker, len(lines)) < i
    }
    skip = set(footnotes)
    headings, stops = _labelled(lines)
    if not headings:
        headings, stops = _numbered(lines, has_header)
    if not headings:
        headings, stops = _bulleted(lines, skip)
    warnings: list[str] = []
    if not headings:
        headings = _by_paragraph(lines, skip)
        if headings:
            warnings.append(
                "no numbered questions found: each paragraph with a question mark "
                "is taken as one question"
            )
    definitions = {marker: text for marker, text in footnotes.values()}
    layout = Layout([], [], headings[0].line if headings else len(lines), "", warnings)
    starts = {h.line for h in headings}
    in_questions: set[int] = set()
    missing: list[str] = []
    for h in headings:
        pars, end = _block(lines, h, markers, starts | stops, skip)
        label = ", ".join(map(str, h.numbers))
        if h.role == "answer":
            body = "\n\n".join(p.text for p in pars)
            if body:
                layout.answers.append((h.numbers, body))
            else:
                warnings.append(f"answer {label} has no text")
            continue
        in_questions.update(range(h.line, end))
        if not pars:
            warnings.append(f"question {label} has no text: it is left out")
            continue
        groups = [pars] if len(h.numbers) == 1 else _group(pars, len(h.numbers))
        if groups is None:
            warnings.append(
                f"questions {label} could not be told apart: each gets the whole text"
            )
            groups = [pars] * len(h.numbers)
        for number, group in zip(h.numbers, groups, strict=True):
            if any(q[0] == number for q in layout.questions):
                warnings.append(
                    f"question {number} appears twice: both are kept; "
                    "check the numbering"
                )
            used = list(dict.fromkeys(m for p in group for m in p.markers))
            missing += [m for m in used if m not in definitions]
            text = "\n\n".join(p.text for p in group)
            notes = [(m, definitions.get(m)) for m in used]
            layout.questions.append((number, text, notes))
    if missing:
        shown = ", ".join(dict.fromkeys(missing))
        warnings.append(
            f"footnote(s) {shown} are referred to but their text is missing "
            "(the document may have been cut off)"
        )
    layout.outside_questions = "\n".join(
        ln for i, ln in enumerate(lines) if i not in in_questions
    )
    return layout


def _block(
    lines: list[str], h: _Heading, markers: _Markers, ends: set[int], skip: set[int]
) -> tuple[list[_Paragraph], int]:
    """The paragraphs of the block under heading ``h``, and the line after it."""
    pars: list[_Paragraph] = []
    current = [markers.clean(lines, h.line, h.col)]
    i = h.line + 1
    while i <= len(lines):
        blank = i == len(lines) or (i not in skip and not lines[i].strip())
        stop = i == len(lines) or i in ends or (blank and h.ends_at_blank)
        if blank or stop:
            if any(text.strip() for text, _ in current):
                pars.append(_Paragraph(current))
            current = []
        if stop:
            return pars, i
        if i not in skip and not blank:
            current.append(markers.clean(lines, i))
        i += 1
    return pars, i
