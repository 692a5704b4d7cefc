"""The media command line offers the measure ladder, in its order."""

from __future__ import annotations

from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.media.cli import CATEGORIES


def test_the_cli_offers_the_one_ladder():
    assert list(CATEGORIES) == list(MeasureCategory.values)
