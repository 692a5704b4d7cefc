"""Repository-wide test fixtures."""

from django.test import override_settings
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


@pytest.fixture(autouse=True)
def _own_media_root(tmp_path):
    """Each test stores files in its own folder. Evidence is stored once by its SHA-256, so a
    test that changes a stored file on purpose (to see verification fail) would otherwise
    leave it changed for a later test that stores the same bytes. (Not the ``settings``
    fixture: some tests take a parameter of that name.)"""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield
