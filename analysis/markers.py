"""Markers that qualify what is said, each with the voice it is in.

Hedges and evidence markers (``lexicons/hedges.csv``), scare quotes (quoted words nobody is
quoted as saying) and loaded language (``lexicons/loaded.csv``), as span dicts; the voice
is ``narration`` (the journalist), ``reported`` (inside an indirect report of a source) or
``quoted`` (inside quote marks).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Sequence

from analysis.lexicons import load_lexicon
from analysis.prefilter import (HeldStarts, Needs, StartFinder, TriggerIndex, derive_needs, derive_starts, finditer_from,
                                lowered, parse_needs, share_vocabulary)
from analysis.spans import overlaps, overlaps_any

Span = tuple[int, int]

QUOTE_CHARS = "\"“”‘’'«»„‟‹›"



class _Covering:
    """Spans (quotes, contents) indexed to answer "does one of them cover [s, e)?" by bisect:
    among the spans starting at or before s, does the furthest end reach e? Testing every
    span per marker was quadratic in a long article."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((int(a), int(b)) for a, b in spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def covers(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s)
        return bool(k) and self.reach[k - 1] >= e


def _covers(spans, s: int, e: int) -> bool:
    if isinstance(spans, _Covering):
        return spans.covers(s, e)
    return any(a <= s and e <= b for a, b in spans)


def voice_of(span: Span, quotes: Iterable[Span] = (), contents: Iterable[Span] = ()) -> str:
    """``quoted`` inside quote marks, ``reported`` inside an indirect report, else ``narration``."""
    s, e = span
    if _covers(quotes, s, e):
        return "quoted"
    if _covers(contents, s, e):
        return "reported"
    return "narration"


def _hedge_flags(row: dict) -> int:
    return 0 if row.get("case") == "exact" else re.I


@lru_cache(maxsize=None)
def _hedge_rules() -> tuple[tuple[dict, re.Pattern], ...]:
    return tuple((row, re.compile(row["pattern"], _hedge_flags(row))) for row in load_lexicon("hedges"))


@lru_cache(maxsize=None)
def _hedge_needs() -> tuple[Needs, ...]:
    return tuple(parse_needs(row.get("needs")) for row, _ in _hedge_rules())


@lru_cache(maxsize=None)
def _hedge_index() -> TriggerIndex:
    """The hedge rows a text may match, in one scan of it (their ``needs``)."""
    return TriggerIndex(_hedge_needs())


@lru_cache(maxsize=None)
def _hedge_starts() -> tuple[Needs, ...]:
    """Per row, the strings one of which every match begins with (``starts`` column)."""
    return tuple(parse_needs(row.get("starts")) for row, _ in _hedge_rules())


@lru_cache(maxsize=None)
def _hedge_finder() -> StartFinder:
    """Which of the hedge rows' starts a text holds (read off the words of the text's pieces,
    which the lexicons share: nearly free once the text is read)."""
    return StartFinder(_hedge_starts())


def find_hedges(text: str, quotes: Sequence[Span] = (), contents: Sequence[Span] = (),
                skip: Sequence[Span] = ()) -> list[dict]:
    """Hedge and evidence-marker spans: dicts with layer, label (voice), start, end, text, value (category), rule.

    Overlapping matches in one layer keep the earliest, then the longest ("could potentially"
    rather than "potentially"). "what it called" is the journalist's distancing wherever it sits.
    """
    found = []
    rules, starts, low = _hedge_rules(), _hedge_starts(), lowered(text)
    held = HeldStarts(_hedge_finder().present(low)) if low is not None else None
    for k in _hedge_index().rows(low):
        row, rx = rules[k]
        for m in finditer_from(rx, text, low, starts[k] if held is None else held.of(starts[k])):
            found.append((row, m.start(), m.end()))
    found.sort(key=lambda f: (f[0]["layer"], f[1], -(f[2] - f[1])))
    out: list[dict] = []
    # Within a layer, matches come by start and those kept never overlap, so a match overlaps
    # a kept one iff it starts before the furthest kept end (no pass over all kept per match).
    reach: dict[str, int] = {}
    quotes, contents = _Covering(quotes), _Covering(contents)
    for row, s, e in found:
        if overlaps_any((s, e), skip):
            continue
        if s < e and s < reach.get(row["layer"], -1):
            continue
        if s >= e and any(o["layer"] == row["layer"] and overlaps((s, e), (o["start"], o["end"])) for o in out):
            continue
        reach[row["layer"]] = max(e, reach.get(row["layer"], -1))
        voice = "narration" if row["category"] == "distancing" and not quotes.covers(s, e) \
            else voice_of((s, e), quotes, contents)
        out.append({"layer": row["layer"], "label": voice, "start": s, "end": e, "text": text[s:e],
                    "value": row["category"], "rule": row["rule"]})
    return sorted(out, key=lambda d: (d["start"], d["layer"]))


_CALLED = re.compile(r"(?:\bwhat\s+(?:\w+\s+){1,2}?(?:called|calls|termed|terms|dubbed|described\s+as|labell?ed)"
                     r"|\bso[- ]called"
                     r"|\b(?:dubbed|termed|branded|labell?ed|called|calls|described)"
                     r"(?:\s+(?:it|them|him|her|this|that|these|those|the\s+\w+))?(?:\s+as)?(?:\s+(?:an?|the))?"
                     r"|\bthe\s+(?:term|word|phrase|label|slogan|expression|epithet|nickname))\s*$",
                     re.I)
_WORD = re.compile(r"[\w'’-]+")
# Signs that a short quote is somebody's speech, a title or markup, not a scare quote.
_SPEECH_BEFORE = re.compile(r"(?:\b(?:said|says|say|saying|told|tweeted|wrote|writes|asked|asks|added|adds|replied"
                            r"|answered|declared|shouted|yelled|exclaimed|quipped|joked)\b[^\w\n]{0,4}|[:=]\s*)$", re.I)
_SPEECH_AFTER = re.compile(r"^[\s,]*(?:(?:he|she|they|it|I|we)\s+|(?:[A-Z][\w.'’-]*\s+){1,3})?"
                           r"(?:said|says|told|added|adds|asked|wrote|tweeted|continued|replied)\b")
_FIRST_SECOND = re.compile(r"\b(?:I|I'm|I’m|we|We|you|You|my|My|our|Our|me|us)\b")


def find_scare_quotes(text: str, quotes: Sequence[Span], attributed: Sequence[Span] = (),
                      contents: Sequence[Span] = (), skip: Sequence[Span] = (),
                      max_words: int = 5) -> list[dict]:
    """Quoted words that nobody is quoted as saying: distancing / scare quotes.

    ``quotes`` are quote spans (marks included or not); ``attributed`` the ones an attribution
    reports as a speaker's direct words. A quote is a scare quote when it follows "what it
    called" / "so-called" / "dubbed" (SQ_called), sits inside a longer quote (SQ_nested, the
    speaker's own distancing, voice ``quoted``), or is a short fragment (<= ``max_words``
    words) that is not a speaker's direct words (SQ_fragment), e.g. a ‘rumour of arms
    dealings’ inside an indirect report.
    """
    out = []
    spans = sorted({(int(s), int(e)) for s, e in quotes})
    # An enclosing quote starts at or before s and ends at or after e: only quotes between the
    # first whose running end reaches e and the last starting at s can be one (bisect; testing
    # every quote per quote was quadratic in a long article).
    starts = [q[0] for q in spans]
    reach: list[int] = []
    for q in spans:
        reach.append(max(q[1], reach[-1]) if reach else q[1])
    for s, e in spans:
        if overlaps_any((s, e), skip) or e <= s:
            continue
        inner = text[s:e].strip(QUOTE_CHARS + " ")
        nwords = len(_WORD.findall(inner))
        if nwords == 0:
            continue
        outer = [q for q in spans[bisect_left(reach, e):bisect_right(starts, s)]
                 if q != (s, e) and q[0] <= s and e <= q[1]]
        before = text[max(0, s - 40):s]
        if _CALLED.search(before):
            rule = "SQ_called"
        elif outer:
            rule = "SQ_nested"
        elif (nwords <= max_words and (s, e) not in set(map(tuple, attributed))
              and not _looks_like_speech_or_title(text, s, e, inner)):
            rule = "SQ_fragment"
        else:
            continue
        voice = "quoted" if outer else voice_of((s, e), (), contents)
        out.append({"layer": "scare_quote", "label": voice, "start": s, "end": e, "text": text[s:e],
                    "value": rule.split("_", 1)[1], "rule": rule})
    return out


def _looks_like_speech_or_title(text: str, s: int, e: int, inner: str) -> bool:
    """A quoted fragment that is speech ("I'm sorry," he said), a title (“The View”) or markup."""
    if re.search(r"[,.!?;:]\W*$", inner):  # punctuation inside the marks: quoted speech
        return True
    if _SPEECH_BEFORE.search(text[max(0, s - 25):s]) or _SPEECH_AFTER.match(text[e:e + 40]):
        return True
    if _FIRST_SECOND.search(inner):  # "I", "we", "you": somebody speaking
        return True
    words = _WORD.findall(inner)
    if re.search(r"[\d@#/<>=]", inner):  # dates, handles, ids, markup
        return True
    # Every word capitalised: a title or a name ("The View", "Hannity")
    return all(w[:1].isupper() for w in words if len(w) > 3 or w.lower() not in {"the", "of", "a", "an", "and", "on", "in"})


def _whole_words(pattern: str) -> str:
    """A loaded.csv pattern matched on word boundaries (a hyphen joins words)."""
    return r"(?<![\w-])(?:" + pattern + r")(?![\w-])"


@lru_cache(maxsize=None)
def _loaded_rules() -> tuple[tuple[dict, re.Pattern, re.Pattern | None, re.Pattern | None], ...]:
    rows = []
    for row in load_lexicon("loaded"):
        rx = re.compile(_whole_words(row["pattern"]), re.I)
        # not_before is anchored at the end of the left context, not_after at the start of the right
        nb = re.compile("(?:" + row["not_before"] + r")\s*$", re.I) if row.get("not_before") else None
        na = re.compile("(?:" + row["not_after"] + ")", re.I) if row.get("not_after") else None
        rows.append((row, rx, nb, na))
    return tuple(rows)


@lru_cache(maxsize=None)
def _loaded_needs() -> tuple[Needs, ...]:
    return tuple(parse_needs(row.get("needs")) for row, *_ in _loaded_rules())


@lru_cache(maxsize=None)
def _loaded_index() -> TriggerIndex:
    """The loaded-language rows a text may match, in one scan of it (their ``needs``)."""
    return TriggerIndex(_loaded_needs())


@lru_cache(maxsize=None)
def _loaded_starts() -> tuple[Needs, ...]:
    """Per row, the strings one of which every match begins with (``starts`` column)."""
    return tuple(parse_needs(row.get("starts")) for row, *_ in _loaded_rules())


@lru_cache(maxsize=None)
def _loaded_finder() -> StartFinder:
    """Which of the loaded-language rows' starts a text holds, in one scan of its words (the
    rows have many starts each, most of them absent from a given article)."""
    return StartFinder(_loaded_starts())


share_vocabulary(_hedge_index, _hedge_finder, _loaded_index, _loaded_finder)


def find_loaded(text: str, quotes: Sequence[Span] = (), contents: Sequence[Span] = (),
                skip: Sequence[Span] = (), bare: bool = False) -> list[dict]:
    """Loaded-language spans from ``lexicons/loaded.csv`` (label = voice, value = category).

    ``bare=True`` ignores the context columns (not_before / not_after): the bare-list
    baseline the evaluation compares against.
    """
    out: list[dict] = []
    # Kept matches never overlap one another: kept as sorted starts and ends, a new match
    # overlaps one iff the last kept match starting before its end reaches past its start
    # (bisect, not a pass over all kept matches per match). Empty matches take the old path.
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    empty = False
    quotes, contents = _Covering(quotes), _Covering(contents)
    rules, starts, low = _loaded_rules(), _loaded_starts(), lowered(text)
    held = HeldStarts(_loaded_finder().present(low)) if low is not None else None
    for k in _loaded_index().rows(low):
        row, rx, nb, na = rules[k]
        for m in finditer_from(rx, text, low, starts[k] if held is None else held.of(starts[k])):
            s, e = m.span()
            if overlaps_any((s, e), skip):
                continue
            if not bare:
                if nb is not None and nb.search(text[max(0, s - 30):s]):
                    continue
                if na is not None and na.match(text, e):
                    continue
            if empty or s >= e:
                if any(overlaps((s, e), (o["start"], o["end"])) for o in out):
                    continue
            else:
                k = bisect_left(kept_starts, e)
                if k and kept_ends[k - 1] > s:
                    continue
            empty = empty or s >= e
            k = bisect_right(kept_starts, s)
            kept_starts.insert(k, s)
            kept_ends.insert(k, e)
            out.append({"layer": "loaded", "label": voice_of((s, e), quotes, contents), "start": s,
                        "end": e, "text": text[s:e], "value": row["category"], "rule": row["rule"]})
    return sorted(out, key=lambda d: d["start"])




def derived_needs(lexicon: str, row: dict) -> Needs:
    """Development time: the ``needs`` of a hedges.csv or loaded.csv row, read from its
    pattern as this module compiles it (written by ``tools/fill_needs.py``, checked by
    ``tests/test_prefilter.py``; never called at run time)."""
    if lexicon == "hedges":
        return derive_needs(row["pattern"], _hedge_flags(row))
    return derive_needs(_whole_words(row["pattern"]), re.I)


def derived_starts(lexicon: str, row: dict) -> Needs:
    """Development time: the ``starts`` of a hedges.csv or loaded.csv row (strings one of
    which every match begins with), read from its pattern as this module compiles it."""
    if lexicon == "hedges":
        return derive_starts(row["pattern"], _hedge_flags(row))
    return derive_starts(_whole_words(row["pattern"]), re.I)
