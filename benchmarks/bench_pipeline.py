"""Benchmark the whole pipeline: MB/s, articles/s and peak memory; optionally against spaCy + textacy.

    .venv/bin/python benchmarks/bench_pipeline.py                       # the kit on ../shared/dev/polnear
    .venv/bin/python benchmarks/bench_pipeline.py --peer-python /tmp/peer-venv/bin/python
    .venv/bin/python benchmarks/bench_pipeline.py --synthetic 5000      # streaming, memory trend

Each measurement runs in its own process; this script samples the resident
memory of that process *and all its descendants* (worker processes included)
every 0.2 s with psutil, so "peak RSS" is the peak of the whole process tree.
Timings cover the work (load -> wire copies -> annotate on every core -> counts
for the kit; nlp.pipe -> direct_quotations for the peer), not interpreter start
or model loading, which are reported separately. Prints one JSON document.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "dev" / "polnear"


# ---------------------------------------------------------------- measuring a process tree

def run_measured(cmd: list[str], env: dict | None = None, interval: float = 0.2) -> dict:
    """Run `cmd`, sampling the RSS of it and its descendants; returns its JSON output plus memory figures.

    The memory is sampled by a thread every `interval` seconds while this thread waits for
    the process, so the wall time ends when the process does (a sampling loop that slept
    between polls counted up to one interval more, on average half of it)."""
    import threading

    import psutil

    start = time.perf_counter()
    # The child's stderr goes straight through (checkpoints of long runs stay visible).
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=None, text=True, env=env, cwd=REPO)
    peaks = {"tree": 0, "main": 0}
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                main = root.memory_info().rss
                tree = main + sum(c.memory_info().rss for c in root.children(recursive=True) if c.is_running())
            except psutil.Error:
                tree = main = 0
            peaks["tree"], peaks["main"] = max(peaks["tree"], tree), max(peaks["main"], main)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed ({proc.returncode}); its error is above")
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_seconds_with_startup"] = round(wall, 2)
    result["peak_rss_tree_mb"] = round(peaks["tree"] / 2**20, 1)
    result["peak_rss_main_mb"] = round(peaks["main"] / 2**20, 1)
    return result


def throughput(seconds: float, n_bytes: int, n_articles: int) -> dict:
    return {"seconds": round(seconds, 2), "mb_per_s": round(n_bytes / 1e6 / seconds, 4),
            "articles_per_s": round(n_articles / seconds, 2)}


# ---------------------------------------------------------------- children

def child_kit(corpus: str, workers: int | None) -> dict:
    """Load the corpus and run the whole pipeline (wire copies, annotation on every core, counts)."""
    sys.path.insert(0, str(REPO))
    import pandas  # noqa: F401 - the kit imports it lazily now; start-up, outside the timed work as before

    from analysis import load, pipeline

    t0 = time.perf_counter()
    result = load.load_inputs([corpus])
    t1 = time.perf_counter()
    tables = pipeline.run(result.articles, rejects=result.rejects, workers=workers, progress=False)
    t2 = time.perf_counter()
    n_bytes = int(result.articles["text"].str.encode("utf-8").str.len().sum())
    return {"articles": len(result.articles), "rejects": len(result.rejects), "text_bytes": n_bytes,
            "statements": len(tables.statements), "spans": len(tables.spans),
            "wire_copies_collapsed": int(tables.articles["collapsed"].sum()),
            "load_seconds": round(t1 - t0, 2), "run_seconds": round(t2 - t1, 2),
            "workers": workers or pipeline.default_workers(), **throughput(t2 - t0, n_bytes, len(result.articles))}


def child_stages(corpus: str, limit: int) -> dict:
    """Seconds per stage of process_article (one process) on the first `limit` articles: where time goes."""
    sys.path.insert(0, str(REPO))
    from analysis import annotate, boilerplate, events, load, pipeline, schema, timex

    articles = load.load_inputs([corpus]).articles.head(limit)
    spent: dict[str, float] = {}

    def timed(module, name, label):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - t
        setattr(module, name, wrapper)

    timed(boilerplate, "find_boilerplate", "boilerplate.find_boilerplate")
    timed(annotate, "annotate_rows", "annotate.annotate_rows")
    timed(timex, "find_timexes", "timex.find_timexes")
    timed(events, "assign_event_times", "events.assign_event_times")
    timed(schema, "frame", "schema.frame (all callers)")
    t = time.perf_counter()
    pipeline.annotate_articles(articles, workers=1, progress=False)
    total = time.perf_counter() - t
    n_bytes = int(articles["text"].str.encode("utf-8").str.len().sum())
    return {"articles": len(articles), "text_bytes": n_bytes, "total_seconds": round(total, 2),
            "per_article_ms": round(1000 * total / max(len(articles), 1), 1),
            "stages_seconds": {k: round(v, 2) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}}


SENTENCES = [
    '"{q}," {actor} said in a statement on {day}.',
    "{actor} denied the accusation on {day}, calling it {adj}.",
    "{actor} accused {other} of {crime} last week, according to officials.",
    "Officials in {place} said there was no evidence that {other} had {crime_past}.",
    "{actor} reportedly rejected the claims in {month}, the agency said.",
    "Analysts said the {adj} dispute could potentially widen, though {other} declined to comment.",
    "The report, which {actor} called {adj}, was published on {day}.",
    "{other} has repeatedly insisted that it never {crime_past}.",
    "In {month}, {actor} claimed that {other} was behind the attack.",
    "Advertisement",
    "The ministry's spokesperson told reporters that the allegations were \u201c{adj}\u201d.",
    "Please enter your name here",
]
FILL = {
    "q": ["We have never had arms dealings with them", "These claims are baseless", "We reject the report",
          "The evidence is clear", "This is a smear campaign", "We will respond at the right time"],
    "actor": ["North Korea", "The foreign ministry", "Russia", "The United States", "A spokesman", "The Kremlin",
              "Senator Smith", "The White House", "Pyongyang", "Officials"],
    "other": ["Washington", "Moscow", "Kyiv", "the rebels", "the company", "Beijing", "the opposition"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "March", "May", "September", "November"],
    "adj": ["baseless", "absurd", "sinister", "groundless", "politically motivated", "false"],
    "crime": ["supplying weapons", "war crimes", "espionage", "corruption", "shelling the plant"],
    "crime_past": ["supplied weapons", "shelled the plant", "spied on the talks", "paid the officials"],
    "place": ["Seoul", "Tokyo", "Brussels", "Geneva", "Washington"],
}


def synthetic_articles(n: int, seed: int = 7):
    """`n` generated news-like articles (templates; no real text), streamed one at a time."""
    import random

    rng = random.Random(seed)
    # Made-up words so that articles differ as real stories do (templates alone would look like wire copies).
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(5000)})
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(8, 20)):
            template = rng.choice(SENTENCES)
            sentence = template.format(**{k: rng.choice(v) for k, v in FILL.items()})
            if not template.startswith(("Advertisement", "Please")):
                detail = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8)))
                sentence = f"{sentence[:-1]}, over the {detail} matter{sentence[-1]}"
            sentences.append(sentence)
        paragraphs = ["  ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        yield {"doc_id": f"syn{i:06d}", "text": "\n\n".join(paragraphs), "published": f"2022-{month:02d}-{day:02d}"}


def child_synthetic(n: int, workers: int | None, checkpoints: int = 10) -> dict:
    """Stream `n` synthetic articles through wire detection and annotation; keep only tallies.

    Reports the process tree's RSS at checkpoints (psutil, workers included):
    flat numbers mean memory does not grow with the corpus.
    """
    import psutil

    sys.path.insert(0, str(REPO))
    from analysis import corpus, pipeline

    me = psutil.Process()

    def tree_rss() -> float:
        return (me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))) / 2**20

    wire = corpus.WireIndex()
    n_bytes = n_statements = n_spans = done = 0
    denials = 0
    trend = []
    step = max(1, n // checkpoints)

    def feed():
        nonlocal n_bytes
        for article in synthetic_articles(n):
            n_bytes += len(article["text"].encode("utf-8"))
            wire.add(article["doc_id"], article["text"], article["published"])
            yield article

    t0 = time.perf_counter()
    for chunk, spans, statements in pipeline.iter_annotated(feed(), workers=workers, chunk_size=16, progress=False):
        done += len(chunk)
        n_spans += len(spans)
        n_statements += len(statements)
        denials += int((statements["stance"] == "denial").sum())
        if done // step != (done - len(chunk)) // step:
            trend.append({"articles": done, "rss_tree_mb": round(tree_rss(), 1),
                          "seconds": round(time.perf_counter() - t0, 1)})
            print(json.dumps({"checkpoint": trend[-1]}), file=sys.stderr, flush=True)  # survives an interrupted run
    decisions = wire.decisions()
    seconds = time.perf_counter() - t0
    return {"articles": done, "text_bytes": n_bytes, "statements": n_statements, "spans": n_spans,
            "denials": denials, "wire_copies_collapsed": int(decisions["collapsed"].sum()),
            "workers": workers or pipeline.default_workers(), "rss_trend": trend,
            **throughput(seconds, n_bytes, done)}


PEER = r'''
import json, sys, time
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n_process = int(sys.argv[3])
t0 = time.perf_counter()
import spacy
from textacy.extract import direct_quotations
try:
    nlp = spacy.load(sys.argv[2])
except OSError:
    import importlib, pathlib
    module = importlib.import_module(sys.argv[2])
    nlp = spacy.load(pathlib.Path(module.__file__).parent / next(p.name for p in pathlib.Path(module.__file__).parent.iterdir() if p.is_dir() and (p / "config.cfg").exists()))
t1 = time.perf_counter()
quotes = failures = 0
for doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
    try:
        quotes += sum(1 for _ in direct_quotations(doc))
    except ValueError:  # textacy bails out on unbalanced quotation marks
        failures += 1
t2 = time.perf_counter()
n_bytes = sum(len(t.encode("utf-8")) for t in texts)
print(json.dumps({"articles": len(texts), "text_bytes": n_bytes, "quotations": quotes,
                  "textacy_unbalanced_quote_failures": failures, "model_load_seconds": round(t1 - t0, 2),
                  "spacy": spacy.__version__, "pipeline": nlp.meta.get("name", "") + "-" + nlp.meta.get("version", ""),
                  "components": nlp.pipe_names, "n_process": n_process,
                  "seconds": round(t2 - t1, 2), "mb_per_s": round(n_bytes / 1e6 / (t2 - t1), 4),
                  "articles_per_s": round(len(texts) / (t2 - t1), 2)}))
'''


# ---------------------------------------------------------------- orchestration

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder to read (default: ../shared/dev/polnear)")
    parser.add_argument("--workers", type=int, help="kit worker processes (default: every core)")
    parser.add_argument("--peer-python", help="a Python with spacy + textacy + an English model (benchmark-only venv)")
    parser.add_argument("--peer-model", default="en_core_web_sm", help="spaCy model name, package or path")
    parser.add_argument("--peer-processes", default="1", help="comma-separated n_process values for spaCy (e.g. 1,2)")
    parser.add_argument("--stages", type=int, default=0, help="also time each stage on the first N articles")
    parser.add_argument("--synthetic", type=int, nargs="*", help="stream N synthetic articles instead (several N: a trend)")
    parser.add_argument("--no-kit", action="store_true", help="skip the kit run on the corpus (peer or stages only)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child == "kit":
        print(json.dumps(child_kit(args.corpus, args.workers)))
        return 0
    if args.child == "stages":
        print(json.dumps(child_stages(args.corpus, args.n)))
        return 0
    if args.child == "synthetic":
        print(json.dumps(child_synthetic(args.n, args.workers)))
        return 0

    me = [sys.executable, str(Path(__file__).resolve())]
    workers = ["--workers", str(args.workers)] if args.workers else []
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}}
    if args.synthetic:
        report["synthetic"] = [run_measured([*me, "--child", "synthetic", "--n", str(n), *workers])
                               for n in args.synthetic]
        print(json.dumps(report, indent=2))
        return 0
    if not Path(args.corpus).exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    report["corpus"] = args.corpus
    if not args.no_kit:
        report["kit"] = run_measured([*me, "--child", "kit", "--corpus", args.corpus, *workers])
    if args.stages:
        report["kit_stages_one_process"] = run_measured([*me, "--child", "stages", "--corpus", args.corpus,
                                                         "--n", str(args.stages)])
    if args.peer_python:
        sys.path.insert(0, str(REPO))
        from analysis import load

        with tempfile.TemporaryDirectory() as tmp:
            # The very same texts the kit read (after its rejects), handed to the peer as JSON lines.
            texts = Path(tmp) / "texts.jsonl"
            with texts.open("w", encoding="utf-8") as f:
                for row in load.load_inputs([args.corpus]).articles.to_dict("records"):
                    f.write(json.dumps({"text": row["text"]}) + "\n")
            script = Path(tmp) / "peer.py"
            script.write_text(PEER, encoding="utf-8")
            report["peer"] = [run_measured([args.peer_python, str(script), str(texts), args.peer_model, n])
                              for n in args.peer_processes.split(",")]
        if "kit" in report:
            best = max(report["peer"], key=lambda p: p["mb_per_s"])
            report["ratio_kit_to_peer_mb_per_s"] = {
                f"peer_n_process_{p['n_process']}": round(report["kit"]["mb_per_s"] / p["mb_per_s"], 2)
                for p in report["peer"]}
            report["ratio_kit_to_best_peer"] = round(report["kit"]["mb_per_s"] / best["mb_per_s"], 2)
    report["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
