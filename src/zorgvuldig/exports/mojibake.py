"""Facebook's mojibake: its JSON exports write each UTF-8 byte of a non-ASCII character as
its own ``\\u00XX`` escape, so "Holbæk" arrives as "HolbÃ¦k". Described and fixed the same
way by apparebit/deface (README, "Data Transformation") and NorseKode/Waultar-App
(documents/parser/content_examples.md shows ``n\\u00c3\\u00a6sten``)."""

from __future__ import annotations


def fix_text(text: str) -> str:
    """Undo the mojibake of ``text`` when it is mojibake, else return it unchanged.

    A string whose characters all lie below U+0100 and whose Latin-1 bytes form valid UTF-8
    with at least one multi-byte sequence is taken to be mojibake; anything else (real
    Latin-1 text such as "café" written properly, or text with characters above U+00FF) is
    left alone. Never raises.
    """
    if text.isascii():
        return text
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return text  # already real Unicode
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text
