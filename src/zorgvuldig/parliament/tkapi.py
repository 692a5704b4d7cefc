"""Reading a Tweede Kamer open-data record of a Zaak (OData v4, gegevensmagazijn).

The record is a ``Zaak`` as the API returns it with ``$expand=ZaakActor,Document`` (entity and
field names as the open-source client openkamer/tkapi documents them): ``Nummer``,
``Onderwerp``, ``Soort``, ``GestartOp``, ``Afgedaan``; ``ZaakActor`` rows with ``Relatie``
(``Indiener``, ``Medeindiener``, ``Gericht aan``), ``ActorNaam``, ``ActorFractie``; and
``Document`` rows with ``Soort`` (the questions, the answer, ``Mededeling (uitstel
antwoord)``), ``DocumentNummer`` and ``Datum``. The record has no deadline: it is computed
(DESIGN.md §6.2). It has no question text either; that comes from the document's text.
Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from .terms import answer_deadline

QUESTION_SOORTEN = {"Schriftelijke vragen"}
POSTPONEMENT_SOORT = "Mededeling (uitstel antwoord)"


class ZaakError(ValueError):
    """The record is not a readable Zaak; the message names the field."""


@dataclass(frozen=True)
class ZaakRecord:
    """What a Zaak record says about an inquiry (dates are calendar days, Europe/Amsterdam)."""

    number: str
    subject: str
    submitted: dt.date | None
    askers: list[dict[str, str]]
    addressees: list[str]
    postponed: bool
    deadline: dt.date | None
    documents: list[dict[str, str]] = field(default_factory=list)


def _unwrap(data: Any) -> Any:
    """The Zaak itself from an OData response (``{"value": [zaak]}``) or the bare entity."""
    if isinstance(data, dict) and isinstance(data.get("value"), list) and data["value"]:
        return data["value"][0]
    return data


def _date(value: Any, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        day = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
        if not 1800 <= day.year <= 2200:
            raise ValueError(day)
        return day
    except ValueError:
        raise ZaakError(
            f"{name}: expected an ISO date-time like 2012-02-28T00:00:00+01:00"
        ) from None


def read_zaak(text: str) -> ZaakRecord:
    """Read a Zaak record (JSON text) into a :class:`ZaakRecord`.

    Raises:
        ZaakError: not JSON, not a Zaak, or a field of the wrong shape (named).
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ZaakError(
            "not JSON: expected a Tweede Kamer open-data Zaak record"
        ) from None
    return read_zaak_data(data)


def read_zaak_data(data: Any) -> ZaakRecord:
    """Read a Zaak record already decoded from JSON (see :func:`read_zaak`).

    Raises:
        ZaakError: not a Zaak, or a field of the wrong shape (named).
    """
    data = _unwrap(data)
    if not isinstance(data, dict) or "Nummer" not in data:
        raise ZaakError("Nummer: missing; expected a Zaak record with Nummer and Soort")
    actors = data.get("ZaakActor") or []
    documents = data.get("Document") or []
    if not isinstance(actors, list) or not isinstance(documents, list):
        raise ZaakError(
            "ZaakActor/Document: expected lists (use $expand=ZaakActor,Document)"
        )
    askers: list[dict[str, str]] = []
    addressees: list[str] = []
    for i, actor in enumerate(actors):
        if not isinstance(actor, dict):
            raise ZaakError(f"ZaakActor[{i}]: expected an object")
        relation = str(actor.get("Relatie") or "")
        name = str(actor.get("ActorNaam") or "").strip()
        if relation in {"Indiener", "Medeindiener"} and name:
            entry = {"name": name, "party": str(actor.get("ActorFractie") or "")}
            if relation == "Indiener":
                askers.insert(0, entry)  # the submitter first
            else:
                askers.append(entry)
        elif relation == "Gericht aan" and name:
            addressees.append(name)
    docs = [
        {
            "soort": str(d.get("Soort") or ""),
            "number": str(d.get("DocumentNummer") or ""),
            "date": str(_date(d.get("Datum"), f"Document[{i}].Datum") or ""),
            "title": str(d.get("Titel") or d.get("Onderwerp") or ""),
            "id": str(d.get("Id") or ""),
            "content_type": str(d.get("ContentType") or ""),
        }
        for i, d in enumerate(documents)
        if isinstance(d, dict)
    ]
    submitted = _date(data.get("GestartOp"), "GestartOp")
    question_dates = [
        dt.date.fromisoformat(d["date"])
        for d in docs
        if d["soort"] in QUESTION_SOORTEN and d["date"]
    ]
    if question_dates:
        submitted = min(question_dates)
    postponed = any(d["soort"] == POSTPONEMENT_SOORT for d in docs)
    return ZaakRecord(
        number=str(data["Nummer"]),
        subject=str(data.get("Onderwerp") or data.get("Titel") or ""),
        submitted=submitted,
        askers=askers,
        addressees=addressees,
        postponed=postponed,
        deadline=answer_deadline(submitted, postponed=postponed) if submitted else None,
        documents=docs,
    )
