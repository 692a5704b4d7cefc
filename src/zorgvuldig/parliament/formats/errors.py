"""The one error of :mod:`..formats`."""

from __future__ import annotations


class FormatError(ValueError):
    """A document cannot be read as text; the message names what was expected and found.

    ``code`` names the kind of problem so that a page can say it in its own language
    (``too_large``, ``empty``, ``encrypted``, ``no_text_layer``, ``unreadable``,
    ``old_word``, ``not_text``); the message stays English for the command line.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code
