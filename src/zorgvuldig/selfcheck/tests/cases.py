"""Self-check cases that several test modules share."""

import copy

#: The 2012 ambassador case: a page like kept from 2010, judged on 2012-02-01.
KEPT_LIKE = {
    "id": "kept-like",
    "actor": {
        "jurisdiction": "NL",
        "level": "head_of_mission",
        "organisation": "Ministerie van Buitenlandse Zaken",
        "function": "ambassadeur",
        "posted_in": "Zuid-Afrika",
        "portfolio": ["bilaterale betrekkingen Zuid-Afrika"],
        "account": "personal_identifiable",
    },
    "context": {"on_duty": False, "in_workplace": False, "official_travel": None,
                "date": "2012-02-01", "election_period": False},
    "action": {
        "type": "like",
        "since": "2010-03-01",
        "target": {
            "kind": "page",
            "name": "Samen tegen racisme",
            "content": [
                {"text": "Geen kabinet met steun van de PVV", "date": "2010-06-20"},
                {"text": "Iedereen telt mee.", "date": "2010-02-15"},
            ],
        },
    },
    "text": None,
}  # fmt: skip


def case(**changes):
    """A deep copy of :data:`KEPT_LIKE` with changes by path, parts joined by ``__``
    (``case(actor__level="staff")``); a value of ``...`` removes the field."""
    data = copy.deepcopy(KEPT_LIKE)
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        node = data
        for p in parents:
            node = node[p]
        if value is ...:
            del node[leaf]
        else:
            node[leaf] = value
    return data


def post_case(text):
    """A post by a senior Dutch civil servant in an election period, saying ``text``."""
    return {
        "actor": {"jurisdiction": "NL", "level": "senior", "portfolio": ["Midden-Oosten"],
                  "account": "personal_identifiable"},
        "context": {"date": "2024-05-10", "election_period": True},
        "action": {"type": "post"},
        "text": text,
    }  # fmt: skip
