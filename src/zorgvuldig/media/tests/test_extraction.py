"""Extracting headline and main text from HTML and plain-text articles. No database."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from zorgvuldig.media.extraction import ArticleError, extract_article, looks_like_html

DATA = Path(__file__).parent / "data"
#: Real news pages (trafilatura's evaluation set, Apache-2.0) beside the repository;
#: their README asks to read them from there rather than copy them.
SHARED = Path(
    os.environ.get("ZORGVULDIG_SHARED_DIR")
    or Path(__file__).resolve().parents[5] / "shared"
)
NEWS_HTML = SHARED / "data" / "news-html"
#: Three short pages whose main text trafilatura gets right (with / without snippets).
REAL_PAGES = [
    "politico.com.retirement.html",
    "polizeiticker.ch-Unfall.html",
    "simmeltalzeitung.ch-Trinkwasser.html",
]


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- plain text -----------------------------------------------------------------------


def test_text_with_a_headline_line():
    headline, body = extract_article((DATA / "nl-berispt.txt").read_text("utf-8"))
    assert headline == "Ambassadeur berispt om PVV-mening"
    assert body.startswith("De Nederlandse ambassadeur")
    assert not body.endswith("\n")


def test_text_without_a_headline_line():
    assert extract_article("Hij is aangesproken.\nMeer niet.") == (
        "",
        "Hij is aangesproken.\nMeer niet.",
    )


def test_a_hash_without_space_is_not_a_headline():
    assert extract_article("#PVV is boos\nTekst")[0] == ""


@pytest.mark.parametrize("content", ["", "   \n\n  ", "\ufeff"])
def test_empty_input_is_refused(content):
    with pytest.raises(ArticleError, match="no main text found"):
        extract_article(content)


# --- HTML -----------------------------------------------------------------------------


def test_html_article_without_boilerplate():
    headline, body = extract_article((DATA / "nl-berispt.html").read_text("utf-8"))
    assert headline == "Ambassadeur berispt om PVV-mening"
    assert "door de minister aangesproken op een 'like'" in body
    for boilerplate in ("cookies", "Weerbericht", "Alle rechten", "Binnenland"):
        assert boilerplate not in body
    assert not body.startswith(headline)  # the <h1> is not repeated in the body


def test_html_as_bytes():
    headline, body = extract_article((DATA / "en-suspended.html").read_bytes())
    assert headline == "Anonymous civil servant tweeter suspended"
    assert "has been suspended" in body
    assert "newsletter" not in body


def test_html_paragraphs_are_separated_by_blank_lines():
    _, body = extract_article((DATA / "en-suspended.html").read_text("utf-8"))
    assert body.count("\n\n") == 2


def test_a_small_snippet_still_gives_its_text():
    assert extract_article("<p>De ambassadeur is aangesproken.</p>") == (
        "",
        "De ambassadeur is aangesproken.",
    )


@pytest.mark.parametrize(
    "content",
    [
        "<html><head><title>Leeg</title></head><body></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
        "<div>   </div>",
    ],
)
def test_html_without_main_text_is_refused(content):
    with pytest.raises(ArticleError, match="not HTML / no main text found"):
        extract_article(content)


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html></html>")
    assert looks_like_html(b"<p>tekst</p>")
    assert not looks_like_html("# Kop\n\nTekst met 3 < 4 en a > b.")


@pytest.mark.skipif(not NEWS_HTML.is_dir(), reason="shared/data/news-html not present")
@pytest.mark.parametrize("name", REAL_PAGES)
def test_real_news_pages(name):
    expected = json.loads((NEWS_HTML / "expected.json").read_text("utf-8"))
    [page] = [p for p in expected.values() if p["file"] == name]
    headline, body = extract_article((NEWS_HTML / name).read_bytes())
    assert headline
    for snippet in page["with"]:
        assert normalised(snippet) in normalised(body)
    for snippet in page["without"]:
        assert normalised(snippet) not in normalised(body)
