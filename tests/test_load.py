import pytest

from analysis import load
from analysis.errors import InputError


@pytest.mark.parametrize("raw, expected", [
    (b"hello\r\nworld", "hello\nworld"),
    (b"\xef\xbb\xbfBOM first", "BOM first"),
    ("caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "caf\u00e9 \u201cquoted\u201d"),
    (b"old mac\rline", "old mac\nline"),
])
def test_decode(raw, expected):
    assert load.decode(raw) == expected


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"   \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
])
def test_decode_refuses(raw, reason):
    with pytest.raises(InputError, match=reason):
        load.decode(raw, "x.txt")


@pytest.mark.parametrize("value, expected", [
    ("2022-11-08", "2022-11-08"),
    ("2022-1-8", "2022-01-08"),
    ("'2022-11-08'", "2022-11-08"),
    ("2022-11-08T10:00:00Z", "2022-11-08"),
    ("", ""),
])
def test_parse_date(value, expected):
    assert load.parse_date(value) == expected


@pytest.mark.parametrize("value", ["2022-02-30", "2022-13-01", "yesterday", "08/11/2022"])
def test_parse_date_refuses(value):
    with pytest.raises(InputError, match="published date"):
        load.parse_date(value, "a.md")


def test_front_matter_split_keeps_body_verbatim():
    meta, body = load.split_front_matter("---\ntitle: A: B\npublished: 2022-11-08\n---\nBody\n\nmore")
    assert meta == {"title": "A: B", "published": "2022-11-08"}
    assert body == "Body\n\nmore"


def test_no_front_matter():
    assert load.split_front_matter("--- not front matter\ntext") == ({}, "--- not front matter\ntext")


def test_shipped_article(article):
    assert article["doc_id"] == "000_69a36e7ce07eb426"
    assert article["published"] == "2022-11-08"
    assert article["credit"] == "NAN" and article["outlet"] == "newspotng.com"
    assert article["text"].startswith("North Korea denies arms dealings with Russia\n\nKim Jong Un")
    assert article["text"].endswith("Please enter your name here")


def test_load_inputs_accounts_for_every_file(tmp_path):
    (tmp_path / "good.md").write_text("---\npublished: 2022-11-08\n---\nGood text.", encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(b"Line one.\r\nLine two.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad_date.md").write_text("---\npublished: 2022-02-30\n---\nText.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("Same stem, other folder.", encoding="utf-8")
    result = load.load_inputs([tmp_path, tmp_path / "missing.txt"])
    assert sorted(result.articles["doc_id"]) == ["crlf", "good"]
    assert "\r" not in "".join(result.articles["text"])
    reasons = dict(zip(result.rejects["source_path"].map(lambda p: p.split("/")[-1]), result.rejects["reason"]))
    assert reasons["empty.txt"] == "empty file"
    assert "not a real date" in reasons["bad_date.md"]
    assert "unsupported file type" in reasons["image.png"]
    assert "duplicate doc_id" in reasons["good.txt"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert len(result.articles) + len(result.rejects) == 7


def test_published_override(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    assert load.load_inputs([tmp_path], published="2022-09-22").articles["published"].tolist() == ["2022-09-22"]


def test_default_inputs_are_the_shipped_articles():
    result = load.load_inputs()
    assert "000_69a36e7ce07eb426" in set(result.articles["doc_id"])
    assert result.rejects.empty


def test_read_article_errors(tmp_path):
    errors = load.read_article_errors()
    assert "Ministry of National Defence" in " ".join(errors["primary_record"])
    assert set(errors["doc_id"]) == {"000_69a36e7ce07eb426"}
    bad = tmp_path / "errors.csv"
    bad.write_text("claim_in_article,status\nx,probable\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks columns"):
        load.read_article_errors(bad)
