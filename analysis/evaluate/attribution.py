"""Score :func:`analysis.attribution.find_attributions` against PolNeAR-style gold.

Layout of `gold_dir` (as in the PolNeAR release): ``text/NAME.txt``,
``attributions/NAME_ANNOTATOR.ann`` (brat standoff) and, optionally, ``metadata.tsv``.

Choices (the corpus leaves them open):

* **Several annotators.** Every ``.ann`` file is scored as its own (document, annotation)
  pair against the same predictions, and counts are micro-averaged over all pairs; so a
  text annotated twice weighs twice. ``documents`` is the number of distinct texts,
  ``annotation_files`` the number of pairs.
* **Roles.** Gold spans are the ``T`` lines with role ``Source``, ``Cue`` or ``Content``
  (``Attribution``, ``Discard``, ``Discuss`` lines are not roles). Identical spans of one
  role in one file count once; so do identical predicted spans (a source shared by two
  statements is one source span).
* **Discontinuous spans** (``start end;start end``): for *overlap* a gold span is the set
  of its fragments' characters; for *exact* a prediction must equal the gold span's extent
  (first start to last end), or the gold span must be a single fragment equal to it.
* **Matching** is one-to-one within a role and a document: exact matches first; overlap
  pairs a prediction and a gold span of the same role sharing at least one character,
  largest shared length first (greedy).
* Predicted content counts only for statements that have a cue: a cue-less quote
  (unknown speaker or a continuation paragraph) is shown by the kit but PolNeAR marks no
  separate attribution for it.

Bad gold input (missing folders or text, malformed ``T`` lines, offsets outside the
text) raises :class:`analysis.errors.InputError`.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ..attribution import find_attributions
from ..errors import InputError

ROLES = ("cue", "source", "content")
_ROLE_NAMES = {"Cue": "cue", "Source": "source", "Content": "content"}
_T_RE = re.compile(r"^T\d+\t(\S+) ([^\t]*)\t?")
_ID_RE = re.compile(r"^(?:[TERAMN*]\d*|#\d*)\t")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def parse_ann(path: Path, text_len: int) -> dict[str, set[tuple[tuple[int, int], ...]]]:
    """Role -> set of gold spans, each a tuple of (start, end) fragments."""
    gold: dict[str, set[tuple[tuple[int, int], ...]]] = {r: set() for r in ROLES}
    for lineno, line in enumerate(_read(path).splitlines(), 1):
        if not line.startswith("T") or not _ID_RE.match(line):
            continue  # E/#/A lines, and continuation lines of multi-line surfaces
        m = _T_RE.match(line)
        if not m:
            raise InputError(path, f"line {lineno}: malformed T line")
        role = _ROLE_NAMES.get(m.group(1))
        if role is None:
            continue
        frags = []
        for part in m.group(2).split(";"):
            nums = part.split()
            if len(nums) != 2 or not all(n.isdigit() for n in nums):
                raise InputError(path, f"line {lineno}: bad offsets {part!r}")
            s, e = int(nums[0]), int(nums[1])
            if not 0 <= s <= e <= text_len:
                raise InputError(path, f"line {lineno}: offsets {s}-{e} outside the text ({text_len} chars)")
            if e > s:
                frags.append((s, e))
        if frags:
            gold[role].add(tuple(sorted(frags)))
    return gold


def _predict(text: str) -> dict[str, set[tuple[int, int]]]:
    pred: dict[str, set[tuple[int, int]]] = {r: set() for r in ROLES}
    for att in find_attributions(text):
        if att.cue is None:
            continue
        pred["cue"].add(att.cue)
        if att.source is not None:
            pred["source"].add(att.source)
        if att.content is not None:
            pred["content"].add(att.content)
    return pred


def _match(pred: set[tuple[int, int]], gold: set[tuple[tuple[int, int], ...]]) -> tuple[int, int]:
    """(exact true positives, overlap true positives), one-to-one."""
    extents = {}
    for g in gold:
        extents.setdefault((g[0][0], g[-1][1]), g)
    exact = len(pred & set(extents))
    pairs = []
    for p in pred:
        for g in gold:
            shared = sum(max(0, min(p[1], e) - max(p[0], s)) for s, e in g)
            if shared > 0:
                pairs.append((shared, p, g))
    pairs.sort(key=lambda x: -x[0])
    used_p, used_g, overlap = set(), set(), 0
    for _, p, g in pairs:
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        overlap += 1
    return exact, overlap


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(gold_dir, "expected text/ and attributions/ folders (PolNeAR layout)")
    names = None
    meta = gold_dir / "metadata.tsv"
    if meta.exists():
        rows = list(csv.DictReader(_read(meta).splitlines(), delimiter="\t"))
        if rows and "filename" not in rows[0]:
            raise InputError(meta, "no `filename` column")
        names = {r["filename"] for r in rows}
    pairs = []
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0] if "_" in ann.stem else ann.stem
        txt = text_dir / f"{name}.txt"
        if not txt.exists():
            raise InputError(ann, f"no text file {txt.name} for this annotation")
        if names is not None and name not in names:
            raise InputError(ann, f"{name} is not listed in metadata.tsv")
        pairs.append((txt, ann))
    if not pairs:
        raise InputError(ann_dir, "no .ann files")
    return pairs


def evaluate(gold_dir: Path) -> dict:
    """Exact and overlap precision/recall/F1 of cue, source and content spans (micro-averaged)."""
    gold_dir = Path(gold_dir)
    pairs = _pairs(gold_dir)
    counts = {kind: {r: [0, 0, 0] for r in ROLES} for kind in ("exact", "overlap")}  # tp, pred, gold
    cache: dict[Path, tuple[int, dict]] = {}
    for txt, ann in pairs:
        if txt not in cache:
            text = _read(txt)
            cache[txt] = (len(text), _predict(text))
        text_len, pred = cache[txt]
        gold = parse_ann(ann, text_len)
        for role in ROLES:
            exact, overlap = _match(pred[role], gold[role])
            for kind, tp in (("exact", exact), ("overlap", overlap)):
                c = counts[kind][role]
                c[0] += tp
                c[1] += len(pred[role])
                c[2] += len(gold[role])
    out = {"task": "attribution", "documents": len(cache), "annotation_files": len(pairs)}
    for kind in ("exact", "overlap"):
        out[kind] = {r: _prf(*counts[kind][r]) for r in ROLES}
    out["counts"] = {r: {"predicted": counts["exact"][r][1], "gold": counts["exact"][r][2],
                         "exact_tp": counts["exact"][r][0], "overlap_tp": counts["overlap"][r][0]}
                     for r in ROLES}
    return out
