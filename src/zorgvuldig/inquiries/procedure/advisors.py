"""Whose advice an inquiry needs: HR and Legal always, plus the advisors an organisation adds.

An organisation lists its other advisors in ``procedure_settings["advisors"]``::

    "advisors": [
        {"code": "integrity", "label": {"nl": "Bureau Integriteit", "en": "Integrity office"},
         "role": "advisor"},
        {"code": "communications", "label": "Communicatie", "role": "communications"}
    ]

``code`` is a short lowercase name (letters, digits, ``_``; not ``hr`` or ``legal``);
``label`` a text or ``{"nl": ..., "en": ...}``; ``role`` the role that gives the advice (one
of :data:`ADVISING_ROLES`, default ``advisor``). Every listed advisor must advise before
the advice round is complete and before approval, like HR and Legal (the works council's
request: the organisation's experts are heard before anything is said). A malformed entry is
left out rather than taking the case pages down; :func:`advisor_settings_problems` names
what is wrong so the administrator can fix it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Role
from zorgvuldig.core.languages import ui_language
from zorgvuldig.inquiries.choices import AdviceKind

from .organisation import procedure_settings

#: Roles that may be named as giving an organisation's own kind of advice.
ADVISING_ROLES = (
    Role.ADVISOR,
    Role.HR_ADVISOR,
    Role.LEGAL_ADVISOR,
    Role.COMMUNICATIONS,
)
logger = logging.getLogger(__name__)
_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")


@dataclass(frozen=True)
class AdvisorKind:
    """One kind of advice an inquiry needs: its ``code`` (stored on the advice), the role
    that gives it, and its label in Dutch and English."""

    code: str
    role: str
    label_nl: str
    label_en: str

    @property
    def label(self) -> str:
        """The label in the active language (Dutch unless English is active); HR and
        Legal through the translation catalogue."""
        if self.mandatory:
            return str(AdviceKind(self.code).label)
        return self.label_en if ui_language() == "en" else self.label_nl

    @property
    def addressee(self) -> str:
        """Whom the (Dutch) advice request is addressed to, e.g. "Juridische Zaken"."""
        addressees: dict[str, str] = {
            AdviceKind.HR: "HR",
            AdviceKind.LEGAL: "Juridische Zaken",
        }
        return addressees.get(self.code, self.label_nl)

    @property
    def mandatory(self) -> bool:
        """HR and Legal advice is required by the procedure itself, not by a setting."""
        return self.code in AdviceKind.values


def _builtin() -> list[AdvisorKind]:
    return [
        AdvisorKind(AdviceKind.HR, Role.HR_ADVISOR, "HR-advies", "HR advice"),
        AdvisorKind(
            AdviceKind.LEGAL, Role.LEGAL_ADVISOR, "Juridisch advies", "Legal advice"
        ),
    ]


def _entry(raw: Any, seen: set[str]) -> tuple[AdvisorKind | None, str | None]:
    """One settings entry as an :class:`AdvisorKind`, or ``(None, problem)``."""
    if not isinstance(raw, dict):
        return None, str(_("each advisor must be an object with code, label and role"))
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        return None, str(
            _("advisor code %(code)r: use 1-32 lowercase letters, digits or _")
            % {"code": code}
        )
    if code in seen:
        return None, str(_("advisor code %(code)r is listed twice") % {"code": code})
    label = raw.get("label", code)
    if isinstance(label, dict):
        texts = {
            lang: label[lang].strip()
            for lang in ("nl", "en")
            if isinstance(label.get(lang), str) and label[lang].strip()
        }
    elif isinstance(label, str) and label.strip():
        texts = {"nl": label.strip(), "en": label.strip()}
    else:
        texts = {}
    if not texts:
        return None, str(
            _('advisor %(code)r: label must be a text or {"nl": ..., "en": ...}')
            % {"code": code}
        )
    nl = texts.get("nl") or texts["en"]
    en = texts.get("en") or texts["nl"]
    role = raw.get("role", Role.ADVISOR)
    if role not in ADVISING_ROLES:
        return None, str(
            _("advisor %(code)r: role must be one of %(roles)s")
            % {"code": code, "roles": ", ".join(ADVISING_ROLES)}
        )
    return AdvisorKind(code, role, nl[:100], en[:100]), None


def _read(settings_value: Any) -> tuple[list[AdvisorKind], list[str]]:
    kinds = _builtin()
    problems: list[str] = []
    if settings_value in (None, []):
        return kinds, problems
    if not isinstance(settings_value, list):
        return kinds, [str(_("'advisors' must be a list"))]
    seen = {k.code for k in kinds}
    for raw in settings_value:
        kind, problem = _entry(raw, seen)
        if kind is None:
            problems.append(str(problem))
        else:
            seen.add(kind.code)
            kinds.append(kind)
    return kinds, problems


def advisor_kinds(organisation) -> list[AdvisorKind]:
    """The kinds of advice ``organisation``'s inquiries need: HR, Legal, then its own
    advisors in the order listed. Malformed entries are left out and logged (once per
    process and problem), so that a settings mistake is seen, not silently dropped.
    ``None`` (no organisation): HR and Legal."""
    if organisation is None:
        return _builtin()
    kinds, problems = _read(procedure_settings(organisation).get("advisors"))
    for problem in problems:
        _log_once(organisation.pk, problem)
    return kinds


@lru_cache(maxsize=256)
def _log_once(organisation_pk: int, problem: str) -> None:
    logger.warning(
        "organisation %s: procedure_settings advisors: %s (entry ignored)",
        organisation_pk,
        problem,
    )


def advisor_kind(organisation, code: str) -> AdvisorKind | None:
    """The advisor kind ``code`` of ``organisation``, or ``None`` when it has none such."""
    return next((k for k in advisor_kinds(organisation) if k.code == code), None)


def advisor_settings_problems(value: Any) -> list[str]:
    """What is wrong with a ``procedure_settings["advisors"]`` value (``[]``: nothing)."""
    return _read(value)[1]


def missing_advisors(inquiry) -> list[str]:
    """The labels of the organisation's own advisors who have not yet advised on the
    current record of ``inquiry`` (outdated advice counts as missing; HR and Legal have
    conditions of their own), in the order configured."""
    return [
        k.label
        for k in advisor_kinds(inquiry.organisation)
        if not k.mandatory and inquiry.current_advice_of(k.code) is None
    ]
