"""ipywidgets front-ends for reading the kit's output: the article explorer and the timeline explorer.

Also the widgets' shared helpers (:func:`scoped_css`, :func:`wrap`, :func:`say`), which
:mod:`analysis.classroom_app` (the classroom's student and teacher widgets) uses too.

Widgets are thin. Each factory builds its controls, wires callbacks that only call
library functions (render, aggregate, plots, export) and returns the
top-level widget. Its controls hang on the widget as ``.controls`` (a small
dataclass), so tests and notebooks can set ``.value`` from Python and read the
outputs (HTML ``.value``, image bytes, the figure and its data).

Their HTML comes from the templates in ``analysis/templates/widgets/`` (and the
static pages' own, through ``render``), rendered with autoescape on by
:mod:`analysis.templating`: every value shown is escaped unless the kit built it.
Nothing happens at import beyond defining names; ipywidgets is imported here
because this module is the widget layer.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import ipywidgets as w
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
import pandas as pd
from markupsafe import Markup

from . import aggregate, export, plots, render, schema
from .templating import kit_css, render as render_template

# ---------------------------------------------------------------- shared bits

#: Checkbox name -> the span layers it shows (boilerplate is always shown, greyed out).
LAYER_GROUPS: dict[str, tuple[str, ...]] = {
    "denials": ("denial",),
    "accusations": ("accusation",),
    "sources": ("source", "cue"),
    "quotes": ("quote", "content"),
    "hedges and evidence": ("hedge", "evidence"),
    "scare quotes": ("scare_quote",),
    "loaded language": ("loaded",),
    "time expressions": ("timex",),
}

#: Granularities offered by the timeline explorer; 'article periods' are aggregate.ARTICLE_PERIODS.
GRANULARITIES = (("month", "month"), ("week", "week"), ("year", "year"),
                 ("the article's two periods", "periods"))

_SKIP_SELECTORS = ("body", "main", "h1", "h2", "figure", "figure img", ".meta", ".meta span", ".note")


def scoped_css(scope: str = ".wsw") -> str:
    """The static pages' layer and table CSS, every selector prefixed with `scope`.

    A ``<style>`` inside a widget is global to the page, so unscoped ``body``/``table``
    rules would restyle JupyterLab itself. The colours stay those of ``render``.
    """
    rules = render.css(scope, skip=_SKIP_SELECTORS)
    extra = (f"{scope} .legend input{{display:none}}"  # the static page's JS toggles; here the checkboxes do it
             f"{scope} .l-selected{{outline:3px solid #000;outline-offset:2px}}"
             f"{scope} .article{{max-height:520px;overflow-y:auto;box-sizing:border-box}}"
             f"{scope} .legend{{box-sizing:border-box}} {scope} table{{box-sizing:border-box;max-width:100%}}"
             # Words are never broken ("accusation", not "accusatio|n"): the table scrolls sideways instead.
             f"{scope} table{{table-layout:auto}} {scope} td,{scope} th{{overflow-wrap:normal;word-break:normal}}"
             f"{scope} table.listing td.stmt{{min-width:12rem}} {scope} .scroll{{overflow-x:auto;max-width:100%}}"
             # Rule ids may break anywhere but keep a readable column; on a phone the table scrolls instead of
             # squeezing every column to a letter.
             f"{scope} table.listing{{min-width:44rem}} {scope} table.listing td:last-child{{min-width:7rem}}"
             f"{scope} table.listing code{{overflow-wrap:anywhere;font-size:.78em}}"
             f"{scope} .ev{{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;"
             f"font-size:.95rem;line-height:1.4;margin:.4rem 0;padding:.6rem .8rem;border:1px solid #ddd;"
             f"border-radius:6px;box-sizing:border-box;max-width:100%}}"
             f"{scope} .ev dt{{font-weight:700;margin:0;white-space:nowrap}}"
             f"{scope} .ev dd{{margin:0;overflow-wrap:anywhere}}"
             f"{scope} .big{{font-size:1.15rem}} {scope} .warn{{color:#a04000}}")
    return rules + "\n" + extra.replace("}", "}\n")


def wrap(html: Markup) -> Markup:
    """`html` (from a template) in a box with the scoped CSS; a plain ``str`` would be shown as text."""
    return render_template("scoped.html", css=kit_css(scoped_css()), body=html)


def say(message: str, *args) -> Markup:
    """One of the widgets' messages (a macro of ``templates/widgets/messages.html``), boxed with the CSS."""
    return wrap(render_template("widgets/messages.html", message, *args))


def _png(fig: plt.Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight", pad_inches=0.15)
    return buf.getvalue()


# ------------------------------------------------------------ article explorer

def layers_for(groups: Sequence[str]) -> list[str]:
    """Span layers shown for the ticked checkbox `groups` (boilerplate always)."""
    layers = ["boilerplate"]
    for g in groups:
        layers.extend(LAYER_GROUPS[g])
    return [l for l in schema.LAYERS if l in layers]


def statement_choices(statements: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, statement_id) options for the statement list: number, stance, who, against whom, text."""
    out = []
    for n, s in enumerate(statements.to_dict("records"), 1):
        text = " ".join(str(s["text"]).split())
        text = text if len(text) <= 80 else text[:77] + "…"
        target = f" → {s['target']}" if s["target"] else ""
        out.append((f"{n:>2}. {render.stance_name(s['stance']):<10} {s['actor']}{target} ({s['cue']}): {text}",
                    s["statement_id"]))
    return out


def statement_evidence(statement: Mapping, spans: pd.DataFrame, statements: pd.DataFrame | None = None,
                       errata: Sequence[Mapping] = ()) -> dict:
    """Everything behind one statement's label: rule, cue, source and actor, target, time, hedges, evidence.

    Spans are taken from the statement's own cue/source/content spans (their ``value`` is its id)
    and from the hedge, evidence, stance and timex spans inside its sentence. With the statement
    engine's columns: the named speaker, when the thing talked about happened, and for a denial
    the accusation it answers (`statements` gives that accusation's text). `errata`
    (``render.errata_for``) adds what the article itself gets wrong inside the statement.
    """
    sid, start, end = statement["statement_id"], int(statement["start"]), int(statement["end"])
    doc = spans[spans["doc_id"] == statement["doc_id"]] if len(spans) else spans
    inside = doc[(doc["start"] >= start) & (doc["end"] <= end)] if len(doc) else doc
    own = doc[doc["value"] == sid] if len(doc) else doc

    def texts(layer: str) -> list[str]:
        rows = inside[inside["layer"] == layer] if len(inside) else inside
        return [f"{r['text']} [{r['rule']}]" for r in rows.to_dict("records")]

    out = {
        "statement": statement["text"],
        "stance": render.stance_name(statement["stance"]),
        "stance words": texts("denial") + texts("accusation"),
        "rule": statement["rule"],
        "cue": statement["cue"],
        "mode": statement["mode"],
        "source (as written)": statement["source"],
    }
    speaker = str(statement.get("speaker") or "")
    if speaker:
        out["speaker"] = speaker
    out.update({
        "actor": f"{statement['actor']} ({statement['source_type']})",
        "target": statement["target"] or "—",
        "time expression": statement["time_text"] or "none: the publication date was used",
        "said on": render.when_said(statement) or "unknown",
    })
    about = render.when_about(statement)
    if about or "about_start" in statement:
        out["about events of"] = about or "not stated"
    answers = str(statement.get("answers") or "").strip()
    if answers:
        line = render.answer_text(statement)
        if statements is not None:
            hit = statements[statements["statement_id"] == answers]
            if len(hit):
                line += f": {hit.iloc[0]['actor']} — “{' '.join(str(hit.iloc[0]['text']).split())[:160]}”"
        out["answers"] = line
    out.update({
        "hedges": texts("hedge") or (["hedged"] if statement["hedged"] else ["none"]),
        "evidence": texts("evidence") or [statement["evidence"] or "none"],
        "spans of this statement": [f"{r['layer']}: {r['text']} [{r['rule']}]" for r in own.to_dict("records")],
    })
    mine = [e for e in errata if e["start"] >= 0 and start <= e["start"] < end]
    if mine:
        out["the article's own error"] = [
            f"{e['status']}: {e['claim_in_article']} Primary record: {e['primary_record']} ({e['url']})"
            if e.get("url") else f"{e['status']}: {e['claim_in_article']} Primary record: {e['primary_record']}"
            for e in mine]
    return out


def _linked(text: str) -> tuple[str, str]:
    """(text, url): a trailing '(http…)' of `text` split off as a link (the primary source of an article error).

    >>> _linked("Wrong. Primary record: X (https://example.org/a)")
    ('Wrong. Primary record: X ', 'https://example.org/a')
    """
    import re

    match = re.search(r"\((https?://[^\s()]+)\)$", text)
    return (text[:match.start()], match.group(1)) if match else (text, "")


def evidence_html(evidence: Mapping) -> Markup:
    """A definition list of :func:`statement_evidence`, every value escaped."""
    items = []
    for key, value in evidence.items():
        lines = [_linked(str(v)) for v in value] if isinstance(value, list) else [(str(value), "")]
        # An empty value shows a dash (one empty line is empty; two make a line break, as before).
        items.append((key, [] if lines == [("", "")] else lines))
    return render_template("widgets/evidence.html", items=items)


#: Columns of the widgets' statement tables: (header, share of the width).
_LISTING_COLUMNS = (("#", 4), ("stance", 12), ("who (actor)", 12), ("against whom", 11), ("cue", 10),
                    ("when it happened", 14), ("statement", 24), ("rule", 13))


def statements_listing_html(statements: pd.DataFrame) -> Markup:
    """A compact, fixed-width statements table for widgets (the static page's table is wider than a notebook).

    Every value is escaped; rule ids may break after each '+'.
    """
    rows = []
    for n, s in enumerate(statements.to_dict("records"), 1):
        when = s["event_start"] if s["event_start"] == s["event_end"] else f"{s['event_start']} – {s['event_end']}"
        when += f" (“{s['time_text']}”)" if s["time_text"] else " (publication date)"
        rows.append({"number": n, "stance": s["stance"], "stance_name": render.stance_name(s["stance"]),
                     "actor": s["actor"], "target": s["target"], "cue": s["cue"], "when": when,
                     "text": str(s["text"]), "flags": render.flags_text(s), "rule": s["rule"]})
    return render_template("widgets/listing.html", headers=[h for h, _ in _LISTING_COLUMNS], rows=rows)


def article_view(article: Mapping, spans: pd.DataFrame, groups: Sequence[str],
                 selected: Mapping | None = None) -> tuple[Markup, Markup]:
    """(legend HTML, highlighted article HTML) for the ticked layer `groups`, the chosen statement outlined."""
    layers = layers_for(groups)
    doc = spans[(spans["doc_id"] == article["doc_id"]) & spans["layer"].isin(layers)]
    legend = render.legend_html(doc, layers=[l for l in layers if l != "boilerplate"] + ["boilerplate"], boxes=False)
    if selected is not None:
        mark = schema.frame("spans", [{"doc_id": article["doc_id"], "layer": "selected", "label": "chosen statement",
                                       "start": int(selected["start"]), "end": int(selected["end"]),
                                       "text": str(article["text"])[int(selected["start"]):int(selected["end"])],
                                       "value": selected["statement_id"], "rule": "your choice"}])
        doc = pd.concat([doc, mark], ignore_index=True)
    # With a chosen statement, the template adds what scrolls the article box (not the page) to it.
    body = render_template("widgets/article_view.html", article=render.highlight(str(article["text"]), doc),
                           selected=selected is not None)
    return wrap(legend), wrap(body)


@dataclass
class ArticleControls:
    """The article explorer's controls and outputs."""

    article: w.Dropdown
    layers: dict[str, w.Checkbox]
    statements: w.Select
    legend: w.HTML
    text: w.HTML
    evidence: w.HTML
    table: w.HTML


_EXPLORER_CSS = """<style>
.wsw-article-explorer .widget-html,.wsw-article-explorer .widget-html-content,
.wsw-timeline-explorer .widget-html,.wsw-timeline-explorer .widget-html-content{min-width:0;max-width:100%}
.wsw-article-explorer .wsw-statements select{width:100% !important;max-width:100%;box-sizing:border-box}
.wsw-article-explorer .wsw-statements{max-width:100%;box-sizing:border-box}
</style>"""


def article_explorer(tables, doc_id: str | None = None, errors: pd.DataFrame | None = None) -> w.VBox:
    """Highlighted article with a checkbox per layer, a legend, the statements and their evidence.

    `tables` is a :class:`analysis.pipeline.Tables`; `errors` (``load.read_article_errors()``)
    adds the article's own errors to the evidence of the statements they concern. Choosing a
    statement outlines it and scrolls the article to it. Returns the top-level widget; its
    controls are ``.controls`` (:class:`ArticleControls`).
    """
    # Long on purpose: a widget is its controls plus the callbacks that close over them; each callback
    # is a few lines calling library functions, and pulling them out would only pass `c` around.
    articles, spans, statements = tables.articles, tables.spans, tables.statements
    docs = [(f"{r['title'] or r['doc_id']} ({r['published'] or 'date unknown'})", r["doc_id"])
            for r in articles.to_dict("records")]
    c = ArticleControls(
        article=w.Dropdown(options=docs, value=doc_id or docs[0][1], description="Article",
                           layout=w.Layout(width="95%")),
        layers={g: w.Checkbox(value=True, description=g, indent=False, layout=w.Layout(width="auto"))
                for g in LAYER_GROUPS},
        statements=w.Select(options=[], rows=8, layout=w.Layout(width="100%")),
        legend=w.HTML(), text=w.HTML(), evidence=w.HTML(), table=w.HTML())
    c.statements.add_class("wsw-statements")

    def current():
        return articles[articles["doc_id"] == c.article.value].iloc[0].to_dict()

    def doc_statements():
        return statements[statements["doc_id"] == c.article.value]

    def chosen():
        sid = c.statements.value
        rows = statements[statements["statement_id"] == sid]
        return rows.iloc[0].to_dict() if len(rows) else None

    def redraw(_=None):
        ticked = [g for g, box in c.layers.items() if box.value]
        c.legend.value, c.text.value = article_view(current(), spans, ticked, chosen())

    def show_evidence(_=None):
        s = chosen()
        errata = render.errata_for(current(), errors) if s else []
        c.evidence.value = (wrap(evidence_html(statement_evidence(s, spans, statements, errata))) if s else
                            say("note", "Choose a statement in the list to see the evidence behind its label."))
        redraw()

    def change_article(_=None):
        st = doc_statements()
        c.statements.options = statement_choices(st)
        c.statements.value = None
        c.table.value = wrap(statements_listing_html(st))
        show_evidence()

    c.article.observe(change_article, names="value")
    for box in c.layers.values():
        box.observe(redraw, names="value")
    c.statements.observe(show_evidence, names="value")
    change_article()

    boxes = w.HBox(list(c.layers.values()), layout=w.Layout(flex_flow="row wrap"))
    table = w.Accordion(children=[c.table], titles=("All statements as a table",))
    table.selected_index = None
    ui = w.VBox([
        w.HTML(_EXPLORER_CSS),
        c.article if len(docs) > 1 else w.HTML(say("bold", docs[0][0])),
        w.HTML("<b>Layers</b> (untick to hide; the others stay)"), boxes, c.legend, c.text,
        w.HTML("<b>Statements the kit found</b> — choose one to see its evidence"),
        c.statements, c.evidence, table,
    ], layout=w.Layout(width="100%"))
    ui.add_class("wsw-article-explorer")
    ui.controls = c
    return ui


# ----------------------------------------------------------- timeline explorer

def timeline_counts(statements: pd.DataFrame, articles: pd.DataFrame, *, when: str = "happened",
                    freq: str = "month", actor: str = "all") -> pd.DataFrame:
    """The counts table the timeline shows: one actor's statements (or all), by period.

    ``freq='periods'`` uses the article's two named periods (``aggregate.ARTICLE_PERIODS``).
    Shares are always of all stances, whichever stances are drawn.
    """
    chosen = statements if actor == "all" else statements[statements["actor"] == actor]
    periods = aggregate.ARTICLE_PERIODS if freq == "periods" else None
    return aggregate.count_statements(chosen, articles, when=when, freq="month" if periods else freq,
                                      periods=periods)


def statements_in_period(statements: pd.DataFrame, articles: pd.DataFrame, period: str, *,
                         when: str = "happened", freq: str = "month", actor: str = "all",
                         stances: Sequence[str] = schema.STANCES) -> pd.DataFrame:
    """The statements behind one period of the timeline (same grouping and filters)."""
    chosen = statements if actor == "all" else statements[statements["actor"] == actor]
    periods = aggregate.ARTICLE_PERIODS if freq == "periods" else None
    labels = aggregate.assign_periods(chosen, articles, when=when, freq="month" if periods else freq,
                                      periods=periods)
    return chosen[(labels == period) & chosen["stance"].isin(list(stances))]


def drawn_counts(counts: pd.DataFrame, stances: Sequence[str], measure: str = "counts") -> pd.DataFrame:
    """The rows of `counts` a timeline chart draws: the chosen stances, in the periods shown.

    Counts draw only periods with some of the chosen stances (``plots.plot_periods``),
    shares every period; an exported CSV must hold exactly that.
    """
    chosen = counts[counts["stance"].isin(list(stances))]
    if chosen.empty or measure == "shares":
        return chosen.reset_index(drop=True)
    column = aggregate.counted(chosen)
    shown = chosen.groupby("period")[column].sum()
    keep = [p for p in shown.index if shown[p] > 0] or list(shown.index)
    return chosen[chosen["period"].isin(keep)].reset_index(drop=True)


def draw_timeline(counts: pd.DataFrame, *, measure: str = "counts", when: str = "happened",
                  stances: Sequence[str] = ("denial", "accusation"), actor: str = "all",
                  freq: str = "month") -> plt.Figure:
    """The timeline figure for the explorer's current choices (counts or shares)."""
    periods = aggregate.ARTICLE_PERIODS if freq == "periods" else None
    who = "" if actor == "all" else f" by {actor}"
    grouping = "when it happened" if when == "happened" else "when it was reported"
    # A bare Figure, not pyplot's: the inline backend would print a second, static copy under the widget.
    with plots.kit_style():
        fig = Figure(figsize=(10, 5))
        ax = fig.subplots()
    if counts.empty or not stances:
        ax.text(0.5, 0.5, "No statements for these choices", ha="center", va="center", fontsize=14,
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    if measure == "shares":
        plots.plot_shares(counts, ax, stances=stances, periods=periods,
                    title=f"Share of statements reported{who}, by {grouping}")
    else:
        plots.plot_periods(counts, ax, stances=stances, periods=periods,
                           title=f"Statements reported{who}, by {grouping}")
    ax.set_xlabel("when it happened (event date resolved from the text)" if when == "happened"
                  else "when it was reported (publication date of the article)")
    return fig


@dataclass
class TimelineControls:
    """The timeline explorer's controls, outputs and current figure/data."""

    when: w.ToggleButtons
    freq: w.Dropdown
    stances: dict[str, w.Checkbox]
    actor: w.Dropdown
    measure: w.ToggleButtons
    period: w.Dropdown
    out_dir: w.Text
    export: w.Button
    chart: w.Image
    listing: w.HTML
    status: w.HTML
    figure: plt.Figure | None = None
    counts: pd.DataFrame = field(default_factory=lambda: schema.empty("counts"))
    saved: dict = field(default_factory=dict)


def timeline_explorer(tables, out_dir: str | Path = "figures") -> w.VBox:
    """Statements reported by period: grouping, granularity, stance and actor filters, counts or shares.

    Choosing a period lists its statements; the export button saves the current figure with
    ``export.save_figure`` (PNG, SVG, PDF, CSV of the numbers and a caption) into `out_dir`.
    """
    # Long on purpose: a widget is its controls plus the callbacks that close over them; each callback
    # is a few lines calling library functions, and pulling them out would only pass `c` around.
    statements, articles = tables.statements, tables.articles
    actors = ["all"] + sorted(set(statements["actor"]), key=lambda a: (a == "unknown", a))
    c = TimelineControls(
        when=w.ToggleButtons(options=[("when it happened", "happened"), ("when it was reported", "reported")],
                             value="happened", description="Group by", style={"button_width": "170px"}),
        freq=w.Dropdown(options=list(GRANULARITIES), value="month", description="Granularity"),
        stances={s: w.Checkbox(value=s != "other", description=render.stance_name(s), indent=False,
                               layout=w.Layout(width="auto"))
                 for s in schema.STANCES},
        actor=w.Dropdown(options=actors, value="all", description="Who spoke"),
        measure=w.ToggleButtons(options=[("counts", "counts"), ("shares", "shares")], value="counts",
                                description="Show", style={"button_width": "90px"}),
        period=w.Dropdown(options=[], description="Period"),
        out_dir=w.Text(value=str(out_dir), description="Save to"),
        export=w.Button(description="Export figure", button_style="primary"),
        chart=w.Image(format="png", layout=w.Layout(max_width="100%", height="auto")),
        listing=w.HTML(), status=w.HTML())

    def stances():
        return [s for s, box in c.stances.items() if box.value]

    def redraw(_=None):
        c.counts = timeline_counts(statements, articles, when=c.when.value, freq=c.freq.value, actor=c.actor.value)
        c.figure = draw_timeline(c.counts, measure=c.measure.value, when=c.when.value, stances=stances(),
                                 actor=c.actor.value, freq=c.freq.value)
        c.chart.value = _png(c.figure)
        periods = aggregate.ARTICLE_PERIODS if c.freq.value == "periods" else None
        order = aggregate.period_order(c.counts, periods) if len(c.counts) else []
        keep = c.period.value if c.period.value in order else None
        c.period.options = [("— choose a period —", "")] + [(p, p) for p in order]
        c.period.value = keep or ""
        list_period()

    def list_period(_=None):
        if not c.period.value:
            c.listing.value = say("note", "Choose a period to list the statements behind its bars.")
            return
        rows = statements_in_period(statements, articles, c.period.value, when=c.when.value, freq=c.freq.value,
                                    actor=c.actor.value, stances=stances())
        c.listing.value = say("period", len(rows), c.period.value, statements_listing_html(rows))

    def save(_=None):
        # The file name says every choice, so a second export with other stances does not overwrite the first.
        name = (f"timeline-{c.when.value}-{c.freq.value}-{c.measure.value}-{c.actor.value}-"
                + ("+".join(render.stance_name(s) for s in stances()) or "none"))
        caption = {"inputs": sorted(set(articles["source_path"])), "periods": list(c.counts["period"].unique()),
                   "grouping": c.when.value, "granularity": c.freq.value, "measure": c.measure.value,
                   "stances": stances(), "actor": c.actor.value,
                   "denominator": f"all {aggregate.unit_words(c.counts)} of the period (and actor), whatever "
                                  "their stance; reports, not events"}
        try:
            c.saved = export.save_figure(c.figure, name, c.out_dir.value, drawn_counts(c.counts, stances(),
                                                                                      c.measure.value), caption)
        except OSError as exc:
            c.status.value = say("warn", f"Could not save: {exc}")
            return
        c.status.value = say("saved", [str(p) for p in c.saved.values()])

    for name in ("when", "freq", "actor", "measure", "period", "out_dir", "export", "chart", "listing", "status"):
        getattr(c, name).add_class(f"wsw-{name.replace('_', '-')}")
    for control in (c.when, c.freq, c.actor, c.measure, *c.stances.values()):
        control.observe(redraw, names="value")
    c.period.observe(list_period, names="value")
    c.export.on_click(save)
    redraw()

    ui = w.VBox([
        w.HBox([c.when, c.measure], layout=w.Layout(flex_flow="row wrap")),
        w.HBox([c.freq, c.actor], layout=w.Layout(flex_flow="row wrap")),
        w.HBox([w.HTML("<b>Stances drawn:</b>&nbsp;"), *c.stances.values()]),
        c.chart,
        c.period, c.listing,
        w.HBox([c.out_dir, c.export]), c.status, w.HTML(_EXPLORER_CSS),
    ], layout=w.Layout(width="100%"))
    ui.add_class("wsw-timeline-explorer")
    ui.controls = c
    return ui
