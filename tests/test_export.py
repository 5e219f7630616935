import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import export


@pytest.mark.parametrize("name, expected", [
    ("North Korea denies arms dealings", "North-Korea-denies-arms-dealings"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("Kim Yo-jong’s statement", "Kim-Yo-jongs-statement"),
    ("", "article"),
    ("///", "article"),
    ("a" * 300, "a" * 80),
])
def test_safe_filename(name, expected):
    assert export.safe_filename(name) == expected


def test_save_figure_writes_everything(tmp_path):
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2], label="x")
    ax.legend()
    data = pd.DataFrame({"period": ["a", "b"], "n": [1, 2]})
    paths = export.save_figure(fig, "my figure", tmp_path, data, {"denominator": "all statements", "inputs": ["x"]})
    plt.close(fig)
    assert {p.name for p in paths.values()} == {"my-figure.png", "my-figure.svg", "my-figure.pdf", "my-figure.csv",
                                                "my-figure.caption.json"}
    assert paths["png"].read_bytes()[:4] == b"\x89PNG"
    assert paths["pdf"].read_bytes()[:5] == b"%PDF-"
    assert b"<svg" in paths["svg"].read_bytes()[:2000]
    assert pd.read_csv(paths["csv"]).equals(data)
    caption = json.loads(paths["caption"].read_text())
    assert caption["denominator"] == "all statements" and caption["kit_version"] and len(caption["lexicon_hash"]) == 12


def test_svg_is_reproducible(tmp_path):
    def draw(out):
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
        paths = export.save_figure(fig, "f", out, pd.DataFrame({"x": [1]}), {})
        plt.close(fig)
        return paths["svg"].read_bytes()
    assert draw(tmp_path / "a") == draw(tmp_path / "b")


def test_write_statements_jsonl(tmp_path):
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    path = export.write_statements(df, tmp_path / "s.jsonl")
    assert [json.loads(line) for line in path.read_text().splitlines()] == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]


def test_unique_name():
    used: set[str] = set()
    assert [export.unique_name("articles/a-b", ".html", used) for _ in range(3)] == \
        ["articles/a-b.html", "articles/a-b-2.html", "articles/a-b-3.html"]
    assert export.unique_name("articles/A-B", ".html", used) == "articles/A-B-4.html"   # case-insensitive disks


TRICKY_STATEMENTS = [
    {"doc_id": "d", "statement_id": "d:1", "sent_index": 0, "start": 0, "end": 12, "text": '=HYPERLINK("x")',
     "stance": "denial", "hedged": True, "answer_lag_days": 7.0, "source": "+1 caller", "cue": "said"},
    {"doc_id": "d", "statement_id": "d:2", "sent_index": 3, "start": 40, "end": 80,
     "text": 'He said: "no",\nthen left; — Kim’s «denial»', "stance": "other", "answer_lag_days": 0.1,
     "speaker": "-dash", "actor": "@handle", "target": "\ttab", "evidence": "\rcr"},
    {"doc_id": "d", "statement_id": "d:3", "text": "", "answer_lag_days": 1e-07},
    {"doc_id": "d", "statement_id": "d:4", "text": "plain", "answer_lag_days": 1e16, "hedged": False},
]


@pytest.mark.parametrize("raw", [False, True])
def test_write_rows_csv_is_pandas_to_csv_byte_for_byte(raw):
    """`statements` writes rows without pandas: the bytes must be what the frame route wrote
    (quoting, newlines in cells, NaN and floats, booleans, formula cells made safe)."""
    import io

    from analysis import schema

    frame = schema.frame("statements", TRICKY_STATEMENTS)
    expected = (frame if raw else export.spreadsheet_safe(frame)).to_csv(index=False)
    out = io.StringIO(newline="")
    export.write_rows_csv("statements", schema.rows("statements", TRICKY_STATEMENTS), out, raw=raw)
    assert out.getvalue() == expected
    assert ("'=HYPERLINK" in expected) is not raw  # the case is really tested both ways


def test_write_statements_rows_same_file_as_frame(tmp_path):
    from analysis import schema

    rows = schema.rows("statements", TRICKY_STATEMENTS)
    from_rows = export.write_statements(rows, tmp_path / "rows.csv").read_bytes()
    from_frame = export.write_statements(schema.frame("statements", rows), tmp_path / "frame.csv").read_bytes()
    assert from_rows == from_frame
    jsonl_rows = export.write_statements(rows, tmp_path / "rows.jsonl").read_bytes()
    assert jsonl_rows == export.write_statements(schema.frame("statements", rows), tmp_path / "frame.jsonl").read_bytes()


def test_a_corpus_of_many_years_is_drawn_by_year(tmp_path):
    """More dated months than MAX_MONTHS_DRAWN: the period chart's data are the yearly
    counts of the counted statements (wire copies left out), the same as counting the whole
    statements table by year."""
    import matplotlib.pyplot as plt

    from analysis import aggregate, corpus, export, pipeline, schema

    rows, articles = [], []
    for k in range(60):  # 60 months over five years, two articles a month, one a wire copy
        year, month = 2015 + k // 12, 1 + k % 12
        day = f"{year}-{month:02d}-15"
        for copy in (0, 1):
            doc = f"d{k}-{copy}"
            articles.append({"doc_id": doc, "text": "x", "published": day, "collapsed": bool(copy)})
            rows.append({"doc_id": doc, "statement_id": f"{doc}:1", "stance": ("denial", "accusation")[k % 2],
                         "actor": "A", "target": "B", "event_start": day, "event_end": day})
    statements, arts = schema.frame("statements", rows), schema.frame("articles", articles)
    counted = corpus.counted_statements(statements, arts)
    counts = aggregate.count_statements(counted, corpus.counted_articles(arts))
    tables = pipeline.Tables(arts, schema.empty("spans"), statements, counts)
    figures = export.report_figures(tables, None, ["x"])
    name, _, fig, data, caption = next(f for f in figures if f[0] == "denials-accusations-by-period")
    plt.close("all")
    yearly = aggregate.count_statements(counted, corpus.counted_articles(arts), freq="year")
    assert sorted(set(data["period"])) == [str(y) for y in range(2015, 2020)]
    expected = yearly[yearly["stance"].isin(["denial", "accusation"])]
    assert data.reset_index(drop=True).equals(expected.reset_index(drop=True))
    assert "year" in caption["grouping"]
