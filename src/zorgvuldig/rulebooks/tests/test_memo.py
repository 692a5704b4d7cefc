"""The evaluator remembers what a combination of facts gives (``evaluator._judge``).

A remembered verdict must be the verdict worked out afresh, whatever came before it.
"""

from importlib import resources
from pathlib import Path

import pytest

from zorgvuldig.rulebooks.evaluator import evaluate
from zorgvuldig.rulebooks.loader import load_rulebooks
from zorgvuldig.rulebooks.types import Action, Context

from .factories import AMBASSADOR, OFF_DUTY_2012, PAGE_LIKE, D, signals_for

PACKAGED = Path(str(resources.files("zorgvuldig.rulebooks").joinpath("data")))
TEXTS = [
    None,
    "Geen kabinet met steun van de PVV!",
    "Mooie dag aan zee.",
    "Vote them out! Chip in $20 for Senator Maria Cantwell.",
]
SITUATIONS = [
    (PAGE_LIKE, OFF_DUTY_2012),
    (Action(type="post"), OFF_DUTY_2012),
    (Action(type="post"), Context(date=D("2021-05-01"), on_duty=True)),
]


@pytest.mark.parametrize("jurisdiction", ["NL", "US", "UK"])
@pytest.mark.parametrize("language", [None, "nl", "en"])
def test_remembered_verdicts_are_those_worked_out_afresh(jurisdiction, language):
    books = load_rulebooks(PACKAGED)
    for _ in range(2):  # the second round is answered from memory
        for action, context in SITUATIONS:
            for text in TEXTS:
                signals = signals_for(AMBASSADOR, context, action, text)
                remembered = evaluate(
                    AMBASSADOR,
                    context,
                    action,
                    signals,
                    jurisdiction,
                    language=language,
                )
                for book in books[jurisdiction]:
                    book.memo.clear()  # nothing remembered: worked out afresh
                fresh = evaluate(
                    AMBASSADOR,
                    context,
                    action,
                    signals,
                    jurisdiction,
                    books=books,
                    language=language,
                )
                assert remembered.as_dict() == fresh.as_dict()
