"""Static HTML: the highlighted article and the report index.

Pages are self-contained (inline CSS and a few lines of inline script), so they
work opened from disk, in an LMS upload or nbviewer: no kernel, no network.
Article text is untrusted: this module only gathers what a page shows, and the
templates in ``analysis/templates/`` (rendered by :mod:`analysis.templating`, autoescape
on) turn it into HTML, so every value is escaped unless the kit itself built it.
Each HTML function returns :class:`markupsafe.Markup`, a ``str`` that another template
takes as it is.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

import pandas as pd
from markupsafe import Markup

from . import __version__
from .lexicons import lexicon_hash
from .schema import LAYERS
from .templating import kit_css, render

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
    "erratum": ("article's error", "words the primary record contradicts or cannot confirm (notes below the text)"),
}

#: What a person reads for each stance value (the classroom's word for the kit's 'other').
STANCE_NAMES = {"other": "neither"}

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
.l-erratum{border-top:2px dashed #a04000}
.swatch{display:inline-block;min-width:2.6rem;text-align:center;font-size:.8rem;padding:0 .2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.5rem}
th,td{border-bottom:1px solid #e5e5e5;padding:.35rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word;word-break:normal;hyphens:manual}
th{background:#fafafa}
td.stmt{min-width:14rem}
.scroll{overflow-x:auto;max-width:100%}
.legend-help{font-size:.9rem;margin:.2rem 0 .6rem} .legend-help dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0}
.legend-help dt{font-weight:600} .legend-help dd{margin:0}
.explain{position:sticky;bottom:0;background:#fffbe6;border:1px solid #e6d9a6;border-radius:6px;padding:.45rem .7rem;font-size:.92rem;margin:.5rem 0;min-height:1.3rem}
.errata{border-left:4px solid #a04000;background:#fff6ef;padding:.5rem .9rem;margin:1rem 0}
.errata li{margin:.3rem 0}
.links{font-size:.85rem;color:#333}
td.stance-denial{color:#005080;font-weight:700} td.stance-accusation{color:#a04000;font-weight:700}
code{font-size:.8em;color:#333;word-break:normal;overflow-wrap:normal}
figure{margin:1rem 0} figure img{max-width:100%;border:1px solid #eee}
@media (max-width:700px){main{padding:.8rem .7rem 2rem} table.statements,table.statements tbody,table.statements tr,table.statements td{display:block;width:auto} table.statements tr:first-child{display:none} table.statements tr{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.3rem .5rem} table.statements td{border:none;padding:.15rem 0} table.statements td::before{content:attr(data-label) ": ";font-weight:600;color:#555} td.stmt{min-width:0}}
"""

def _layer_rule(selector: str) -> str | None:
    """`.l-denial` -> the selector that styles the layer only while its legend box is ticked.

    Each layer's look is switched on by its own ``off-<layer>`` class alone, so unticking
    one layer never strips another layer's styling from the same words (a span marked
    ``l-denial l-cue`` keeps its cue box when denials are hidden).
    """
    match = re.fullmatch(r"\.l-([a-z_]+)", selector.strip())
    if not match:
        return None
    layer = match.group(1)
    return f".legend .l-{layer},.article:not(.off-{layer}) .l-{layer}"


def css(scope: str = "", skip: Sequence[str] = ()) -> str:
    """The kit's page CSS; with `scope` (e.g. ``.wsw``) every rule is limited to that container.

    Scoped CSS lets the same highlighting appear inside JupyterLab or a widget
    without restyling the notebook around it. Rules whose selectors are all in
    `skip` (e.g. page-level ``h1``) are left out.
    """
    # Media queries are kept whole (only scoped pages, i.e. notebooks, leave them out).
    media = re.findall(r"@media[^{]+\{(?:[^{}]*\{[^{}]*\})*\s*\}", _CSS)
    plain = re.sub(r"@media[^{]+\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", _CSS)
    rules = [rule.strip() for rule in re.findall(r"[^{}]+\{[^{}]*\}", plain)]
    out = []
    for rule in rules:
        selectors, _, body = rule.partition("{")
        names = []
        for sel in selectors.split(","):
            names.extend((_layer_rule(sel) or sel.strip()).split(","))
        if skip and all(name in skip for name in names):
            continue
        if scope:
            # `body`/`main` become the scope itself; everything else is nested inside it.
            names = [scope if name in ("body", "main") else f"{scope} {name}" for name in names]
        out.append(",".join(names) + "{" + body)
    if not scope:
        out.extend(media)
    return "\n".join(out)


def _tooltip(row: Mapping) -> str:
    parts = [f"{row['layer']}"]
    if row.get("label"):
        parts.append(str(row["label"]))
    if row.get("value"):
        parts.append(f"= {row['value']}")
    parts.append(f"[rule {row['rule']}]")
    return " ".join(parts)


def highlight(text: str, spans: pd.DataFrame) -> Markup:
    """`text` as escaped HTML with every span wrapped in classes ``l-<layer>`` (overlaps nest by splitting).

    >>> from analysis.schema import frame
    >>> str(highlight("He denied <it>.", frame("spans", [{"layer": "denial", "start": 3, "end": 9, "rule": "D"}])))
    'He <span class="l-denial" title="denial [rule D]">denied</span> &lt;it&gt;.'
    """
    rows = [r for r in spans.to_dict("records") if 0 <= int(r["start"]) < int(r["end"]) <= len(text)]
    cuts = sorted({0, len(text), *(int(r["start"]) for r in rows), *(int(r["end"]) for r in rows)})
    starts: dict[int, list] = {}
    for r in rows:
        starts.setdefault(int(r["start"]), []).append(r)
    active: list[dict] = []
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = [r for r in active if int(r["end"]) > a] + starts.get(a, [])
        if not active:
            pieces.append({"text": text[a:b], "classes": ""})
            continue
        layers = sorted({r["layer"] for r in active}, key=lambda l: LAYERS.index(l) if l in LAYERS else 99)
        pieces.append({"text": text[a:b], "classes": " ".join(f"l-{l}" for l in layers),
                       "title": " | ".join(_tooltip(r) for r in active)})
    return render("highlight.html", pieces=pieces)


def legend_html(spans: pd.DataFrame, layers: Sequence[str] = LAYERS, boxes: bool = True) -> Markup:
    """Legend with a swatch, a count and (with `boxes`) an on/off box per layer.

    What each layer marks is written out under the legend, not only in a hover title,
    so it reaches touch screens and projectors.
    """
    counts = spans["layer"].value_counts().to_dict() if len(spans) else {}
    items = []
    for layer in layers:
        name, what = LAYER_LEGEND.get(layer, (layer, ""))
        items.append({"layer": layer, "name": name, "what": what, "count": counts.get(layer, 0)})
    return render("legend.html", items=items, boxes=boxes)


def stance_name(stance: str) -> str:
    """'other' -> 'neither' (the classroom's word); every other stance as it is."""
    return STANCE_NAMES.get(str(stance), str(stance))


def _value(row: Mapping, column: str) -> str:
    value = row.get(column, "")
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def when_said(row: Mapping) -> str:
    """The statement's date range as text ('2022-11-08', or '2022-09-01 – 2022-09-30'), '' when unknown."""
    start, end = _value(row, "event_start"), _value(row, "event_end")
    return start if start == end or not end else f"{start} – {end}"


def when_about(row: Mapping) -> str:
    """When the thing the statement talks about happened (``about_start``/``about_end``), '' when not given."""
    start, end = _value(row, "about_start"), _value(row, "about_end")
    if not start:
        return ""
    return start if start == end or not end else f"{start} – {end}"


def answer_text(row: Mapping, numbers: Mapping[str, int] | None = None) -> str:
    """'answers the accusation #3 (6 days later)' for a denial linked to the accusation it answers, else ''."""
    target = _value(row, "answers").strip()
    if not target:
        return ""
    which = f"#{numbers[target]}" if numbers and target in numbers else target
    lag = _value(row, "answer_lag_days").strip()
    try:
        days = int(float(lag))
        later = f" ({days} day{'s' if days != 1 else ''} later)" if lag else ""
    except ValueError:
        later = ""
    return f"answers the accusation {which}{later}"


def errata_for(article: Mapping, errors: pd.DataFrame | None) -> list[dict]:
    """The recorded errors of `article` (``load.read_article_errors``), each with its offsets in the text.

    Rows whose quote is not in the text (or that concern the article as a whole) get start = end = -1.
    """
    if errors is None or not len(errors):
        return []
    text = str(article.get("text", ""))
    out = []
    for row in errors[errors["doc_id"] == article["doc_id"]].to_dict("records"):
        start = text.find(row["quote"]) if row.get("quote") else -1
        out.append({**row, "start": start, "end": start + len(row["quote"]) if start >= 0 else -1})
    return out


def errata_spans(article: Mapping, errata: Sequence[Mapping]) -> pd.DataFrame:
    """Spans of the layer ``erratum`` for the errors anchored in the text (for :func:`highlight`)."""
    from .schema import frame

    text = str(article.get("text", ""))
    return frame("spans", [{"doc_id": article["doc_id"], "layer": "erratum", "label": e["status"],
                            "start": e["start"], "end": e["end"], "text": text[e["start"]:e["end"]],
                            "value": f"note {n}", "rule": "data/timeline/article_errors.csv"}
                           for n, e in enumerate(errata, 1) if e["start"] >= 0])


def errata_html(errata: Sequence[Mapping]) -> Markup:
    """The article's recorded errors as a numbered list, each with the primary record and its link."""
    # The template reads quote, url and source_title as .get() would: absent is empty.
    return render("errata.html", errata=[{"quote": "", "url": "", "source_title": "", **e} for e in errata])


def flags_text(statement: Mapping) -> str:
    """'hedged, no evidence': the statement's hedge and evidence flags, '' when it has none."""
    return ", ".join(x for x in ("hedged" if statement["hedged"] else "", statement["evidence"]) if x)


def statements_table_html(statements: pd.DataFrame, errata: Sequence[Mapping] = ()) -> Markup:
    """The evidence table: one row per statement: stance, who → whom, as written, when, the statement, rule.

    A denial that answers an accusation says which one and how many days later; a
    statement holding words the primary record contradicts points to the note below.
    On narrow screens each row becomes a card (see the page CSS).
    """
    if statements.empty:
        return render("statements_table.html", rows=[])
    numbers = {sid: i for i, sid in enumerate(statements["statement_id"], 1)}
    rows = []
    for i, s in enumerate(statements.to_dict("records"), 1):
        said = when_said(s)
        said += f" (“{s['time_text']}”)" if s["time_text"] else " (publication date)"
        about = when_about(s)
        rows.append({
            "number": i, "stance": s["stance"], "stance_name": stance_name(s["stance"]),
            "answers": answer_text(s, numbers), "actor": s["actor"], "target": s["target"],
            "speaker": _value(s, "speaker"), "source_type": s["source_type"], "source": s["source"],
            "cue": s["cue"], "mode": s["mode"], "when": f"said {said}" + (f"; about {about}" if about else ""),
            "text": s["text"], "flags": flags_text(s), "rule": s["rule"],
            "notes": [n for n, e in enumerate(errata, 1)
                      if e["start"] >= 0 and int(s["start"]) <= e["start"] < int(s["end"])]})
    return render("statements_table.html", rows=rows)


def article_body(article: Mapping, spans: pd.DataFrame, statements: pd.DataFrame,
                 errors: pd.DataFrame | None = None, interactive: bool = True) -> Markup:
    """Header, legend, highlighted text, the article's own errors and the evidence table (HTML, escaped).

    `interactive` pages (the static HTML, with its script) have legend boxes and a tap box
    that explains a highlight; notebook fragments have neither and say so.
    """
    doc_spans = spans[spans["doc_id"] == article["doc_id"]] if len(spans) else spans
    doc_statements = statements[statements["doc_id"] == article["doc_id"]] if len(statements) else statements
    errata = errata_for(article, errors)
    marks = errata_spans(article, errata)
    shown = pd.concat([doc_spans, marks], ignore_index=True) if len(marks) else doc_spans
    layers = list(LAYERS) + (["erratum"] if len(marks) else [])
    return render(
        "article_body.html", title=str(article.get("title") or article["doc_id"]),
        meta=[(k, str(article.get(k, "")) or "unknown") for k in ("outlet", "credit", "published", "doc_id")],
        interactive=interactive, legend=legend_html(shown, layers=layers, boxes=interactive),
        article=highlight(str(article["text"]), shown), errata=errata_html(errata), count=len(doc_statements),
        table=statements_table_html(doc_statements, errata), version=__version__, lexicon_hash=lexicon_hash())


def article_html(article: Mapping, spans: pd.DataFrame, statements: pd.DataFrame,
                 back_link: str | None = "../index.html", errors: pd.DataFrame | None = None) -> Markup:
    """A standalone page: the article with its layers highlighted, a legend, its errors and the evidence table."""
    return render("article_page.html", title=str(article.get("title") or article["doc_id"]), css=kit_css(css()),
                  back_link=back_link, body=article_body(article, spans, statements, errors)) + "\n"


#: JupyterLab styles every output table (fixed layout, right-aligned cells), which squeezes the
#: statements to a word per line: these rules win over it.
_LAB_CSS = (".wsw table.statements,.wsw table.counts{table-layout:auto!important}"
            ".wsw table.statements td,.wsw table.statements th{text-align:left!important;max-width:none!important}"
            ".wsw table.statements td.stmt{min-width:16rem!important}")


def article_fragment(article: Mapping, spans: pd.DataFrame, statements: pd.DataFrame,
                     errors: pd.DataFrame | None = None) -> Markup:
    """The article page as a self-styled ``<div>`` for notebooks and widgets (CSS scoped, no script, no boxes)."""
    return render("scoped.html", css=kit_css(f"{css('.wsw')}\n{_LAB_CSS}"),
                  body=article_body(article, spans, statements, errors, interactive=False))


def counts_html(statements: pd.DataFrame) -> Markup:
    """What the articles report, in numbers: statements, speech acts, denials answering an accusation, median lag."""
    from .aggregate import act_ids, answer_links, has_acts

    if statements.empty:
        return render("counts.html", rows=[])
    acts = act_ids(statements)
    rows = []
    for stance in ("denial", "accusation", "other"):
        mine = statements["stance"] == stance
        rows.append({"stance": stance_name(stance), "statements": int(mine.sum()), "acts": acts[mine].nunique()})
    links = answer_links(statements)
    lag = links["median_lag_days"]
    return render("counts.html", rows=rows, grouped=has_acts(statements), linked=links["linked"],
                  denials=links["denials"], lag=None if lag is None else f"{lag:g}")


def index_html(articles: pd.DataFrame, pages: Mapping[str, str], figures: Iterable[Mapping],
               tables: Sequence[str] = (), rejects: pd.DataFrame | None = None,
               statements: pd.DataFrame | None = None) -> Markup:
    """The report's front page: article pages, figures (with their data and formats), tables and rejects.

    `pages` maps doc_id to a relative link; each figure is a mapping with ``name``, ``title`` and
    relative ``png``, ``svg``, ``pdf``, ``csv``, ``caption`` links.
    """
    listed = [{"href": pages[row["doc_id"]], "title": str(row["title"]) or row["doc_id"],
               "outlet": str(row["outlet"]), "published": str(row["published"]) or "date unknown"}
              for row in articles.to_dict("records") if row["doc_id"] in pages]
    return render("index.html", title="Who said what, when — report", css=kit_css(css()), version=__version__,
                  lexicon_hash=lexicon_hash(), n_articles=len(articles), articles=listed,
                  counts=None if statements is None else counts_html(statements), figures=list(figures),
                  tables=list(tables),
                  rejects=[] if rejects is None else [{"source_path": str(r["source_path"]), "reason": str(r["reason"])}
                                                      for r in rejects.to_dict("records")]) + "\n"
