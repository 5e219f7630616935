"""Our time tagger vs dateparser's ``search_dates`` on TimeML gold (e.g. TBAQ).

Usage: python benchmarks/timex_vs_dateparser.py [DIR]   (default: ../shared/dev/timeml/tbaq)

Both run over the same TEXT parts with the DCT as reference date and are scored the
same way (analysis.evaluate.timex.score_document). dateparser gives no offsets or
TimeML values, so its matches are located in the text in order, and each match is
re-parsed with ``DateDataParser.get_date_data`` to learn its granularity (day, week,
month, year, time) and write a TimeML value at that granularity. dateparser is a
benchmark-only dependency; the kit never imports it.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from analysis.evaluate.timex import read_tml, score_document, tml_files  # noqa: E402
from analysis.timex import find_timexes  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "timeml" / "tbaq"


def _value(dt: datetime, period: str) -> tuple[str, str]:
    if period == "year":
        return "DATE", f"{dt.year:04d}"
    if period == "month":
        return "DATE", f"{dt.year:04d}-{dt.month:02d}"
    if period == "week":
        y, w, _ = dt.isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}"
    if period == "time":
        return "TIME", f"{dt.date().isoformat()}T{dt.hour:02d}:{dt.minute:02d}"
    return "DATE", dt.date().isoformat()


def dateparser_timexes(text: str, dct: str, search_dates, ddp_cls) -> list[dict]:
    base = datetime.fromisoformat(dct)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; count them as no output
        found = []
    ddp = ddp_cls(languages=["en"], settings=settings)
    rows, pos = [], 0
    for s, dt in found:
        i = text.find(s, pos)
        if i < 0:
            continue
        pos = i + len(s)
        try:
            period = ddp.get_date_data(s).period or "day"
        except Exception:
            period = "day"
        label, value = _value(dt, period)
        rows.append({"start": i, "end": i + len(s), "label": label, "value": value, "text": s})
    return rows


def score(docs, tagger) -> dict:
    tot = {"n_gold": 0, "n_pred": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    t0 = time.perf_counter()
    for doc in docs:
        sc = score_document(doc["gold"], tagger(doc))
        for k in tot:
            tot[k] += sc[k]
    secs = time.perf_counter() - t0

    def f(tp, p, g):
        pr, rc = (tp / p if p else 0.0), (tp / g if g else 0.0)
        return round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0
    return {
        "strict_f1": f(tot["strict"], tot["n_pred"], tot["n_gold"]),
        "relaxed_f1": f(tot["relaxed"], tot["n_pred"], tot["n_gold"]),
        "value_f1": f(tot["value"], tot["n_pred"], tot["n_gold"]),
        "value_accuracy": round(tot["value"] / tot["relaxed"], 4) if tot["relaxed"] else 0.0,
        "predicted": tot["n_pred"], "gold": tot["n_gold"], "seconds": round(secs, 2),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT
    docs = [read_tml(f) for f in tml_files(path)]
    results = {"documents": len(docs), "kit": score(docs, lambda d: find_timexes(d["text"], d["dct"]))}
    try:
        import dateparser
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError:
        results["dateparser"] = "not installed (pip install dateparser)"
    else:
        results["dateparser_version"] = dateparser.__version__
        results["dateparser"] = score(
            docs, lambda d: dateparser_timexes(d["text"], d["dct"], search_dates, DateDataParser))
    print(json.dumps(results, indent=2))
    if isinstance(results.get("dateparser"), dict):
        print(f"{'':12}{'kit':>10}{'dateparser':>12}")
        for k in ("strict_f1", "relaxed_f1", "value_f1", "value_accuracy", "seconds"):
            print(f"{k:12}{results['kit'][k]:>10}{results['dateparser'][k]:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
