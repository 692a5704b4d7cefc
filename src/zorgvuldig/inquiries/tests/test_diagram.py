"""The committed procedure diagram matches the state machine."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.utils import translation

import pytest

from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.diagram import (
    TEMPLATE_SVG,
    inline_svg,
    procedure_dot,
    render_svg,
)

DOCS_SVG = Path(__file__).resolve().parents[4] / "docs" / "procedure.svg"


def test_every_state_and_transition_is_in_the_dot():
    with translation.override("en"):
        dot = procedure_dot()
    for state in State.values:
        assert f'id="state-{state}"' in dot
    for name in (
        "establish facts",
        "revise facts",
        "return for rework",
        "approve",
        "send",
    ):
        assert name in dot


@pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="drawing the diagram needs Debian's graphviz package (apt-get install graphviz)",
)
def test_the_committed_diagram_is_up_to_date():
    with translation.override("en"):
        svg = render_svg(procedure_dot())
    stale = "run `zorgvuldig procedure_diagram` and commit the result"
    assert DOCS_SVG.read_text(encoding="utf-8") == svg, stale
    assert TEMPLATE_SVG.read_text(encoding="utf-8") == inline_svg(svg), stale
