"""Issue 13's sizes: one long article against a normal corpus, and a folder of many small files.

    .venv/bin/python benchmarks/bench_hostile.py long               # 1 MB article vs PolNeAR, per MB, 1 worker
    .venv/bin/python benchmarks/bench_hostile.py long --kb 200 400 1000
    .venv/bin/python benchmarks/bench_hostile.py small --n 20000    # 20,000 small files: time, peak memory

``long`` builds an article of running news by joining PolNeAR texts (in a temporary
folder, never in the project) and runs ``python -m analysis report`` on it and on the
PolNeAR corpus itself, both with one worker process (one article cannot be shared between
processes, so the fair peer is the corpus on one process too). It prints seconds per MB of
text for each and their ratio: the issue asks for the long article within 2x of the corpus.

``small`` writes N generated articles of two to four sentences each (templates, no real
text) as ``.md`` files and runs ``report`` on the folder with every core; it checks that
``index.html`` is written and reports the wall time and the peak memory of the process
tree (psutil samples, workers included) -- see ``bench_pipeline.run_measured``.
Prints one JSON document.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_pipeline import DEFAULT_CORPUS, run_measured  # noqa: E402


def child_report(args: list[str]) -> dict:
    """Run `report` in this process and time it (interpreter start excluded)."""
    from analysis import cli

    start = time.perf_counter()
    status = cli.main(["report", *args])
    return {"status": status, "seconds": round(time.perf_counter() - start, 2)}


def text_bytes(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def long_article(corpus: Path, kb: int, folder: Path) -> Path:
    """An article of about `kb` KB: PolNeAR texts one after the other, as a live blog runs."""
    texts, size = [], 0
    for path in sorted((corpus / "text").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode("utf-8")) + 2
        if size >= kb * 1000:
            break
    body = "\n\n".join(texts).encode("utf-8")[: kb * 1000].decode("utf-8", "ignore")
    path = folder / f"long-{kb}kb.md"
    path.write_text(f"---\ntitle: Running news\npublished: 2016-11-08\n---\n{body}", encoding="utf-8")
    return path


def bench_long(kbs: list[int], corpus: Path, workers: int) -> dict:
    out: dict = {"workers": workers}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        texts = sorted((corpus / "text").glob("*.txt"))
        peer = run_measured([sys.executable, __file__, "child", str(corpus), "--out", str(tmp / "peer"),
                             "--workers", str(workers)])
        mb = text_bytes(texts) / 1e6
        out["corpus"] = {"path": str(corpus), "files": len(texts), "mb": round(mb, 3), "seconds": peer["seconds"],
                         "seconds_per_mb": round(peer["seconds"] / mb, 2), "peak_rss_tree_mb": peer["peak_rss_tree_mb"]}
        for kb in kbs:
            path = long_article(corpus, kb, tmp)
            run = run_measured([sys.executable, __file__, "child", str(path), "--out", str(tmp / f"long{kb}"),
                                "--workers", str(workers)])
            mb = path.stat().st_size / 1e6
            per_mb = run["seconds"] / mb
            out[f"long_{kb}kb"] = {"mb": round(mb, 3), "seconds": run["seconds"], "seconds_per_mb": round(per_mb, 2),
                                   "ratio_to_corpus_per_mb": round(per_mb / out["corpus"]["seconds_per_mb"], 2),
                                   "peak_rss_tree_mb": run["peak_rss_tree_mb"]}
    return out


SUBJECTS = ["North Korea", "The foreign ministry", "Russia", "The United States", "A spokesman", "Officials",
            "The agency", "China", "The government", "Analysts"]
VERBS = ["denied", "rejected", "accused", "said", "claimed", "warned", "insisted"]
OBJECTS = ["the report", "the allegations", "Washington of lying", "that it had supplied arms",
           "the claims as baseless", "Pyongyang of shipping shells", "the charges"]
WHEN = ["on Tuesday", "in September", "last week", "on Monday", "", "this year"]


def small_articles(folder: Path, n: int, seed: int = 13) -> int:
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                             f"{rng.choice(WHEN)} (item {i}-{rng.randint(0, 10**6)}).".replace("  ", " "))
        body = " ".join(sentences)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        text = (f"---\ntitle: Item {i}\npublished: 2022-{month:02d}-{day:02d}\noutlet: outlet{i % 7}.example\n"
                f"---\n{body}\n")
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"item{i:06d}.md").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def bench_small(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "small"
        folder.mkdir()
        size = small_articles(folder, n)
        out = tmp / "out"
        run = run_measured([sys.executable, __file__, "child", str(folder), "--out", str(out), "--no-progress"])
        pages = len(list((out / "articles").glob("*.html"))) if (out / "articles").is_dir() else 0
        result = {"files": n, "mb": round(size / 1e6, 2), "seconds": run["seconds"], "status": run["status"],
                  "index_html": (out / "index.html").is_file(), "pages": pages,
                  "peak_rss_tree_mb": run["peak_rss_tree_mb"], "peak_rss_main_mb": run["peak_rss_main_mb"],
                  "report_mb": round(sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6, 1)}
        shutil.rmtree(out, ignore_errors=True)
    return result


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "child":
        print(json.dumps(child_report(argv[1:])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    long = sub.add_parser("long")
    long.add_argument("--kb", type=int, nargs="+", default=[1000])
    long.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    long.add_argument("--workers", type=int, default=1)
    small = sub.add_parser("small")
    small.add_argument("--n", type=int, default=20000)
    args = parser.parse_args(argv)
    if args.what == "long":
        print(json.dumps(bench_long(args.kb, args.corpus, args.workers), indent=2))
    else:
        print(json.dumps(bench_small(args.n), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
