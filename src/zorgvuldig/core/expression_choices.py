"""The translated labels of a case of online conduct, as the rulebooks read it.

The codes are those of the self-check case shape (shared/cases/README.md, "Self-check";
``rulebooks.types`` holds the same codes without labels). Both the employee's self-check
(``selfcheck``) and the advisors' view of an inquiry's established conduct (``inquiries``) show
them, and core is the layer both may import; keeping the labels here means a verdict, a
position or an account reads the same on every page.

Public surface: every list and mapping below, and :func:`target_fields`.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

#: The jurisdictions whose rules are available, with their names.
JURISDICTIONS = [
    ("NL", _("Netherlands")),
    ("US", _("United States")),
    ("UK", _("United Kingdom")),
]
#: ``{code: name}`` of :data:`JURISDICTIONS`, in the same order.
JURISDICTION_LABELS = dict(JURISDICTIONS)
#: Positions under the Dutch rules (``actor.level``).
LEVELS = [
    ("staff", _("Staff")),
    ("senior", _("Senior (e.g. head of department)")),
    ("top", _("Top management")),
    ("head_of_mission", _("Head of mission (ambassador)")),
]
#: Hatch Act groups (``actor.hatch_category``, United States).
HATCH_CATEGORIES = [
    ("less_restricted", _("Less restricted (most federal employees)")),
    (
        "further_restricted",
        _("Further restricted (e.g. FBI, CIA, NSA, FEC, career SES)"),
    ),
]
#: Political activities groups (``actor.political_category``, United Kingdom).
POLITICAL_CATEGORIES = [
    ("free", _("Politically free (industrial and non-office grades)")),
    ("intermediate", _("Intermediate (e.g. administrative and executive officers)")),
    (
        "restricted",
        _("Politically restricted (Senior Civil Service, grades 6 and 7, Fast Stream)"),
    ),
]
#: The account used (``actor.account``).
ACCOUNTS = [
    ("personal_identifiable", _("Personal, shows my employer or function")),
    ("personal_anonymous", _("Personal, anonymous")),
    ("official", _("Official account of the organisation")),
]
#: What was done (``action.type``).
ACTIONS = [
    ("post", _("Post")),
    ("comment", _("Comment")),
    ("like", _("Like")),
    ("share", _("Share")),
    ("follow", _("Follow")),
    ("profile_picture", _("Change my profile picture")),
    ("cover_photo", _("Change my cover photo")),
]
#: What a like, share, follow or comment is about (``action.target.kind``).
TARGET_KINDS = [
    ("page", _("A page")),
    ("post", _("A post")),
    ("account", _("An account (a person or organisation)")),
]
#: The verdict levels of a rulebook, from mild to severe.
VERDICT_LEVEL_LABELS = {
    "ok": _("No objection"),
    "caution": _("Take care"),
    "high_risk": _("High risk"),
    "prohibited": _("Not allowed"),
}

#: The same choices as others see them (a case handler recording an employee's conduct):
#: third person where the self-check says "my".
ACCOUNTS_OF_EMPLOYEE = [
    ("personal_identifiable", _("Personal, shows their employer or function")),
    ("personal_anonymous", _("Personal, anonymous")),
    ("official", _("Official account of the organisation")),
]
ACTIONS_OF_EMPLOYEE = [
    *[
        (code, label)
        for code, label in ACTIONS
        if code not in ("profile_picture", "cover_photo")
    ],
    ("profile_picture", _("Changed their profile picture")),
    ("cover_photo", _("Changed their cover photo")),
]


def target_fields(max_length: int) -> tuple[forms.CharField, forms.CharField]:
    """The form fields of a liked, shared or followed target as both the self-check and the
    conduct form ask for it: ``(target_name, target_content)``, the content one post per
    line, optionally dated (read with ``rulebooks.cases.parse_dated_lines``), at most
    ``max_length`` characters. Made in this order, so a form lists them in this order."""
    return (
        forms.CharField(
            label=_("Name of that page, post or account"),
            required=False,
            max_length=300,
        ),
        forms.CharField(
            label=_("What that page or post says"),
            required=False,
            max_length=max_length,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_(
                "One post per line, newest first. Start a line with its date "
                "(YYYY-MM-DD) if you know it."
            ),
        ),
    )
