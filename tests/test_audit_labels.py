"""Every audit action any app writes has a label for people (ADR 0002).

The actions are read from the source: each ``record_audit(..., action="...")`` call in
``src/zorgvuldig`` (tests aside), and ``transition.<name>`` for every transition of the
procedure. An action without a label would show as its code on the case page.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from zorgvuldig.core.audit import action_label
from zorgvuldig.inquiries.models import Inquiry

SRC = Path(__file__).resolve().parents[1] / "src" / "zorgvuldig"


def _written_actions() -> dict[str, str]:
    """``{action: "path:line"}`` of every constant ``action=`` given to ``record_audit``
    (an f-string such as ``f"transition.{name}"`` is covered by the transitions)."""
    found = {}
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) == "record_audit"):
                continue
            for kw in node.keywords:
                if kw.arg != "action" or isinstance(kw.value, ast.JoinedStr):
                    continue
                # A constant, or constants chosen between (``"a" if ok else "b"``).
                for value in ast.walk(kw.value):
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found[value.value] = f"{path.relative_to(SRC)}:{node.lineno}"
    return found


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_the_source_is_read():
    actions = _written_actions()
    # One action of each app that writes audit entries, so that a parser change that
    # finds nothing cannot pass the test below.
    assert {
        "facts.recorded",
        "evidence.added",
        "media.checked",
        "role.delegated",
    } <= set(actions)


@pytest.mark.parametrize(
    "action",
    sorted(
        set(_written_actions())
        | {
            f"transition.{t.name}"
            for t in Inquiry._meta.get_field("state").get_all_transitions(Inquiry)
        }
    ),
)
def test_every_audit_action_has_a_label(action):
    assert action_label(action), f"no label registered for audit action {action!r}"
