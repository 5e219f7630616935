"""The time stage per article, now against an earlier revision of it (a before/after ratio).

Usage: python benchmarks/time_stage.py [--rev REV] [--same-path] [--articles N] [--repeat R] [DIR]
(default: the PolNeAR texts in ../shared/dev/polnear/text, 200 articles, REV = the
commit before issue 11's changes to the time engine).

The time stage is ``timex.find_timexes`` + ``events.assign_event_times`` on one
article, as ``pipeline._article_rows`` runs it, up to the statement rows it hands on (the
earlier revision took and gave a frame, turned into rows after; the current one takes and
gives rows). Annotation (statements and spans) is done
once beforehand and is not timed. The earlier engine is read with ``git show`` (REV's
``analysis/temporal.py``, or its ``tense.py``, ``timex.py`` and ``events.py`` once
temporal.py was split) and loaded beside the current one, so both run in
the same process, alternating article by article, R times; each article counts with its
best CPU time (process time, not wall time: the machine is shared). Prints JSON.
"""
from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from analysis import annotate, boilerplate, events, timex  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "dev" / "polnear"
BASE_REV = "1425756"  # main when issue 11 started


# the current time engine, named as the earlier single module named its parts
CURRENT = types.SimpleNamespace(find_timexes=timex.find_timexes, assign_event_times=events.assign_event_times,
                                records=events.records)
ENGINE_FILES = ("tense", "timex", "events")  # the time engine since analysis/temporal.py was split


def _git_show(rev: str, path: str) -> str | None:
    done = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def load_revision(rev: str):
    """The time engine as it was at `rev`, loaded as package ``analysis._rev_<rev>`` (its other
    imports, ``errors`` and ``prefilter``, are the current modules): an object with
    ``find_timexes``, ``assign_event_times`` and ``records`` (None where `rev` had none)."""
    pkg = f"analysis._rev_{rev}"
    single = _git_show(rev, "analysis/temporal.py")
    sources = {"temporal": single} if single is not None else {m: _git_show(rev, f"analysis/{m}.py")
                                                                for m in ENGINE_FILES}
    package = types.ModuleType(pkg)
    package.__path__ = []
    sys.modules[pkg] = package
    for shared in ("errors", "prefilter"):
        sys.modules[f"{pkg}.{shared}"] = importlib.import_module(f"analysis.{shared}")
    mods = {}
    for name, src in sources.items():  # in import order
        mod = types.ModuleType(f"{pkg}.{name}")
        mod.__package__ = pkg
        sys.modules[mod.__name__] = mod  # dataclasses look their module up there
        exec(compile(src, f"{rev}:analysis/{name}.py", "exec"), mod.__dict__)
        mods[name] = mod
    find, assign = (mods["temporal"], mods["temporal"]) if single is not None else (mods["timex"], mods["events"])
    return types.SimpleNamespace(find_timexes=find.find_timexes, assign_event_times=assign.assign_event_times,
                                 records=getattr(assign, "records", None))


def prepare(folder: Path, n: int) -> list[dict]:
    meta = {}
    tsv = folder / "metadata.tsv"
    if tsv.exists():
        lines = tsv.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(head, line.split("\t")))
            meta[row.get("filename", "")] = row.get("publication_date", "")
    docs = []
    for f in sorted((folder / "text").glob("*.txt"))[:n]:
        text = f.read_text(encoding="utf-8")
        skip = [(r["start"], r["end"]) for r in boilerplate.find_boilerplate(text)]
        spans, statements = annotate.annotate(f.stem, text, skip=skip)
        docs.append({"doc_id": f.stem, "text": text, "published": meta.get(f.stem, ""), "skip": skip,
                     "statements": statements, "spans": spans.to_dict("records")})
    return docs


def stage_current(d: dict, mod=CURRENT) -> None:
    """The pipeline's time stage now: rows in, rows out, content spans for the about dates."""
    tx = [{**r, "doc_id": d["doc_id"]} for r in mod.find_timexes(d["text"], d["published"], skip=d["skip"])]
    mod.assign_event_times(mod.records(d["statements"]), tx, d["text"], d["published"], spans=d["spans"])


def stage_old(mod, d: dict) -> None:
    """The pipeline's time stage at the earlier revision: a frame in, a frame out, then rows."""
    tx = [{**r, "doc_id": d["doc_id"]} for r in mod.find_timexes(d["text"], d["published"], skip=d["skip"])]
    mod.assign_event_times(d["statements"], tx, d["text"], d["published"]).to_dict("records")


def engine(mod, d: dict, with_spans: bool = False) -> None:
    """find_timexes + assign_event_times on the statements frame (no row hand-over)."""
    tx = [{**r, "doc_id": d["doc_id"]} for r in mod.find_timexes(d["text"], d["published"], skip=d["skip"])]
    kw = {"spans": d["spans"]} if with_spans else {}
    mod.assign_event_times(d["statements"], tx, d["text"], d["published"], **kw)


def measure(docs: list[dict], fns: dict, repeat: int) -> dict[str, float]:
    """CPU seconds of each function over all docs: per doc the best of `repeat` runs, the
    functions alternating doc by doc (CPU time, not wall time: the machine is shared)."""
    best = {k: [float("inf")] * len(docs) for k in fns}
    for _ in range(repeat):
        for i, d in enumerate(docs):
            for k, fn in fns.items():
                t0 = time.process_time()
                fn(d)
                best[k][i] = min(best[k][i], time.process_time() - t0)
    return {k: sum(v) for k, v in best.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(DEFAULT))
    ap.add_argument("--rev", default=BASE_REV)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--same-path", action="store_true",
                    help="REV has the same row-based stage (e.g. main): time both through it, and find_timexes alone")
    args = ap.parse_args(argv)
    docs = prepare(Path(args.dir), args.articles)
    old = load_revision(args.rev)
    if args.same_path:
        t = measure(docs, {"base": lambda d: stage_current(d, old), "now": stage_current,
                           "find_base": lambda d: old.find_timexes(d["text"], d["published"], skip=d["skip"]),
                           "find_now": lambda d: CURRENT.find_timexes(d["text"], d["published"], skip=d["skip"])},
                    args.repeat)
        n = len(docs)
        print(json.dumps({"articles": n, "chars": sum(len(d["text"]) for d in docs), "base_rev": args.rev,
                          "ms_per_article_base": round(1000 * t["base"] / n, 3),
                          "ms_per_article_now": round(1000 * t["now"] / n, 3),
                          "ratio_now_over_base": round(t["now"] / t["base"], 3),
                          "find_ms_per_article_base": round(1000 * t["find_base"] / n, 3),
                          "find_ms_per_article_now": round(1000 * t["find_now"] / n, 3),
                          "find_ratio_now_over_base": round(t["find_now"] / t["find_base"], 3)}, indent=2))
        return 0
    t = measure(docs, {"base": lambda d: stage_old(old, d), "now": stage_current,
                       "engine_base": lambda d: engine(old, d), "engine_now": lambda d: engine(CURRENT, d, True)},
                args.repeat)
    n = len(docs)
    result = {"articles": n, "chars": sum(len(d["text"]) for d in docs), "base_rev": args.rev,
              "ms_per_article_base": round(1000 * t["base"] / n, 3),
              "ms_per_article_now": round(1000 * t["now"] / n, 3),
              "ratio_now_over_base": round(t["now"] / t["base"], 3),
              # the engine alone, both on frames (the current one also dates the content)
              "engine_ms_per_article_base": round(1000 * t["engine_base"] / n, 3),
              "engine_ms_per_article_now": round(1000 * t["engine_now"] / n, 3),
              "engine_ratio_now_over_base": round(t["engine_now"] / t["engine_base"], 3)}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
