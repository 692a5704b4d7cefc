"""How common a word is in Dutch or English, from the ``wordfreq`` package.

A portfolio word that is among the most frequent words of the language ("school",
"politie", "leiding") says little about whether a text is about that portfolio: it
appears in texts about anything. :func:`specificity` turns a word's frequency into a
weight between 0 (among the most frequent words) and 1 (a rare, specific word), which
:mod:`.portfolio` uses to weigh the portfolio words a text shares.

Data: wordfreq 3.1 (Robyn Speer, https://github.com/rspeer/wordfreq), whose wheel ships its
word lists (nothing is downloaded). Code Apache-2.0; the word-frequency data CC BY-SA 4.0
(it is built from Wikipedia, OpenSubtitles, SUBTLEX, Google Books, news and other corpora;
see the package's README). The data is read from the installed package and not copied into
this project.

The frequencies are on the Zipf scale: log10 of occurrences per billion words (7 for
"the", 6 for the most common content words such as "government" or "politie", 3 for a word
once per million words, 0 when the word is not in the list).
"""

from __future__ import annotations

from functools import lru_cache

#: Languages whose lists are asked; a word common in either counts as common.
FREQUENCY_LANGUAGES: tuple[str, ...] = ("nl", "en")
#: At or above this Zipf frequency a word weighs nothing (the most frequent words).
COMMON_ZIPF = 6.0
#: At or below this Zipf frequency a word weighs fully (about 1 in 100,000 words or rarer).
SPECIFIC_ZIPF = 4.0


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` in Dutch and English (0.0 when unknown).

    Args:
        word: one word or a hyphenated compound ("Midden-Oosten"); case and accents do
            not matter (wordfreq folds them).
    Returns:
        a Zipf value between 0.0 and about 8.0.
    """
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, lang) for lang in FREQUENCY_LANGUAGES)


def specificity(word: str) -> float:
    """How much ``word`` says about a subject, from its frequency: 0.0 to 1.0.

    1.0 at or below :data:`SPECIFIC_ZIPF` (also for words the lists do not hold), 0.0 at
    or above :data:`COMMON_ZIPF`, linear in between: "basisteam" 1.0, "migratie" 0.98,
    "leiding" 0.59, "schools" 0.48, "school" 0.15.
    """
    value = (COMMON_ZIPF - zipf(word)) / (COMMON_ZIPF - SPECIFIC_ZIPF)
    return min(1.0, max(0.0, value))
