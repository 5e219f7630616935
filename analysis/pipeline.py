"""Glue: run every stage over the articles table and return the kit's tables."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import pandas as pd

from . import aggregate, annotate, boilerplate, schema, temporal


@dataclass
class Tables:
    """Everything one run produces (the tables of DESIGN §2, plus the inputs not used)."""

    articles: pd.DataFrame
    spans: pd.DataFrame
    statements: pd.DataFrame
    counts: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["source_path", "reason"]))

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The four tables by name, in DESIGN §2 order (rejects included)."""
        return {"articles": self.articles, "spans": self.spans, "statements": self.statements,
                "counts": self.counts, "rejects": self.rejects}


def process_article(article: Mapping) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements of one article: boilerplate, annotation, then time."""
    doc_id, text = str(article["doc_id"]), str(article["text"])
    published = str(article.get("published") or "") or None
    bp_rows = boilerplate.find_boilerplate(text)
    skip = [(r["start"], r["end"]) for r in bp_rows]
    spans, statements = annotate.annotate(doc_id, text, skip=skip)
    timex_rows = temporal.find_timexes(text, published, skip=skip)
    timexes = schema.frame("spans", [{**r, "doc_id": doc_id} for r in timex_rows])
    statements = temporal.assign_event_times(statements, timexes, text, published)
    all_spans = pd.concat([schema.frame("spans", [{**r, "doc_id": doc_id} for r in bp_rows]), spans, timexes],
                          ignore_index=True)
    all_spans = all_spans.sort_values(["start", "end", "layer"], kind="stable").reset_index(drop=True)
    return schema.frame("spans", all_spans.to_dict("records")), schema.frame("statements", statements.to_dict("records"))


def annotate_articles(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements for every article, concatenated in input order."""
    spans, statements = [schema.empty("spans")], [schema.empty("statements")]
    for article in articles.to_dict("records"):
        s, st = process_article(article)
        spans.append(s)
        statements.append(st)
    return pd.concat(spans, ignore_index=True), pd.concat(statements, ignore_index=True)


def run(articles: pd.DataFrame, *, when: str = "happened", freq: str = "month",
        periods: Mapping[str, tuple[str, str]] | None = None, rejects: pd.DataFrame | None = None) -> Tables:
    """Annotate, date and count `articles`; counts are statements reported per period and stance."""
    spans, statements = annotate_articles(articles)
    counts = aggregate.count_statements(statements, articles, when=when, freq=freq, periods=periods)
    tables = Tables(articles, spans, statements, counts)
    if rejects is not None:
        tables.rejects = rejects
    return tables
