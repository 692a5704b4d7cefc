"""Repository-wide test fixtures."""

from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _english_messages(request):
    """Unit tests read messages in English (the source language); browser tests use the
    language the browser asks for, so they are left alone."""
    if request.node.get_closest_marker("e2e"):
        yield
        return
    with translation.override("en"):
        yield
