"""Tone from VADER's lexicon, loaded offline from the ``vaderSentiment`` package.

NLTK's ``SentimentIntensityAnalyzer`` normally wants its VADER data downloaded first,
which school networks (and this kit) cannot do. The same lexicon ships inside the
``vaderSentiment`` package, so we put that package's folder on ``nltk.data.path``
and let NLTK's analyzer read it from there.

Tone is *not* loaded language: measured on PTC, strong-valence VADER words
score far below the kit's loaded-language lexicon (see ``evaluate loaded``'s
``vader_baseline``). The kit reports it as a separate, clearly named signal.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@lru_cache(maxsize=1)
def analyzer():
    """NLTK's VADER analyzer over the lexicon shipped in ``vaderSentiment`` (no download)."""
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = str(Path(vaderSentiment.__file__).resolve().parent.parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="vaderSentiment/vader_lexicon.txt")


def tone(text: str) -> float:
    """VADER compound score of `text`, from -1 (most negative) to +1 (most positive)."""
    return float(analyzer().polarity_scores(text)["compound"])


def strong_words(text: str, threshold: float = 2.5) -> list[dict]:
    """Words whose VADER valence is at least `threshold` in size, as (start, end, word, valence) dicts."""
    lexicon = analyzer().lexicon
    out = []
    for m in _WORD.finditer(text):
        valence = lexicon.get(m.group().lower())
        if valence is not None and abs(valence) >= threshold:
            out.append({"start": m.start(), "end": m.end(), "text": m.group(), "valence": float(valence)})
    return out
