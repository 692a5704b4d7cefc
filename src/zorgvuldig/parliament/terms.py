"""The answer term of written questions: the assembly's own, counted from submission.

Pure date arithmetic, no Django. Public surface: :class:`AnswerTerm`, :data:`TWEEDE_KAMER`,
:data:`DEFAULT_TERMS` and :func:`answer_deadline`. Callers pass the term of the assembly
the questions come from (an organisation configures its assemblies,
``procedure_settings["assemblies"]``, read by :func:`.assemblies.assembly_terms`); without
one, the Tweede Kamer's three and six weeks apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class AnswerTerm:
    """How long an assembly gives to answer written questions, in calendar days from
    submission: ``days``, and ``postponed_days`` after a postponement notice (``None``: the
    notice names its own term, as municipal and provincial rules have it)."""

    days: int
    postponed_days: int | None = None


#: Reglement van Orde van de Tweede Kamer der Staten-Generaal, art. 12.2 (since the 2021
#: revision, Kamerstuk 35 322): answer within three weeks; after a postponement notice
#: stating the reasons, within three more weeks (six weeks from submission, as the
#: Chamber's weekly list of late answers counts them). DESIGN.md §6.2.
TWEEDE_KAMER = AnswerTerm(days=21, postponed_days=42)

#: The terms shipped per assembly code (:data:`.assemblies.ASSEMBLIES`), each with its source:
#:
#: - ``tweede_kamer``: :data:`TWEEDE_KAMER`;
#: - ``eerste_kamer``: written questions are answered within three weeks; a minister who
#:   cannot informs the President, stating the reasons; the Eerste Kamer's Reglement van
#:   Orde sets no term after that (Parlement.com / Parlementaire Monitor, "Vragenrecht",
#:   https://parlementairemonitor.nl/9353000/1/j9vvij5epmj1ey0/vhnnmt7ll6av);
#: - ``provinciale_staten``: within thirty days of receipt; a notice with reasons names the
#:   term within which the answer follows (Reglement van Orde Provinciale Staten
#:   Gelderland, art. 42, third and fourth paragraphs, as quoted by the Rekenkamer
#:   Oost-Nederland, https://rekenkameroost.nl/gepubliceerde-onderzoeken/20-statenvragen-gelderland);
#: - ``gemeenteraad``: within thirty days of submission; a notice with reasons names the
#:   term (Reglement van Orde of the council of Maassluis, art. 51, as quoted in the
#:   corpus document ``council--maassluis-vsp-art51-2022.txt``; the same rule at Westerveld,
#:   https://www.gemeentewesterveld.nl/bis/De_gemeenteraad/Schriftelijke_vragen/Spelregels).
#:
#: Councils differ (Gooise Meren gives four weeks, art. 33 of its Reglement van Orde): an
#: organisation sets its own assembly's term in its procedure settings.
DEFAULT_TERMS: dict[str, AnswerTerm] = {
    "tweede_kamer": TWEEDE_KAMER,
    "eerste_kamer": AnswerTerm(days=21),
    "provinciale_staten": AnswerTerm(days=30),
    "gemeenteraad": AnswerTerm(days=30),
}


def answer_deadline(
    submitted: date, postponed: bool = False, term: AnswerTerm = TWEEDE_KAMER
) -> date | None:
    """The day by which written questions must be answered.

    The term is counted in calendar days from the day the questions were submitted
    ("ingezonden"); weekends and holidays do not extend it.

    Args:
        submitted: the day the questions were submitted.
        postponed: True when a postponement notice was sent.
        term: the assembly's term (default: the Tweede Kamer's three and six weeks).

    Returns:
        ``submitted`` plus ``term.days``, or plus ``term.postponed_days`` when postponed;
        ``None`` when postponed under a term without a fixed postponed term (the notice
        names the day).
    """
    if not postponed:
        return submitted + timedelta(days=term.days)
    if term.postponed_days is None:
        return None
    return submitted + timedelta(days=term.postponed_days)
