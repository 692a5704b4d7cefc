"""Turning a self-check result into what the employee reads: labels and highlighted words.

Used by the self-check page and the guidance page, so that both show signal kinds and
matched words the same way; the verdicts themselves are labelled by the presenter the
inquiry's conduct card uses too (:func:`zorgvuldig.conduct.verdicts.label_verdicts`).
Nothing here stores or logs anything.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgvuldig.conduct.verdicts import label_verdicts
from zorgvuldig.rulebooks.evaluator import content_index

SIGNAL_LABELS = {
    "party_or_candidate": gettext_lazy("party or candidate"),
    "partisan_stance": gettext_lazy("partisan stance"),
    "solicitation": gettext_lazy("request for money or support"),
    "portfolio_topic": gettext_lazy("your own policy area"),
    "sensitive_country": gettext_lazy("sensitive country"),
    "flippant_tone": gettext_lazy("flippant tone"),
    "insult": gettext_lazy("insult or personal attack"),
    "nonpublic_information": gettext_lazy("non-public information"),
    "official_title": gettext_lazy("official title"),
    "official_account": gettext_lazy("official account"),
    "addressee": gettext_lazy("addressee or mention"),
    "campaign_link": gettext_lazy("link to a campaign, party or candidate"),
    "announcement": gettext_lazy("new announcement"),
    "announcement_before_parliament": gettext_lazy(
        "announced before Parliament is told"
    ),
    "unconfirmed_information": gettext_lazy("unconfirmed information"),
    "partisan_account": gettext_lazy("account of a party or campaigning group"),
    "party_office_candidacy": gettext_lazy("your own campaign for party office"),
    "refusal_of_duty": gettext_lazy("a refusal to carry out a decision"),
    "agreement": gettext_lazy("agreement with what you reply to"),
}


def signal_label(kind: str) -> str:
    """The translated name of a signal kind (the kind itself when unknown)."""
    return str(SIGNAL_LABELS.get(kind, kind))


def highlight(
    text: str | None, signals: list[dict[str, Any]], where: str
) -> list[tuple[str, list[str]]]:
    """``text`` cut into ``(piece, [signal label, ...])`` at the spans of ``where``'s signals.

    Overlapping spans are kept: a piece inside two spans (the party inside a stance against
    it) carries both labels. Spans are clipped to the text; joining the pieces gives
    ``text``.
    """
    text = text or ""
    spans = [
        (max(s["start"], 0), min(s["end"], len(text)), signal_label(s["kind"]))
        for s in signals
        if s.get("where") == where and s.get("start") is not None
    ]
    spans = [s for s in spans if s[0] < s[1]]
    bounds = sorted({0, len(text), *(b for s in spans for b in s[:2])})
    pieces: list[tuple[str, list[str]]] = []
    for a, b in pairwise(bounds):
        labels = list(dict.fromkeys(lab for s, e, lab in spans if s <= a and b <= e))
        if pieces and pieces[-1][1] == labels:
            pieces[-1] = (pieces[-1][0] + text[a:b], labels)
        else:
            pieces.append((text[a:b], labels))
    return pieces


def decorate(result: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    """Add labels, the rules applied and highlighted fields to a ``run_check`` result.

    Args:
        result: the contract output of :func:`~zorgvuldig.rulebooks.check.run_check`.
        case: the case it was computed from (for the full texts the spans point into).
    Returns:
        ``result`` itself, with the labels of
        :func:`~zorgvuldig.conduct.verdicts.label_verdicts` and ``weighed`` added to each
        verdict, and ``fields`` (the highlighted texts), ``situation`` (signals without a
        span), ``spotted``, ``action``, ``target_kind`` and ``advice`` added.
    """
    signals = result["signals"]
    for s in signals:
        s["kind_label"] = signal_label(s["kind"])
        s["where_label"] = _where_label(s.get("where") or "")
    target = case.get("action", {}).get("target") or {}
    contents = [
        c if isinstance(c, dict) else {"text": c, "date": None}
        for c in target.get("content") or []
    ]
    for v in label_verdicts(result["verdicts"], case):
        v["weighed"] = [
            {
                **w,
                "number": (content_index(w["where"]) or 0) + 1,
                "signal_labels": [signal_label(k) for k in w["signals"]],
            }
            for w in v.get("weighed_content", [])
        ]
    own = result["verdicts"][0] if result["verdicts"] else {}
    weighed_where = {w["where"] for w in own.get("weighed_content", [])}
    not_yet = set(own.get("not_yet_published", []))
    result["fields"] = {
        "text": highlight(case.get("text"), signals, "text"),
        "target_name": highlight(target.get("name"), signals, "target.name"),
        "target_content": [
            {
                "number": i + 1,
                "date": c.get("date"),
                "pieces": highlight(c["text"], signals, f"target.content[{i}]"),
                "weighed": f"target.content[{i}]" in weighed_where,
                "not_yet": f"target.content[{i}]" in not_yet,
            }
            for i, c in enumerate(contents)
        ],
    }
    result["situation"] = [s for s in signals if s.get("start") is None]
    result["spotted"] = [s for s in signals if s.get("start") is not None]
    result["action"] = case.get("action", {}).get("type")
    result["target_kind"] = target.get("kind")
    result["advice"] = list(
        dict.fromkeys(a for v in result["verdicts"] for a in v.get("advice", []))
    )
    return result


def _where_label(where: str) -> str:
    n = content_index(where)
    if n is not None:
        return _("in post %(n)s of the page or account") % {"n": n + 1}
    return {
        "text": _("in your text"),
        "target.name": _("in the name of the page, post or account"),
    }.get(where, _("in your situation"))
