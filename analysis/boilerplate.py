"""Mark boilerplate: ad slots, comment forms, share and contact lines, photo captions, credits.

Nothing is deleted: each such line becomes a span of the ``boilerplate`` layer,
which later stages skip and displays grey out, so offsets stay aligned.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicons import load_lexicon

_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    return tuple((row["rule"], row["label"], re.compile(row["pattern"], re.I))
                 for row in load_lexicon("boilerplate"))


def _lines(text: str):
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            yield start, start + len(stripped)
        pos += len(line) + 1


def _is_caption(line: str, index: int, lines: list[str]) -> bool:
    """A short line with no closing punctuation between the headline and the body.

    Wire pages put the photo caption ("Kim Jong Un and Vladimir Putin") right
    under the headline; it is not part of the story's sentences.
    """
    if not 1 <= index <= 3:  # not right under the headline: no need to read its words
        return False
    words = _WORD.findall(line)
    if not (1 <= len(words) <= 12) or _SENTENCE_END.search(line):
        return False
    before_body = all(not _SENTENCE_END.search(prev) for prev in lines[1:index])
    capitalised = sum(w[0].isupper() for w in words) / len(words) >= 0.5
    return before_body and capitalised


def find_boilerplate(text: str) -> list[dict]:
    """Span rows (layer ``boilerplate``) for every boilerplate line of `text`."""
    spans = []
    positions = list(_lines(text))
    lines = [text[s:e] for s, e in positions]
    patterns = _patterns()
    for index, ((start, end), line) in enumerate(zip(positions, lines)):
        found = None
        for rule, label, pattern in patterns:  # the first rule whose pattern is found
            if pattern.search(line):
                found = (rule, label)
                break
        if found is None and _is_caption(line, index, lines):
            found = ("bp.caption", "caption")
        if found:
            spans.append({"doc_id": "", "layer": "boilerplate", "label": found[1], "start": start,
                          "end": end, "text": line, "value": "", "rule": found[0]})
    return spans


def in_ranges(start: int, end: int, ranges) -> bool:
    """True when [start, end) lies inside one of the (start, end) `ranges`."""
    return any(s <= start and end <= e for s, e in ranges)
