"""Quotation marks paired into quotes, and where a quote stands relative to a sentence.

:func:`find_quotes` pairs the article's quote marks (double, single, guillemets); the
helpers below answer the attribution stage's questions about a quote: is an offset inside
one, which quotes meet a sentence, which one covers most of it, which one closes just
before a cue.

>>> [(q["label"], q["text"]) for q in find_quotes("He said “it’s ‘fine’” today.")]
[('double', '“it’s ‘fine’”'), ('single', '‘fine’')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .segment import find_paragraphs
from .spans import Span, window

_OPEN_DOUBLE = {"“", "„", "``"}
_CLOSE_DOUBLE = {"”", "''", "’’"}
# every character of a double mark (“ ” „ " ’’ '' ``) or a single one (‘ ’ '): one scan of
# the article finds them all, far faster than one for the doubles' alternation of pairs
_MARK_RE = re.compile(r"[“”„\"’'`‘]")
_DOUBLE_CHARS = "“”„\""
_SINGLE_CHARS = "‘’'"
_GUILLEMET_RE = re.compile(r"[«»]")
_WORD_RE = re.compile(r"\w+", re.UNICODE)  # runs of word characters: their lengths add up to the word characters


def _is_apostrophe(text: str, pos: int) -> bool:
    """A ' or ’ inside or at the edge of a word (Russia’s, don’t, ’90s, voters’) is no quote mark."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit() and not before.isalnum():  # ’90s
        return True
    if text[pos] in "’'" and after.isalpha() and not before.isalnum():
        # 'til, 'em: only a handful of elisions; treat the rest as opening marks
        return text[pos + 1:pos + 4].lower() in {"em ", "til", "cau", "n' "}
    return False


def paragraph_index(paragraphs: list[Span], pos: int) -> int:
    """Index of the paragraph holding `pos` (of the next one when `pos` falls between two)."""
    lo, hi = 0, len(paragraphs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = paragraphs[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return mid
    return lo


def find_quotes(text: str) -> list[dict]:
    """Quote spans (marks included) with `label` double | single | guillemet | unpaired.

    Marks are paired by type; apostrophes are skipped; single quotes pair only inside the
    same double-quote context; a double quote left open at the end of a paragraph runs on
    when the next paragraph opens with a quote mark (newspaper convention). Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    return [dict(q) for q in _quotes_of(text)]  # the caller's own dicts, free to change


@lru_cache(maxsize=2)  # annotate and the attribution stage both ask, for the same article
def _quotes_of(text: str) -> tuple[dict, ...]:
    """:func:`find_quotes` of ``text``, kept for the next caller (who gets copies)."""
    try:
        return tuple(_find_quotes(text))
    except Exception:  # pragma: no cover - defensive: quotes must never break a run
        return ()


def _quote(start: int, end: int, label: str) -> dict:
    return {"start": start, "end": end, "label": label, "rule": f"quote.{label}"}


def _find_quotes(text: str) -> list[dict]:
    paragraphs = find_paragraphs(text) or [(0, len(text))]
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    out, doubles = _pair_doubles(text, paragraphs, _double_marks(text, marks))
    out += [_quote(s, e, "double") for s, e in doubles]
    out += _pair_singles(text, paragraphs, doubles, [p for p in marks if text[p] in _SINGLE_CHARS])
    if "«" in text or "»" in text:
        out += _pair_guillemets(text)
    for q in out:
        q["text"] = text[q["start"]:q["end"]]
    out.sort(key=lambda q: (q["start"], -q["end"]))
    return out


def _double_marks(text: str, marks: list[int]) -> list[tuple[int, int, str]]:
    """The double quote marks, (start, end, mark) in text order, from the offsets `marks` of
    every quote mark character: “ ” „ " alone, and two like single marks in a row (’’ '' ``)
    -- what a left-to-right scan for ``’’|''|``|[“”„"]`` finds (after a pair it goes on
    behind the pair's second mark).

    >>> _double_marks("a ’’b’’’ “c‘‘", [2, 3, 5, 6, 7, 9, 11, 12])
    [(2, 4, '’’'), (5, 7, '’’'), (9, 10, '“')]
    """
    out = []
    after = -1  # the end of the last pair found: its second mark is no mark of its own
    for p in marks:
        if p < after:
            continue
        ch = text[p]
        if ch in _DOUBLE_CHARS:
            out.append((p, p + 1, ch))
        elif ch != "‘" and text[p + 1:p + 2] == ch:
            after = p + 2
            out.append((p, after, ch + ch))
    return out


def _pair_doubles(text: str, paragraphs: list[Span],
                  marks: list[tuple[int, int, str]]) -> tuple[list[dict], list[Span]]:
    """(unpaired double marks, paired double quotes), each in text order, from the article's
    double `marks` (:func:`_double_marks`)."""
    unpaired: list[dict] = []
    doubles: list[Span] = []
    open_at: tuple[int, int, int] | None = None  # (start, end, paragraph) of the open mark
    for s, e, mark in marks:
        par = paragraph_index(paragraphs, s)
        if open_at is not None and par != open_at[2]:
            # paragraph changed with a quote open: continue if this paragraph opens with a mark
            p_start = paragraphs[par][0] if par < len(paragraphs) else s
            if s == p_start and mark in _OPEN_DOUBLE | {'"'}:
                open_at = (open_at[0], open_at[1], par)
                continue
            unpaired.append(_quote(open_at[0], open_at[1], "unpaired"))
            open_at = None
        if open_at is None:
            # '' right after a word is a closing double (typewriter style), here with nothing open
            if (mark in _CLOSE_DOUBLE and mark != "''") or (mark == "''" and s > 0 and not text[s - 1].isspace()):
                unpaired.append(_quote(s, e, "unpaired"))
            else:
                open_at = (s, e, par)
        elif mark in _OPEN_DOUBLE and mark != '"':
            # a second opening mark: the first one never closed
            unpaired.append(_quote(open_at[0], open_at[1], "unpaired"))
            open_at = (s, e, par)
        else:
            doubles.append((open_at[0], e))
            open_at = None
    if open_at is not None:
        unpaired.append(_quote(open_at[0], open_at[1], "unpaired"))
    return unpaired, doubles


def _pair_singles(text: str, paragraphs: list[Span], doubles: list[Span], marks: list[int]) -> list[dict]:
    """Single quotes, paired within the same double-quote context and paragraph (`marks`:
    the offsets of the article's single mark characters ‘ ’ ', in text order)."""
    def context(pos: int) -> tuple[int, int]:
        inside = next((k for k, (s, e) in enumerate(doubles) if s < pos < e - 1), -1)
        return inside, paragraph_index(paragraphs, pos)

    out: list[dict] = []
    taken = {p for s, e in doubles for p in (s, e - 1)}
    pending: dict[tuple[int, int], int] = {}
    for s in marks:
        if s in taken or (s + 1 < len(text) and text[s:s + 2] in {"’’", "''"}) or \
                (s > 0 and text[s - 1:s + 1] in {"’’", "''"}):
            continue
        if _is_apostrophe(text, s):
            continue
        ch = text[s]
        ctx = context(s)
        before = text[s - 1] if s > 0 else " "
        after = text[s + 1] if s + 1 < len(text) else " "
        can_open = ch in "‘'" and (not before.isalnum()) and not after.isspace()
        can_close = ch in "’'" and not before.isspace()
        if ctx in pending and can_close:
            out.append(_quote(pending.pop(ctx), s + 1, "single"))
        elif can_open:
            if ctx in pending:
                out.append(_quote(pending[ctx], pending[ctx] + 1, "unpaired"))
            pending[ctx] = s
        elif ch == "‘":
            out.append(_quote(s, s + 1, "unpaired"))
        # a stray ’ with nothing open is an apostrophe (voters’ rights): not reported
    out += [_quote(s, s + 1, "unpaired") for s in pending.values()]
    return out


def _pair_guillemets(text: str) -> list[dict]:
    """« » quotes, nested by a stack."""
    out: list[dict] = []
    stack: list[int] = []
    for m in _GUILLEMET_RE.finditer(text):
        if m.group() == "«":
            stack.append(m.start())
        elif stack:
            out.append(_quote(stack.pop(), m.end(), "guillemet"))
        else:
            out.append(_quote(m.start(), m.end(), "unpaired"))
    out += [_quote(s, s + 1, "unpaired") for s in stack]
    return out


# --------------------------------------------------------------------------- quotes and sentences
# `quotes` below is a list of (start, end) spans, marks included; a SpanIndex makes each
# question cost a bisect instead of a scan of the article's quotes (spans.window).

def inside_quote(pos: int, quotes: Sequence[Span]) -> bool:
    """True when `pos` lies between a quote's opening and closing marks."""
    for s, e in window(quotes, pos + 1, pos):  # (most windows are empty)
        if s < pos < e - 1:
            return True
    return False


def quotes_in(start: int, end: int, quotes: Sequence[Span]) -> tuple[Span, ...]:
    """The quotes that share a character with ``[start, end)``."""
    return tuple(q for q in window(quotes, start, end) if q[0] < end and q[1] > start)


def dominant_quote(text: str, start: int, end: int, quotes: Sequence[Span]) -> Span | None:
    """The quote covering most of a sentence (>= 60% of its word characters), if any."""
    words = 0  # counted only when a quote meets the sentence (most sentences meet none)
    best = None
    for qs, qe in window(quotes, start, end):
        if qs < end and qe > start:
            words = words or _word_chars(text, start, end) or 1
            a, b = max(qs, start), min(qe, end)
            cover = _word_chars(text, a, b)
            if cover / words >= 0.6 and (best is None or cover > best[2]):
                best = (a, b, cover)
    return (best[0], best[1]) if best else None


def _word_chars(text: str, start: int, end: int) -> int:
    """How many word characters (``\\w``) text[start:end] holds."""
    return sum(map(len, _WORD_RE.findall(text, start, end)))


def quote_ending_at(quotes: Sequence[Span], pos: int, text: str) -> Span | None:
    """A quote whose closing mark is at `pos` (allowing a comma or dash after it)."""
    # The run of gap characters ending at `pos` bounds where such a quote may close; comparing
    # offsets with it replaces slicing text[qe:pos] for every quote (quadratic in a long article).
    gap = min(pos, len(text))
    while gap > 0 and text[gap - 1] in " ,—–-":
        gap -= 1
    for qs, qe in window(quotes, gap - 1, pos + 1):
        if gap <= qe <= pos:
            return (qs, qe)
    return None
