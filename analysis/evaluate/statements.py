"""Score the statement engine (who denies / accuses whom, and when) against real-news gold.

Layout of the gold folder (``../shared/dev/realnews``, see its README): ``gold.csv`` (one
row per gold statement: ``doc_id, sent_start, sent_end, sentence, stance, strength, actor,
actor_alt, target, target_alt``), ``gold_time.csv`` (``doc_id, expression, start, end,
gold_start, gold_end``; optional), ``articles/<doc_id>.md`` and ``index.csv`` (``doc_id,
kind, published``; ``kind`` is ``stance`` or ``control``). Without ``index.csv`` every
article in ``articles/`` is scored, an article without gold items counts as a control, and
publication dates come from the front matter. Offsets count characters of
the body after the front matter, which is exactly the ``text`` the kit's loader returns;
:func:`load_articles` checks every gold sentence and time expression against it (and, if a
text differed, would move the offsets to where the sentence is and count that under
``alignment.remapped``) and every article's length against ``index.csv``'s ``chars``
(``alignment.length_mismatches`` lists the articles that differ).

:func:`evaluate` loads the articles with :mod:`analysis.load`, runs the kit's pipeline
(:func:`analysis.pipeline.annotate_articles`: annotation and statement dating, as the
``statements`` and ``report`` commands do) and scores the result with :func:`score`, which
takes the statements and spans tables and the gold, so a notebook can re-score without
re-running anything.

Matching rules
--------------

* **Sentence level, per stance S** (``denial``, ``accusation``). A kit statement of stance
  S (its ``start``/``end``) is a true positive when it shares at least one character with a
  gold sentence holding an S item; a gold S sentence is recalled when any kit S statement
  overlaps it. Precision counts statements (``tp``, ``fp``), recall counts sentences
  (``fn`` = gold sentences missed, ``gold_sentences``). Statements of stance ``other`` are
  not scored.
* **Modes.** ``clear``: only clear items are gold; a kit S statement that overlaps no clear
  S sentence but a sentence holding only *weak* S items is neither a true nor a false
  positive (``ignored``), and weak-only sentences are not in recall. ``all``: weak items
  count as gold. A statement that overlaps no S sentence at all is a false positive in
  both modes.
* **Same stance.** Items of the other stance never make a statement right: a denial on an
  accusation-only sentence is a false positive for denial (and the sentence a miss for
  accusation).
* **Actor and target** are scored on matched pairs: a kit statement and a gold item of the
  same stance whose sentence the statement overlaps, paired one-to-one. Pairs are chosen
  greedily: most fields right with alternatives first, then most fields right strictly,
  then the longest overlap (then text order), each statement and item used once. In
  ``clear`` mode only clear items are paired; ``all_items`` pairs every item.
  A value is right ``with_alternatives`` when it equals the gold primary or any
  ``;``-separated alternative, ``strict`` when it equals the primary. Comparison after
  normalising both sides: ``U.S.``/``US``/``USA`` -> ``United States``, ``EC`` and
  ``European Commission`` -> ``European Community`` (whole words, case-sensitive for the
  abbreviations), case-folded, a leading ``the`` dropped, surrounding punctuation and
  repeated spaces removed. An empty gold target is matched by an empty kit target.
  ``target`` is scored where the gold names a target (non-empty primary) and, under
  ``overall``, on every pair.
* **unknown_rate**: among pairs whose gold actor is not ``unknown``, the share whose kit
  actor is ``unknown`` (or empty).
* **Controls**: every kit denial or accusation in a ``control`` article that overlaps no
  gold sentence of its stance (the controls hold only a few weak items) is counted in
  ``controls.stance_statements``; these are false positives in the scores above as well.
* **Time**: for each ``gold_time.csv`` expression, the kit's ``timex`` span overlapping it
  (one with a day range first, then the longest overlap) is turned into days with
  :func:`analysis.timex.timex_range` and compared with ``[gold_start, gold_end]``:
  ``exact`` (same first and last day) and ``jaccard_0.5`` (shared days / days in either
  >= 0.5). ``found`` counts expressions the kit marked at all.
  ``dated_after_publication`` counts statements (any stance) of the dated articles whose
  ``event_start`` is after the article's ``published`` date.

Errors CSV: one row per error (:data:`ERROR_COLUMNS`). ``kind`` is ``fp``, ``fn``,
``actor``, ``target``, ``time`` or ``control`` (a false positive in a control article,
listed once, as ``control``). ``mode`` is the strictest mode the error counts in: a false
positive counts in both (``clear``); a missed sentence with a clear item is ``clear``, a
missed weak-only sentence ``all``; actor/target errors come from the ``clear`` pairing,
plus ``all`` for pairs with weak items. A missed sentence with several items is one row,
the items' values joined by `` | ``.

Bad gold (missing files or columns, unknown stance or strength, offsets that are not
integers, a sentence that cannot be found in its article) raises
:class:`analysis.errors.InputError`.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

import pandas as pd

from analysis.errors import InputError

STANCES = ("denial", "accusation")
MODES = ("clear", "all")
ERROR_COLUMNS = ["doc_id", "kind", "stance", "mode", "sent_start", "sent_end", "sentence", "gold_actor",
                 "gold_actor_alt", "sys_actor", "gold_target", "gold_target_alt", "sys_target", "sys_rule",
                 "sys_statement_id", "sys_cue", "note"]
_GOLD_COLUMNS = ("doc_id", "sent_start", "sent_end", "sentence", "stance", "strength", "actor", "actor_alt",
                 "target", "target_alt")
_INDEX_COLUMNS = ("doc_id", "kind", "published")
_TIME_COLUMNS = ("doc_id", "expression", "start", "end", "gold_start", "gold_end")
_UNKNOWN = {"", "unknown"}


@dataclass
class Gold:
    """The gold folder, read and checked (offsets as ints)."""

    folder: Path
    index: dict[str, dict]                      # doc_id -> index.csv row
    items: list[dict]                           # gold.csv rows
    time: list[dict] = field(default_factory=list)  # gold_time.csv rows
    remapped: int = 0                           # offsets moved to match the loaded text
    length_mismatches: list = field(default_factory=list)  # doc_ids whose loaded text is not index.csv's `chars` long


# ---------------------------------------------------------------------------- reading the gold

def _read_csv(path: Path, required: tuple[str, ...]) -> list[dict]:
    from analysis.evaluate import read_gold_csv

    return read_gold_csv(path, required, "the real-news gold layout: index.csv, gold.csv, gold_time.csv, articles/")


def _ints(path: Path, n: int, row: dict, *keys: str) -> None:
    for k in keys:
        try:
            row[k] = int(row[k])
        except ValueError:
            raise InputError(path, f"line {n}: {k} {row[k]!r} is not an integer") from None


def read_gold(folder: Path | str) -> Gold:
    """Read ``index.csv``, ``gold.csv`` and (if present) ``gold_time.csv`` of a gold folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "not a folder (expected gold.csv, gold_time.csv, articles/ and index.csv)")
    gold_path = folder / "gold.csv"
    items = _read_csv(gold_path, _GOLD_COLUMNS)
    index: dict[str, dict] = {}
    if (folder / "index.csv").exists():
        index = {r["doc_id"]: r for r in _read_csv(folder / "index.csv", _INDEX_COLUMNS)}
        if not index:
            raise InputError(folder / "index.csv", "no articles listed")
    for n, row in enumerate(items, start=2):
        _ints(gold_path, n, row, "sent_start", "sent_end")
        if index and row["doc_id"] not in index:
            raise InputError(gold_path, f"line {n}: doc_id {row['doc_id']!r} is not in index.csv")
        if row["stance"] not in STANCES:
            raise InputError(gold_path, f"line {n}: stance {row['stance']!r} is not denial or accusation")
        if row["strength"] not in ("clear", "weak"):
            raise InputError(gold_path, f"line {n}: strength {row['strength']!r} is not clear or weak")
    time_path = folder / "gold_time.csv"
    times = _read_csv(time_path, _TIME_COLUMNS) if time_path.exists() else []
    for n, row in enumerate(times, start=2):
        _ints(time_path, n, row, "start", "end")
        if index and row["doc_id"] not in index:
            raise InputError(time_path, f"line {n}: doc_id {row['doc_id']!r} is not in index.csv")
        for k in ("gold_start", "gold_end"):
            try:
                date.fromisoformat(row[k])
            except ValueError:
                raise InputError(time_path, f"line {n}: {k} {row[k]!r} is not YYYY-MM-DD") from None
    return Gold(folder, index, items, times)


def _align(gold: Gold, texts: dict[str, str], folder: Path) -> None:
    """Check every gold offset against the loaded text; move it to the sentence's place if the text differs."""
    for path, rows, (s_key, e_key, surface) in (
            (folder / "gold.csv", gold.items, ("sent_start", "sent_end", "sentence")),
            (folder / "gold_time.csv", gold.time, ("start", "end", "expression"))):
        for n, row in enumerate(rows, start=2):
            text = texts.get(row["doc_id"])
            if text is None:
                raise InputError(folder / "articles", f"no article {row['doc_id']}.md (listed in {path.name})")
            s, e, want = row[s_key], row[e_key], row[surface]
            if text[s:e] == want:
                continue
            hits = [m.start() for m in re.finditer(re.escape(want), text)] if want else []
            if not hits:
                raise InputError(path, f"line {n}: {want[:40]!r} is not in the loaded text of {row['doc_id']}")
            new = min(hits, key=lambda h: abs(h - s))
            row[s_key], row[e_key] = new, new + len(want)
            gold.remapped += 1


def fill_index(gold: Gold, published: dict[str, str]) -> None:
    """Without index.csv: every article is listed; one without gold items is a control."""
    with_items = {g["doc_id"] for g in gold.items}
    for doc_id in sorted(set(published) | with_items | {t["doc_id"] for t in gold.time}):
        gold.index[doc_id] = {"doc_id": doc_id, "kind": "stance" if doc_id in with_items else "control",
                              "published": published.get(doc_id, "")}


def load_articles(gold: Gold) -> pd.DataFrame:
    """The gold's articles through the kit's own loader, offsets checked (see :func:`_align`)."""
    from analysis import load

    art_dir = gold.folder / "articles"
    if not art_dir.is_dir():
        raise InputError(art_dir, "no articles/ folder")
    result = load.load_inputs([art_dir])
    if not gold.index:
        fill_index(gold, dict(zip(result.articles["doc_id"], result.articles["published"])))
    articles = result.articles[result.articles["doc_id"].isin(list(gold.index))].reset_index(drop=True)
    for doc_id, published, text in zip(articles["doc_id"], articles["published"], articles["text"]):
        row = gold.index[doc_id]
        if not row.get("published"):
            row["published"] = published
        if str(row.get("chars") or "").isdigit() and int(row["chars"]) != len(text):
            gold.length_mismatches.append(doc_id)
    missing = sorted(set(gold.index) - set(articles["doc_id"]))
    if missing:
        why = dict(zip(result.rejects["source_path"], result.rejects["reason"]))
        first = next((f"{p}: {r}" for p, r in why.items() if missing[0] in p), "not found")
        raise InputError(art_dir, f"{len(missing)} article(s) of index.csv not loaded, e.g. {missing[0]} ({first})")
    _align(gold, dict(zip(articles["doc_id"], articles["text"])), gold.folder)
    return articles


# ---------------------------------------------------------------------------- normalising names

_US = re.compile(r"(?<![\w.])(?:U\.S\.(?:A\.)?|USA|US)(?![\w])")
_EC = re.compile(r"(?<![\w.])EC(?![\w])")
_COMMISSION = re.compile(r"(?i)\bEuropean Commission\b")


def normalise(name) -> str:
    """A name as compared: US/U.S. and EC/European Commission expanded, case-folded, no leading 'the'."""
    s = str(name or "")
    s = _US.sub("United States", s)
    s = _EC.sub("European Community", s)
    s = _COMMISSION.sub("European Community", s)
    s = " ".join(s.split()).casefold()
    s = s.strip(" .,;:'\"“”‘’()[]")
    s = re.sub(r"^the\s+", "", s)
    return s


def accepts(system, primary, alternatives="") -> tuple[bool, bool]:
    """(strict, with_alternatives): does the kit's value equal the primary / the primary or an alternative?"""
    sys_n = normalise(system)
    strict = sys_n == normalise(primary)
    alts = {normalise(a) for a in str(alternatives or "").split(";") if a.strip()}
    return strict, strict or sys_n in alts


# ---------------------------------------------------------------------------- scoring

def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Characters ``[a0, a1)`` and ``[b0, b1)`` share (0 when an empty span meets nothing)."""
    return max(0, min(a1, b1) - max(a0, b0))


def _meets_any(span: tuple[int, int], others) -> bool:
    """Does `span` share a character with one of `others`? Not :func:`analysis.spans.overlaps_any`:
    that counts an empty span inside another as overlapping, which a score must not."""
    return any(_overlap(*span, *o) for o in others)


def _prf(tp: int, fp: int, fn: int, gold: int, ignored: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = (gold - fn) / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn,
            "gold_sentences": gold, "ignored": ignored}


def _share(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def _err(kind: str, doc_id: str, stance: str = "", mode: str = "", **kw) -> dict:
    row = {c: "" for c in ERROR_COLUMNS}
    row.update(doc_id=doc_id, kind=kind, stance=stance, mode=mode, **kw)
    return row


def _sys_fields(st: dict) -> dict:
    return {"sys_actor": st["actor"], "sys_target": st["target"], "sys_rule": st["rule"],
            "sys_statement_id": st["statement_id"], "sys_cue": st["cue"]}


def _gold_fields(items: list[dict]) -> dict:
    return {k: " | ".join(str(g[k]) for g in items) for k in ("actor", "actor_alt", "target", "target_alt")}


def _pairs(stmts: list[dict], items: list[dict]) -> list[tuple[dict, dict, tuple]]:
    """One-to-one pairs of statements and gold items of one stance in one article (greedy, see module doc)."""
    cands = []
    for i, st in enumerate(stmts):
        for j, g in enumerate(items):
            ov = _overlap(st["start"], st["end"], g["sent_start"], g["sent_end"])
            if not ov:
                continue
            a = accepts(st["actor"], g["actor"], g["actor_alt"])
            t = accepts(st["target"], g["target"], g["target_alt"])
            cands.append(((-(a[1] + t[1]), -(a[0] + t[0]), -ov, i, j), i, j, a, t))
    cands.sort(key=lambda c: c[0])
    used_s, used_g, out = set(), set(), []
    for _, i, j, a, t in cands:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        out.append((stmts[i], items[j], (a, t)))
    return out


def _field_scores(pairs: list[tuple[dict, dict, tuple]]) -> tuple[dict, dict, dict]:
    n = len(pairs)
    actor = {"strict": _share(sum(a[0] for _, _, (a, _) in pairs), n),
             "with_alternatives": _share(sum(a[1] for _, _, (a, _) in pairs), n), "n": n}
    named = [(g, t) for _, g, (_, t) in pairs if normalise(g["target"])]
    target = {"strict": _share(sum(t[0] for _, t in named), len(named)),
              "with_alternatives": _share(sum(t[1] for _, t in named), len(named)), "n": len(named),
              "overall": {"strict": _share(sum(t[0] for _, _, (_, t) in pairs), n),
                          "with_alternatives": _share(sum(t[1] for _, _, (_, t) in pairs), n), "n": n}}
    gold_named = [st for st, g, _ in pairs if normalise(g["actor"]) not in _UNKNOWN]
    unknown = sum(normalise(st["actor"]) in _UNKNOWN for st in gold_named)
    return actor, target, {"rate": _share(unknown, len(gold_named)), "unknown": unknown, "n": len(gold_named)}


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days + 1


def _jaccard(sys_rng: tuple[str, str], gold_rng: tuple[str, str]) -> float:
    lo, hi = max(sys_rng[0], gold_rng[0]), min(sys_rng[1], gold_rng[1])
    inter = _days(lo, hi) if lo <= hi else 0
    union = _days(*sys_rng) + _days(*gold_rng) - inter
    return inter / union if union > 0 else 0.0


def _records(df: pd.DataFrame, columns: tuple[str, ...]) -> list[dict]:
    cols = [c for c in columns if c in df.columns]
    rows = df[cols].to_dict("records") if len(df) else []
    for r in rows:
        for c in columns:
            r[c] = "" if c not in r or r[c] is None or (isinstance(r[c], float) and r[c] != r[c]) else r[c]
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    return rows


def _timex_days(t: dict, gold: Gold, texts: dict[str, str] | None) -> tuple[str, str] | None:
    """The timex's day range; read in its article when the text is known ("since April",
    "earlier this month", "early November": :func:`analysis.timex.timex_period`)."""
    from analysis.timex import timex_period, timex_range

    text = (texts or {}).get(t["doc_id"])
    if not text:
        return timex_range(str(t["value"]))
    published = str(gold.index.get(t["doc_id"], {}).get("published") or "") or None
    return timex_period(str(t["value"]), text, int(t["start"]), int(t["end"]), published)


def _timexes_by_doc(spans: pd.DataFrame) -> dict[str, list[dict]]:
    """The kit's ``timex`` spans, per article."""
    timex = spans[spans["layer"] == "timex"] if len(spans) else spans
    by_doc: dict[str, list[dict]] = {}
    for r in _records(timex, ("doc_id", "start", "end", "text", "value")):
        by_doc.setdefault(r["doc_id"], []).append(r)
    return by_doc


def _matching_timex(g: dict, doc_timexes: list[dict]) -> dict | None:
    """The kit's timex for a gold expression: one overlapping it, with a day range first, then
    the longest overlap, then the earliest."""
    from analysis.timex import timex_range

    cands = [(timex_range(str(t["value"])) is not None, _overlap(t["start"], t["end"], g["start"], g["end"]), t)
             for t in doc_timexes]
    cands = [c for c in cands if c[1] > 0]
    return max(cands, key=lambda c: (c[0], c[1], -c[2]["start"]))[2] if cands else None


def _score_expressions(gold: Gold, spans: pd.DataFrame, errors: list[dict],
                       texts: dict[str, str] | None) -> tuple[int, int, int]:
    """(found, exact, jaccard >= 0.5) over the gold time expressions; a miss or a wrong range is an error row."""
    by_doc = _timexes_by_doc(spans)
    found = exact = jac = 0
    for g in gold.time:
        gold_rng = (g["gold_start"], g["gold_end"])
        where = {"sent_start": g.get("sent_start", ""), "sent_end": g.get("sent_end", ""),
                 "sentence": g.get("sentence", "")}
        tx = _matching_timex(g, by_doc.get(g["doc_id"], []))
        if tx is None:
            errors.append(_err("time", g["doc_id"], **where, note=f"{g['expression']!r} at {g['start']}-{g['end']}: "
                                                                    f"no timex; gold {gold_rng[0]}..{gold_rng[1]}"))
            continue
        found += 1
        rng = _timex_days(tx, gold, texts)
        j = _jaccard(rng, gold_rng) if rng else 0.0
        exact += rng == gold_rng
        jac += j >= 0.5
        if rng != gold_rng:
            shown = f"{rng[0]}..{rng[1]}" if rng else "no day range"
            errors.append(_err("time", g["doc_id"], **where,
                               note=f"{g['expression']!r} at {g['start']}-{g['end']}: timex {tx['text']!r} "
                                    f"value {tx['value']} -> {shown}; gold {gold_rng[0]}..{gold_rng[1]}; "
                                    f"jaccard {j:.2f}"))
    return found, exact, jac


def _dated_after_publication(gold: Gold, statements: list[dict], errors: list[dict]) -> tuple[int, int, int]:
    """(statements in dated articles, those dated after publication, those of them in the future
    tense); a statement dated after publication and not future is an error row."""
    dated = after = future = 0
    for st in statements:
        published = str(gold.index.get(st["doc_id"], {}).get("published") or "")
        if not published:
            continue
        dated += 1
        if st["event_start"] and str(st["event_start"]) > published:
            after += 1
            if "time.future" in str(st.get("rule") or ""):
                future += 1  # the text says it will happen ("will testify on Nov. 15"): not an error
                continue
            errors.append(_err("time", st["doc_id"], st["stance"], sent_start=st["start"], sent_end=st["end"],
                               sentence=st["text"], **_sys_fields(st),
                               note=f"speech act dated {st['event_start']}..{st['event_end']} "
                                    f"({st['time_text']!r}), after publication {published}"))
    return dated, after, future


def _score_time(gold: Gold, spans: pd.DataFrame, statements: list[dict], errors: list[dict],
                texts: dict[str, str] | None = None) -> dict:
    """The ``time`` scores (module doc, *Time*): gold expressions, then statements dated after publication."""
    found, exact, jac = _score_expressions(gold, spans, errors, texts)
    dated, after, future = _dated_after_publication(gold, statements, errors)
    n = len(gold.time)
    return {"items": n, "found": found, "exact": exact, "jaccard_0.5": jac,
            "exact_share": _share(exact, n), "jaccard_0.5_share": _share(jac, n),
            "dated_after_publication": after, "dated_after_publication_future": future,
            "dated_after_publication_not_future": after - future, "statements_in_dated_articles": dated}


_ST_COLUMNS = ("doc_id", "statement_id", "start", "end", "text", "cue", "actor", "target", "stance", "rule",
               "time_text", "event_start", "event_end")


def _by_doc_and_stance(rows: Iterable[dict]) -> dict[tuple[str, str], list[dict]]:
    """Rows (statements or gold items) grouped by (doc_id, stance), in the order given."""
    out: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        out.setdefault((r["doc_id"], r["stance"]), []).append(r)
    return out


def _has_clear(items: list[dict]) -> bool:
    return any(g["strength"] == "clear" for g in items)


def _gold_sentences(doc_items: list[dict], mode: str) -> tuple[dict, dict]:
    """One article's gold sentences of one stance as (positive, weak-only) dicts of (start, end) ->
    items; in ``clear`` mode a sentence holding only weak items is not positive."""
    sents: dict[tuple[int, int], list[dict]] = {}
    for g in doc_items:
        sents.setdefault((g["sent_start"], g["sent_end"]), []).append(g)
    pos = {k: v for k, v in sents.items() if mode == "all" or _has_clear(v)}
    weak_only = {k: v for k, v in sents.items() if k not in pos}
    return pos, weak_only


def _judge_statements(doc_st: list[dict], pos: dict, weak_only: dict) -> tuple[int, int, list[dict]]:
    """(true positives, ignored, false-positive statements) among one article's statements of one stance."""
    tp = ign = 0
    false: list[dict] = []
    for st in doc_st:
        if _meets_any((st["start"], st["end"]), pos):
            tp += 1
        elif _meets_any((st["start"], st["end"]), weak_only):
            ign += 1
        else:
            false.append(st)
    return tp, ign, false


def _fp_error(st: dict, doc_id: str, stance: str, control: bool) -> dict:
    return _err("control" if control else "fp", doc_id, stance, "clear",
                sent_start=st["start"], sent_end=st["end"], sentence=st["text"], **_sys_fields(st),
                note="stance statement in a control article (also a false positive)"
                if control else "no gold sentence of this stance")


def _fn_error(doc_id: str, stance: str, sent: tuple[int, int], sent_items: list[dict]) -> dict:
    return _err("fn", doc_id, stance, "clear" if _has_clear(sent_items) else "all", sent_start=sent[0],
                sent_end=sent[1], sentence=sent_items[0]["sentence"],
                **{f"gold_{k}": v for k, v in _gold_fields(sent_items).items()},
                note="; ".join(g["note"] for g in sent_items if g.get("note")))


def _score_sentences(gold: Gold, stmts: dict, items: dict, mode: str, stance: str, errors: list[dict]) -> dict:
    """Sentence-level precision / recall of one stance in one mode (module doc, *Sentence level*,
    *Modes*); false positives (listed once, under ``clear``) and missed sentences are error rows."""
    tp = fp = fn = ign = n_gold = 0
    for doc_id in gold.index:
        pos, weak_only = _gold_sentences(items.get((doc_id, stance), []), mode)
        doc_st = stmts.get((doc_id, stance), [])
        hits, ignored, false = _judge_statements(doc_st, pos, weak_only)
        tp, ign, fp = tp + hits, ign + ignored, fp + len(false)
        if mode == "clear":  # the same statements are false positives in both modes
            control = gold.index[doc_id]["kind"] == "control"
            errors.extend(_fp_error(st, doc_id, stance, control) for st in false)
        n_gold += len(pos)
        found = [(st["start"], st["end"]) for st in doc_st]
        missed = [(sent, sent_items) for sent, sent_items in pos.items() if not _meets_any(sent, found)]
        fn += len(missed)
        errors.extend(_fn_error(doc_id, stance, sent, sent_items) for sent, sent_items in missed
                      if mode == "clear" or not _has_clear(sent_items))
    return _prf(tp, fp, fn, n_gold, ign)


def _field_errors(pairs: list[tuple[dict, dict, tuple]], stance: str, mode: str) -> list[dict]:
    """Error rows for the wrong actors and targets of matched pairs (in ``all`` mode, weak items only)."""
    errors = []
    for st, g, (a, t) in pairs:
        if mode == "all" and g["strength"] == "clear":
            continue  # listed under clear already
        for kind, ok in (("actor", a[1]), ("target", t[1])):
            if ok:
                continue
            errors.append(_err(kind, g["doc_id"], stance, mode, sent_start=g["sent_start"],
                               sent_end=g["sent_end"], sentence=g["sentence"],
                               **{f"gold_{k}": g[k] for k in ("actor", "actor_alt", "target", "target_alt")},
                               **_sys_fields(st),
                               note=(f"kit {kind} {st[kind] or '(empty)'!s}; strength {g['strength']}"
                                     + (f"; {g['note']}" if g.get("note") else ""))))
    return errors


def _fields_in_mode(gold: Gold, stmts: dict, items: dict, mode: str, errors: list[dict]) -> dict:
    """Actor, target and unknown-rate scores per stance on the one-to-one pairs of one mode."""
    per: dict[str, dict] = {"actor": {}, "target": {}, "unknown_rate": {}}
    counts_u: dict[str, dict] = {}
    for stance in STANCES:
        pairs = []
        for doc_id in gold.index:
            doc_items = [g for g in items.get((doc_id, stance), []) if mode == "all" or g["strength"] == "clear"]
            pairs += _pairs(stmts.get((doc_id, stance), []), doc_items)
        actor, target, unknown = _field_scores(pairs)
        per["actor"][stance], per["target"][stance] = actor, target
        per["unknown_rate"][stance] = unknown["rate"]
        counts_u[stance] = {"unknown": unknown["unknown"], "n": unknown["n"]}
        errors.extend(_field_errors(pairs, stance, mode))
    per["unknown_rate"]["counts"] = counts_u
    return per


def _score_fields(gold: Gold, stmts: dict, items: dict, errors: list[dict]) -> dict:
    """``actor``, ``target`` and ``unknown_rate``: clear items at the top level, all items under ``all_items``."""
    fields: dict[str, dict] = {"actor": {}, "target": {}, "unknown_rate": {}}
    for mode in MODES:
        per = _fields_in_mode(gold, stmts, items, mode, errors)
        for key in fields:
            if mode == "clear":
                fields[key].update(per[key])
            else:
                fields[key]["all_items"] = per[key]
    return fields


def score_with_errors(statements: pd.DataFrame, spans: pd.DataFrame, gold: Gold | Path | str,
                      texts: dict[str, str] | None = None) -> tuple[dict, list[dict]]:
    """The scores (see the module doc) and the error rows (:data:`ERROR_COLUMNS`).

    `texts` (doc_id -> article text), when given, lets time expressions be read in context.
    """
    if not isinstance(gold, Gold):
        gold = read_gold(gold)
    if not gold.index:  # no index.csv and no articles loaded: the articles the gold or the kit names
        fill_index(gold, {d: "" for d in statements["doc_id"]} if len(statements) else {})
    all_st = [s for s in _records(statements, _ST_COLUMNS) if s["doc_id"] in gold.index]
    stmts = _by_doc_and_stance(s for s in all_st if s["stance"] in STANCES)
    items = _by_doc_and_stance(gold.items)
    errors: list[dict] = []
    out: dict = {"task": "statements", "documents": len(gold.index)}
    for mode in MODES:
        out[mode] = {stance: _score_sentences(gold, stmts, items, mode, stance, errors) for stance in STANCES}
    out.update(_score_fields(gold, stmts, items, errors))
    controls = [d for d, r in gold.index.items() if r["kind"] == "control"]
    out["controls"] = {"stance_statements": sum(e["kind"] == "control" for e in errors), "documents": len(controls)}
    out["time"] = _score_time(gold, spans, all_st, errors, texts)
    out["alignment"] = {"gold_rows": len(gold.items) + len(gold.time), "remapped": gold.remapped,
                        "length_mismatches": sorted(gold.length_mismatches)}
    out["error_counts"] = dict(sorted(Counter(e["kind"] for e in errors).items()))
    errors.sort(key=lambda e: (e["doc_id"], _int(e["sent_start"]), e["kind"], e["stance"], e["mode"]))
    return out, errors


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return -1


def score(statements: pd.DataFrame, spans: pd.DataFrame, gold: Gold | Path | str) -> dict:
    """Scores of a statements and spans table against the gold (a :class:`Gold` or its folder)."""
    return score_with_errors(statements, spans, gold)[0]


def run_kit(articles: pd.DataFrame, workers: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements of the articles: the kit's pipeline, statement dating included."""
    from analysis import pipeline

    return pipeline.annotate_articles(articles, workers=workers, progress=False)


def evaluate(path: Path | str, errors_path: Path | str | None = None, workers: int | None = None) -> dict:
    """Run the kit on the gold's articles and score it; with ``errors_path``, write the errors CSV there."""
    t0 = time.perf_counter()
    gold = read_gold(path)
    articles = load_articles(gold)
    spans, statements = run_kit(articles, workers=workers)
    t1 = time.perf_counter()
    out, errors = score_with_errors(statements, spans, gold, dict(zip(articles["doc_id"], articles["text"])))
    t2 = time.perf_counter()
    if errors_path is not None:
        from analysis import export

        export.write_csv(pd.DataFrame(errors, columns=ERROR_COLUMNS), errors_path)
    out["errors_csv"] = str(errors_path) if errors_path is not None else None
    out["seconds"] = {"load_and_pipeline": round(t1 - t0, 3), "scoring": round(t2 - t1, 3)}
    return out
