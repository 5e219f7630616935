"""Reading your own corpus: HTML pages, CSV/TSV/JSONL tables, PolNeAR folders, encodings, rejects."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import load
from analysis.errors import InputError

PAGE = """<html><head><title>Site title | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-11-09T08:00:00Z">
<script>var tracking = "do not extract me";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>North Korea denies arms dealings</h1>
<p>North Korea on Wednesday denied that it had supplied artillery shells to Russia, the foreign ministry said in a statement.</p>
<p>The United States accused Pyongyang last week of covertly shipping the shells through the Middle East and North Africa.</p>
</article>
<footer>Copyright 2022 Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def reasons(result) -> dict[str, str]:
    return {Path(p.split("#")[0]).name + ("#" + p.split("#")[1] if "#" in p else ""): r
            for p, r in zip(result.rejects["source_path"], result.rejects["reason"])}


# ---------------------------------------------------------------- decoding

@pytest.mark.parametrize("raw, expected", [
    ("\ufeffUTF-16 with BOM".encode("utf-16"), "UTF-16 with BOM"),
    ("caf\u00e9 \u00e0 la cr\u00e8me".encode("latin-1"), "caf\u00e9 \u00e0 la cr\u00e8me"),  # latin-1 is valid cp1252 here
    ("\u201cSmart quotes\u201d \u2014 cp1252".encode("cp1252"), "\u201cSmart quotes\u201d \u2014 cp1252"),
    (b"a\r\nb\rc\n", "a\nb\nc\n"),
    (b"\xef\xbb\xbf\r\nafter BOM", "\nafter BOM"),
    (b"tab\tand form\x0cfeed", "tab\tand form\x0cfeed"),
])
def test_decode_encodings(raw, expected):
    assert load.decode(raw) == expected


@pytest.mark.parametrize("raw, reason", [
    (bytes(range(1, 32)) * 40, "binary"),           # control characters, no NUL
    (b"\x81\x8d\x8f\x90\x9d" * 50, "undecodable"),  # undefined in cp1252, control codes in latin-1
    (b"\xff\xfe", "empty"),                          # a UTF-16 BOM and nothing else
])
def test_decode_refuses_non_text(raw, reason):
    with pytest.raises(InputError, match=reason):
        load.decode(raw, "x.txt")


def test_decode_accepts_a_stray_undefined_byte_in_long_text():
    raw = b"A long article about denials. " * 40 + b"\x81" + b" The end."
    assert load.decode(raw).endswith("The end.")


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("value, expected", [
    ("2022/11/08", "2022-11-08"),
    ("November 8, 2022", "2022-11-08"),
    ("Nov. 8, 2022", "2022-11-08"),
    ("8 November 2022", "2022-11-08"),
    ("Tuesday, November 8, 2022", "2022-11-08"),
    ("Tue, 08 Nov 2022 10:00:00 GMT", "2022-11-08"),
    ("2016-11-08 00:00:00", "2016-11-08"),
])
def test_parse_date_more_formats(value, expected):
    assert load.parse_date(value) == expected


@pytest.mark.parametrize("value", ["February 30, 2022", "11/08/2022", "Smarch 3, 2022", "2022", "next week"])
def test_parse_date_more_refusals(value):
    with pytest.raises(InputError, match="published date"):
        load.parse_date(value)


def test_front_matter_date_alias(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2022-11-08\n---\n# Heading\n\nBody.", encoding="utf-8")
    row = load.read_article(tmp_path / "a.md")
    assert row["published"] == "2022-11-08"
    assert row["title"] == "Heading"
    assert row["text"] == "# Heading\n\nBody."


# ---------------------------------------------------------------- HTML

def test_html_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    row = load.read_html(tmp_path / "page.html")
    assert row["doc_id"] == "page"
    assert row["published"] == "2022-11-09"
    assert row["outlet"] == "Example News"
    assert "denied that it had supplied artillery shells" in row["text"]
    assert "\n\n" in row["text"]  # paragraphs separated by a blank line
    for boilerplate in ("do not extract me", "Subscribe", "Home", "<", "Copyright"):
        assert boilerplate not in row["text"]


def test_html_without_main_text_is_rejected(tmp_path):
    (tmp_path / "nav.html").write_text("<html><head><title>T</title></head><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles.empty
    assert "no main text" in reasons(result)["nav.html"]


def test_html_rejected_cleanly_without_trafilatura(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("not installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Plain text still loads.", encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles["doc_id"].tolist() == ["ok"]
    assert "needs trafilatura" in reasons(result)["page.html"]


# ---------------------------------------------------------------- tables

def test_csv_rows_become_articles_and_bad_rows_rejects(tmp_path):
    (tmp_path / "export.csv").write_text(
        "id,Title,body,date,outlet\n"
        "a1,First,\"North Korea denied it.\nSecond paragraph.\",2022-11-08,kcna\n"
        "a2,Second,,2022-11-08,kcna\n"
        "a3,Third,Text three.,2022-02-30,kcna\n"
        ",Fourth,Text four.,,ap\n", encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles["doc_id"].tolist() == ["a1", "export-4"]
    first = result.articles.iloc[0]
    assert (first["title"], first["published"], first["outlet"]) == ("First", "2022-11-08", "kcna")
    assert first["text"] == "North Korea denied it.\nSecond paragraph."
    assert first["source_path"].endswith("export.csv#row=1")
    got = reasons(result)
    assert got["export.csv#row=2"] == "empty article text"
    assert "not a real date" in got["export.csv#row=3"]
    assert len(result.articles) + len(result.rejects) == 4


def test_csv_configurable_columns_and_cp1252(tmp_path):
    (tmp_path / "archive.csv").write_bytes(
        "headline;story;pubdate\nA;\u201cWe deny it,\u201d he said.;08 Nov 2022\n".encode("cp1252"))
    options = load.LoadOptions(text_column="story", date_column="pubdate", title_column="headline")
    result = load.load_inputs([tmp_path], options=options)
    assert result.articles["text"].tolist() == ["\u201cWe deny it,\u201d he said."]
    assert result.articles["published"].tolist() == ["2022-11-08"]
    assert result.articles["title"].tolist() == ["A"]


def test_csv_without_text_column_is_one_reject(tmp_path):
    (tmp_path / "t.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert "no 'text' column" in reasons(result)["t.csv"]


def test_missing_date_column_named_by_user(tmp_path):
    (tmp_path / "t.csv").write_text("text\nSome text.\n", encoding="utf-8")
    result = load.load_inputs([tmp_path], options=load.LoadOptions(date_column="when"))
    assert "no 'when' date column" in reasons(result)["t.csv"]


def test_jsonl_rows_and_bad_lines(tmp_path):
    lines = [json.dumps({"text": "One.", "published": "2022-11-08", "url": "https://example.org/1"}),
             "{not json",
             json.dumps(["a list"]),
             "",
             json.dumps({"content": "Two.", "date": "2022-11-09"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles["text"].tolist() == ["One.", "Two."]
    assert result.articles["published"].tolist() == ["2022-11-08", "2022-11-09"]
    assert result.articles["url"].tolist() == ["https://example.org/1", ""]
    got = reasons(result)
    assert "invalid JSON" in got["feed.jsonl#line=2"]
    assert got["feed.jsonl#line=3"] == "not a JSON object"
    assert len(result.rejects) == 2


def test_require_date(tmp_path):
    (tmp_path / "dated.md").write_text("---\npublished: 2022-11-08\n---\nA.", encoding="utf-8")
    (tmp_path / "undated.txt").write_text("B.", encoding="utf-8")
    result = load.load_inputs([tmp_path], options=load.LoadOptions(require_date=True))
    assert result.articles["doc_id"].tolist() == ["dated"]
    assert "missing published date" in reasons(result)["undated.txt"]


# ---------------------------------------------------------------- duplicates

def test_same_text_same_outlet_is_a_duplicate_other_outlet_a_wire_copy(tmp_path):
    story = "North Korea denied the accusation on Tuesday, the ministry said."
    (tmp_path / "a.md").write_text(f"---\noutlet: x.com\n---\n{story}", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\noutlet: x.com\n---\n{story.upper()}  ", encoding="utf-8")
    (tmp_path / "c.md").write_text(f"---\noutlet: y.com\n---\n{story}", encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles["doc_id"].tolist() == ["a", "c"]
    assert "duplicate text of 'a'" in reasons(result)["b.md"]


# ---------------------------------------------------------------- folders

def make_polnear(root: Path) -> Path:
    folder = root / "corpus"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "one.txt").write_text("Story one, he said.", encoding="utf-8")
    (folder / "text" / "two.txt").write_text("Story two.", encoding="utf-8")
    (folder / "text" / "extra.txt").write_text("No metadata row.", encoding="utf-8")
    (folder / "attributions" / "one_ann.ann").write_text("T1\tCue 12 16\tsaid\n", encoding="utf-8")
    (folder / "metadata.tsv").write_text(
        "filename\tpublisher\tpublication_date\ttitle\tcredit\twire\n"
        "one\tnyt\t2016-11-08\tTitle one\tNone\tAP\n"
        "two\tbreitbart\t2016-02-30\tTitle two\tNone\tNone\n"
        "gone\tnyt\t2016-11-08\tGone\tNone\tNone\n", encoding="utf-8")
    return folder


def test_polnear_folder(tmp_path):
    folder = make_polnear(tmp_path)
    assert load.is_polnear_folder(folder) and not load.is_polnear_folder(tmp_path)
    result = load.load_inputs([tmp_path])  # found while walking the parent folder
    rows = result.articles.set_index("doc_id")
    assert sorted(rows.index) == ["extra", "one"]
    assert (rows.loc["one", "outlet"], rows.loc["one", "published"], rows.loc["one", "title"],
            rows.loc["one", "credit"]) == ("nyt", "2016-11-08", "Title one", "AP")
    assert rows.loc["extra", "published"] == ""
    got = reasons(result)
    assert "not a real date" in got["two.txt"]
    assert "no text/gone.txt" in got["metadata.tsv#row=3"]
    assert not any(name.endswith(".ann") for name in got)  # annotations are not inputs


def test_polnear_dev_corpus_loads(dev_dir):
    result = load.load_inputs([dev_dir / "polnear"])
    assert len(result.articles) + len(result.rejects) == 840
    assert len(result.articles) >= 835
    assert (result.articles["published"] != "").all()
    assert set(result.rejects["reason"].str.split(" ").str[0]) <= {"duplicate"}


def test_hidden_files_skipped_and_nested_folders_read(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep text.", encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles["doc_id"].tolist() == ["deep"] and result.rejects.empty


def test_iter_articles_streams(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Article {i}.", encoding="utf-8")
    stream = load.iter_articles([tmp_path])
    first = next(stream)
    assert isinstance(first, dict) and first["doc_id"] == "0"
    assert [row["doc_id"] for row in stream] == ["1", "2", "3", "4"]


def test_links_and_special_files_are_accounted_for(tmp_path):
    import os

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    result = load.load_inputs([tmp_path])
    assert result.articles["doc_id"].tolist() == ["a"]
    got = reasons(result)
    assert got["loop"].startswith("link to a folder, not followed")
    assert got["dangling.txt"].startswith("broken link")
    assert got["pipe.txt"] == "not a regular file"
    assert load.load_inputs([tmp_path / "pipe.txt"]).rejects["reason"].tolist() == ["not a regular file"]


@pytest.mark.parametrize("header, names, expected", [
    ("title,text,published", ["text"], ","),
    ("title;text;published", ["text"], ";"),
    ("title\ttext\tpublished", ["text"], "\t"),
    ("a|b|story", ["story"], "|"),
    ('"title","text"', ["text"], ","),
    ("title;body, with comma;date", ["text"], ";"),  # no text column: the split with most columns
    ("onlyonecolumn", ["text"], ","),
])
def test_guess_delimiter(header, names, expected):
    assert load._guess_delimiter(header, names) == expected


def test_csv_cells_full_of_semicolons_do_not_fool_the_delimiter(tmp_path):
    body = "He said; she said; they said, again; and again."
    (tmp_path / "t.csv").write_text(f'title,text\nA,"{body}"\nB,"{body} Twice; really."\n', encoding="utf-8")
    result = load.load_inputs([tmp_path])
    assert result.articles["title"].tolist() == ["A", "B"]
    assert result.articles["text"].tolist()[0] == body
