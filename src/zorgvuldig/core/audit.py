"""How the audit trail reads: action labels, and summaries translated when they are shown.

An entry is written in the language of whoever acted and read in the language of whoever
reads, months later. So an entry keeps its summary untranslated: the English source string
(the msgid, marked with ``gettext_noop`` where it is written) and its parameters. Parameters
that are themselves labels (a state, a kind of advice, a measure category) are kept as codes
and shown through their labels; what people typed (reasons, terms, headlines, names) is kept
as data and never translated. See ``docs/decisions/0002-audit-trail-in-the-readers-language.md``.

Apps register what their entries need in ``AppConfig.ready``: the label of each action code
(:func:`register_actions`) and the choices their parameters use (:func:`register_choices`).
Core cannot import the apps above it, so this registry is how it learns their words.

Public surface: :class:`Summary`, :class:`PerLanguage`, :func:`register_actions`,
:func:`register_choices`, :func:`action_label`. The model and
:func:`zorgvuldig.core.services.record_audit` use the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext

#: ``{action code: label}``, e.g. ``{"transition.approve": _("Answer approved")}``.
_ACTIONS: dict[str, Promise | str] = {}
#: ``{name: choices class}`` and its inverse, for parameters stored as codes.
_CHOICES: dict[str, type[models.Choices]] = {}
_CHOICE_NAMES: dict[type[models.Choices], str] = {}


@dataclass(frozen=True)
class Summary:
    """A summary kept untranslated and rendered in the reader's language.

    Args:
        msgid: the English source string, marked with ``gettext_noop`` so that it lands in
            the catalogue, with ``%(name)s`` placeholders (a literal ``%`` is written
            ``%%``), e.g. ``gettext_noop("Hearing of %(day)s recorded")``. A msgid of
            placeholders only, such as ``"%(from)s → %(to)s"``, has nothing to translate
            and needs no marking.
        params: ``{name: value}``. A value is plain data (``str``, ``int``, ``float``,
            ``bool``, ``None``, shown as is), a date (kept in ISO form), a member of registered
            choices (kept as its code, shown as its label), a :class:`PerLanguage` text, a
            nested :class:`Summary`, or a list of these (shown separated by commas).
    """

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PerLanguage:
    """Data given in several languages, such as an organisation's own label for a kind of
    advice: ``{"nl": "Bureau Integriteit", "en": "Integrity office"}``. Shown in the
    reader's language when given, else in the first language given."""

    texts: Mapping[str, str]


def register_actions(labels: Mapping[str, Promise | str]) -> None:
    """Register the people-facing labels of action codes (``gettext_lazy`` strings).

    Registering a code again replaces its label, so ``AppConfig.ready`` may run twice.
    """
    _ACTIONS.update(labels)


def register_choices(name: str, choices: type[models.Choices]) -> None:
    """Register ``choices`` under a stable ``name`` (e.g. ``"inquiries.State"``).

    The name is stored in audit entries next to the code, so it must not change when the
    class moves; register each class once under one name.

    Raises:
        ValueError: ``name`` is already taken by another class.
    """
    if _CHOICES.get(name, choices) is not choices:
        raise ValueError(f"choices name {name!r} is already registered")
    _CHOICES[name] = choices
    _CHOICE_NAMES[choices] = name


def action_label(action: str) -> str:
    """The label of ``action`` in the active language, or ``""`` when none is registered."""
    label = _ACTIONS.get(action)
    return str(label) if label is not None else ""


def stored_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` of a :class:`Summary` as JSON-ready data (see :class:`Summary` for values).

    Raises:
        TypeError: a value of another type, including an already translated lazy string
            (which would freeze the writer's language), or choices that are not registered.
    """
    return {str(k): _stored(v) for k, v in params.items()}


def _stored(value: Any) -> Any:
    if isinstance(value, models.Choices):  # before str: a TextChoices member is a str
        name = _CHOICE_NAMES.get(type(value))
        if name is None:
            raise TypeError(
                f"{type(value).__name__} is not registered with register_choices"
            )
        return {"choice": name, "value": value.value}
    if isinstance(value, Summary):
        return {"msgid": value.msgid, "params": stored_params(value.params)}
    if isinstance(value, PerLanguage):
        return {"languages": {str(k): str(v) for k, v in value.texts.items()}}
    if isinstance(value, Promise):
        raise TypeError("pass the msgid or the choice, not a translated string")
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_stored(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in an audit summary")


def render(msgid: str, params: Mapping[str, Any]) -> str:
    """The summary ``msgid`` with stored ``params``, in the active language.

    Raises:
        KeyError, ValueError, TypeError: the translation does not fit the parameters
            (callers showing stored entries fall back to the stored text).
    """
    return gettext(msgid) % {k: _shown(v) for k, v in params.items()}


def render_source(msgid: str, params: Mapping[str, Any]) -> str:
    """The summary in the source language (English), as stored for plain reads."""
    with translation.override(None):
        return render(msgid, params)


def _shown(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(_shown(v)) for v in value)
    if isinstance(value, dict) and "choice" in value:
        choices = _CHOICES.get(value["choice"])
        code = value.get("value")
        if choices is None or code not in choices.values:
            return code  # a code whose choices are gone: still better than nothing
        return str(choices(code).label)
    if isinstance(value, dict) and "msgid" in value:
        return render(value["msgid"], value.get("params") or {})
    if isinstance(value, dict) and "languages" in value:
        texts = value["languages"] or {"": ""}
        language = get_language() or "en"  # none active: the source language
        return (
            texts.get(language) or texts.get(language[:2]) or next(iter(texts.values()))
        )
    return value
