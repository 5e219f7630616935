import re
from html.parser import HTMLParser

import pandas as pd

from analysis import render, schema

EVIL = '<script>alert("x")</script><img src=x onerror="alert(1)">'


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    return parser


def _article(text):
    return {"doc_id": "d<1>", "title": f"Title {EVIL}", "outlet": EVIL, "credit": "NAN", "published": "2022-11-08",
            "url": "", "text": text, "source_path": "x"}


def _spans(text, rows):
    return schema.frame("spans", [{"doc_id": "d<1>", "text": text[s:e], "start": s, "end": e, **r} for s, e, r in rows])


def test_highlight_nests_overlaps_and_keeps_text():
    text = "He denied the rumour."
    spans = _spans(text, [(3, 9, {"layer": "denial", "rule": "r1"}), (0, 20, {"layer": "content", "rule": "r2"})])
    html = render.highlight(text, spans)
    assert re.sub(r"<[^>]+>", "", html) == text
    assert '<span class="l-content l-denial"' in html or '<span class="l-denial l-content"' in html
    assert html.count("<span") == 3


def test_article_markup_is_shown_as_text():
    text = f"Body {EVIL} said the ministry."
    spans = _spans(text, [(0, 4, {"layer": "source", "rule": EVIL, "value": EVIL})])
    st = schema.frame("statements", [{"doc_id": "d<1>", "statement_id": "d<1>:0", "text": EVIL, "source": EVIL,
                                      "stance": "denial", "rule": EVIL, "event_start": "2022-11-08",
                                      "event_end": "2022-11-08"}])
    page = render.article_html(_article(text), spans, st)
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags if t == "script"] == ["script"]          # only the kit's own toggle script
    assert not any(t == "img" for t, _ in parsed.tags)
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert EVIL in "".join(parsed.text)                                         # shown, as text


def test_article_page_has_legend_and_table(article):
    from analysis import boilerplate
    spans = schema.frame("spans", [{**r, "doc_id": article["doc_id"]} for r in boilerplate.find_boilerplate(article["text"])])
    page = render.article_html(article, spans, schema.empty("statements"))
    assert 'class="legend"' in page and "boilerplate" in page
    assert "No attributed statements" in page
    assert "https://" not in page and "http://" not in page                       # nothing fetched from a network


def test_index_escapes_and_links():
    articles = schema.frame("articles", [_article("x")])
    figures = [{"name": "f", "title": EVIL, "png": "figures/f.png", "svg": "figures/f.svg", "pdf": "figures/f.pdf",
                "csv": "figures/f.csv", "caption": "figures/f.caption.json"}]
    rejects = pd.DataFrame([{"source_path": EVIL, "reason": "empty file"}])
    page = render.index_html(articles, {"d<1>": "articles/d-1.html"}, figures, ["spans.csv"], rejects)
    parsed = _parse(page)
    assert not any(t in ("script", "img") and "onerror" in a for t, a in parsed.tags)
    assert sum(t == "script" for t, _ in parsed.tags) == 0
    assert 'href="articles/d-1.html"' in page and 'src="figures/f.png"' in page
    assert "Inputs not used (1)" in page


def test_fragment_is_scoped_and_scriptless(article):
    page = render.article_fragment(article, schema.empty("spans"), schema.empty("statements"))
    assert page.startswith('<div class="wsw">') and "<script" not in page
    css = render.css(".wsw")
    rules = re.findall(r"([^{}]+)\{", css)
    assert rules and all(sel.strip().startswith(".wsw") for rule in rules for sel in rule.split(","))
