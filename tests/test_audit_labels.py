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
    """``{action: "path:line"}`` of every ``action=`` given to ``record_audit``: a constant,
    constants chosen between (``"a" if ok else "b"``), or a local name assigned constants in
    the same function. An f-string such as ``f"transition.{name}"`` is covered by the
    transitions; any other expression is reported as ``"?"`` so that the test fails."""
    found = {}
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and _name(node.func) == "record_audit":
                    where = f"{path.relative_to(SRC)}:{node.lineno}"
                    for value in _action_values(node, func):
                        found[value] = where
    return found


def _action_values(call: ast.Call, func: ast.AST) -> list[str]:
    """The action codes the ``action=`` of ``call`` can take (``["?"]``: not readable)."""
    for kw in call.keywords:
        if kw.arg != "action" or isinstance(kw.value, ast.JoinedStr):
            continue
        if isinstance(kw.value, ast.Name):
            assigned = [
                n.value
                for n in ast.walk(func)
                if isinstance(n, ast.Assign)
                and any(getattr(t, "id", None) == kw.value.id for t in n.targets)
            ]
            sources: list[ast.AST] = assigned
        else:
            sources = [kw.value]
        values = [
            v.value
            for source in sources
            for v in ast.walk(source)
            if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
        return values or ["?"]
    return []


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_the_source_is_read():
    actions = _written_actions()
    # One action of each app that writes audit entries, so that a parser change that
    # finds nothing cannot pass the test below.
    assert {
        "facts.recorded",
        "evidence.added",
        "evidence.downloaded",
        "evidence.integrity_failed",
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
