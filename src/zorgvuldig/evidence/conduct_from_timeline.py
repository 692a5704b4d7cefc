"""The conduct card filled from the timeline (issue 12, step 5): the person picks an action
of the employee and the case page shows the conduct form pre-filled with it (what was
done, when, to what, and the target's posts with their dates), to check and save. Nothing
is saved here: saving is the conduct form's own submit (``inquiries:conduct``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone

from .models import TimelineEvent

#: The export's kinds (``exports.Kind``) as the conduct card's actions and target kinds.
_ACTIONS = {
    "post": ("post", ""),
    "comment": ("comment", "post"),
    "page_like": ("like", "page"),
    "reaction": ("like", "post"),
    "follow": ("follow", "account"),
    "share": ("share", "post"),
}


def conduct_initial(
    recorded: Mapping[str, Any], action: TimelineEvent, events: Iterable[TimelineEvent]
) -> dict[str, Any]:
    """The conduct form's values for ``action`` (an employee event): the ``recorded``
    values (``ConductForm.initial_for``) with what was done, its day (local date), what it
    was about and the text (of a post or comment) replaced, and the target's posts on the
    timeline as dated lines (``"YYYY-MM-DD: text"``, newest first, as the form asks)
    followed by the recorded lines that name other posts."""
    kind, target_kind = _ACTIONS.get(action.kind, ("", ""))
    posts = sorted(
        (e for e in events if e.side == TimelineEvent.Side.TARGET),
        key=lambda e: (e.when is not None, e.when or action.added_at),
        reverse=True,
    )
    lines = [
        f"{timezone.localdate(p.when).isoformat()}: {p.text}" if p.when else p.text
        for p in posts
    ]
    values = dict(recorded)
    values.update(
        {
            "action": kind or values.get("action", ""),
            "since": timezone.localdate(action.when) if action.when else None,
            "target_kind": target_kind,
            "target_name": action.target,
            "text": action.text if kind in ("post", "comment") else "",
        }
    )
    known = {p.text.strip() for p in posts}
    kept = [
        line
        for line in str(values.get("target_content") or "").splitlines()
        if line.strip() and not any(line.strip().endswith(t) for t in known)
    ]
    if lines:
        values["target_content"] = "\n".join(lines + kept)
    return values
