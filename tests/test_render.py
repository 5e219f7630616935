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


# ------------------------------------------------------------------------ issue 12

def test_layers_switch_off_only_themselves():
    """Point 4: unticking one layer used to reset every style of the words it shares with other layers."""
    css = render.css()
    assert ".article:not(.off-cue) .l-cue{outline" in css
    assert ".article:not(.off-loaded) .l-loaded{" in css and ".legend .l-loaded" in css
    assert "!important" not in css.split("@media")[0]  # no blanket reset rule left


def _statements_with_links():
    return pd.DataFrame([
        {"doc_id": "d<1>", "statement_id": "d<1>:0", "start": 0, "end": 10, "text": "acc", "cue": "accused",
         "source": "Kirby", "source_type": "person", "actor": "United States", "target": "North Korea",
         "speaker": "John Kirby", "stance": "accusation", "hedged": False, "evidence": "", "mode": "indirect",
         "time_text": "last week", "event_start": "2022-11-02", "event_end": "2022-11-02", "rule": "r",
         "about_start": "2022-09-01", "about_end": "2022-10-31", "answers": "", "answer_lag_days": ""},
        {"doc_id": "d<1>", "statement_id": "d<1>:1", "start": 11, "end": 20, "text": "den", "cue": "denied",
         "source": "KCNA", "source_type": "media", "actor": "North Korea", "target": "United States",
         "speaker": "", "stance": "denial", "hedged": False, "evidence": "", "mode": "indirect", "time_text": "",
         "event_start": "2022-11-08", "event_end": "2022-11-08", "rule": "r", "about_start": "",
         "about_end": "", "answers": "d<1>:0", "answer_lag_days": "6"},
        {"doc_id": "d<1>", "statement_id": "d<1>:2", "start": 21, "end": 25, "text": "oth", "cue": "said",
         "source": "x", "source_type": "unknown", "actor": "unknown", "target": "", "speaker": "",
         "stance": "other", "hedged": False, "evidence": "", "mode": "indirect", "time_text": "",
         "event_start": "2022-11-08", "event_end": "2022-11-08", "rule": "r", "about_start": "", "about_end": "",
         "answers": "", "answer_lag_days": ""}])


def test_statements_table_shows_answer_link_both_dates_and_speaker():
    html = render.statements_table_html(_statements_with_links())
    assert "answers the accusation #1 (6 days later)" in html
    assert "said 2022-11-02 (“last week”); about 2022-09-01 – 2022-10-31" in html
    assert "John Kirby" in html and "United States → North Korea" in html
    assert ">neither<" in html and ">other<" not in html  # the classroom's word


def test_statements_table_without_the_new_columns():
    old = _statements_with_links().drop(columns=["speaker", "about_start", "about_end", "answers",
                                                 "answer_lag_days"])
    html = render.statements_table_html(old)
    assert "answers the accusation" not in html and "about" not in html and "said 2022-11-08" in html


def test_index_counts_acts_and_answers():
    st = _statements_with_links().assign(act_id=["d<1>:a1", "d<1>:a2", ""])
    html = render.counts_html(st)
    assert "Denials that answer a known accusation: <b>1</b> of 1; median lag <b>6 days</b>" in html


def test_article_errors_appear_beside_their_words():
    text = "The Foreign Ministry said so. Later text."
    errors = pd.DataFrame([{"doc_id": "d<1>", "quote": "The Foreign Ministry", "claim_in_article": "Wrong <b>",
                            "primary_record": "Defence", "source_title": "KCNA", "url": "http://kcna.kp/x",
                            "status": "confirmed error"},
                           {"doc_id": "other", "quote": "Later", "claim_in_article": "n", "primary_record": "n",
                            "source_title": "", "url": "", "status": "probable"}])
    st = _statements_with_links().iloc[:1].assign(start=0, end=29)
    page = render.article_html(_article(text), schema.empty("spans"), st, errors=errors)
    assert 'class="l-erratum"' in page and "Wrong &lt;b&gt;" in page and 'href="http://kcna.kp/x"' in page
    assert "[article error: note 1]" in page and "probable" not in page


def test_fragment_does_not_offer_boxes_it_cannot_work():
    """Point 6: notebook 01's legend said 'untick' with nothing to tick."""
    page = render.article_fragment(_article("x"), schema.empty("spans"), schema.empty("statements"))
    assert "untick" not in page.lower() and 'type="checkbox"' not in page
    assert "What each highlight marks" in page  # explanations without hovering


# ------------------------------------------------------------------------ issue 10 item 6

def test_page_shows_the_article_text_exactly(article):
    """The article box keeps the text's own white space (pre-wrap): the templates add none inside it."""
    from html import unescape

    from analysis import boilerplate

    spans = schema.frame("spans", [{**r, "doc_id": article["doc_id"]}
                                   for r in boilerplate.find_boilerplate(article["text"])])
    for page in (render.article_html(article, spans, schema.empty("statements")),
                 render.article_fragment(article, spans, schema.empty("statements"))):
        inner = re.search(r'<div class="article"[^>]*>(.*?)</div>', page, re.S).group(1)
        assert unescape(re.sub(r"<[^>]+>", "", inner)) == article["text"]


def test_html_functions_return_markup_that_composes_without_double_escaping():
    from markupsafe import Markup

    text = "a < b & c"
    spans = _spans(text, [(0, 1, {"layer": "source", "rule": "r"})])
    piece = render.highlight(text, spans)
    assert isinstance(piece, Markup) and "&amp;" in piece and "&amp;amp;" not in piece
    page = render.article_html(_article(text), spans, schema.empty("statements"))
    assert "a</span> &lt; b &amp; c" in page and "&amp;lt;" not in page
