"""Build ``src/zorgvuldig/signals/data/us_politicians.yaml`` from congress-legislators.

Usage (from the repository root)::

    .venv/bin/python scripts/build_us_entities.py [--source ../shared/data/us]

The source is the unitedstates/congress-legislators project (CC0 1.0): the current
members of Congress (``legislators-current.yaml``), their official social-media accounts
(``legislators-social-media.yaml``) and the presidents and vice-presidents
(``executive.yaml``). The generated file names the source and its snapshot date in its
header; commit it as generated and never edit it by hand. Run the script again when a new
snapshot is taken (a new Congress, a new administration).

What is kept, so that a name in a post points to a party without flagging ordinary words:

- every current member of Congress, by full name ("Maria Cantwell", the official full name,
  the nickname with the last name), with the party of the current term;
- presidents and vice-presidents whose last term ended in or after ``--executive-since``
  (default 2009), by full name, and by bare last name with its capital ("Trump"), since
  those names alone identify a national figure.

- each member's X/Twitter, Facebook, Instagram and YouTube handles (``accounts``), joined
  on the bioguide id, so that an ``@handle`` mention names the member's party too. The
  project lists only the accounts a member runs in the official (taxpayer-funded) role,
  not campaign or personal ones (see that file's header). YouTube channel ids
  (``UC...``), numeric page ids and page slugs that cannot follow an ``@`` are left
  out.

Bare last names of members are left out: "Young", "Price" or "Hill" are ordinary words.
Titles with a last name ("Senator Cantwell", "Rep. Mast") are found by the generic
campaign patterns of ``parties.yaml``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "us"
OUTPUT = REPO / "src" / "zorgvuldig" / "signals" / "data" / "us_politicians.yaml"
#: congress-legislators party names -> the party short names of ``parties.yaml``.
PARTIES = {
    "Democrat": "Democratic Party",
    "Republican": "Republican Party",
    "Independent": "Independent",
    "Libertarian": "Libertarian Party",
}
OFFICES = {"sen": "senator", "rep": "representative", "prez": "president",
           "viceprez": "vice-president"}  # fmt: skip
#: congress-legislators ``social`` keys -> the platform names of the generated file.
PLATFORMS = {"twitter": "x", "facebook": "facebook", "instagram": "instagram",
             "youtube": "youtube"}  # fmt: skip
#: What may follow an ``@`` in a mention: letters, digits, ``_`` and inner dots.
HANDLE_RE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
#: A YouTube channel id, not a handle.
CHANNEL_ID_RE = re.compile(r"UC[\w-]{22}")
SOURCE_NAME = (
    "unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators), "
    "CC0 1.0 public domain dedication"
)


def _party(term: Mapping[str, Any], who: str) -> str:
    party = term.get("party")
    if party not in PARTIES:
        raise SystemExit(f"{who}: unknown party {party!r}; add it to PARTIES")
    return PARTIES[party]


def _names(name: Mapping[str, Any]) -> list[str]:
    """The full-name forms of one person, most formal first, without repeats."""
    first, last = name.get("first", ""), name["last"]
    forms = [
        name.get("official_full") or "",
        f"{first} {last}",
        f"{name['nickname']} {last}" if name.get("nickname") else "",
        f"{first} {name['middle']} {last}" if name.get("middle") else "",
    ]
    return list(dict.fromkeys(" ".join(f.split()) for f in forms if f.strip()))


def _person(row: Mapping[str, Any], *, with_state: bool = False) -> dict[str, Any]:
    """One person's entry: the party, office (and state) of the last term, the names."""
    term = row["terms"][-1]
    names = _names(row["name"])
    who = names[0]
    entry: dict[str, Any] = {
        "name": who,
        "party": _party(term, who),
        "office": OFFICES[term["type"]],
    }
    if with_state:
        entry["state"] = term.get("state")
    entry["since"] = str(row["terms"][0]["start"])
    entry["names"] = names[1:]
    return entry


def accounts(social: Mapping[str, Any]) -> dict[str, str]:
    """The handles of one member's ``social`` entry, by platform (see :data:`PLATFORMS`)."""
    out = {}
    for key, platform in PLATFORMS.items():
        handle = str(social.get(key) or "").removeprefix("@")
        if (
            HANDLE_RE.fullmatch(handle)
            and not handle.isdigit()  # a numeric page id, not a handle
            and not CHANNEL_ID_RE.fullmatch(handle)
        ):
            out[platform] = handle
    return out


def members(
    rows: Iterable[Mapping[str, Any]],
    social: Iterable[Mapping[str, Any]] = (),
) -> list[dict[str, Any]]:
    """One entry per current member of Congress, with their accounts when known."""
    by_id = {row["id"]["bioguide"]: row.get("social") or {} for row in social}
    out = []
    for row in rows:
        entry = _person(row, with_state=True)
        handles = accounts(by_id.get(row["id"]["bioguide"], {}))
        if handles:
            entry["accounts"] = handles
        out.append(entry)
    return sorted(out, key=lambda e: (e["office"], e["name"]))


def executives(rows: Iterable[Mapping[str, Any]], since: int) -> list[dict[str, Any]]:
    """Presidents and vice-presidents whose last term ended in or after ``since``."""
    out = [
        {**_person(row), "exact": [row["name"]["last"]]}
        for row in rows
        if int(str(row["terms"][-1]["end"])[:4]) >= since
    ]
    return sorted(out, key=lambda e: (e["office"], e["since"]))


def snapshot_of(source: Path) -> str:
    """The snapshot named in the source's README ("Snapshot of June 2026")."""
    readme = source / "README.md"
    if readme.exists():
        m = re.search(r"[Ss]napshot of ([A-Z][a-z]+ \d{4})", readme.read_text("utf-8"))
        if m:
            return m.group(1)
    return "unknown (no README.md naming the snapshot)"


def build(source: Path, since: int) -> str:
    """The text of the generated YAML file."""

    def load(name: str) -> list[Mapping[str, Any]]:
        return yaml.safe_load((source / name).read_text("utf-8")) or []

    current = members(
        load("legislators-current.yaml"), load("legislators-social-media.yaml")
    )
    execs = executives(load("executive.yaml"), since)
    newest = max(
        (e["since"] for e in current), default="unknown"
    )  # the newest first term start: a check on the snapshot
    snapshot = snapshot_of(source)
    header = f"""\
# GENERATED by scripts/build_us_entities.py -- do not edit by hand; run the script again.
#
# US politicians with their party, for the signal party_or_candidate.
# Source: {SOURCE_NAME};
#   files legislators-current.yaml (current members of Congress), legislators-social-media.yaml
#   (their official X/Twitter, Facebook, Instagram and YouTube accounts: `accounts`) and
#   executive.yaml (presidents and vice-presidents whose last term ended in or after {since}).
# Snapshot: {snapshot} (newest first term start in the data: {newest}).
# Matching: `name` and `names` match case-insensitively as whole names; `exact` (bare last
# names of presidents and vice-presidents) only with this capitalisation; an `accounts`
# handle matches as an @mention in any capitalisation.
"""
    body = {
        "source": SOURCE_NAME,
        "snapshot": snapshot,
        "politicians": [*execs, *current],
    }
    return header + yaml.safe_dump(
        body, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the generated file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--executive-since", type=int, default=2009)
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when the committed file differs from what the source gives",
    )
    args = parser.parse_args(argv)
    text = build(args.source, args.executive_since)
    if args.check:
        same = args.output.exists() and args.output.read_text("utf-8") == text
        sys.stdout.write(
            f"{args.output}: {'up to date' if same else 'STALE: run the script'}\n"
        )
        return 0 if same else 1
    args.output.write_text(text, "utf-8")
    sys.stdout.write(f"wrote {args.output} ({text.count('- name:')} politicians)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
