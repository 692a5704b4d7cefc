"""The answer term of written parliamentary questions: three weeks, six after a postponement.

Pure date arithmetic, no Django. Public surface: :data:`ANSWER_TERM`,
:data:`POSTPONED_ANSWER_TERM` and :func:`answer_deadline`.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Written questions are to be answered within three weeks (DESIGN.md §6.2).
ANSWER_TERM = timedelta(weeks=3)
#: A postponement notice gives three more weeks: six weeks after submission.
POSTPONED_ANSWER_TERM = timedelta(weeks=6)


def answer_deadline(submitted: date, postponed: bool = False) -> date:
    """The day by which written parliamentary questions must be answered.

    Source: Reglement van Orde van de Tweede Kamer der Staten-Generaal, the article
    on written questions (art. 12.2 since the 2021 revision, Kamerstuk 35 322):
    questions are to be answered within **three weeks**; a minister who cannot
    answer in time informs the Chamber, stating the reasons, by a postponement
    notice ("mededeling", uitstelbericht), after which the answer is due within
    three more weeks. The Chamber's weekly list of late answers counts six weeks
    from submission for questions with a notice. See DESIGN.md §6.2.

    The terms are counted in calendar weeks from the day the questions were
    submitted ("ingezonden"); weekends and holidays do not extend them.

    Args:
        submitted: the day the questions were submitted.
        postponed: True when a postponement notice was sent.

    Returns:
        ``submitted`` plus three weeks, or plus six weeks when postponed.
    """
    return submitted + (POSTPONED_ANSWER_TERM if postponed else ANSWER_TERM)
