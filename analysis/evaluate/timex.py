"""Score :func:`analysis.timex.find_timexes` against TimeML gold, as TempEval-3 does.

Gold may be TimeML ``.tml`` files (TempEval-3, TBAQ) or NewsReader CAT ``.xml`` files
(MEANTIME): a tokenised document whose ``TIMEX3`` markables list their tokens. The
format is detected per folder from the files it holds.

Extent: strict (same offsets) and relaxed (any overlap) precision / recall / F1.
Attributes on relaxed matches: ``value_accuracy`` = correct values / relaxed matches,
``value_f1`` from P = correct values / predicted and R = correct values / gold,
``type_accuracy`` = correct types / relaxed matches.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from analysis.errors import InputError
from analysis.timex import find_timexes

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


def read_tml(path: Path) -> dict:
    """Parse one .tml file: DCT value, the TEXT part without tags, and its gold TIMEX3s.

    Returns ``{"dct", "text", "gold": [{"start","end","text","type","value"}]}``;
    raises InputError when the file has no DCT, no TEXT or broken TIMEX3 tags.
    """
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read TimeML: {exc}") from None
    dct_m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if not dct_m:
        raise InputError(path, "no DCT TIMEX3")
    dct = dict(_ATTR.findall(dct_m.group(1))).get("value", "")
    if not re.match(r"^\d{4}-\d{2}-\d{2}", dct):
        raise InputError(path, f"DCT value is not a date: {dct!r}")
    t0, t1 = raw.find("<TEXT>"), raw.find("</TEXT>")
    if t0 < 0 or t1 < t0:
        raise InputError(path, "no <TEXT> element")
    body = raw[t0 + len("<TEXT>"):t1]
    out: list[str] = []
    pos = 0
    n = 0
    gold = []
    open_tx = None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclose = m.groups()
        if name != "TIMEX3":
            continue
        if closing:
            if open_tx is None:
                raise InputError(path, "closing TIMEX3 without an opening tag")
            open_tx["end"] = n
            gold.append(open_tx)
            open_tx = None
        elif not selfclose:
            if open_tx is not None:
                raise InputError(path, "nested TIMEX3")
            a = dict(_ATTR.findall(attrs))
            if "type" not in a:
                raise InputError(path, f"TIMEX3 {a.get('tid', '?')} has no type")
            open_tx = {"start": n, "type": a["type"], "value": a.get("value", ""), "tid": a.get("tid", "")}
    if open_tx is not None:
        raise InputError(path, "unclosed TIMEX3")
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return {"dct": dct[:10], "text": text, "gold": gold}


# CAT tokens are joined with a space, except before closing punctuation and after opening.
_NO_SPACE_BEFORE = {",", ".", ":", ";", "%", ")", "]", "}", "''", "?", "!", "...", "”", "’", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "'S"}
_NO_SPACE_AFTER = {"$", "(", "[", "{", "``", "“", "‘", "£", "€", "¥", "#"}


def _join_tokens(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text of (t_id, sentence, form) tokens with ordinary spacing, and each token's offsets.

    Sentences are separated by a newline (the first two are the headline and the dateline).
    """
    out: list[str] = []
    offs: dict[str, tuple[int, int]] = {}
    n = 0
    prev_sent, prev_form, quote_open = None, "", False
    for tid, sent, form in tokens:
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif form in _NO_SPACE_BEFORE or prev_form in _NO_SPACE_AFTER or (prev_form == '"' and quote_open):
            sep = ""
        elif form == '"' and quote_open:
            sep = ""
        else:
            sep = " "
        if form == '"':
            quote_open = not quote_open
        if sent != prev_sent:
            quote_open = form == '"'
        out.append(sep)
        n += len(sep)
        offs[tid] = (n, n + len(form))
        out.append(form)
        n += len(form)
        prev_sent, prev_form = sent, form
    return "".join(out), offs


def read_cat(path: Path) -> dict:
    """Parse one NewsReader CAT file (MEANTIME): the DCT, the text rebuilt from its tokens, gold TIMEX3s.

    Same shape as :func:`read_tml`. The DCT is the TIMEX3 with
    ``functionInDocument="CREATION_TIME"``; when a file has none (or its value is no ISO
    date), the first full date in its first two sentences (the dateline) stands in. TIMEX3s without tokens (instances
    such as an empty tag for a date only implied) are not mentions and are left out.
    ``scored_end`` is where the annotated part ends (MEANTIME annotates each article's
    first sentences only); predictions after it are not scored.
    Raises InputError on unreadable XML or a file with no date at all.
    """
    try:
        root = ET.parse(str(path)).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(path, f"cannot read CAT XML: {exc}") from None
    tokens = [(t.get("t_id", ""), t.get("sentence", ""), t.text or "") for t in root.iter("token")]
    if not tokens:
        raise InputError(path, "no <token> elements (not a CAT file)")
    text, offs = _join_tokens(tokens)
    sent_of = {tid: sent for tid, sent, _ in tokens}
    gold, dct = [], ""
    markables = root.find("Markables")
    # MEANTIME annotates only the first sentences of each article: score up to the end of
    # the last sentence holding any markable (of any kind), and keep the rest as context.
    marked = {sent_of[a.get("t_id")] for a in (markables.iter("token_anchor") if markables is not None else ())
              if a.get("t_id") in sent_of}
    last = max(marked, key=int) if marked else None
    scored_end = max((offs[tid][1] for tid, sent, _ in tokens if sent == last), default=len(text))
    for tx in (markables.iter("TIMEX3") if markables is not None else ()):
        ids = [a.get("t_id") for a in tx.iter("token_anchor") if a.get("t_id") in offs]
        value = tx.get("value", "")
        if tx.get("functionInDocument") == "CREATION_TIME" and re.match(r"^\d{4}-\d{2}-\d{2}", value):
            dct = value[:10]
        if not ids:
            continue
        spans = sorted(offs[i] for i in ids)
        gold.append({"start": spans[0][0], "end": spans[-1][1], "type": tx.get("type", ""), "value": value,
                     "tid": tx.get("m_id", ""), "sentence": sent_of[ids[0]]})
    if not dct:  # no (well-formed) creation time: read the dateline, the second line
        head = "\n".join(text.split("\n")[:2])
        early = [r["value"] for r in find_timexes(head, None) if re.match(r"^\d{4}-\d{2}-\d{2}", r["value"])]
        if not early:
            raise InputError(path, "no CREATION_TIME TIMEX3 and no date in the dateline")
        dct = early[0][:10]
    gold.sort(key=lambda g: (g["start"], g["end"]))
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
        del g["sentence"]
    return {"dct": dct, "text": text, "gold": gold, "scored_end": scored_end}


def _is_cat(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(600)
    except OSError:
        return False
    return b"<Document" in head and b"<TimeML" not in head


def read_doc(path: Path) -> dict:
    """:func:`read_tml` or :func:`read_cat`, by the file's format."""
    return read_cat(path) if Path(path).suffix.lower() == ".xml" else read_tml(path)


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_document(gold: list[dict], pred: list[dict]) -> dict:
    """Counts for one document: strict/relaxed matches and attribute agreement."""
    strict = sum(1 for p in pred if any(p["start"] == g["start"] and p["end"] == g["end"] for g in gold))
    # relaxed: one-to-one, each prediction to the first unused overlapping gold
    used: set[int] = set()
    pairs = []
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                pairs.append((p, g))
                break
    return {
        "n_gold": len(gold), "n_pred": len(pred), "strict": strict, "relaxed": len(pairs),
        "value": sum(1 for p, g in pairs if p["value"] == g["value"]),
        "type": sum(1 for p, g in pairs if p["label"] == g["type"]),
        "pairs": pairs,
    }


def tml_files(path: Path) -> list[Path]:
    """The gold files under `path`: TimeML ``.tml`` files, or else NewsReader CAT ``.xml`` files."""
    path = Path(path)
    if path.is_file():
        if path.suffix.lower() == ".xml" and not _is_cat(path):
            raise InputError(path, "not a NewsReader CAT document")
        return [path]
    if not path.is_dir():
        raise InputError(path, "no such file or directory")
    files = sorted(path.rglob("*.tml"))
    if not files:
        files = sorted(f for f in path.rglob("*.xml") if _is_cat(f))
    if not files:
        raise InputError(path, "no .tml files and no NewsReader CAT .xml files")
    return files


def evaluate(path: Path, details: bool = False) -> dict:
    """TempEval-3 scores of :func:`find_timexes` over every gold file under `path` (.tml or CAT .xml).

    With ``details=True`` the result also holds ``errors``: missed, spurious and
    wrongly-valued expressions (for tuning; not part of the CLI contract).
    """
    tot = {"n_gold": 0, "n_pred": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    errors = []
    files = tml_files(Path(path))
    for f in files:
        doc = read_doc(f)
        pred = find_timexes(doc["text"], doc["dct"])
        if doc.get("scored_end") is not None:  # only the annotated part is scored
            pred = [p for p in pred if p["start"] < doc["scored_end"]]
        sc = score_document(doc["gold"], pred)
        for k in tot:
            tot[k] += sc[k]
        if details:
            matched_p = {id(p) for p, _ in sc["pairs"]}
            matched_g = {id(g) for _, g in sc["pairs"]}
            for g in doc["gold"]:
                if id(g) not in matched_g:
                    errors.append({"kind": "missed", "doc": f.name, "dct": doc["dct"], "text": g["text"],
                                   "gold": f"{g['type']} {g['value']}", "pred": ""})
            for p in pred:
                if id(p) not in matched_p:
                    errors.append({"kind": "spurious", "doc": f.name, "dct": doc["dct"], "text": p["text"],
                                   "gold": "", "pred": f"{p['label']} {p['value']} {p['rule']}"})
            for p, g in sc["pairs"]:
                if p["value"] != g["value"] or p["label"] != g["type"] or (p["start"], p["end"]) != (g["start"], g["end"]):
                    kind = "value" if p["value"] != g["value"] else ("type" if p["label"] != g["type"] else "extent")
                    ctx = doc["text"][max(0, g["start"] - 60):g["end"] + 30].replace("\n", " ")
                    errors.append({"kind": kind, "doc": f.name, "dct": doc["dct"],
                                   "text": f"{p['text']!r} / gold {g['text']!r}",
                                   "gold": f"{g['type']} {g['value']}",
                                   "pred": f"{p['label']} {p['value']} {p['rule']}", "context": ctx})
    vp = tot["value"] / tot["n_pred"] if tot["n_pred"] else 0.0
    vr = tot["value"] / tot["n_gold"] if tot["n_gold"] else 0.0
    result = {
        "task": "timex",
        "documents": len(files),
        "gold": tot["n_gold"],
        "predicted": tot["n_pred"],
        "strict": _prf(tot["strict"], tot["n_pred"], tot["strict"], tot["n_gold"]),
        "relaxed": _prf(tot["relaxed"], tot["n_pred"], tot["relaxed"], tot["n_gold"]),
        "value_f1": round(2 * vp * vr / (vp + vr), 4) if vp + vr else 0.0,
        "value_accuracy": round(tot["value"] / tot["relaxed"], 4) if tot["relaxed"] else 0.0,
        "type_accuracy": round(tot["type"] / tot["relaxed"], 4) if tot["relaxed"] else 0.0,
    }
    if details:
        result["errors"] = errors
    return result
