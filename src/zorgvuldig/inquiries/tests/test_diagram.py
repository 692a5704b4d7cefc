"""The committed procedure diagram matches the state machine."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.utils import translation

import pytest

from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.procedure.diagram import (
    LANGUAGES,
    inline_svg,
    procedure_dot,
    render_svg,
    template_svg,
)

DOCS_SVG = Path(__file__).resolve().parents[4] / "docs" / "procedure.svg"


def test_every_state_and_transition_is_in_the_dot():
    with translation.override("en"):
        dot = procedure_dot(Inquiry().get_all_state_transitions())
    for state in State.values:
        assert f'id="state-{state}"' in dot
    for name in (
        "Facts are established",
        "Revise the facts",
        "Return for rework",
        "Approve answer",
        "Answer sent",
    ):
        assert name in dot
    with translation.override("nl"):
        assert "Terugsturen voor aanpassing" in procedure_dot(
            Inquiry().get_all_state_transitions()
        )


@pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="drawing the diagram needs Debian's graphviz package (apt-get install graphviz)",
)
def test_the_committed_diagram_is_up_to_date():
    stale = "run `zorgvuldig procedure_diagram` and commit the result"
    for language in LANGUAGES:
        with translation.override(language):
            svg = render_svg(procedure_dot(Inquiry().get_all_state_transitions()))
        if language == "en":
            assert DOCS_SVG.read_text(encoding="utf-8") == svg, stale
        assert template_svg(language).read_text(encoding="utf-8") == inline_svg(svg), (
            stale
        )
