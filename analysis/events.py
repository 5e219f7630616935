"""When each statement was made, and the date it is about.

:func:`assign_event_times` dates a speech act from the time expressions
(:func:`analysis.timex.find_timexes`) in its frame or its sentence, else from the
statement it continues, else from the publication date; a date named inside what was
said goes to the ``about`` columns instead.
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

from .timex import as_date, timex_period

# a bare pronoun (or "the statement") as source continues whoever spoke before
_PRONOUN_SOURCES = {"he", "she", "it", "they", "we", "i", "the statement"}


def _norm_source(s) -> str:
    s = s.strip().lower() if isinstance(s, str) else ""
    return re.sub(r"^(the|a|an)\s+", "", s)


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
    return _norm_source(cur.get("source")) in {_norm_source(p) for p in _PRONOUN_SOURCES}


# a speech act is in the future only when its own frame says so ("will announce", "is to say")
_FUTURE_FRAME = re.compile(
    r"(?i)\b(?:will|shall|'ll|wo(?:n't| n't)|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|slated|going|to)"
    r"|plans?\s+to|planning\s+to|intends?\s+to)\b[^.;]{0,25}$")


_FINITE = re.compile(r"(?i)\b(?:is|are|was|were|am|been|has|have|had|will|would|shall|should|can|could|might|must"
                     r"|does|did|'s|'re|'ve|'ll|'d|said|says|[a-z]{3,}ed)\b")


def _span_list(spans, layers: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    """(start, end, layer, value) of the rows of `spans` (frame or dicts) in `layers`."""
    if spans is None:
        return []
    rows = spans.to_dict("records") if isinstance(spans, pd.DataFrame) else list(spans)
    out = []
    for r in rows:
        try:
            if r.get("layer") in layers:
                out.append((int(r["start"]), int(r["end"]), str(r["layer"]), str(r.get("value") or "")))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def assign_event_times(statements: pd.DataFrame, timexes: pd.DataFrame, text: str, dct,
                       spans=None) -> pd.DataFrame:
    """Date each statement twice: when it was said, and when what it says happened.

    `statements` is a frame (a new frame is returned) or a list of row dicts (new dicts
    are returned, the pipeline's fast path). Fills ``time_text``, ``event_start``, ``event_end`` (the speech act) and ``about_text``,
    ``about_start``, ``about_end`` (a date named inside the statement's content, e.g. the
    election in "an official said ... before the Dec. 12 election"); returns a new frame.
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
    """
    as_rows = isinstance(statements, list)
    if as_rows:
        rows = [dict(r) for r in statements]
        if not rows:
            return rows
    else:
        out = statements.copy()
        if out.empty:
            for col in _TIME_COLUMNS:
                if col not in out.columns:
                    out[col] = ""
            return out
        rows = records(out)
    d = as_date(dct)
    dct_iso = d.isoformat() if d else ""
    tx_rows = _plain_timex_rows(timexes)
    if tx_rows is None:
        tx = timexes if isinstance(timexes, pd.DataFrame) else pd.DataFrame(list(timexes or []))
        if not tx.empty and "layer" in tx.columns:
            tx = tx[tx["layer"] == "timex"]
        tx_rows = tx.to_dict("records") if not tx.empty else []
    dated = []
    if tx_rows:
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
                dated.append((a, b, str(r.get("text") or ""), rng, str(r.get("rule") or "")))
    dated.sort()
    contents: dict[str, list[tuple[int, int]]] = {}
    cues: dict[str, tuple[int, int]] = {}
    for a, b, layer, sid in _span_list(spans, ("content", "cue")):
        if layer == "content":
            contents.setdefault(sid, []).append((a, b))
        else:
            cues.setdefault(sid, (a, b))

    def pos_of(i: int) -> tuple[int, int]:
        try:
            return int(rows[i].get("start")), int(rows[i].get("end"))
        except (TypeError, ValueError):
            return -1, -1
    positions = [pos_of(i) for i in range(len(rows))]
    pos = positions.__getitem__
    order = sorted(range(len(rows)), key=pos)  # stable: ties keep their input order
    prev: dict | None = None
    prev_time: tuple[str, str, str] | None = None
    results: list = [None] * len(rows)
    narrowest = lambda c: min(c, key=lambda s: (_days(s[3]), s[0]))  # noqa: E731 - ties: the first
    for i in order:
        row = rows[i]
        st, en = pos(i)
        sid = str(row.get("statement_id") or "")
        own = contents.get(sid, [])
        # a date belongs to the content only when a finite verb of the content governs it:
        # "said the vote would come before the Dec. 12 election" (content), but "denied
        # providing weapons to Russia in September" dates the denial (a non-finite complement)
        in_content = lambda s: any(a <= s[0] and s[1] <= b and _FINITE.search(text, a, s[0])  # noqa: E731
                                   for a, b in own)
        inside = [s for s in dated if s[0] >= st and s[1] <= en] if st >= 0 else []
        about = [s for s in inside if in_content(s)]
        frame = [s for s in inside if not in_content(s)]
        if not frame and st >= 0 and isinstance(text, str):
            # a clause-level statement: look in the rest of its sentence ("At the time, Kirby
            # spoke of ...", "..., he said on Tuesday"), but not inside another statement
            ss, se = _sentence_of(text, st, en)
            others = [positions[j] for j in range(len(rows)) if j != i]
            around = [s for s in dated if s[0] >= ss and s[1] <= se and not (s[0] >= st and s[1] <= en)
                      and not any(a <= s[0] < b for a, b in others if (a, b) != (st, en))]
            frame = [s for s in around if not in_content(s)]
            about += [s for s in around if in_content(s)]
        relative_only = False
        if sid in cues and isinstance(text, str) and frame:
            # "Tom Blake, who first reported the leak on Monday, said ...": a date inside a
            # relative clause about the speaker dates that clause, not the speech act (nor
            # does it pass to it from the clause's own statement)
            kept = [x for x in frame if not _in_relative_before(text, x[0], cues[sid][0])]
            relative_only = not kept
            frame = kept
        future = False
        if sid in cues and isinstance(text, str):
            ca, cb = cues[sid]
            future = bool(_FUTURE_FRAME.search(text[max(0, ca - 40):cb]))
        extra = ""
        t = None
        if frame and d is not None and not future:
            # a later date is not when it was said: it is what the statement is about
            late = [s for s in frame if s[3][0] > dct_iso]
            if late:
                frame = [s for s in frame if s[3][0] <= dct_iso]
                about = about or late
                extra = "" if frame else "+time.after_publication"
        if frame:
            s = narrowest(frame)
            rule = "time.anaphora" if s[4].startswith("anaphora.") else "time.in_sentence"
            t = (s[2], s[3][0], s[3][1])
        if t is None:
            if prev is not None and prev_time is not None and prev_time[0] and _continues(prev, row) \
                    and not relative_only and (future or not dct_iso or prev_time[1] <= dct_iso):
                t, rule = prev_time, "time.carried"
            else:
                t, rule = ("", dct_iso, dct_iso), "time.dct"
        if future and t[1] > dct_iso:
            extra += "+time.future"
        elif dct_iso and t[2] > dct_iso >= t[1]:
            t = (t[0], t[1], dct_iso)  # "said this week": up to the publication date
        ab = narrowest(about) if about else None
        results[i] = (t, rule + extra, (ab[2], ab[3][0], ab[3][1]) if ab else ("", "", ""))
        prev, prev_time = row, t
    old_rules = [str(r.get("rule") or "") if not pd.isna(r.get("rule")) else "" for r in rows]
    new = {
        "time_text": [t[0] for t, _, _ in results],
        "event_start": [t[1] for t, _, _ in results],
        "event_end": [t[2] for t, _, _ in results],
        "about_text": [a[0] for _, _, a in results],
        "about_start": [a[1] for _, _, a in results],
        "about_end": [a[2] for _, _, a in results],
        "rule": [f"{o}+{rule}" if o else rule for o, (_, rule, _) in zip(old_rules, results)],
    }
    if as_rows:
        for k, values in new.items():
            for r, v in zip(rows, values):
                r[k] = v
        return rows
    for k, values in new.items():
        out[k] = values
    return out


_TIME_COLUMNS = ("time_text", "event_start", "event_end", "about_text", "about_start", "about_end", "rule")


_TIMEX_KEYS = ("layer", "label", "start", "end", "text", "value", "rule")


def _plain_timex_rows(timexes) -> list[dict] | None:
    """The timex rows of a list of span dicts as ``pd.DataFrame(rows)`` filtered to the timex
    layer would give them back, or None when the input is not such a plain list (then the
    frame is built): every row a dict with str layer/label/text/value/rule and int start/end."""
    if isinstance(timexes, pd.DataFrame) or not isinstance(timexes, (list, tuple)):
        return None
    rows = list(timexes)
    if not rows:
        return None
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


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) around [start, end): previous/next '. ', '? ', '! ' or newline."""
    lo = max(0, start - 400)
    head = text[lo:start]
    cuts = [m.end() for m in re.finditer(r"(?<![A-Z][a-z])(?<![A-Z])[.!?][\"'”’]?\s+(?=[A-Z“\"‘'])|\n", head)]
    s = lo + cuts[-1] if cuts else lo
    m = re.search(r"[.!?](?=[\"'”’]?\s+[A-Z“\"‘']|[\"'”’]?\s*$)|\n", text[end:end + 400])
    e = end + (m.end() if m else min(400, len(text) - end))
    return s, e


def _days(rng: tuple[str, str]) -> int:
    return (date.fromisoformat(rng[1]) - date.fromisoformat(rng[0])).days
