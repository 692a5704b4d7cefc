"""Fixtures of the self-check tests."""

from collections.abc import Callable

from django.apps import apps

import pytest


@pytest.fixture
def row_counts() -> Callable[[], dict[str, int]]:
    """``row_counts()`` gives the number of rows of every model, so that a test can show
    that a check wrote none (sessions and messages included)."""

    def count() -> dict[str, int]:
        return {m._meta.label: m._default_manager.count() for m in apps.get_models()}

    return count
