"""What the speech-act and pairing stage (analysis/acts.py) adds to the per-article pipeline.

    .venv/bin/python benchmarks/bench_acts.py                 # every PolNeAR text in ../shared/dev/polnear
    .venv/bin/python benchmarks/bench_acts.py --limit 200

Annotates the texts in this process (boilerplate, annotation, time: the stages of
``pipeline._article_rows`` before acts), then times ``acts.link_rows`` on each article's
dated statement rows, and prints JSON: seconds for the stages before, seconds for acts,
their ratio, and how many statements, acts and paired denials the corpus gives.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "dev" / "polnear"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()

    from analysis import acts, annotate, boilerplate, events, load, timex

    articles = load.load_inputs([args.corpus]).articles
    if args.limit:
        articles = articles.head(args.limit)
    before = after = 0.0
    n_statements = n_acts = n_denials = n_paired = 0
    for article in articles.to_dict("records"):
        doc_id, text = str(article["doc_id"]), str(article["text"])
        published = str(article.get("published") or "") or None
        t0 = time.perf_counter()
        skip = [(r["start"], r["end"]) for r in boilerplate.find_boilerplate(text)]
        _, statements = annotate.annotate(doc_id, text, skip=skip)
        timexes = [{**r, "doc_id": doc_id} for r in timex.find_timexes(text, published, skip=skip)]
        rows = events.assign_event_times(statements, timexes, text, published).to_dict("records")
        t1 = time.perf_counter()
        rows = acts.link_rows(rows)
        t2 = time.perf_counter()
        before += t1 - t0
        after += t2 - t1
        n_statements += len(rows)
        n_acts += len({r["act_id"] for r in rows})
        denials = [r for r in rows if r["stance"] == "denial"]
        n_denials += len(denials)
        n_paired += sum(1 for r in denials if r["answers"])
    print(json.dumps({"articles": len(articles), "seconds_before_acts": round(before, 3),
                      "seconds_acts": round(after, 4), "acts_share_of_article_time": round(after / before, 5),
                      "statements": n_statements, "acts": n_acts, "denial_statements": n_denials,
                      "denial_statements_paired": n_paired}, indent=1))


if __name__ == "__main__":
    main()
