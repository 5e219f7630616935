"""Untrusted input: every HTML written escapes article text, file names are safe, no network at run time."""
from __future__ import annotations

import socket
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
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


def assert_inert(html: str, where: str = "", kit_handler: str | None = None) -> None:
    """No live markup in `html`; with `kit_handler`, an ``<img onerror>`` running exactly the kit's code is allowed."""
    parser = TagCollector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        if kit_handler and tag == "img" and set(attrs) >= {"onerror"} and attrs["onerror"].startswith(kit_handler):
            assert "alert(" not in attrs["onerror"] and not (set(attrs) - {"alt", "src", "style", "onerror"}), where
            continue
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


# ------------------------------------------------ every template, every field (issue 10 item 6)

def _mark(field: str) -> str:
    """A payload naming the field it was put in, so a test can tell which field came out unescaped."""
    return f"<script>alert('{field}')</script>\"onmouseover=alert(1) x=\"</textarea>'><img src=x onerror=alert(2)>"


FIELDS = ("title", "outlet", "credit", "body", "actor", "target", "source", "speaker", "cue", "quote",
          "time_text", "rule", "span_value", "claim", "primary_record", "source_title", "status", "sentence",
          "student", "problem", "figure", "file")
HOSTILE_TEXT = (f"Ruritania denied {_mark('body')} the report, {_mark('quote')} said Officials. "
                "Later, the ministry accused Freedonia of lying, officials said.")
#: The kit's own handler (widgets/article_view.html): scrolls the article box to the chosen statement.
KIT_HANDLER = "(function(img){var box=img.parentNode.querySelector('.article');"


def _hostile_tables():
    from analysis.pipeline import Tables

    text = HOSTILE_TEXT
    cut = text.index(" Later")
    articles = schema.frame("articles", [{"doc_id": "h", "title": _mark("title"), "outlet": _mark("outlet"),
                                          "credit": _mark("credit"), "published": "2022-11-08", "text": text,
                                          "source_path": "h.md"}])
    common = {"doc_id": "h", "mode": "direct", "source_type": "government", "event_start": "2022-11-08",
              "event_end": "2022-11-08", "actor": _mark("actor"), "target": _mark("target"),
              "source": _mark("source"), "speaker": _mark("speaker"), "cue": _mark("cue"),
              "time_text": _mark("time_text"), "rule": "src.left+" + _mark("rule"), "hedged": True,
              "evidence": "no evidence"}
    statements = schema.frame("statements", [
        {**common, "statement_id": "h:1", "sent_index": 0, "start": 0, "end": cut, "text": text[:cut],
         "stance": "denial", "answers": "h:2", "answer_lag_days": "3"},
        {**common, "statement_id": "h:2", "sent_index": 1, "start": cut + 1, "end": len(text), "text": text[cut + 1:],
         "stance": "accusation", "event_start": "2022-11-01", "event_end": "2022-11-05"}])
    quote_at = text.index(_mark("quote"))
    spans = schema.frame("spans", [
        {"doc_id": "h", "layer": "denial", "start": 10, "end": 16, "text": "denied", "rule": _mark("rule"),
         "label": _mark("rule"), "value": _mark("span_value")},
        {"doc_id": "h", "layer": "quote", "start": quote_at, "end": quote_at + len(_mark("quote")),
         "text": _mark("quote"), "rule": "q", "value": "h:1"},
        {"doc_id": "h", "layer": "source", "start": 0, "end": 9, "text": "Ruritania", "rule": "s", "value": "h:1"}])
    errors = pd.DataFrame([{"doc_id": "h", "quote": "Ruritania denied", "claim_in_article": _mark("claim"),
                            "primary_record": _mark("primary_record"), "source_title": _mark("source_title"),
                            "url": "https://example.org/?a=1&b=<2>", "status": _mark("status")},
                           {"doc_id": "h", "quote": "", "claim_in_article": _mark("claim"),
                            "primary_record": "p", "source_title": "", "url": "", "status": "probable"}])
    return Tables(articles, spans, statements, schema.empty("counts")), errors


def _key():
    cut = HOSTILE_TEXT.index(" Later")
    return pd.DataFrame({"sent_index": [0, 1], "start": [0, cut + 1], "end": [cut, len(HOSTILE_TEXT)],
                         "text": [_mark("sentence") + " one", "Later, the ministry accused Freedonia."],
                         "label": ["denial", "accusation"], "speaker": ["unknown", "unknown"]})


def _visible(html: str) -> str:
    """Text and attribute values as a browser shows them (entities decoded), for 'shown, not dropped'."""
    parser = TagCollector()
    text: list[str] = []
    parser.handle_data = text.append
    parser.feed(html)
    return "".join(text) + " ".join(v for _, attrs in parser.tags for v in attrs.values())


def _widget_html(widget) -> list[str]:
    """The HTML of every HTML widget inside `widget` (text boxes hold text, not HTML)."""
    import ipywidgets as w

    out = [str(widget.value)] if isinstance(widget, w.HTML) else []
    for child in getattr(widget, "children", ()):
        out += _widget_html(child)
    return out


@pytest.fixture
def rendered_templates(monkeypatch):
    """The names of the templates (and messages.html macros) the test renders, however they are reached."""
    from analysis import templating

    env = templating.environment()
    names: set[str] = set()
    get_template = env.get_template

    def recording(name, *args, **kwargs):
        names.add(str(name))
        return get_template(name, *args, **kwargs)

    monkeypatch.setattr(env, "get_template", recording)
    render_ = templating.render

    def recording_render(name, macro=None, *args, **context):
        if macro:
            names.add(f"{name}:{macro}")
        return render_(name, macro, *args, **context)

    monkeypatch.setattr(templating, "render", recording_render)
    from analysis import classroom_app, widgets
    monkeypatch.setattr(widgets, "render_template", recording_render)
    monkeypatch.setattr(classroom_app, "render_template", recording_render)
    monkeypatch.setattr(render, "render", recording_render)
    return names


def _every_html_the_kit_writes(tmp_path) -> dict[str, str]:
    """Every page and widget fragment, built from hostile input through every path that shows it."""
    import datetime as dt

    from analysis import classroom as cls, classroom_app, widgets

    tables, errors = _hostile_tables()
    art = tables.articles.iloc[0].to_dict()
    out = {"page": render.article_html(art, tables.spans, tables.statements, back_link=_mark("file"), errors=errors),
           "fragment": render.article_fragment(art, tables.spans, tables.statements, errors),
           "counts": render.counts_html(tables.statements),
           "no counts": render.counts_html(tables.statements.iloc[:0]),
           "no statements": render.statements_table_html(tables.statements.iloc[:0])}
    figures = [{"name": "f", "title": _mark("figure"), **{k: f"figures/{_mark('file')}.{k}"
                                                          for k in ("png", "svg", "pdf", "csv", "caption")}}]
    rejects = pd.DataFrame([{"source_path": _mark("file"), "reason": _mark("file")}])
    out["index"] = render.index_html(tables.articles, {"h": _mark("file")}, figures, [_mark("file")], rejects,
                                     tables.statements)
    # The article explorer: every statement chosen (evidence, scrolling), every layer off and on.
    explorer = widgets.article_explorer(tables, errors=errors)
    c = explorer.controls
    for sid in tables.statements["statement_id"]:
        c.statements.value = sid
        out[f"explorer {sid}"] = "".join(_widget_html(explorer))
    for box in c.layers.values():
        box.value = False
    out["explorer no layers"] = "".join(_widget_html(explorer))
    # The timeline: a period's statements, a saved export and one that fails on a hostile folder name.
    blocker = tmp_path / "<img src=x onerror=alert(3)>"
    blocker.write_text("x")
    timeline = widgets.timeline_explorer(tables, out_dir=tmp_path / "figs")
    t = timeline.controls
    t.period.value = [v for _, v in t.period.options if v][0]
    t.export.click()
    out["timeline saved"] = "".join(_widget_html(timeline))
    t.out_dir.value = str(blocker / "sub")
    t.export.click()
    out["timeline failed"] = "".join(_widget_html(timeline))
    # The classroom: a hostile sentence and student name, a bad upload, hand-in, score.
    key, answers = _key(), tmp_path / "answers"
    form = classroom_app.classroom(key, tables.statements, answers_dir=answers, errors=errors)
    f = form.controls
    f.score.click()
    f.save.click()
    out["form before"] = "".join(_widget_html(form))
    f.upload.value = ({"name": _mark("file"), "type": "text/csv", "size": 1, "content": memoryview(b"a,b\n1,2\n"),
                       "last_modified": dt.datetime(2026, 1, 1)},)
    out["form upload"] = "".join(_widget_html(form))
    f.student.value = _mark("student")
    f.labels[0].value, f.labels[1].value = "neither", "accusation"
    f.save.click()
    f.save.click()
    sheet = sorted(answers.glob("*.csv"))[0]
    f.upload.value = ({"name": sheet.name, "type": "text/csv", "size": 1, "content": memoryview(sheet.read_bytes()),
                       "last_modified": dt.datetime(2026, 1, 1)},)
    out["form scored"] = "".join(_widget_html(form))
    broken = classroom_app.classroom(key, tables.statements, answers_dir=blocker / "sub")
    broken.controls.student.value = "Ada"
    broken.controls.save.click()
    out["form failed"] = "".join(_widget_html(broken))
    # The teacher's view: hostile names, a hostile unreadable sheet, the key released and hidden.
    export.write_answers(cls.answers_from_choices("Bo", {0: ("denial", "unknown"), 1: ("denial", "unknown")}),
                         answers)
    (answers / f"{_mark('problem').replace('/', '')}.csv").write_bytes(b"a,b\n1,2\n")
    teacher = classroom_app.class_results(key, tables.statements, answers_dir=answers)
    tc = teacher.controls
    tc.compare.click()
    tc.release.value = True
    out["teacher"] = "".join(_widget_html(teacher))
    tc.release.value = False
    out["teacher hidden"] = "".join(_widget_html(teacher))
    empty = classroom_app.class_results(key, tables.statements, answers_dir=blocker / "sub")
    empty.controls.compare.click()
    empty.controls.release.value = True
    out["teacher failed"] = "".join(_widget_html(empty))
    single = widgets.article_explorer(tables)  # one article: its title is shown as a heading
    out["explorer title"] = "".join(_widget_html(single))
    return out


def test_every_template_escapes_every_field(tmp_path, rendered_templates):
    """Hostile text in every field of an article, its statements, spans, errors, class sheets and file names."""
    pages = _every_html_the_kit_writes(tmp_path)
    for name, html in pages.items():
        # The kit's own scroll handler is the one event attribute a widget may carry.
        assert_inert(html, name, kit_handler=KIT_HANDLER if name.startswith("explorer") else None)
    shown = " ".join(_visible(html) for html in pages.values())
    missing = [field for field in FIELDS if _mark(field).replace("/", "") not in shown.replace("/", "")]
    assert not missing, f"shown nowhere (dropped instead of escaped?): {missing}"
    page = _visible(pages["page"])
    for field in ("title", "body", "actor", "source", "quote", "speaker", "cue", "claim"):
        assert _mark(field) in page, field
    # Every template file, and every message macro, was rendered by this test.
    root = Path(render.__file__).parent / "templates"
    files = {p.relative_to(root).as_posix() for p in root.rglob("*.html")}
    assert files <= rendered_templates, f"not covered: {sorted(files - rendered_templates)}"
    import re

    macros = set(re.findall(r"{%-?\s*macro\s+(\w+)", (root / "widgets" / "messages.html").read_text()))
    called = {name.split(":", 1)[1] for name in rendered_templates if name.startswith("widgets/messages.html:")}
    assert macros and macros <= called, f"messages not covered: {sorted(macros - called)}"


def test_templates_are_rendered_with_autoescape_and_nothing_opts_out():
    import ast
    import re

    from jinja2 import StrictUndefined

    from analysis import templating

    env = templating.environment()
    assert env.autoescape is True and env.undefined is StrictUndefined
    root = Path(render.__file__).parent / "templates"
    templates = sorted(root.rglob("*.html"))
    assert templates
    for path in templates:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup|\|\s*e\b", source), path
        env.get_template(path.relative_to(root).as_posix())  # compiles
    # In Python, only templating.py makes Markup, and only the kit's own CSS is marked safe by hand.
    package = Path(render.__file__).parent
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("html", "markupsafe"):
                assert "escape" not in {a.name for a in node.names}, f"{path}:{node.lineno}"
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "id", getattr(node.func, "attr", ""))
            assert called != "Markup" or path.name == "templating.py", f"{path}:{node.lineno}"
            by_hand = called == "escape" and getattr(getattr(node.func, "value", None), "id", "html") in (
                "html", "markupsafe")  # escape(...) or html.escape(...), not re.escape(...)
            assert not by_hand, f"{path}:{node.lineno} escapes by hand: leave it to a template"
            if called == "kit_css" and path.name != "templating.py":
                assert all(_is_kit_css(arg) for arg in node.args), f"{path}:{node.lineno}"


def _is_kit_css(node) -> bool:
    """A call of css()/scoped_css(), a module constant, or an f-string of those."""
    import ast

    if isinstance(node, ast.Call):
        return getattr(node.func, "id", getattr(node.func, "attr", "")) in ("css", "scoped_css")
    if isinstance(node, ast.Name):
        return node.id.lstrip("_").isupper()
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return all(_is_kit_css(v.value if isinstance(v, ast.FormattedValue) else v) for v in node.values)
    return False


def test_a_plain_string_given_as_html_is_shown_as_text():
    """The safety net: HTML that did not come from a template is escaped, not trusted."""
    from analysis import widgets

    boxed = widgets.wrap("<b>not from a template</b>")
    assert "&lt;b&gt;not from a template&lt;/b&gt;" in boxed
