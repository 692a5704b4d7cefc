"""The rulebooks' verdicts labelled for a page: the one verdict presenter.

:func:`zorgvuldig.rulebooks.check.run_check` gives each verdict in codes (level
``"caution"``, jurisdiction ``"NL"``, rulebook ``"NL before-2020"``). The self-check page,
its guidance page and the inquiry's conduct card show the same verdict the same way: the
level's translated label ("Take care"), the jurisdiction's name and the title of the rules
applied, with when that version applies. Labels are translated into the active language.

Public surface: :data:`VERDICT_LEVEL_LABELS`, :func:`label_verdicts`,
:func:`version_note`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgvuldig.rulebooks.cases import CaseError, parse_date
from zorgvuldig.rulebooks.loader import Rulebook, load_rulebooks, rulebook_for

from .choices import JURISDICTION_LABELS

#: The verdict levels of a rulebook, from mild to severe.
VERDICT_LEVEL_LABELS = {
    "ok": gettext_lazy("No objection"),
    "caution": gettext_lazy("Take care"),
    "high_risk": gettext_lazy("High risk"),
    "prohibited": gettext_lazy("Not allowed"),
}


def label_verdicts(
    verdicts: list[dict[str, Any]], case: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Add to each verdict of a ``run_check`` result what a page shows of it, in place.

    Args:
        verdicts: ``result["verdicts"]`` of :func:`~zorgvuldig.rulebooks.check.run_check`.
        case: the case they were computed from; its ``context.date`` (a date or
            ``"YYYY-MM-DD"``) picks the version of the rules whose title is shown.
    Returns:
        ``verdicts``, each with ``level_label`` (the level's label, the code when
        unknown), ``jurisdiction_label`` (its name, the code when unknown),
        ``rules_title`` (the title of the version in force on that date; the verdict's
        ``rulebook`` when it cannot be found) and ``rules_version`` (when that version
        applies, as :func:`version_note` says it; ``""`` when it cannot be found).
        Nothing is raised for a verdict of unknown rules.
    """
    judged_on = _judged_on(case)
    for v in verdicts:
        v["level_label"] = VERDICT_LEVEL_LABELS.get(v["level"], v["level"])
        v["jurisdiction_label"] = JURISDICTION_LABELS.get(
            v["jurisdiction"], v["jurisdiction"]
        )
        book = _rules_applied(v["jurisdiction"], judged_on)
        v["rules_title"] = book.title if book else str(v.get("rulebook", ""))
        v["rules_version"] = version_note(book) if book else ""
    return verdicts


def _judged_on(case: Mapping[str, Any]) -> dt.date | None:
    try:
        return parse_date((case.get("context") or {}).get("date"), "context.date")
    except (CaseError, AttributeError):
        return None


def _rules_applied(jurisdiction: str, judged_on: dt.date | None) -> Rulebook | None:
    if judged_on is None:
        return None
    try:
        book, _note = rulebook_for(jurisdiction, judged_on)
    except (ValueError, LookupError):
        return None
    return book


def version_note(book: Rulebook) -> str:
    """When a rulebook version applies: "version 2020, in force since 2020-01-01".

    The earliest version's ``effective_from`` may be a floor rather than a historical date
    (loader docs), so when a later version exists it is described by where it ends.
    """
    versions = load_rulebooks()[book.jurisdiction]
    later = [b for b in versions if b.effective_from > book.effective_from]
    start = book.effective_from.isoformat()
    values = {"version": book.version, "start": start}
    if not later:
        return _("version %(version)s, in force since %(start)s") % values
    values["end"] = later[0].effective_from.isoformat()
    if book.version == versions[0].version:
        return _("version %(version)s, for dates before %(end)s") % values
    return _("version %(version)s, for dates from %(start)s to before %(end)s") % values
