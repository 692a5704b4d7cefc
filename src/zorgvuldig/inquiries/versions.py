"""The version of each part of a case a form edits, and what changed since a page was
loaded (ADR 0005, "No lost update").

A part is what one form of the case page writes: ``facts``, ``conduct``, ``answers``,
``advice:<kind>``, ``hearing:<person pk>``, ``measure:<person pk>`` or
``measure_history:<person pk>`` (which only grows: a stage added from a page that did not
show the stages added since is refused, so nobody corrects or follows up an entry they
have not seen). Its version is a
fingerprint of what is saved (16 hex digits of a SHA-256 over the part's values), carried
by the form as it was loaded (``forms.fields.loaded_version``); ``views.case_form`` refuses a
save whose loaded version is no longer the saved one, and shows :func:`conflict`: who
changed the part and when, and per field the saved text against the text the person
posted, so that they can merge the two. Equal content gives the same fingerprint, so
saving what is already there is never refused.

Reads only what ``queries.with_case_relations`` loaded, plus one audit query for the parts
that keep no author of their own (facts, conduct, answers).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.services import audit_trail_for
from zorgvuldig.inquiries.answers.grouping import leaders_of
from zorgvuldig.inquiries.procedure.advisors import advisor_kind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from zorgvuldig.core.models import User
    from zorgvuldig.inquiries.models import Inquiry

#: The audit actions that change the parts which keep no author of their own.
_ACTIONS = {
    "facts": ("facts.recorded", "facts.revised"),
    "conduct": ("conduct.recorded",),
    "answers": ("answer.changed",),
}


def content(inquiry: Inquiry, part: str) -> dict[str, str]:
    """The saved values of ``part`` of ``inquiry``, as ``{form field name: text}``
    (``{}`` for a part that does not exist, such as advice not yet given)."""
    kind, _sep, key = part.partition(":")
    if kind == "facts":
        return {"facts": inquiry.facts}
    if kind == "conduct":
        return {"conduct": json.dumps(inquiry.conduct, sort_keys=True)}
    if kind == "answers":
        questions = list(inquiry.questions.all())
        leaders = leaders_of(questions)
        values = {f"answer_{q.number}": q.answer for q in questions}
        values |= {
            f"answered_with_{n}": "" if lead is None else str(lead)
            for n, lead in leaders.items()
        }
        return values
    if kind == "advice":
        advice = inquiry.advice_of(key)
        return {"text": advice.text} if advice else {}
    if kind == "measure_history":
        entries = _history(inquiry, key)
        return (
            {"history": "\n".join(_entry_line(e) for e in entries)} if entries else {}
        )
    step = _person_step(inquiry, kind, key)
    if step is None:
        return {}
    names: tuple[str, ...] = (
        ("held_on", "present", "assisted_by", "account", "response", "employee_comment")
        if kind == "hearing"
        else ("category", "term", "term_mismatch_reason", "legal_basis", "decided_on")
    )
    return {n: str(getattr(step, n)) for n in names}


def _person_step(inquiry: Inquiry, kind: str, key: str):
    """The hearing or measure (``kind``) of the person with pk ``key``, or ``None``."""
    person = next((p for p in inquiry.persons.all() if str(p.pk) == key), None)
    if person is None or kind not in ("hearing", "measure"):
        return None
    return (
        inquiry.hearing_of(person) if kind == "hearing" else inquiry.measure_of(person)
    )


def _history(inquiry: Inquiry, key: str) -> list:
    """The measure history entries of the person with pk ``key`` (``[]``: none)."""
    person = next((p for p in inquiry.persons.all() if str(p.pk) == key), None)
    return [] if person is None else list(person.measure_entries.all())


def _entry_line(e) -> str:
    return (
        f"{e.pk} {e.effective_on} {e.stage} {e.category} {e.term} "
        f"{e.corrects_id or ''} {e.grounds}"
    )


def fingerprint(inquiry: Inquiry, part: str) -> str:
    """The version of ``part``: 16 hex digits of a SHA-256 over its saved values."""
    raw = json.dumps([part, content(inquiry, part)], sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def label(inquiry: Inquiry, part: str) -> StrOrPromise:
    """The part named for people ("the established facts", "the HR advice", "the
    hearing of A. Jansen")."""
    kind, _sep, key = part.partition(":")
    person = next((p for p in inquiry.persons.all() if str(p.pk) == key), None)
    name = person.name if person else key
    if kind == "advice":
        advisor = advisor_kind(inquiry.organisation, key)
        return _("the %(advice)s") % {"advice": advisor.label if advisor else key}
    labels: dict[str, StrOrPromise] = {
        "facts": _("the established facts"),
        "conduct": _("the established conduct"),
        "answers": _("the answer"),
        "hearing": _("the hearing of %(person)s") % {"person": name},
        "measure": _("the measure for %(person)s") % {"person": name},
        "measure_history": _("the measure history of %(person)s") % {"person": name},
    }
    return labels.get(kind, part)


def last_change(inquiry: Inquiry, part: str) -> tuple[User | None, dt.datetime | None]:
    """Who last saved ``part``, and when (``(None, None)`` when unknown)."""
    kind, _sep, key = part.partition(":")
    if kind in _ACTIONS:
        entry = audit_trail_for(inquiry).filter(action__in=_ACTIONS[kind]).first()
        return (entry.actor, entry.at) if entry else (None, None)
    if kind == "advice":
        advice = inquiry.advice_of(key)
        return (advice.advisor, advice.given_at) if advice else (None, None)
    if kind == "measure_history":
        entries = sorted(_history(inquiry, key), key=lambda e: (e.recorded_at, e.pk))
        return (
            (entries[-1].recorded_by, entries[-1].recorded_at)
            if entries
            else (None, None)
        )
    step = _person_step(inquiry, kind, key)
    if step is None:
        return None, None
    if kind == "hearing" and step.responded_at and step.responded_at > step.recorded_at:
        return step.person.user, step.responded_at
    return step.recorded_by, step.recorded_at


@dataclass(frozen=True)
class FieldDiff:
    """One field whose saved text differs from the posted one.

    ``segments`` are ``(op, text)`` pieces of the two texts word by word, in order:
    ``"same"`` in both, ``"saved"`` only in the saved text, ``"yours"`` only in the
    posted one.
    """

    label: StrOrPromise
    segments: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Conflict:
    """A save refused because ``part`` changed after the page was loaded: by ``by``
    (``None``: unknown) at ``at``, with the differences per field."""

    part: str
    label: StrOrPromise
    by: User | None
    at: dt.datetime | None
    fields: tuple[FieldDiff, ...]


def conflict(
    inquiry: Inquiry,
    part: str,
    posted: Mapping[str, object],
    labels: Mapping[str, StrOrPromise] | None = None,
) -> Conflict:
    """What changed in ``part`` since the page was loaded, against the ``posted`` values
    (``{form field name: value}``); ``labels`` names the fields (default: their names)."""
    by, at = last_change(inquiry, part)
    labels = labels or {}
    diffs = []
    for name, saved in content(inquiry, part).items():
        if name not in posted:
            continue
        yours = str(posted[name] or "")
        if _normal(yours) != _normal(saved):
            diffs.append(
                FieldDiff(labels.get(name, name), tuple(word_diff(saved, yours)))
            )
    return Conflict(part, label(inquiry, part), by, at, tuple(diffs))


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


def word_diff(saved: str, yours: str) -> list[tuple[str, str]]:
    """``saved`` against ``yours``, word by word (whitespace kept with the word before):
    ``[(op, text)]`` with ``op`` ``"same"``, ``"saved"`` or ``"yours"``."""
    a = re.findall(r"\S+\s*", _normal(saved))
    b = re.findall(r"\S+\s*", _normal(yours))
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("saved", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("yours", "".join(b[j1:j2])))
    return out
