"""Self-check benchmark: posts per second, the lemma floor, latency and entity-list scaling.

Run from the repository root::

    .venv/bin/python benchmarks/selfcheck.py [--posts 10000] [--shared ../shared]

The corpus is built at run time from ``<shared>/data/news-html`` (the sentences of the main
text that trafilatura extracts from each page) and the texts of the shared self-check cases
(``<shared>/cases/selfcheck``), mixed with actor, context and action variants: Dutch, US
and UK civil servants of every rank and category, on and off duty, on official travel,
posting, commenting, sharing (with and without text), liking and following pages whose
content is the target. Nothing from ``shared/`` is copied into the project.

It prints:

- the full check (``run_check``) in posts per second;
- the floor that any lemma-aware check pays: tokenising the same texts and lemmatising every
  token with simplemma, in posts per second; and the ratio full / floor (target: <= 4);
- the latency of one check in a warm process, p50 and p95 (target: < 20 ms), without and
  with the questions to the employee (as the page and the API run it), the latter also on
  the shared self-check cases;
- the cost ratio when the entity lists (parties and politicians) are made ten times longer
  with synthetic names injected through :func:`zorgvuldig.signals.entities.add_entities`
  (target: < 1.3).

Each pair that is compared (floor and full check; short and long entity lists) is timed
in turns, best of ``--repeats``, so that other work on the machine weighs on both alike.
No test asserts a wall time; this script is for people.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"

#: Sentence boundaries for the news texts: end punctuation, then space and a capital.
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9ÄÖÜÉ])")
_TOKEN = re.compile(r"\w+")


# ---- corpus ------------------------------------------------------------------------------


def news_sentences(shared: Path) -> list[str]:
    """Sentences of the main text of every page in ``shared/data/news-html``."""
    import trafilatura

    out: list[str] = []
    for page in sorted((shared / "data" / "news-html").glob("*.html")):
        text = trafilatura.extract(page.read_bytes()) or ""
        for paragraph in text.splitlines():
            out.extend(
                sentence
                for sentence in _SENTENCE_SPLIT.split(paragraph.strip())
                if 20 <= len(sentence) <= 280
            )
    return out


def case_texts(shared: Path) -> list[str]:
    """The texts, target names and target contents of the shared self-check cases."""
    import yaml

    out: list[str] = []
    for path in sorted((shared / "cases" / "selfcheck").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")) or []:
            if case.get("text"):
                out.append(case["text"])
            target = (case.get("action") or {}).get("target") or {}
            if target.get("name"):
                out.append(target["name"])
            out.extend(
                item["text"] if isinstance(item, dict) else item
                for item in target.get("content") or []
            )
    return out


NL_ORGS = [
    "Ministerie van Buitenlandse Zaken", "Ministerie van Financiën",
    "Ministerie van Justitie en Veiligheid", "Ministerie van Defensie",
    "Ministerie van Algemene Zaken", "Belastingdienst", "Politie",
]  # fmt: skip
US_ORGS = [
    "Department of State", "Department of Agriculture", "Social Security Administration",
    "Federal Bureau of Investigation", "Department of Veterans Affairs",
    "Department of Commerce", "Department of Energy",
]  # fmt: skip
UK_ORGS = [
    "Home Office",
    "Ministry of Defence",
    "Department for Education",
    "HM Treasury",
]
PORTFOLIOS = [
    ["asiel", "migratie"], ["Midden-Oosten", "Israël", "Palestijnse gebieden"],
    ["Europese samenwerking"], ["IT-beheer"], ["belastingen", "accijns"],
    ["klimaat", "energie"], ["visitor services"], ["trade policy"], ["immigration"],
    ["technology and diplomacy"], ["schools"], ["patient care"], ["benefits"],
    ["coronavirus", "public health"], ["housing"],
]  # fmt: skip
FUNCTIONS = [
    "beleidsmedewerker", "afdelingshoofd", "ambassadeur", "woordvoerder", "analyst",
    "claims specialist", "deputy assistant secretary", "grade 7 policy lead", "economist",
]  # fmt: skip
TRAVEL = [None] * 8 + ["Syria", "Iran", "Rusland", "Cuba", "Zuid-Afrika", "France"]
ACTIONS = ["post"] * 5 + ["comment", "share", "share", "like", "like", "follow"]


def _actor(rng: random.Random) -> dict[str, Any]:
    jurisdiction = rng.choice(["NL", "NL", "US", "UK"])
    actor: dict[str, Any] = {
        "jurisdiction": jurisdiction,
        "function": rng.choice(FUNCTIONS),
        "portfolio": rng.choice(PORTFOLIOS),
        "account": rng.choice(
            ["personal_identifiable"] * 4 + ["personal_anonymous"] * 2 + ["official"]
        ),
    }
    if jurisdiction == "NL":
        actor["level"] = rng.choice(
            ["staff", "staff", "senior", "top", "head_of_mission"]
        )
        actor["spokesperson"] = rng.random() < 0.1
        actor["organisation"] = rng.choice(NL_ORGS)
        if actor["level"] == "head_of_mission":
            actor["posted_in"] = rng.choice(
                ["Zuid-Afrika", "Syrië", "Verenigde Staten"]
            )
    elif jurisdiction == "US":
        actor["hatch_category"] = rng.choice(
            ["less_restricted"] * 3 + ["further_restricted"]
        )
        actor["organisation"] = rng.choice(US_ORGS)
        actor["profile_picture_partisan"] = rng.random() < 0.05
    else:
        actor["political_category"] = rng.choice(["free", "intermediate", "restricted"])
        actor["organisation"] = rng.choice(UK_ORGS)
    return actor


def _text(rng: random.Random, news: list[str], cases: list[str]) -> str:
    """One to three consecutive news sentences, sometimes with a case sentence."""
    if rng.random() < 0.2:
        return rng.choice(cases)
    start = rng.randrange(len(news))
    text = " ".join(news[start : start + rng.randint(1, 3)])
    if rng.random() < 0.25:
        text = f"{text} {rng.choice(cases)}"
    return text


def build_corpus(
    shared: Path, posts: int, seed: int = 20240510
) -> tuple[list[dict[str, Any]], int]:
    """``posts`` self-check cases and the number of distinct source sentences used."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    news = news_sentences(shared)
    cases = case_texts(shared)
    corpus = []
    for i in range(posts):
        kind = rng.choice(ACTIONS)
        year = rng.choice([2010, 2012, 2015, 2019, 2020, 2023, 2024])
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        case: dict[str, Any] = {
            "id": f"bench-{i}",
            "actor": _actor(rng),
            "context": {
                "date": date,
                "on_duty": rng.random() < 0.2,
                "in_workplace": rng.random() < 0.15,
                "official_travel": rng.choice(TRAVEL),
                "election_period": rng.random() < 0.3,
            },
            "action": {"type": kind},
            "text": _text(rng, news, cases),
        }
        if kind in ("like", "follow", "share", "comment") and (
            kind != "comment" or rng.random() < 0.5
        ):
            content = [
                {"text": _text(rng, news, cases), "date": f"{year - k}-06-15"}
                for k in range(rng.randint(1, 4 if kind in ("like", "follow") else 1))
            ]
            case["action"]["target"] = {
                "kind": "page" if kind in ("like", "follow") else "post",
                "name": rng.choice(cases)[:60] if rng.random() < 0.3 else "a page",
                "content": content,
            }
            if kind in ("like", "follow") and rng.random() < 0.5:
                case["action"]["since"] = f"{year - 3}-01-01"
            if kind in ("like", "follow") or rng.random() < 0.5:
                case["text"] = None
        corpus.append(case)
    return corpus, len(news) + len(cases)


def case_fields(case: dict[str, Any]) -> list[str]:
    """Every text of a case that a check reads: the text, target name and content."""
    target = case["action"].get("target") or {}
    fields = [case.get("text") or "", target.get("name") or ""]
    fields += [item["text"] for item in target.get("content") or []]
    return [f for f in fields if f]


# ---- measurements ------------------------------------------------------------------------


def timed(run: Callable[[], None]) -> float:
    """How long one run of ``run`` takes, in seconds."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best_in_turns(repeats: int, *runs: Callable[[], None]) -> tuple[float, ...]:
    """The fastest of ``repeats`` runs of each of ``runs``, run in turns."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for run, taken in zip(runs, times, strict=True):
            taken.append(timed(run))
    return tuple(min(taken) for taken in times)


def floor_run(corpus: list[dict[str, Any]]) -> Callable[[], None]:
    """Tokenise every text of ``corpus`` and lemmatise each token with simplemma."""
    from simplemma import lemmatize

    work = [
        ("nl" if c["actor"]["jurisdiction"] == "NL" else "en", case_fields(c))
        for c in corpus
    ]

    def run() -> None:
        for lang, fields in work:
            for field in fields:
                for token in _TOKEN.findall(field):
                    lemmatize(token, lang=lang)

    return run


def full_run(corpus: list[dict[str, Any]]) -> Callable[[], None]:
    """Run the self-check on every case of ``corpus``."""
    from zorgvuldig.rulebooks.check import run_check

    def run() -> None:
        for case in corpus:
            run_check(case)

    return run


def latencies(
    corpus: Iterable[dict[str, Any]], *, questions: bool = False
) -> list[float]:
    """Milliseconds per single check, each timed on its own; with ``questions``, the
    check the page and the API run: with the questions that would change the verdict."""
    from zorgvuldig.rulebooks.check import run_check
    from zorgvuldig.rulebooks.questions import check_with_questions

    check = check_with_questions if questions else run_check
    out = []
    for case in corpus:
        start = time.perf_counter()
        check(case, ["NL", "US", "UK"])
        out.append((time.perf_counter() - start) * 1000)
    return out


def shared_cases(shared: Path) -> list[dict[str, Any]]:
    """The shared self-check cases (``<shared>/cases/selfcheck/*.yaml``)."""
    import yaml

    return [
        case
        for path in sorted((shared / "cases" / "selfcheck").glob("*.yaml"))
        for case in yaml.safe_load(path.read_text("utf-8")) or []
    ]


def percentiles(ms: list[float]) -> str:
    """``p50 .. ms, p95 .. ms, max .. ms`` of ``ms``."""
    ms = sorted(ms)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    return f"p50 {statistics.median(ms):.2f} ms, p95 {p95:.2f} ms, max {ms[-1]:.2f} ms"


def synthetic_entities(factor: int, seed: int = 7) -> list[dict[str, Any]]:
    """Politicians and parties making the packaged lists ``factor`` times longer.

    Names are built from syllables so that they read like names but rarely occur in the
    corpus, as most entries of a long real list do not occur in any one post.
    """
    from zorgvuldig.signals.entities import entity_count

    rng = random.Random(seed)  # noqa: S311 - reproducible names, not a secret
    syllables = [
        "van", "der", "berg", "ma", "rin", "kov", "ton", "ley", "son", "hal", "dor",
        "wick", "sel", "bur", "ger", "lan", "mer", "ais", "ouw", "ijk", "stra",
    ]  # fmt: skip

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()

    extra = []
    for i in range(entity_count() * (factor - 1)):
        if i % 10 == 0:
            extra.append(
                {"kind": "party", "short": f"P{i}", "names": [f"Partij {word()}"]}
            )
        else:
            first, last = word(), word()
            extra.append(
                {
                    "kind": "politician",
                    "name": f"{first} {last}",
                    "party": "P0",
                    "exact": [last] if i % 3 == 0 else [],
                }
            )
    return extra


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, measure, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    from zorgvuldig.rulebooks.check import run_check
    from zorgvuldig.signals.entities import add_entities, entity_count, reset_entities

    corpus, sources = build_corpus(args.shared, args.posts)
    fields = sum(len(case_fields(c)) for c in corpus)
    tokens = sum(len(_TOKEN.findall(f)) for c in corpus for f in case_fields(c))
    print(
        f"corpus: {len(corpus)} posts from {sources} source texts; "
        f"{fields} text fields, {tokens} tokens"
    )

    floor, full = floor_run(corpus), full_run(corpus)
    floor()  # warm both: data files, caches, lemma dictionaries
    full()
    # in turns, so that other work on the machine weighs on both alike
    floor_s, full_s = best_in_turns(args.repeats, floor, full)
    print(
        f"floor (tokenise + simplemma every token): {len(corpus) / floor_s:,.0f} posts/s"
    )
    print(
        f"full check (run_check):                  {len(corpus) / full_s:,.0f} posts/s"
    )
    print(f"ratio full / floor: {full_s / floor_s:.2f} (target <= 4)")

    sample = corpus[:: max(1, len(corpus) // 1000)]
    print(
        f"single check, warm, NL+US+UK: {percentiles(latencies(sample))} "
        "(target < 20 ms)"
    )
    print(
        "single check with questions, warm, NL+US+UK: "
        f"{percentiles(latencies(sample, questions=True))} (target < 20 ms)"
    )
    shared = shared_cases(args.shared)
    latencies(shared, questions=True)  # warm: each case checked once before timing
    print(
        f"  on the {len(shared)} shared cases, each timed 20 times: "
        f"{percentiles(latencies(shared * 20, questions=True))}"
    )

    before, extra = entity_count(), synthetic_entities(10)
    short: list[float] = []
    longer: list[float] = []
    try:
        for _ in range(args.repeats):  # in turns again, the lists switched each time
            reset_entities()
            run_check(corpus[0])  # compile the lists outside the timing
            short.append(timed(full))
            add_entities(extra)
            run_check(corpus[0])
            longer.append(timed(full))
        after = entity_count()
    finally:
        reset_entities()
    short_s, longer_s = min(short), min(longer)
    print(
        f"entity lists {before} -> {after} entries: {len(corpus) / longer_s:,.0f} posts/s, "
        f"cost ratio {longer_s / short_s:.2f} (target < 1.3)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
