"""Score the loaded-language finder against the Propaganda Techniques Corpus layout.

``evaluate(path)`` reads ``path/articles/article<ID>.txt`` and ``path/labels.tsv``
(``article_id, technique, start, end``), runs :func:`analysis.markers.find_loaded` on every
article and reports span-overlap precision / recall / F1 for Loaded_Language and
Name_Calling,Labeling together and per technique - for the kit (lexicon + context rules)
and for the bare word list (the same lexicon without its context rules).

Overlap scoring: a predicted span is correct when it overlaps a gold span; a gold span is
found when a predicted span overlaps it (precision counts predictions, recall gold spans).
Per technique, a predicted span counts under the technique its lexicon category maps to
(``label`` -> Name_Calling,Labeling; every other category -> Loaded_Language).
"""
from __future__ import annotations

import csv
import re
import time
from collections import defaultdict
from pathlib import Path

from analysis.errors import InputError
from analysis.spans import overlaps

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
#: loaded.csv category -> PTC technique (labels are name calling; the rest loaded language)
_TECHNIQUE_OF = {"label": "Name_Calling,Labeling"}
_ID = re.compile(r"^article(\w+)\.txt$")


def _read_ptc(path: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, int, int]]]]:
    if not path.is_dir():
        raise InputError(path, "not a folder (expected articles/ and labels.tsv)")
    art_dir, labels = path / "articles", path / "labels.tsv"
    if not art_dir.is_dir():
        raise InputError(path, "no articles/ folder")
    if not labels.is_file():
        raise InputError(path, "no labels.tsv")
    texts: dict[str, str] = {}
    for f in sorted(art_dir.iterdir()):
        m = _ID.match(f.name)
        if not m:
            continue
        try:
            texts[m.group(1)] = f.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f, "not UTF-8 text") from None
    if not texts:
        raise InputError(art_dir, "no article<ID>.txt files")
    gold: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    with labels.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        for n, row in enumerate(reader, start=1):
            if not row or not "".join(row).strip():
                continue
            if n == 1 and row[0].strip().lower() == "article_id":
                continue  # header
            if len(row) < 4:
                raise InputError(labels, f"line {n}: expected article_id, technique, start, end")
            aid, tech = row[0].strip(), row[1].strip()
            try:
                s, e = int(row[2]), int(row[3])
            except ValueError:
                raise InputError(labels, f"line {n}: start/end are not integers") from None
            if aid not in texts:
                raise InputError(labels, f"line {n}: no article{aid}.txt for this label")
            if not 0 <= s < e <= len(texts[aid]):
                raise InputError(labels, f"line {n}: span {s}-{e} outside article{aid}.txt")
            gold[aid].append((tech, s, e))
    if not any(t in TECHNIQUES for spans in gold.values() for t, _, _ in spans):
        raise InputError(labels, "no Loaded_Language or Name_Calling,Labeling labels")
    return texts, gold


def _prf(pred_ok: int, n_pred: int, gold_ok: int, n_gold: int) -> dict:
    p = pred_ok / n_pred if n_pred else 0.0
    r = gold_ok / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "predicted": n_pred, "gold": n_gold}


def _kit_spans(bare: bool):
    from analysis.markers import find_loaded

    return lambda text: [(d["start"], d["end"], _TECHNIQUE_OF.get(d["value"], "Loaded_Language"))
                         for d in find_loaded(text, bare=bare)]


def _vader_spans(text: str):
    from analysis.tone import strong_words

    return [(w["start"], w["end"], "Loaded_Language") for w in strong_words(text)]


def _score(texts, gold, spans_of) -> dict:
    pred = {aid: spans_of(t) for aid, t in texts.items()}
    out = {}
    for name, techs in (("overlap", TECHNIQUES),) + tuple((t, (t,)) for t in TECHNIQUES):
        n_pred = pred_ok = n_gold = gold_ok = 0
        for aid in texts:
            gs = [(s, e) for t, s, e in gold.get(aid, []) if t in techs]
            # per technique, our spans count by the technique their category maps to
            ps = [(s, e) for s, e, t in pred[aid] if t in techs]
            n_pred += len(ps)
            pred_ok += sum(any(overlaps(p, g) for g in gs) for p in ps)
            n_gold += len(gs)
            gold_ok += sum(any(overlaps(g, p) for p in ps) for g in gs)
        out[name] = _prf(pred_ok, n_pred, gold_ok, n_gold)
    return {"overlap": out["overlap"], "per_technique": {t: out[t] for t in TECHNIQUES}}


def evaluate(path: Path) -> dict:
    """Loaded-language span overlap P/R/F1, per technique, and the bare-list baseline."""
    path = Path(path)
    texts, gold = _read_ptc(path)
    t0 = time.perf_counter()
    kit = _score(texts, gold, _kit_spans(bare=False))
    base = _score(texts, gold, _kit_spans(bare=True))
    vader = _score(texts, gold, _vader_spans)
    return {"task": "loaded", "documents": len(texts), "overlap": kit["overlap"],
            "per_technique": kit["per_technique"],
            "baseline": {"name": "bare word list (lexicons/loaded.csv without context rules)", **base},
            "vader_baseline": {"name": "VADER words with |valence| >= 2.5 (tone is not loaded language)",
                               "overlap": vader["overlap"]},
            "seconds": round(time.perf_counter() - t0, 3)}
