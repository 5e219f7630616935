"""`make report` end to end: what it writes, into a temporary folder, from a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
FIGURE_FILES = ("png", "svg", "pdf", "csv", "caption.json")


def _report(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "analysis", "report", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    run = _report("--out", out)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("report: 1 article(s) processed, 0 rejected")
    assert "Traceback" not in run.stderr
    return out


def test_tables_written(report_dir):
    from analysis import schema

    for table in ("articles", "spans", "statements", "counts"):
        frame = pd.read_csv(report_dir / f"{table}.csv", keep_default_na=False)
        assert list(frame.columns) == schema.columns(table)
    spans = pd.read_csv(report_dir / "spans.csv", keep_default_na=False)
    text = pd.read_csv(report_dir / "articles.csv", keep_default_na=False)["text"][0]
    assert all(text[s:e] == t for s, e, t in zip(spans["start"], spans["end"], spans["text"]))


def test_figures_in_every_format_with_data_and_caption(report_dir):
    stems = {p.name[: -len(".caption.json")] for p in (report_dir / "figures").glob("*.caption.json")}
    assert len(stems) >= 2
    for stem in stems:
        for ext in FIGURE_FILES:
            path = report_dir / "figures" / f"{stem}.{ext}"
            assert path.is_file() and path.stat().st_size > 0, path
        caption = json.loads((report_dir / "figures" / f"{stem}.caption.json").read_text())
        assert {"kit_version", "lexicon_hash", "inputs", "periods", "denominator"} <= set(caption)


def test_count_axes_say_what_they_count(report_dir):
    svg = (report_dir / "figures" / "denials-accusations-by-period.svg").read_text()
    assert "speech acts reported" in svg and "events" not in svg.split("<text")[-1]
    data = pd.read_csv(report_dir / "figures" / "denials-accusations-by-period.csv", keep_default_na=False)
    assert {"2022-09", "2022-11"} <= set(data["period"])
    # Exactly what is drawn (issue 12 point 8): the two stances, no 'other' rows, no periods without bars.
    assert set(data["stance"]) == {"denial", "accusation"}
    assert (data.groupby("period")["n_acts"].sum() > 0).all()


def test_article_page_shows_the_articles_own_error(report_dir):
    """Issue 12 point 2: article_errors.csv was read by nothing; sentence 2 looked like plain fact."""
    page = (report_dir / "articles" / "000_69a36e7ce07eb426.html").read_text()
    assert 'class="l-erratum"' in page or "l-erratum" in page
    assert "Ministry of National Defence" in page and 'href="http://kcna.kp/' in page
    assert "confirmed error" in page and "[article error: note 1]" in page


def test_index_counts_speech_acts_and_answers(report_dir):
    index = (report_dir / "index.html").read_text()
    assert "speech acts reported" in index and "Denials that answer a known accusation" in index


def test_html_pages(report_dir):
    index = (report_dir / "index.html").read_text()
    assert 'href="articles/000_69a36e7ce07eb426.html"' in index
    assert 'src="figures/denials-accusations-by-period.png"' in index
    page = (report_dir / "articles" / "000_69a36e7ce07eb426.html").read_text()
    assert 'class="legend"' in page and "l-boilerplate" in page
    assert "http://" not in page.replace('href="http', "") and "<link" not in page   # nothing loaded from a network


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.event_attrs, self.imgs = 0, [], 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.imgs += tag == "img"
        self.event_attrs += [k for k, _ in attrs if k.startswith("on")]


def test_markup_in_an_article_is_shown_as_text(tmp_path):
    evil = '<script>alert("pwned")</script><img src=x onerror="alert(1)">'
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil.md").write_text(f"---\ntitle: Title {evil}\npublished: 2022-11-08\noutlet: {evil}\n---\n"
                                 f"Headline {evil}\n\nThe ministry said that {evil} was a groundless rumour.\n",
                                 encoding="utf-8")
    out = tmp_path / "out"
    run = _report(src, "--out", out)
    assert run.returncode == 0, run.stderr
    pages = list(out.rglob("*.html"))
    assert len(pages) == 2
    for page in pages:
        html = page.read_text()
        tags = _Tags()
        tags.feed(html)
        assert tags.event_attrs == [] and tags.scripts <= 1, page   # at most the kit's own toggle script
        # Shown as text, whichever entity the escaping uses for '"' (&quot; or &#34;).
        assert "<script>alert" not in html and evil in unescape(html), page
    index_tags = _Tags()
    index_tags.feed((out / "index.html").read_text())
    assert index_tags.scripts == 0


def test_bad_input_is_one_line_and_status_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run = _report(empty, "--out", tmp_path / "out")
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") <= 1 and "empty file" in run.stderr and "Traceback" not in run.stderr


def test_makefile_report_target_uses_out(tmp_path):
    dry = subprocess.run(["make", "-n", "report", f"OUT={tmp_path}"], cwd=REPO, capture_output=True, text=True)
    assert f"-m analysis report --out {tmp_path}" in dry.stdout


def test_dated_corpus_gets_time_and_outlet_charts(tmp_path):
    from analysis import aggregate, corpus, load, pipeline

    src = tmp_path / "corpus"
    src.mkdir()
    stories = [("a", "2022-09-22", "Daily A", "The ministry denied the report as a groundless rumour."),
               ("b", "2022-10-03", "Daily B", "Officials accused Pyongyang of supplying shells to Moscow."),
               ("c", "2022-11-08", "Daily A", "North Korea denied any arms dealings with Russia, the agency said."),
               ("d", "2022-11-09", "Daily B", "The White House accused North Korea of hiding the shipments.")]
    for doc, day, outlet, body in stories:
        (src / f"{doc}.md").write_text(f"---\npublished: {day}\noutlet: {outlet}\n---\nHeadline {doc}\n\n{body}\n",
                                       encoding="utf-8")
    out = tmp_path / "out"
    run = _report(src, "--out", out)
    assert run.returncode == 0, run.stderr
    figures = out / "figures"
    assert (figures / "statements-over-time.png").is_file() and (figures / "by-outlet-over-time.svg").is_file()
    assert not (figures / "rounds-2022-2025.png").exists()        # the shipped timeline belongs to the shipped story
    # each figure's CSV is the table it was drawn from
    tables = pipeline.run(load.load_inputs([src]).articles)
    expected = aggregate.count_by_outlet(corpus.counted_statements(tables.statements, tables.articles),
                                         corpus.counted_articles(tables.articles))
    got = pd.read_csv(figures / "by-outlet-over-time.csv", keep_default_na=False)
    assert got[["period", "outlet", "stance", "n_statements", "n_docs"]].values.tolist() == \
        expected[["period", "outlet", "stance", "n_statements", "n_docs"]].values.tolist()
    counts = pd.read_csv(out / "counts.csv", keep_default_na=False)
    drawn = counts[counts["stance"].isin(["denial", "accusation"])].reset_index(drop=True)
    assert pd.read_csv(figures / "denials-accusations-by-period.csv", keep_default_na=False).equals(drawn)
    over_time = pd.read_csv(figures / "statements-over-time.csv", keep_default_na=False)
    assert set(over_time["stance"]) == {"denial", "accusation"}  # the 'other' line is not drawn


def test_a_corpus_spanning_years_is_drawn_by_year_and_undated_acts_are_a_note(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(40):  # forty months, 2019-01 .. 2022-04: too many months for bars
        day = f"{2019 + k // 12}-{k % 12 + 1:02d}-15"
        (src / f"s{k:02d}.md").write_text(f"---\npublished: {day}\noutlet: Daily {k}\n---\nHeadline {k}\n\n"
                                          f"Minister Olav Brenn{k} denied the allegations on Monday.\n",
                                          encoding="utf-8")
    (src / "undated.md").write_text("Headline x\n\nMinister Ada Voss denied the allegations.\n", encoding="utf-8")
    out = tmp_path / "out"
    run = _report(src, "--out", out)
    assert run.returncode == 0, run.stderr
    figures = out / "figures"
    caption = json.loads((figures / "denials-accusations-by-period.caption.json").read_text())
    assert caption["periods"] == ["2019", "2020", "2021", "2022"]
    assert caption["grouping"].startswith("year")
    drawn = pd.read_csv(figures / "denials-accusations-by-period.csv", keep_default_na=False, dtype=str)
    assert "undated" not in set(drawn["period"])
