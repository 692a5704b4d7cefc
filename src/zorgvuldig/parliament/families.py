"""Which family of publication a text is, and the readers of the families that need their own.

Private helper of :mod:`zorgvuldig.parliament.parsing`; no Django. The parser recognises the
family first (:func:`recognise`) and then reads the text the family's way (issue 10):

- ``uk``: UK written questions ("To ask the Secretary of State …", "Asked by", "Asked on",
  "Answered by"), as parliament.uk and Parallel Parliament list them (:func:`read_uk`);
- ``openkamer``: openkamer.org pages, whose askers and date stand in a metadata block
  ("Ingediend 19 april 2021", "Indieners Renske Leijten , Michiel van Nispen") and whose answers
  follow each question without a label (:func:`openkamer_facts`);
- ``committee``: a committee's "Lijst van vragen en antwoorden" (kst), whose answers follow
  each question without a number, or after a bare "Antwoord:";
- ``council``: municipal and provincial council questions numbered 1.1, 1.2 …
  (:func:`read_subnumbered`);
- ``one_per_line``: questions one per line without labels, each perhaps followed by its answer
  on the lines after it (:func:`read_one_per_line`);
- ``tk_page``, ``official``: tweedekamer.nl document pages and official publications, read by
  the labelled layouts of :mod:`.layout`;
- ``plain``: anything else (memos, e-mails, letters).

A readable text in which no reader finds questions is a letter: kind ``other``, or
``postponement`` when it is a postponement notice (:data:`POSTPONEMENT_NOTICE`).
"""

from __future__ import annotations

import re
from typing import Literal

from .types import Asker

Family = Literal[
    "uk",
    "openkamer",
    "committee",
    "council",
    "one_per_line",
    "tk_page",
    "official",
    "plain",
]

_UK_ASK = re.compile(r"^\s*To ask (?:the|Her|His|whether)\b", re.M)
_OPENKAMER = re.compile(r"^\s*Kamervraag\s+(?:19|20)[0-9]{2}Z[0-9]{5}\s*$", re.M)
_COMMITTEE = re.compile(
    r"lijst\s+van\s+vragen\s+en\s+antwoorden|vragen\s+en\s+antwoorden\s+zijn\s+hierna\s+"
    r"afgedrukt|de\s+vragen\s+en\s+antwoorden\s+zijn\s+hieronder\s+afgedrukt",
    re.I,
)
_TK_PAGE = re.compile(r"^\s*(?:Antwoord\s+)?schriftelijke\s+vragen\s*:", re.I)
_SUBNUMBERED = re.compile(
    r"^\s*(?:vraag\s+)?(?P<major>[0-9]{1,2})\.(?P<minor>[0-9]{1,2})\s*[:.)]?\s+(?P<rest>\S.*)$",
    re.I,
)
_OFFICIAL = re.compile(
    r"\bVragen\s+van\s+(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\s", re.I
)
#: The words with which a minister says the answer will be late (a postponement notice,
#: uitstelbericht; "Mededeling (uitstel antwoord)" in the Tweede Kamer's records). A report
#: that merely mentions an uitstelbericht is not one.
POSTPONEMENT_NOTICE = re.compile(
    r"\bniet\s+binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+|voorgeschreven\s+)?"
    r"(?:termijn|drie\s+weken)\b|\bmededeling\s*\(?\s*uitstel\s+antwoord"
    r"|\buitstel\s+(?:van\s+)?(?:de\s+)?(?:beantwoording|toezending)\b",
    re.I,
)


def recognise(text: str) -> Family:
    """The family of ``text``, from its layout (see the module docstring).

    Args:
        text: the whole text as given.

    Returns:
        One of :data:`Family`'s values; ``"plain"`` when no family's marks are found.
    """
    head = text[:4000]
    if _UK_ASK.search(text):
        return "uk"
    if _OPENKAMER.search(head):
        return "openkamer"
    if _COMMITTEE.search(head):
        return "committee"
    lines = text.splitlines()
    if sum(1 for ln in lines if _SUBNUMBERED.match(ln)) >= 2:
        return "council"
    if _TK_PAGE.match(head):
        return "tk_page"
    if _OFFICIAL.search(head):
        return "official"
    if len(_asking_lines(lines)) >= 2:
        return "one_per_line"
    return "plain"


# --- UK written questions

_UK_ASKED_BY = re.compile(r"^\s*Asked\s+by\s+(?P<name>\S.*?)\s*$", re.I)
_UK_ASKED_ON = re.compile(r"\basked\s+on:?\s*(?P<rest>.{0,40})", re.I)
_UK_ANSWER_MARK = re.compile(
    r"^\s*(?:A|Answer|Answered\s+by\b.*|Answered\s+on\b.*|This question was answered\b.*)\s*$",
    re.I,
)
_UK_QUESTION_MARK = re.compile(r"^\s*(?:Q|Question)\s*$", re.I)

UkReading = tuple[
    list[tuple[int, str]], list[tuple[int, str]], tuple[Asker, ...], str | None
]


def read_uk(lines: list[str]) -> UkReading:
    """The questions, answers, askers and raw "asked on" text of UK written questions.

    Each "To ask …" paragraph is a question; the lines after an answer mark ("A",
    "Answered by …", "Answered on …") up to the next question mark ("Q") or question are its
    answer. Returns ``(questions, answers, askers, asked_on)`` with questions and answers as
    ``(number, text)`` in document order, numbered 1, 2 … .
    """
    questions: list[tuple[int, str]] = []
    answers: list[tuple[int, str]] = []
    askers: list[Asker] = []
    asked_on: str | None = None
    current: list[str] | None = None
    answer: list[str] | None = None

    def close() -> None:
        nonlocal current, answer
        if current:
            questions.append((len(questions) + 1, " ".join(current)))
        if answer is not None and questions and " ".join(answer).strip():
            answers.append((len(questions), "\n\n".join(_paragraphs(answer))))
        current, answer = None, None

    for line in lines:
        if _UK_ASK.match(line):
            close()
            current = [line.strip()]
            continue
        if m := _UK_ASKED_BY.match(line):
            askers.append(Asker(m.group("name")))
        if asked_on is None and (m := _UK_ASKED_ON.search(line)):
            asked_on = m.group("rest")
        if current is not None and answer is None:
            if _UK_ANSWER_MARK.match(line):
                answer = []
            elif _UK_QUESTION_MARK.match(line):
                close()
            elif line.strip():
                current.append(line.strip())
            continue
        if answer is not None:
            if _UK_QUESTION_MARK.match(line):
                close()
            elif not _UK_ANSWER_MARK.match(line):
                answer.append(line)
    close()
    return questions, answers, tuple(dict.fromkeys(askers)), asked_on


def _paragraphs(lines: list[str]) -> list[str]:
    result, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            result.append(" ".join(current))
            current = []
    return result


# --- openkamer.org pages

_INGEDIEND = re.compile(r"^\s*Ingediend\s+(?P<rest>.+)$", re.M)
_INDIENERS = re.compile(r"^\s*Indieners?\s+(?P<rest>\S.*)$", re.M)


def openkamer_facts(text: str) -> tuple[tuple[Asker, ...], str | None]:
    """The askers ("Indieners A (P), B (P)") and the raw submission date ("Ingediend …")."""
    askers: list[Asker] = []
    if m := _INDIENERS.search(text):
        for part in m.group("rest").split(","):
            piece = part.strip()
            party = re.search(r"\(([^()]*)\)\s*$", piece)
            name = re.sub(r"\s*\([^()]*\)\s*$", "", piece).strip()
            if name:
                askers.append(Asker(name, party.group(1).strip() if party else None))
    submitted = _INGEDIEND.search(text)
    return tuple(askers), submitted.group("rest") if submitted else None


# --- questions and answers in one numbered block


def split_answer(text: str) -> tuple[str, str | None]:
    """A numbered block's question and the answer after it, in layouts that do not label
    answers (committee lists, openkamer pages): the question runs up to its first paragraph
    that asks something, the rest is the answer. A block whose first paragraph asks nothing
    is all question."""
    paragraphs = text.split("\n\n")
    for i, paragraph in enumerate(paragraphs):
        if "?" in paragraph:
            rest = "\n\n".join(paragraphs[i + 1 :]).strip()
            return "\n\n".join(paragraphs[: i + 1]), rest or None
    return text, None


# --- council questions numbered 1.1, 1.2


def read_subnumbered(lines: list[str]) -> tuple[list[tuple[int, str, str]], int]:
    """Questions numbered 1.1, 1.2, 2.1 …: ``([(number, label, text)], first_line)``.

    Numbered 1, 2, 3 … in order (the contract's numbers are whole numbers); ``label`` is the
    printed one. Each question runs to the next numbered one, so the lines between two
    questions stay with the first.
    """
    found: list[tuple[int, str, list[str]]] = []
    first = len(lines)
    for i, line in enumerate(lines):
        m = _SUBNUMBERED.match(line)
        if m:
            first = min(first, i)
            label = f"{m.group('major')}.{m.group('minor')}"
            found.append((len(found) + 1, label, [m.group("rest")]))
        elif found and line.strip():
            found[-1][2].append(line.strip())
    return [(n, label, " ".join(body)) for n, label, body in found], first


# --- questions one per line


def _asking_lines(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if "?" in ln and len(ln.split()) >= 4]


def read_one_per_line(
    lines: list[str],
) -> tuple[list[tuple[int, str]], list[tuple[int, str]], int]:
    """Questions one per line without labels: each line that asks (holds a "?") is a
    question; the lines after it that ask nothing, up to the next question, are its answer.

    Returns ``(questions, answers, first_line)``; lines before the first question are the
    head.
    """
    asking = _asking_lines(lines)
    questions: list[tuple[int, str]] = []
    answers: list[tuple[int, str]] = []
    for k, i in enumerate(asking):
        end = asking[k + 1] if k + 1 < len(asking) else len(lines)
        questions.append((k + 1, lines[i].strip()))
        rest = [ln.strip() for ln in lines[i + 1 : end] if ln.strip()]
        if rest:
            answers.append((k + 1, "\n\n".join(rest)))
    return questions, answers, asking[0] if asking else len(lines)


# --- council questions sent as a letter (raadsvragen, statenvragen)

#: A council's written questions name themselves in the head.
COUNCIL_QUESTIONS = re.compile(
    r"\bschriftelijke\s+vragen\b|\braadsvragen\b|\bstatenvragen\b", re.I
)
_COUNCIL_ASKER = re.compile(
    r"\bvan\s+(?:het|de)\s+(?:Staten|raads)?(?:lid|leden)\s+"
    r"(?P<name>[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|van|de|der|den|ter|ten))*)"
    r"(?:,\s*[^,()\n]{0,60}?\((?P<party>[^()\n]{1,30})\))?",
)
_PLACE_DATE = re.compile(
    r"^\s*[A-Z][\w'-]+(?:[ -][\w'-]+){0,3},\s+(?P<rest>[0-9]{1,2}\s+[a-z]+\s+[0-9]{4})\s*$",
    re.M,
)


def council_facts(head: str) -> tuple[tuple[Asker, ...], str | None]:
    """The asker ("van het Statenlid Ruud Haaze, Partij voor de Vrijheid (PVV)") and the raw
    date of a council member's letter ("Arnemuiden, 14 oktober 2011"), where it gives them."""
    askers: tuple[Asker, ...] = ()
    if m := _COUNCIL_ASKER.search(head):
        party = m.group("party")
        askers = (Asker(m.group("name").strip(), party.strip() if party else None),)
    dated = _PLACE_DATE.search(head)
    return askers, dated.group("rest") if dated else None
