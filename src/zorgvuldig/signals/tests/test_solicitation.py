"""Requests for money (``solicitation``)."""

import pytest

from zorgvuldig.signals.solicitation import find_solicitations


@pytest.mark.parametrize(
    "text",
    [
        "Give $20 NOW to the campaign",
        "Chip in today!",
        "secure.actblue.com/donate",
        "Doneer vandaag aan onze campagne",
    ],
)
def test_request_for_money(text):
    assert find_solicitations(text)


def test_no_request():
    assert find_solicitations("Join us in Pittsburgh on Saturday!") == []
