"""The procedure diagram, generated from the state machine on ``Inquiry.state``.

``zorgvuldig procedure_diagram`` writes ``docs/procedure.svg`` (committed; a test fails when it
is stale) and the copy the case page includes, ``inquiries/templates/inquiries/procedure.svg``. Each
state node has the SVG id ``state-<value>`` so the page can highlight the current state.
Rendering needs Graphviz's ``dot`` (Debian package ``graphviz``); building the DOT text does
not.
"""

from __future__ import annotations

from pathlib import Path

from .choices import State
from .models import Inquiry

#: The copy the case page includes inline (the SVG element only, without the XML prolog).
TEMPLATE_SVG = (
    Path(__file__).resolve().parent / "templates" / "inquiries" / "procedure.svg"
)


def procedure_dot() -> str:
    """The procedure as Graphviz DOT text: states in order, transitions as labelled edges."""
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
    for t in Inquiry().get_all_state_transitions():
        targets = getattr(t.target, "allowed_states", None) or [t.target]
        for target in targets:
            edges.add((str(t.source), str(target), t.name.replace("_", " ")))
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
