"""The inquiry's choices and the pure packages name the same things the same way.

The measure ladder and the inquiry kinds are defined once in the pure packages and labelled
in ``choices.py``; these tests fail when one side gains, loses or reorders a code.
"""

from __future__ import annotations

from zorgvuldig.inquiries.choices import InquiryKind, MeasureCategory
from zorgvuldig.parliament.types import INQUIRY_KINDS
from zorgvuldig.signals.measures import SEVERITY
from zorgvuldig.signals.measures import MeasureCategory as Ladder


def test_the_measure_ladder_is_one_ladder_in_one_order():
    ladder = [c.value for c in Ladder]
    assert ladder == ["none", "informal", "order_measure", "punishment", "dismissal"]
    assert list(MeasureCategory.values) == ladder


def test_severity_is_ranked_one_way():
    ranks = [MeasureCategory.severity(c) for c in MeasureCategory.values]
    assert ranks == sorted(ranks) == list(range(len(ranks)))
    assert ranks == [SEVERITY[c] for c in MeasureCategory.values]


def test_the_inquiry_kinds_are_the_parsers_kinds():
    assert set(InquiryKind.values) == set(INQUIRY_KINDS)
    assert len(InquiryKind.values) == len(INQUIRY_KINDS)


def test_the_assemblies_are_the_parsers_assemblies_in_its_order():
    from zorgvuldig.inquiries.choices import Assembly
    from zorgvuldig.parliament.assemblies import ASSEMBLIES

    assert list(Assembly.values) == list(ASSEMBLIES)
