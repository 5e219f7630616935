"""Untrusted input: every HTML written escapes article text, file names are safe, no network at run time."""
from __future__ import annotations

import socket
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis import export, load, pipeline, render, schema

PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(2)>",
    '"><script>alert(3)</script>',
    "'><body onmouseover=alert(4)>",
    "</textarea></style></script><script>alert(5)</script>",
    "javascript:alert(6)",
]
PAYLOAD_TEXT = ("North Korea denied the accusation, the ministry said on Tuesday. "
                + " ".join(PAYLOADS)
                + ' "We have never had arms dealings," the spokesman said. <iframe src="https://evil.example"></iframe>')


class TagCollector(HTMLParser):
    """Every tag, attribute and script body a browser would see."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k.lower(): (v or "") for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def assert_inert(html: str, where: str = "") -> None:
    parser = TagCollector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("iframe", "img", "svg", "body") or not any(k.startswith("on") for k in attrs), (where, tag)
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, name)
            if name in ("href", "src", "action"):
                assert not value.strip().lower().startswith(("javascript:", "data:text/html")), (where, value)
        assert tag != "iframe", where
    for script in parser.scripts:
        assert "alert(" not in script, where


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[1:] if args else kwargs}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def payload_article(**overrides) -> dict:
    row = {"doc_id": "payload", "title": PAYLOADS[0] + " title", "outlet": PAYLOADS[1], "credit": PAYLOADS[3],
           "url": "javascript:alert(7)", "published": "2022-11-08", "text": PAYLOAD_TEXT, "source_path": PAYLOADS[4]}
    row.update(overrides)
    return row


def test_assert_inert_catches_live_markup():
    for bad in ('<img src=x onerror="alert(1)">', "<script>alert(1)</script>", '<a href="javascript:alert(1)">x</a>'):
        with pytest.raises(AssertionError):
            assert_inert(bad)
    assert_inert("&lt;script&gt;alert(1)&lt;/script&gt; <b class=x>ok</b>")


def test_article_page_escapes_text_title_and_metadata():
    articles = schema.frame("articles", [payload_article()])
    tables = pipeline.run(articles, workers=1)
    html = render.article_html(articles.iloc[0].to_dict(), tables.spans, tables.statements)
    assert_inert(html, "article page")
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;" in html


def test_fragment_for_notebooks_is_inert():
    articles = schema.frame("articles", [payload_article()])
    tables = pipeline.run(articles, workers=1)
    assert_inert(render.article_fragment(articles.iloc[0].to_dict(), tables.spans, tables.statements), "fragment")


def test_whole_report_is_inert_and_offline(tmp_path, no_network):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "payload.md").write_text(
        "---\ntitle: <script>alert('t')</script>\npublished: 2022-11-08\noutlet: <img src=x onerror=alert(9)>\n"
        f"url: javascript:alert(8)\n---\n{PAYLOAD_TEXT}\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>t</title><script>alert('page')</script></head><body><article>"
        "<p>North Korea denied the claims on Wednesday, the ministry said in a statement to the press.</p>"
        "<img src=x onerror=\"alert('img')\"><p>The text &lt;script&gt;alert('escaped')&lt;/script&gt; "
        "and &lt;img src=x onerror=alert(10)&gt; was posted under the story by readers.</p>"
        "</article></body></html>", encoding="utf-8")
    (folder / "<script>alert(1)<").mkdir()  # a folder name is untrusted too
    (folder / "<script>alert(1)<" / "x.txt").write_text("Another article, he said.", encoding="utf-8")
    (folder / "bad\"><img onerror=alert(2)>.txt").write_bytes(b"")  # rejected: its name lands in the index
    result = load.load_inputs([folder])
    assert len(result.articles) == 3 and len(result.rejects) == 1
    tables = pipeline.run(result.articles, rejects=result.rejects, workers=1)
    out = tmp_path / "out"
    written = export.write_report(tables, out, inputs=[str(folder)])
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 4 and any(p.name == "index.html" for p in pages)
    for page in pages:
        assert_inert(page.read_text(encoding="utf-8"), str(page))
    for path in written.values():
        assert Path(path).resolve().is_relative_to(out.resolve())  # nothing written outside --out


@pytest.mark.parametrize("name", [
    "../../etc/passwd", "/etc/passwd", "..", ".", "", "   ", "<script>alert(1)</script>", "a/b\\c:d*e?f\"g<h>i|j",
    "CON", "nul", "\x00evil", "ünïcödé ☃ title", "x" * 500, ".hidden", "-rf",
])
def test_safe_filename(name):
    safe = export.safe_filename(name)
    assert safe and len(safe) <= 80
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in (".", "..") and not safe.startswith((".", "-"))
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in safe)


def test_distinct_doc_ids_get_distinct_pages(tmp_path):
    rows = [{"doc_id": doc_id, "title": doc_id, "text": f"Text of {i}, he said.", "published": "2022-11-08"}
            for i, doc_id in enumerate(["a?b", "a!b", "A B"])]
    tables = pipeline.run(schema.frame("articles", rows), workers=1)
    export.write_report(tables, tmp_path)
    assert len(list((tmp_path / "articles").glob("*.html"))) == 3


def test_no_network_fixture_really_blocks(no_network):
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9))
