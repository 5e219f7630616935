"""Score the stance classifier against Emergent headlines, and the annotator against brat gold.

``evaluate(path)`` reads an Emergent-layout CSV (``articleHeadline, articleHeadlineStance``),
runs :func:`analysis.stance.classify_stance` on every headline and scores our ``denial``
against their ``against`` (a denial is one kind of ``against``; a debunk is another).

``read_brat(path)`` and ``agreement(gold, spans, statements)`` compare an article's
annotation with a hand-made brat standoff file (``data/gold/*.ann``).
"""
from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from analysis.errors import InputError
from analysis.spans import overlaps

_REQUIRED = ("articleHeadline", "articleHeadlineStance")


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _read_emergent(path: Path) -> list[tuple[str, str]]:
    from analysis.evaluate import read_gold_csv

    rows = [(r["articleHeadline"], r["articleHeadlineStance"].strip().lower())
            for r in read_gold_csv(path, _REQUIRED, "an Emergent-layout CSV")]
    if not rows:
        raise InputError(path, "no headlines")
    if not any(label == "against" for _, label in rows):
        raise InputError(path, "no 'against' labels: cannot score denials")
    return rows


def evaluate(path: Path) -> dict:
    """Denial precision / recall / F1 (ours ``denial`` vs theirs ``against``) and the confusion.

    Also reports the score with the lexicon's strong rows only (``denial_strong_rules_only``:
    what a statement after a neutral cue such as *said* gets), per rule how many headlines
    it labelled and how many of those were ``against`` (``by_rule``), and the wall time.
    """
    from analysis.stance import classify_stance

    path = Path(path)
    rows = _read_emergent(path)
    t0 = time.perf_counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    by_rule: dict[str, Counter] = defaultdict(Counter)
    tp = fp = fn = 0
    stp = sfp = sfn = 0  # strong rows only: what a statement after a neutral cue gets
    for headline, label in rows:
        strong = classify_stance(headline, weak=False).stance == "denial"
        stp += strong and label == "against"
        sfp += strong and label != "against"
        sfn += label == "against" and not strong
        res = classify_stance(headline)
        confusion[res.stance][label] += 1
        if res.stance == "denial":
            by_rule[res.rule][label] += 1
        ours, theirs = res.stance == "denial", label == "against"
        tp += ours and theirs
        fp += ours and not theirs
        fn += theirs and not ours
    return {
        "task": "stance",
        "documents": len(rows),
        "denial": _prf(tp, fp, fn),
        "denial_strong_rules_only": _prf(stp, sfp, sfn),
        "confusion": {k: dict(sorted(v.items())) for k, v in sorted(confusion.items())},
        "by_rule": {k: dict(sorted(v.items())) for k, v in sorted(by_rule.items())},
        "seconds": round(time.perf_counter() - t0, 3),
    }


# ---------------------------------------------------------------------------
# brat gold of one article

#: brat type -> spans layer
BRAT_LAYERS = {"Source": "source", "Cue": "cue", "Content": "content", "Denial": "denial",
               "Accusation": "accusation", "Hedge": "hedge", "Evidence": "evidence",
               "ScareQuote": "scare_quote", "Loaded": "loaded"}
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+) (\d+)\t(.*)$")
_NOTE_LINE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")


def read_brat(path: Path, text: str | None = None) -> list[dict]:
    """T lines of a brat ``.ann`` file as dicts (id, type, layer, start, end, text, notes).

    AnnotatorNotes of the form ``key=value; key=value`` become the ``notes`` dict.
    With ``text``, each span's surface must equal ``text[start:end]`` (else InputError).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such brat .ann file")
    rows: dict[str, dict] = {}
    notes: dict[str, dict] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        m = _T_LINE.match(line)
        if m:
            tid, typ, s, e, surface = m.groups()
            s, e = int(s), int(e)
            if e <= s:
                raise InputError(path, f"line {n}: empty or reversed span {s}-{e}")
            if text is not None and text[s:e] != surface:
                raise InputError(path, f"line {n}: offsets {s}-{e} do not cover {surface!r}")
            rows[tid] = {"id": tid, "type": typ, "layer": BRAT_LAYERS.get(typ, typ.lower()), "start": s,
                         "end": e, "text": surface, "notes": {}}
            continue
        m = _NOTE_LINE.match(line)
        if m:
            notes[m.group(1)] = dict(
                (kv.split("=", 1)[0].strip(), kv.split("=", 1)[1].strip())
                for kv in m.group(2).split(";") if "=" in kv)
            continue
        if line[0] in "ERA*#":
            continue  # events, relations, attributes: not used here
        raise InputError(path, f"line {n}: not a brat standoff line")
    for tid, nd in notes.items():
        if tid in rows:
            rows[tid]["notes"] = nd
    return sorted(rows.values(), key=lambda r: (r["start"], r["end"]))


def agreement(gold: list[dict], spans, statements) -> dict:
    """Kit vs gold: span-overlap P/R/F1 per layer, and per gold cue the statement agreement.

    ``spans`` / ``statements`` are the frames :func:`analysis.annotate.annotate` returns.
    ``statements`` lists, for every gold cue with notes, the kit's stance / actor / target
    (from the statement whose cue overlaps it) next to the gold's.
    """
    out: dict = {"layers": {}, "statements": [], "fields": {}}
    kit = [(r["layer"], int(r["start"]), int(r["end"])) for r in spans.to_dict("records")]
    for layer in sorted({g["layer"] for g in gold if g["type"] in BRAT_LAYERS}):  # not Attribution triggers
        gs = [(g["start"], g["end"]) for g in gold if g["layer"] == layer]
        ks = [(s, e) for lay, s, e in kit if lay == layer]
        tp_k = sum(any(overlaps(k, g) for g in gs) for k in ks)
        tp_g = sum(any(overlaps(g, k) for k in ks) for g in gs)
        p = tp_k / len(ks) if ks else 0.0
        r = tp_g / len(gs) if gs else 0.0
        out["layers"][layer] = {"precision": round(p, 4), "recall": round(r, 4),
                                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                                "gold": len(gs), "kit": len(ks)}
    st = statements.to_dict("records")
    cue_rows = [r for r in spans.to_dict("records") if r["layer"] == "cue"]
    agree = Counter()
    for g in gold:
        if g["layer"] != "cue" or not g["notes"]:
            continue
        sids = [c["value"] for c in cue_rows if overlaps((g["start"], g["end"]), (int(c["start"]), int(c["end"])))]
        match = next((s for s in st if s["statement_id"] in sids), None)
        row = {"cue": g["text"], "start": g["start"]}
        for f in ("stance", "actor", "target", "source_type"):
            want = g["notes"].get(f, "")
            got = match[f] if match else None
            row[f] = (want, got)
            agree[f] += want == got
        out["statements"].append(row)
    n = len(out["statements"])
    matched = sum(1 for r in out["statements"] if r["stance"][1] is not None)
    out["statements_found"] = {"found": matched, "of": n, "share": round(matched / n, 4) if n else 0.0}
    # agreement on the statements both found (a missed statement counts once, above)
    out["fields"] = {f: {"agree": agree[f], "of": matched, "share": round(agree[f] / matched, 4) if matched else 0.0}
                     for f in ("stance", "actor", "target", "source_type")}
    return out
