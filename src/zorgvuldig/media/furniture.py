"""Is an extracted article body only the page's furniture (a consent banner, a paywall or
script notice) or too short to be an article?

The claim check must not report "no claim" for a page whose text it never saw
(shared/cases/README.md, "Media": verdict ``extraction_failed``). A sentence is furniture
when it holds one of :data:`FURNITURE_WORDS`: the wording consent banners use for what the
ePrivacy Directive (2002/58/EC art. 5(3), cookies) and the GDPR (art. 7, consent) make them
ask, and the notices of paywalls and script blockers. Pure Python; no Django.

Public surface: :func:`furniture_only`, :func:`article_words`, :data:`MIN_PAGE_WORDS`.
"""

from __future__ import annotations

import re

#: Fewer words of article text than this in a fetched page mean the extraction failed
#: (trafilatura's own default minimum output size is 250 characters, some 40 words; a
#: news brief of two sentences has about 20).
MIN_PAGE_WORDS = 15

#: Words and phrases (lower case, whole words) that mark a sentence as page furniture.
FURNITURE_WORDS = (
    "cookie",
    "cookies",
    "consent",
    "toestemming",
    "privacy policy",
    "privacy statement",
    "privacy settings",
    "privacybeleid",
    "privacyverklaring",
    "privacy-instellingen",
    "cookiebeleid",
    "cookieverklaring",
    "accept all",
    "reject all",
    "alles accepteren",
    "alle cookies",
    "manage preferences",
    "voorkeuren beheren",
    "javascript",
    "adblocker",
    "ad blocker",
    "subscribers only",
    "alleen voor abonnees",
)
_FURNITURE_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in FURNITURE_WORDS) + r")(?!\w)",
    re.IGNORECASE,
)
#: Sentence ends and paragraph breaks (furniture is judged sentence by sentence).
_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_WORD_RE = re.compile(r"\w+")


def article_words(body: str) -> int:
    """How many words of ``body`` stand in sentences that are not page furniture."""
    return sum(
        len(_WORD_RE.findall(s))
        for s in _SPLIT_RE.split(body)
        if s.strip() and not _FURNITURE_RE.search(s)
    )


def furniture_only(body: str, min_words: int = 0) -> bool:
    """Did the extraction fail: is ``body`` page furniture only, or shorter than
    ``min_words`` words of article text?

    Args:
        body: the extracted main text.
        min_words: 0 for text a person gave (then only a body that has furniture and no
            other sentence fails; an empty body does not); :data:`MIN_PAGE_WORDS` for a
            fetched page.
    """
    words = article_words(body)
    if min_words > 0:
        return words < min_words
    return words == 0 and bool(_FURNITURE_RE.search(body))


__all__ = ["FURNITURE_WORDS", "MIN_PAGE_WORDS", "article_words", "furniture_only"]
