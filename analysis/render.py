"""Static HTML: the highlighted article and the report index.

Pages are self-contained (inline CSS and a few lines of inline script), so they
work opened from disk, in an LMS upload or nbviewer: no kernel, no network.
Article text is untrusted and every piece of it is escaped.
"""
from __future__ import annotations

import re
from html import escape
from typing import Iterable, Mapping, Sequence

import pandas as pd

from . import __version__
from .lexicons import lexicon_hash
from .schema import LAYERS

#: Legend text for each layer: (name shown, what it marks).
LAYER_LEGEND: dict[str, tuple[str, str]] = {
    "denial": ("denial", "words that deny an accusation (CAMEO 016)"),
    "accusation": ("accusation", "words that accuse someone (CAMEO 112)"),
    "source": ("source", "who is speaking"),
    "cue": ("cue", "the attribution verb or phrase (said, accused, according to)"),
    "content": ("content", "what the source is reported to have said"),
    "quote": ("quote", "text inside quotation marks"),
    "hedge": ("hedge", "words that soften a claim (could potentially, reportedly)"),
    "evidence": ("evidence", "what is said about evidence (no evidence)"),
    "scare_quote": ("scare quote", "quoted words outside any attribution: distance or doubt"),
    "loaded": ("loaded word", "emotionally loaded or labelling words"),
    "timex": ("time", "time expressions, with their resolved date"),
    "boilerplate": ("boilerplate", "not part of the story (ads, forms, captions, credits)"),
}

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:1100px;margin:0 auto;padding:1.2rem 1.5rem 3rem}
h1{font-size:1.7rem;margin:.2rem 0 .4rem} h2{font-size:1.25rem;margin-top:2rem}
.meta{color:#444;font-size:.95rem} .meta span{margin-right:1.2rem}
.note{background:#f6f6f6;border-left:4px solid #999;padding:.5rem .8rem;font-size:.92rem}
.legend{display:flex;flex-wrap:wrap;gap:.35rem .9rem;margin:.8rem 0;padding:.6rem .8rem;border:1px solid #ddd;border-radius:6px}
.legend label{display:flex;align-items:center;gap:.35rem;font-size:.92rem;cursor:pointer}
.article{white-space:pre-wrap;line-height:1.9;font-size:1.08rem;border:1px solid #e3e3e3;border-radius:6px;padding:1rem 1.2rem;overflow-wrap:anywhere}
.l-denial{background:rgba(0,114,178,.20);border-bottom:3px solid #0072B2}
.l-accusation{background:rgba(213,94,0,.18);border-bottom:3px solid #D55E00}
.l-source{font-weight:700;box-shadow:inset 0 -2px 0 #222}
.l-cue{outline:1.5px solid #444;outline-offset:1px;border-radius:2px}
.l-content{text-decoration:underline dotted #555;text-underline-offset:4px}
.l-quote{font-style:italic;color:#5a3d00}
.l-hedge{outline:2px dotted #CC79A7;outline-offset:1px}
.l-evidence{background:rgba(0,158,115,.25);box-shadow:inset 0 -3px 0 #009E73}
.l-scare_quote{outline:2px dashed #E69F00;outline-offset:1px}
.l-loaded{color:#7a1f5c;font-weight:600;text-decoration:underline wavy #CC79A7}
.l-timex{background:rgba(86,180,233,.28)}
.l-boilerplate{color:#8a8a8a;background:#f0f0f0;font-style:normal;font-weight:400;text-decoration:line-through #bbb}
.swatch{display:inline-block;min-width:2.6rem;text-align:center;font-size:.8rem;padding:0 .2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.5rem}
th,td{border-bottom:1px solid #e5e5e5;padding:.35rem .4rem;text-align:left;vertical-align:top}
th{background:#fafafa}
td.stmt{min-width:16rem}
td.stance-denial{color:#005080;font-weight:700} td.stance-accusation{color:#a04000;font-weight:700}
code{font-size:.8em;color:#333;word-break:normal;overflow-wrap:normal}
figure{margin:1rem 0} figure img{max-width:100%;border:1px solid #eee}
"""

_TOGGLE_SCRIPT = """
document.querySelectorAll('.legend input').forEach(function(box){
  box.addEventListener('change',function(){
    document.getElementById('article').classList.toggle('off-'+box.value,!box.checked);
  });
});
"""


def _off_css() -> str:
    """CSS that removes a layer's styling when its legend box is unticked."""
    reset = ("background:none!important;border:none!important;outline:none!important;box-shadow:none!important;"
             "text-decoration:none!important;font-weight:inherit!important;font-style:inherit!important;"
             "color:inherit!important")
    return "\n".join(f".off-{layer} .l-{layer}{{{reset}}}" for layer in LAYERS)


def css(scope: str = "", skip: Sequence[str] = ()) -> str:
    """The kit's page CSS; with `scope` (e.g. ``.wsw``) every rule is limited to that container.

    Scoped CSS lets the same highlighting appear inside JupyterLab or a widget
    without restyling the notebook around it. Rules whose selectors are all in
    `skip` (e.g. page-level ``h1``) are left out.
    """
    rules = [rule.strip() for rule in re.findall(r"[^{}]+\{[^{}]*\}", _CSS + "\n" + _off_css())]
    out = []
    for rule in rules:
        selectors, _, body = rule.partition("{")
        names = [sel.strip() for sel in selectors.split(",")]
        if skip and all(name in skip for name in names):
            continue
        if scope:
            # `body`/`main` become the scope itself; everything else is nested inside it.
            names = [scope if name in ("body", "main") else f"{scope} {name}" for name in names]
        out.append(",".join(names) + "{" + body)
    return "\n".join(out)


def _tooltip(row: Mapping) -> str:
    parts = [f"{row['layer']}"]
    if row.get("label"):
        parts.append(str(row["label"]))
    if row.get("value"):
        parts.append(f"= {row['value']}")
    parts.append(f"[rule {row['rule']}]")
    return " ".join(parts)


def highlight(text: str, spans: pd.DataFrame) -> str:
    """`text` as escaped HTML with every span wrapped in classes ``l-<layer>`` (overlaps nest by splitting)."""
    rows = [r for r in spans.to_dict("records") if 0 <= int(r["start"]) < int(r["end"]) <= len(text)]
    cuts = sorted({0, len(text), *(int(r["start"]) for r in rows), *(int(r["end"]) for r in rows)})
    starts: dict[int, list] = {}
    for r in rows:
        starts.setdefault(int(r["start"]), []).append(r)
    active: list[dict] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [r for r in active if int(r["end"]) > a] + starts.get(a, [])
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        layers = sorted({r["layer"] for r in active}, key=lambda l: LAYERS.index(l) if l in LAYERS else 99)
        classes = " ".join(f"l-{escape(l)}" for l in layers)
        title = escape(" | ".join(_tooltip(r) for r in active))
        out.append(f'<span class="{classes}" title="{title}">{piece}</span>')
    return "".join(out)


def legend_html(spans: pd.DataFrame, layers: Sequence[str] = LAYERS) -> str:
    """Legend with a swatch, a count and an on/off box per layer."""
    counts = spans["layer"].value_counts().to_dict() if len(spans) else {}
    items = []
    for layer in layers:
        name, what = LAYER_LEGEND.get(layer, (layer, ""))
        items.append(
            f'<label title="{escape(what)}"><input type="checkbox" value="{escape(layer)}" checked>'
            f'<span class="swatch l-{escape(layer)}">{escape(name)}</span> {counts.get(layer, 0)}</label>')
    return '<div class="legend" aria-label="layers">' + "".join(items) + "</div>"


def statements_table_html(statements: pd.DataFrame) -> str:
    """The evidence table: one row per statement with its source, actor, target, stance, cue, time and rule."""
    if statements.empty:
        return "<p>No attributed statements were found.</p>"
    head = ("<tr><th>#</th><th>stance</th><th>who (actor)</th><th>against whom</th><th>source as written</th>"
            "<th>cue</th><th>mode</th><th>hedged / evidence</th><th>when it happened</th><th>statement</th>"
            "<th>rule</th></tr>")
    body = []
    for i, s in enumerate(statements.to_dict("records"), 1):
        when = s["event_start"] if s["event_start"] == s["event_end"] else f"{s['event_start']} – {s['event_end']}"
        when_text = f" (“{s['time_text']}”)" if s["time_text"] else " (publication date)"
        flags = ", ".join(x for x in ("hedged" if s["hedged"] else "", s["evidence"]) if x)
        body.append(
            f"<tr><td>{i}</td><td class=\"stance-{escape(s['stance'])}\">{escape(s['stance'])}</td>"
            f"<td>{escape(s['actor'])} <small>({escape(s['source_type'])})</small></td><td>{escape(s['target'])}</td>"
            f"<td>{escape(s['source'])}</td><td>{escape(s['cue'])}</td><td>{escape(s['mode'])}</td>"
            f"<td>{escape(flags)}</td><td>{escape(when)}{escape(when_text)}</td><td class=\"stmt\">{escape(s['text'])}</td>"
            f"<td><code>{'+<wbr>'.join(escape(part) for part in s['rule'].split('+'))}</code></td></tr>")
    return f"<table>{head}{''.join(body)}</table>"


def _page(title: str, body: str, script: str = "") -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{css()}</style></head>"
            f"<body><main>{body}</main>{f'<script>{script}</script>' if script else ''}</body></html>\n")


def article_body(article: Mapping, spans: pd.DataFrame, statements: pd.DataFrame) -> str:
    """Header, legend, highlighted text and evidence table of one article (HTML, escaped)."""
    doc_spans = spans[spans["doc_id"] == article["doc_id"]] if len(spans) else spans
    doc_statements = statements[statements["doc_id"] == article["doc_id"]] if len(statements) else statements
    meta = "".join(f"<span><b>{escape(k)}:</b> {escape(str(article.get(k, '')) or 'unknown')}</span>"
                   for k in ("outlet", "credit", "published", "doc_id"))
    return (
        f"<h1>{escape(str(article.get('title') or article['doc_id']))}</h1><p class=\"meta\">{meta}</p>"
        "<p class=\"note\">Every highlight is a machine label; hover over it to see its layer, value and the rule "
        "that made it. Untick a layer in the legend to hide it. Boilerplate (ads, forms, captions, credits) is "
        "greyed out and never counted.</p>"
        f"{legend_html(doc_spans)}"
        f"<div class=\"article\" id=\"article\">{highlight(str(article['text']), doc_spans)}</div>"
        f"<h2>Statements found ({len(doc_statements)})</h2>{statements_table_html(doc_statements)}"
        f"<p class=\"meta\">kit {escape(__version__)} · lexicon hash {escape(lexicon_hash())}</p>")


def article_html(article: Mapping, spans: pd.DataFrame, statements: pd.DataFrame,
                 back_link: str | None = "../index.html") -> str:
    """A standalone page: the article with its layers highlighted, a legend and the evidence table."""
    nav = f'<p><a href="{escape(back_link)}">← all articles and figures</a></p>' if back_link else ""
    return _page(str(article.get("title") or article["doc_id"]), nav + article_body(article, spans, statements),
                 _TOGGLE_SCRIPT)


def article_fragment(article: Mapping, spans: pd.DataFrame, statements: pd.DataFrame) -> str:
    """The article page as a self-styled ``<div>`` for notebooks and widgets (CSS scoped, no script)."""
    # No script here, so the legend's on/off boxes could not work: hide them.
    return (f"<div class=\"wsw\"><style>{css('.wsw')}\n.wsw .legend input{{display:none}}</style>"
            f"{article_body(article, spans, statements)}</div>")


def index_html(articles: pd.DataFrame, pages: Mapping[str, str], figures: Iterable[Mapping],
               tables: Sequence[str] = (), rejects: pd.DataFrame | None = None) -> str:
    """The report's front page: article pages, figures (with their data and formats), tables and rejects.

    `pages` maps doc_id to a relative link; each figure is a mapping with ``name``, ``title`` and
    relative ``png``, ``svg``, ``pdf``, ``csv``, ``caption`` links.
    """
    items = "".join(
        f"<li><a href=\"{escape(pages[row['doc_id']])}\">{escape(str(row['title']) or row['doc_id'])}</a> "
        f"<small>{escape(str(row['outlet']))} · {escape(str(row['published']) or 'date unknown')}</small></li>"
        for row in articles.to_dict("records") if row["doc_id"] in pages)
    figs = "".join(
        f"<figure><img src=\"{escape(f['png'])}\" alt=\"{escape(f['title'])}\"><figcaption>{escape(f['title'])} — "
        + " · ".join(f"<a href=\"{escape(f[k])}\">{k.upper() if k != 'caption' else 'caption'}</a>"
                     for k in ("png", "svg", "pdf", "csv", "caption"))
        + "</figcaption></figure>" for f in figures)
    table_links = " · ".join(f"<a href=\"{escape(t)}\">{escape(t)}</a>" for t in tables)
    reject_html = ""
    if rejects is not None and len(rejects):
        rows = "".join(f"<tr><td>{escape(str(r['source_path']))}</td><td>{escape(str(r['reason']))}</td></tr>"
                       for r in rejects.to_dict("records"))
        reject_html = f"<h2>Inputs not used ({len(rejects)})</h2><table><tr><th>file</th><th>reason</th></tr>{rows}</table>"
    body = (f"<h1>Who said what, when</h1><p class=\"meta\">kit {escape(__version__)} · lexicon hash "
            f"{escape(lexicon_hash())} · {len(articles)} article(s)</p>"
            "<p class=\"note\">Counts are of <b>statements reported</b> in these articles, not of events in the "
            "world. Each figure sits beside the CSV of its numbers and a caption file saying what was counted.</p>"
            f"<h2>Articles</h2><ul>{items}</ul><h2>Figures</h2>{figs}"
            f"<h2>Tables</h2><p>{table_links}</p>{reject_html}")
    return _page("Who said what, when — report", body)
