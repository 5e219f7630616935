"""When each statement was made, and the date it is about.

:func:`assign_event_times` dates a speech act from the time expressions
(:func:`analysis.timex.find_timexes`) in its frame or its sentence, else from the
statement it continues, else from the publication date; a date named inside what was
said goes to the ``about`` columns instead. Each decision is one function below
:func:`_date_statement`, in the order it applies.

Public API: :func:`assign_event_times`; :func:`records` (a frame as row dicts, as the
pipeline hands statements and spans on).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable, NamedTuple

from .schema import is_frame, is_missing
from .timex import as_date, timex_period

if TYPE_CHECKING:  # pandas is imported where a frame is given: the pipeline passes rows
    import pandas as pd


def assign_event_times(statements: pd.DataFrame | list[dict], timexes, text: str, dct,
                       spans=None) -> pd.DataFrame | list[dict]:
    """Date each statement twice: when it was said, and when what it says happened.

    `statements` is a frame (a new frame is returned) or a list of row dicts (new dicts
    are returned, the pipeline's fast path). Fills ``time_text``, ``event_start``,
    ``event_end`` (the speech act) and ``about_text``, ``about_start``, ``about_end`` (a date
    named inside the statement's content, e.g. the election in "an official said ... before
    the Dec. 12 election").
    `spans` are the article's span rows (``content`` and ``cue`` layers, value =
    statement_id); without them every date in the statement may date the speech act.

    Speech act, in order of evidence: a DATE/TIME timex in the statement's frame (source,
    cue, outside its content) or, for a clause, in the rest of its sentence
    ("time.in_sentence", or "time.anaphora" when that timex is an anaphor such as "at the
    time"); else the previous statement's time when this one continues it
    ("time.carried"); else the publication date with empty ``time_text`` ("time.dct").
    A speech act is never dated after publication unless its frame is future ("will
    announce on Friday": "+time.future"): a later date goes to the ``about`` columns
    ("time.after_publication") and a period running past publication ("this week") is cut
    at the publication date.

    >>> from analysis.timex import find_timexes
    >>> text = "Kirby said on Tuesday it was over."
    >>> rows = [{"statement_id": "s1", "start": 0, "end": len(text), "source": "Kirby", "rule": ""}]
    >>> row = assign_event_times(rows, find_timexes(text, "2022-11-08"), text, "2022-11-08")[0]
    >>> row["time_text"], row["event_start"], row["event_end"], row["rule"]
    ('Tuesday', '2022-11-08', '2022-11-08', 'time.in_sentence')
    """
    if isinstance(statements, list):
        rows = [dict(r) for r in statements]
        if not rows:
            return rows
        for k, values in _time_columns(rows, timexes, text, dct, spans).items():
            for r, v in zip(rows, values):
                r[k] = v
        return rows
    out = statements.copy()
    if out.empty:
        for col in _TIME_COLUMNS:
            if col not in out.columns:
                out[col] = ""
        return out
    for k, values in _time_columns(records(out), timexes, text, dct, spans).items():
        out[k] = values
    return out


_TIME_COLUMNS = ("time_text", "event_start", "event_end", "about_text", "about_start", "about_end", "rule")


class _Dated(NamedTuple):
    """A DATE or TIME timex that names a period of days."""
    start: int
    end: int
    text: str
    period: tuple[str, str]  # first and last day, ISO
    rule: str


@dataclass
class _Article:
    """What dating a statement looks at: the article's text and publication date, its dated
    timexes (in text order), each statement's content and cue spans, every statement's position."""
    text: str
    has_text: bool
    dct: date | None
    dct_iso: str
    dated: list[_Dated]
    starts: list[int] | None  # the start of each dated timex, ascending as `dated` is sorted (see _within)
    contents: dict[str, list[tuple[int, int]]]
    cues: dict[str, tuple[int, int]]
    positions: list[tuple[int, int]]
    covering: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)  # see _statements_at


def _time_columns(rows: list[dict], timexes, text: str, dct, spans) -> dict[str, list]:
    """The time columns of the statement `rows`, each statement dated in text order (a
    statement may carry the time of the one before it)."""
    art = _article(rows, timexes, text, dct, spans)
    results: list = [None] * len(rows)
    prev: dict | None = None
    prev_time: tuple[str, str, str] | None = None
    for i in sorted(range(len(rows)), key=art.positions.__getitem__):  # stable: ties keep their input order
        results[i] = _date_statement(art, i, rows[i], prev, prev_time)
        prev, prev_time = rows[i], results[i][0]
    old_rules = [_rule_text(r.get("rule")) for r in rows]
    return {
        "time_text": [t[0] for t, _, _ in results],
        "event_start": [t[1] for t, _, _ in results],
        "event_end": [t[2] for t, _, _ in results],
        "about_text": [a[0] for _, _, a in results],
        "about_start": [a[1] for _, _, a in results],
        "about_end": [a[2] for _, _, a in results],
        "rule": [f"{o}+{rule}" if o else rule for o, (_, rule, _) in zip(old_rules, results)],
    }


def _rule_text(rule) -> str:
    """A row's rule as text: a str as it is (the pipeline's rows: no missing-value test per
    row), a missing value (None, NaN, pandas' NA) empty."""
    if rule.__class__ is str:
        return rule
    return str(rule or "") if not is_missing(rule) else ""


def _article(rows: list[dict], timexes, text: str, dct, spans) -> _Article:
    d = as_date(dct)
    contents: dict[str, list[tuple[int, int]]] = {}
    cues: dict[str, tuple[int, int]] = {}
    for a, b, layer, sid in _span_list(spans, ("content", "cue")):
        if layer == "content":
            contents.setdefault(sid, []).append((a, b))
        else:
            cues.setdefault(sid, (a, b))
    dated = _dated_timexes(timexes, text, d)
    starts = [s.start for s in dated] if all(s.start <= s.end for s in dated) else None
    return _Article(text=text, has_text=isinstance(text, str), dct=d, dct_iso=d.isoformat() if d else "",
                    dated=dated, starts=starts, contents=contents, cues=cues,
                    positions=[_position(r) for r in rows])


def _position(row: dict) -> tuple[int, int]:
    try:
        return int(row.get("start")), int(row.get("end"))
    except (TypeError, ValueError):
        return -1, -1


def _dated_timexes(timexes, text: str, d: date | None) -> list[_Dated]:
    """The DATE and TIME timexes (rows or a frame) that name a period, read in `text`, sorted;
    "now" (PRESENT_REF) is the publication day."""
    dct_iso = d.isoformat() if d else ""
    tx_rows = _plain_timex_rows(timexes)
    if tx_rows is None:
        import pandas as pd

        tx = timexes if isinstance(timexes, pd.DataFrame) else pd.DataFrame(list(timexes or []))
        if not tx.empty and "layer" in tx.columns:
            tx = tx[tx["layer"] == "timex"]
        tx_rows = tx.to_dict("records") if not tx.empty else []
    dated = []
    for r in tx_rows:
        if str(r.get("label")) not in ("DATE", "TIME"):
            continue
        try:
            a, b = int(r["start"]), int(r["end"])
        except (KeyError, TypeError, ValueError):
            continue
        value = str(r.get("value"))
        rng = timex_period(value, text if isinstance(text, str) else "", a, b, d)
        if rng is None and value == "PRESENT_REF" and dct_iso:
            rng = (dct_iso, dct_iso)  # "now" dates the statement to its publication
        if rng:
            dated.append(_Dated(a, b, str(r.get("text") or ""), rng, str(r.get("rule") or "")))
    dated.sort()
    return dated


def _date_statement(art: _Article, i: int, row: dict, prev: dict | None,
                    prev_time: tuple[str, str, str] | None) -> tuple[tuple[str, str, str], str, tuple[str, str, str]]:
    """(time of the speech act, rule, date it is about) of statement `i`; times and dates are
    (text, first day, last day)."""
    sid = str(row.get("statement_id") or "")
    frame, about = _frame_and_about(art, i, sid)
    frame, relative_only = _outside_speaker_clause(art, sid, frame)
    future: list[bool] = []

    def ahead() -> bool:
        # is the speech act ahead (_future_frame)? read once, and only where it decides
        # something: a frame to hold against publication, a time after publication
        if not future:
            future.append(_future_frame(art, sid))
        return future[0]

    extra = ""
    if frame and art.dct is not None and not ahead():
        frame, about, extra = _after_publication(art.dct_iso, frame, about)
    if frame:
        s = _narrowest(frame)
        t = (s.text, s.period[0], s.period[1])
        rule = "time.anaphora" if s.rule.startswith("anaphora.") else "time.in_sentence"
    elif _carries(art, prev, prev_time, row, relative_only, ahead):
        t, rule = prev_time, "time.carried"
    else:
        t, rule = ("", art.dct_iso, art.dct_iso), "time.dct"
    if t[1] > art.dct_iso and ahead():
        extra += "+time.future"
    elif art.dct_iso and t[2] > art.dct_iso >= t[1]:
        t = (t[0], t[1], art.dct_iso)  # "said this week": up to the publication date
    ab = _narrowest(about) if about else None
    return t, rule + extra, (ab.text, ab.period[0], ab.period[1]) if ab else ("", "", "")


def _frame_and_about(art: _Article, i: int, sid: str) -> tuple[list[_Dated], list[_Dated]]:
    """The dates of statement `i` that date the speech act (its frame: source, cue, anything
    outside its content) and those its content is about. A clause-level statement with no
    date of its own looks in the rest of its sentence ("At the time, Kirby spoke of ...",
    "..., he said on Tuesday"), but not inside another statement."""
    st, en = art.positions[i]
    own = art.contents.get(sid, [])
    text = art.text

    def in_content(s: _Dated) -> bool:
        # a date belongs to the content only when a finite verb of the content governs it:
        # "said the vote would come before the Dec. 12 election" (content), but "denied
        # providing weapons to Russia in September" dates the denial (a non-finite complement)
        return any(a <= s.start and s.end <= b and _FINITE.search(text, a, s.start) for a, b in own)

    inside = _within(art, st, en) if st >= 0 else []
    about, frame = _split(inside, in_content)
    if not frame and st >= 0 and art.has_text:
        # the sentence around reaches at most 400 characters each way (_sentence_of), so the
        # dated timexes it adds are among those that near, outside this statement and not
        # starting in another: with none of those, the sentence is not looked for
        near = [s for s in _within(art, st - 400, en + 400) if not (s.start >= st and s.end <= en)
                and not any(p != (st, en) for p in _statements_at(art, s.start))]
        if near:
            ss, se = _sentence_of(text, st, en)
            more_about, frame = _split([s for s in near if s.start >= ss and s.end <= se], in_content)
            about += more_about
    return frame, about


def _statements_at(art: _Article, at: int) -> tuple[tuple[int, int], ...]:
    """The positions of the statements that offset `at` lies in (looked up once per offset:
    a function of the article's positions, which do not change)."""
    found = art.covering.get(at)
    if found is None:
        found = art.covering[at] = tuple(p for p in art.positions if p[0] <= at < p[1])
    return found


def _within(art: _Article, lo: int, hi: int) -> list[_Dated]:
    """The dated timexes lying in [lo, hi], in text order: as ``[s for s in art.dated if
    s.start >= lo and s.end <= hi]``, reading only those that start in [lo, hi] (found by
    bisection on the sorted starts): one starting after `hi` ends after it too (no `starts`
    when a row given ends before it starts: then all are read)."""
    starts, dated = art.starts, art.dated
    if starts is None:
        return [s for s in dated if s.start >= lo and s.end <= hi]
    out = []
    for k in range(bisect_left(starts, lo), bisect_left(starts, hi + 1)):
        if dated[k].end <= hi:
            out.append(dated[k])
    return out


def _split(dated: list[_Dated], test) -> tuple[list[_Dated], list[_Dated]]:
    """(those for which ``test`` holds, the others), each in order; ``test`` read once each."""
    yes: list[_Dated] = []
    no: list[_Dated] = []
    for s in dated:
        (yes if test(s) else no).append(s)
    return yes, no


_FINITE = re.compile(r"(?i)\b(?:is|are|was|were|am|been|has|have|had|will|would|shall|should|can|could|might|must"
                     r"|does|did|'s|'re|'ve|'ll|'d|said|says|[a-z]{3,}ed)\b")


# A sentence ends at a newline, or at . ! ? (not after an initial or "Mr", "Dr": "[A-Z]" or
# "[A-Z][a-z]") with an optional closing quote, space and a capital or opening quote next.
# Both patterns open on the end character so the regex engine skips straight to candidates.
_SENTENCE_END_BEFORE = re.compile(r"[.!?\n](?:(?<=\n)|(?<![A-Z][a-z][.!?])(?<![A-Z][.!?])[\"'”’]?\s+(?=[A-Z“\"‘']))")
_SENTENCE_END_AFTER = re.compile(r"[.!?\n](?:(?<=\n)|(?=[\"'”’]?\s+[A-Z“\"‘']|[\"'”’]?\s*$))")


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) around [start, end), looking at most 400 characters each way.

    >>> t = "He spoke. Mr. Kim said it was over. Then he left."
    >>> s, e = _sentence_of(t, 14, 20)
    >>> t[s:e]
    'Mr. Kim said it was over.'
    """
    lo = max(0, start - 400)
    last = None
    for last in _SENTENCE_END_BEFORE.finditer(text[lo:start]):
        pass  # the last sentence end before `start`
    s = lo + last.end() if last else lo
    m = _SENTENCE_END_AFTER.search(text[end:end + 400])
    e = end + (m.end() if m else min(400, len(text) - end))
    return s, e


def _outside_speaker_clause(art: _Article, sid: str, frame: list[_Dated]) -> tuple[list[_Dated], bool]:
    """The frame without the dates in a relative clause about the speaker, and whether that
    left none: "Tom Blake, who first reported the leak on Monday, said ..." dates the clause,
    not the speech act (nor does it pass to it from the clause's own statement)."""
    if sid not in art.cues or not art.has_text or not frame:
        return frame, False
    kept = [x for x in frame if not _in_relative_before(art.text, x.start, art.cues[sid][0])]
    return kept, not kept


_RELATIVE_OPEN = re.compile(r",\s+(?:who|which|whose)\b[^,;.]*$")


def _in_relative_before(text: str, at: int, cue_start: int) -> bool:
    """True when position ``at`` lies in a ", who ..." / ", which ..." clause that closes
    before the cue at ``cue_start``."""
    if at >= cue_start:
        return False
    lo = max(0, at - 120)
    if not _RELATIVE_OPEN.search(text, lo, at):
        return False
    return "," in text[at:cue_start]


def _future_frame(art: _Article, sid: str) -> bool:
    """Is the speech act itself ahead ("will announce", "is to say")?"""
    if sid not in art.cues or not art.has_text:
        return False
    ca, cb = art.cues[sid]
    return bool(_FUTURE_FRAME.search(art.text[max(0, ca - 40):cb]))


# a speech act is in the future only when its own frame says so ("will announce", "is to say")
_FUTURE_FRAME = re.compile(
    r"(?i)\b(?:will|shall|'ll|wo(?:n't| n't)|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|slated|going|to)"
    r"|plans?\s+to|planning\s+to|intends?\s+to)\b[^.;]{0,25}$")


def _after_publication(dct_iso: str, frame: list[_Dated], about: list[_Dated]) -> tuple[list[_Dated], list[_Dated], str]:
    """A date after publication is not when a (past) statement was said: it is what the
    statement is about. Returns the frame without such dates, the about dates, the rule suffix."""
    late = [s for s in frame if s.period[0] > dct_iso]
    if not late:
        return frame, about, ""
    frame = [s for s in frame if s.period[0] <= dct_iso]
    return frame, about or late, "" if frame else "+time.after_publication"


def _carries(art: _Article, prev: dict | None, prev_time: tuple[str, str, str] | None, row: dict,
             relative_only: bool, ahead: Callable[[], bool]) -> bool:
    """Does the statement take the previous statement's time? When it continues it (same
    speaker, or a pronoun as source), that time came from a date, the statement's own date was
    not only in a relative clause about the speaker, and no date after publication passes to
    a past saying (`ahead`: is the saying itself ahead? asked last, only when that decides)."""
    return (prev is not None and prev_time is not None and bool(prev_time[0]) and _continues(prev, row)
            and not relative_only and (not art.dct_iso or prev_time[1] <= art.dct_iso or ahead()))


# a bare pronoun (or "the statement") as source continues whoever spoke before
_PRONOUN_SOURCES = {"he", "she", "it", "they", "we", "i", "the statement"}
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


def _norm_source(s) -> str:
    s = s.strip().lower() if isinstance(s, str) else ""
    return _LEADING_ARTICLE.sub("", s)


_PRONOUN_NORMS = frozenset(_norm_source(p) for p in _PRONOUN_SOURCES)  # as _continues compares them


def _continues(prev: dict, cur: dict) -> bool:
    """Does `cur` continue the statement `prev` (same speaker, or a pronoun as source)?"""
    if str(prev.get("doc_id") or "") != str(cur.get("doc_id") or ""):
        return False
    ps, cs = _norm_source(prev.get("source")), _norm_source(cur.get("source"))
    pa, ca = _norm_source(prev.get("actor")), _norm_source(cur.get("actor"))
    if cs and ps and cs == ps:
        return True
    if pa and ca and pa == ca and pa != "unknown":
        return True
    return cs in _PRONOUN_NORMS


def _narrowest(dated: list[_Dated]) -> _Dated:
    """The date with the fewest days (ties: the first)."""
    return min(dated, key=lambda s: (_days(s.period), s.start))


def _days(rng: tuple[str, str]) -> int:
    return (date.fromisoformat(rng[1]) - date.fromisoformat(rng[0])).days


def _span_list(spans, layers: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    """(start, end, layer, value) of the rows of `spans` (frame or dicts) in `layers`."""
    if spans is None:
        return []
    rows = spans.to_dict("records") if is_frame(spans) else list(spans)
    out = []
    for r in rows:
        try:
            if r.get("layer") in layers:
                out.append((int(r["start"]), int(r["end"]), str(r["layer"]), str(r.get("value") or "")))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


_TIMEX_KEYS = ("layer", "label", "start", "end", "text", "value", "rule")


def _plain_timex_rows(timexes) -> list[dict] | None:
    """The timex rows of a list of span dicts as ``pd.DataFrame(rows)`` filtered to the timex
    layer would give them back, or None when the input is not such a plain list (then the
    frame is built): every row a dict with str layer/label/text/value/rule and int start/end."""
    if is_frame(timexes) or not isinstance(timexes, (list, tuple)):
        return None
    rows = list(timexes)
    if not rows:
        return []  # what the empty frame gives, without building it
    keys = set(rows[0]) if isinstance(rows[0], dict) else None
    if keys is None or not keys.issuperset(_TIMEX_KEYS):
        return None
    for r in rows:
        if not isinstance(r, dict) or set(r) != keys:
            return None
        for k in keys:
            v = r[k]
            if k in ("start", "end"):
                if v.__class__ is not int:
                    return None
            elif v.__class__ is not str:
                return None
    return [r for r in rows if r["layer"] == "timex"]


_PLAIN_DTYPES = ("int64", "float64", "bool", "str")


def records(df: pd.DataFrame) -> list[dict]:
    """``df.to_dict("records")``, column by column when every column has a plain dtype (faster,
    same values)."""
    cols = list(df.columns)
    if len(set(cols)) != len(cols) or not all(str(t) in _PLAIN_DTYPES for t in df.dtypes):
        return df.to_dict("records")
    values = [df[c].tolist() for c in cols]
    return [dict(zip(cols, row)) for row in zip(*values)]
