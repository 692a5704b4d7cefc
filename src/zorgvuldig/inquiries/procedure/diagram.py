"""The procedure diagram, generated from the state machine on ``Inquiry.state``.

``zorgvuldig procedure_diagram`` writes ``docs/procedure.svg`` (English; committed, and a test
fails when it is stale) and the copies the case page includes, one per interface language:
``inquiries/templates/inquiries/procedure.<nl|en>.svg``, labelled with the states and the step
buttons as the page names them. Each state node has the SVG id ``state-<value>`` so the page
can highlight the current state.
Rendering needs Graphviz's ``dot`` (Debian package ``graphviz``); building the DOT text does
not.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zorgvuldig.inquiries.choices import State

from .steps import STEP_LABELS

#: The interface languages with a diagram of their own.
LANGUAGES = ("nl", "en")
_TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "inquiries"


def template_name(language: str) -> str:
    """The template the case page includes for ``language`` (Dutch unless English)."""
    return f"inquiries/procedure.{'en' if language.startswith('en') else 'nl'}.svg"


def template_svg(language: str) -> Path:
    """The file of :func:`template_name` (the SVG element only, without the XML prolog)."""
    return _TEMPLATES.parent / template_name(language)


def procedure_dot(transitions: Iterable[Any]) -> str:
    """The procedure as Graphviz DOT text, in the active language: states in order,
    transitions as edges labelled like the case page's step buttons.

    Args:
        transitions: django-fsm's transitions of ``Inquiry.state``, as
            ``Inquiry().get_all_state_transitions()`` gives them.
    """
    import graphviz

    graph = graphviz.Digraph(
        "procedure",
        graph_attr={"rankdir": "LR", "fontname": "Helvetica", "bgcolor": "transparent"},
        node_attr={
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": "#eef1f5",
            "color": "#154273",
            "fontname": "Helvetica",
            "fontsize": "11",
        },
        edge_attr={"fontname": "Helvetica", "fontsize": "9", "color": "#5a5a5a"},
    )
    for state in State:
        graph.node(state.value, label=str(state.label), id=f"state-{state.value}")
    edges: set[tuple[str, str, str]] = set()
    for t in transitions:
        targets = getattr(t.target, "allowed_states", None) or [t.target]
        for target in targets:
            label = STEP_LABELS.get(t.name, t.name.replace("_", " "))
            edges.add((str(t.source), str(target), str(label)))
    for source, target, label in sorted(edges):
        graph.edge(source, target, label=label)
    return graph.source


def render_svg(dot: str) -> str:
    """``dot`` rendered as SVG text by Graphviz.

    Raises:
        graphviz.ExecutableNotFound: Graphviz's ``dot`` is not installed.
    """
    import graphviz

    return graphviz.Source(dot).pipe(format="svg", encoding="utf-8")


def inline_svg(svg: str) -> str:
    """``svg`` without its XML prolog and DOCTYPE, for inclusion in an HTML page."""
    return svg[svg.index("<svg") :]
