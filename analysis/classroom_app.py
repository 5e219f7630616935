"""The classroom as widgets: the students' form (:func:`classroom`) and the teacher's view (:func:`class_results`).

Students label each sentence of an article (denial / accusation / neither, and who speaks),
hand in, and only then see the answer key, the kit's labels and the article's own errors;
the teacher compares the class and decides when the key is released. The scoring, the
answer sheets and the key on disk are :mod:`analysis.classroom` (no widgets there); the
boxes and messages are the explorers' (:func:`analysis.widgets.wrap`, :func:`~analysis.widgets.say`),
so both look alike. As in :mod:`analysis.widgets`, each factory returns its top-level widget
with its controls as ``.controls``, and every value shown is escaped by the templates.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import ipywidgets as w
import pandas as pd
from markupsafe import Markup

from . import classroom as cls, export
from .errors import OutputError
from .templating import render as render_template
from .widgets import say, wrap

def _fmt(x: float) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.2f}"


def _cell(value) -> str:
    """A table cell as pandas' ``to_html(na_rep="—", float_format="{:.2f}")`` wrote it."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _table(df: pd.DataFrame) -> Markup:
    return render_template("widgets/frame.html", columns=[str(c) for c in df.columns],
                           rows=[[_cell(v) for v in row] for row in df.itertuples(index=False)])


_DISAGREEMENT_HEADERS = {"sent_index": "#", "text": "sentence", "student_label": "your label", "key_label": "key",
                         "kit_label": "kit", "student_speaker": "your speaker", "key_speaker": "key speaker",
                         "kit_speaker": "kit speaker", "who_differs": "who differs from the key"}


def errors_html(found: Mapping[int, list], number: Mapping[int, int] | None = None) -> Markup:
    """The article's recorded errors as a list: sentence, what it says, the primary record and its link."""
    # The template reads url and source_title as .get() would: absent is empty.
    items = [{"url": "", "source_title": "", **row,
              "where": f"Sentence {number[i]}: " if number and i in number else ""}
             for i, rows in found.items() for row in rows]
    return render_template("widgets/errors.html", items=items)


def score_html(answers: pd.DataFrame, key: pd.DataFrame, engine: pd.DataFrame,
               errors: Mapping[int, list] | None = None) -> Markup:
    """The student's scores against the answer key and the kit, the disagreements and the article's errors."""
    vs_key, vs_kit = cls.score(answers, cls.key_answers(key)), cls.score(answers, engine)
    kit_vs_key = cls.score(engine, cls.key_answers(key))
    rows = [{**s, "name": name, "label_kappa": _fmt(s["label_kappa"]), "speaker_kappa": _fmt(s["speaker_kappa"]),
             "words": cls.kappa_words(s["label_kappa"], s["label_n"])}
            for name, s in (("you vs the answer key", vs_key), ("you vs the kit", vs_kit),
                            ("the kit vs the answer key", kit_vs_key))]
    dis = cls.disagreements(answers, key, engine)
    # Number sentences as the form does (1, 2, ...), not by their index in the article.
    number = {int(i): n for n, i in enumerate(key["sent_index"], 1)}
    dis = dis.assign(sent_index=[number[int(i)] for i in dis["sent_index"]]).rename(columns=_DISAGREEMENT_HEADERS)
    return render_template("widgets/score.html", answered=vs_key["answered"], sentences=vs_key["sentences"],
                           rows=rows, n_differ=len(dis), differ=_table(dis),
                           errors=errors_html(errors or {}, number))


_CLASS_HEADERS = {"answered": "sentences answered", "kappa_vs_key": "κ vs key", "accuracy_vs_key": "same as key",
                  "kappa_vs_kit": "κ vs kit", "accuracy_vs_kit": "same as kit", "coder_a": "student",
                  "coder_b": "other student", "kappa": "κ", "n": "sentences both answered",
                  "agreement": "in words", "majority": "share of the most common"}


def class_html(answers: pd.DataFrame, key: pd.DataFrame, engine: pd.DataFrame, problems: Sequence[str],
               sheets: pd.DataFrame | None = None) -> Markup:
    """A class's agreement as HTML: alpha, how the class split per sentence, each student, and student pairs."""
    if answers.empty:
        return render_template("widgets/class.html", tables=[], problems=problems, later=None)
    result = cls.class_agreement(answers, key, engine)
    pairs = result["pairs"].assign(agreement=[cls.kappa_words(k, n) for k, n in
                                              zip(result["pairs"]["kappa"], result["pairs"]["n"])])
    split = cls.sentence_split(answers, key, engine)
    later = None
    if sheets is not None and len(sheets) and (sheets["version"] > 1).any():
        kept = sheets[~sheets["used"]]
        later = {"n": len(kept), "saw_key": bool(kept["saw_key"].any()), "students": sorted(set(kept["student"]))}
    tables = [("How the class split, sentence by sentence (most divided first)", split),
              ("Each student against the answer key and the kit", result["per_student"]),
              ("Student against student (Cohen's kappa on labels)", pairs)]
    return render_template("widgets/class.html", n=len(result["students"]), alpha_label=_fmt(result["alpha_label"]),
                           alpha_speaker=_fmt(result["alpha_speaker"]), problems=problems, later=later,
                           tables=[(title, _table(df.rename(columns=_CLASS_HEADERS))) for title, df in tables])


#: Result panels never grow wider than the screen: text wraps, wide tables scroll inside them.
_RESULT_CSS = """
.wsw-result,.wsw-status{min-width:0 !important;max-width:100% !important;width:100%}
.wsw-result .widget-html-content,.wsw-status .widget-html-content{min-width:0;max-width:100%;white-space:normal}
.wsw-result .wsw,.wsw-status .wsw{max-width:100%;overflow-wrap:break-word}
"""

#: Under this width the classroom form stacks: sentence above, then the two choices.
_CLASSROOM_CSS = """<style>""" + _RESULT_CSS + """
.wsw-classroom .wsw-row{flex-wrap:wrap;row-gap:.25rem;padding:.3rem 0}
.wsw-classroom .wsw .scroll{overflow-x:auto;max-width:100%}
.wsw-classroom .wsw .errata{margin:.6rem 0;padding:.5rem .8rem;border-left:4px solid #a04000;background:#fff6ef}
@media (max-width: 600px){
 .wsw-classroom .wsw-row > .wsw-sentence{flex:1 1 100% !important;width:100% !important}
 .wsw-classroom .wsw-row > .wsw-label,.wsw-classroom .wsw-row > .wsw-speaker{flex:1 1 45% !important;width:auto !important;min-width:0 !important}
 .wsw-classroom .wsw-form-header{display:none !important}
 .wsw-classroom .widget-text{width:100% !important}
}
</style>"""


@dataclass
class ClassroomControls:
    """The student's form: one label and one speaker dropdown per sentence, and the buttons.

    ``saved`` lists the sheets this form handed in; ``saw_key`` is True once the key was shown.
    """

    student: w.Text
    labels: dict[int, w.Dropdown]
    speakers: dict[int, w.Dropdown]
    score: w.Button
    save: w.Button
    upload: w.FileUpload
    answers_dir: w.Text
    result: w.HTML
    status: w.HTML
    saved: list = field(default_factory=list)
    saw_key: bool = False


def classroom(key: pd.DataFrame, statements: pd.DataFrame, answers_dir: str | Path = "class-answers",
              doc_id: str | None = None, choose_folder: bool = False,
              errors: pd.DataFrame | None = None) -> w.VBox:
    """The student's form: label each sentence (denial / accusation / neither, and who speaks), hand in, see the key.

    The answer key stays hidden until the student hands in a sheet (``Hand in my answers``
    saves it into `answers_dir`) or the teacher releases it (:func:`class_results`). Handing
    in again keeps every version; the class is compared on the first. No other student's
    name or score is ever shown here: the class comparison is :func:`class_results`, the
    teacher's view. `errors` (``load.read_article_errors()``) are shown beside the scores.
    The folder is fixed unless `choose_folder` (a Voilà app is open to every student on the
    network: none of them may pick where the server reads or writes).
    """
    # Long on purpose: a widget is its controls plus the callbacks that close over them; each callback
    # is a few lines calling library functions, and pulling them out would only pass `c` around.
    fixed_folder = str(answers_dir)
    if doc_id is not None:
        statements = statements[statements["doc_id"] == doc_id]
    engine = cls.engine_answers(statements, key)
    article_id = doc_id or (str(statements["doc_id"].iloc[0]) if len(statements) else "")
    found_errors = cls.sentence_errors(key, errors, article_id) if errors is not None and article_id else {}
    label_opts = [("label?", "")] + [(l, l) for l in cls.LABELS]
    speaker_opts = [("who speaks?", "")] + [(s, s) for s in cls.SPEAKERS]
    c = ClassroomControls(
        student=w.Text(description="Your name", placeholder="first name and initial, e.g. Ada L"),
        labels={int(i): w.Dropdown(options=label_opts, value="", layout=w.Layout(width="150px", flex="0 0 150px"))
                for i in key["sent_index"]},
        speakers={int(i): w.Dropdown(options=speaker_opts, value="",
                                     layout=w.Layout(width="170px", flex="0 0 170px"))
                  for i in key["sent_index"]},
        score=w.Button(description="Score my answers", layout=w.Layout(width="auto")),
        save=w.Button(description="Hand in my answers", button_style="primary",
                      layout=w.Layout(width="auto")),
        upload=w.FileUpload(accept=".csv", multiple=False, description="Load answers", icon=""),
        answers_dir=w.Text(value=fixed_folder, description="Folder", disabled=not choose_folder,
                           layout=w.Layout(width="60%")),
        result=w.HTML(), status=w.HTML())

    def folder() -> str:
        # Server side: a disabled box can still be changed by a crafted message, so it is ignored.
        return c.answers_dir.value if choose_folder else fixed_folder

    def answers():
        choices = {i: (c.labels[i].value, c.speakers[i].value) for i in c.labels}
        return cls.answers_from_choices(c.student.value, choices)

    def on_score(_=None):
        if not c.saved and not cls.key_released(folder()):
            done = sum(1 for box in c.labels.values() if box.value)
            c.result.value = say("key_hidden", done, len(c.labels))
            return
        c.saw_key = True
        c.result.value = wrap(score_html(answers(), key, engine, found_errors))

    def on_save(_=None):
        if not c.student.value.strip():
            c.status.value = say("warn", "Type your name first: it names your sheet.")
            return
        first_here = not c.saved
        try:
            path = export.write_answers(answers(), folder(), saw_key=c.saw_key)
        except OSError as exc:
            c.status.value = say("warn", f"Could not save: {exc}")
            return
        c.saved.append(path)
        version = cls.sheet_version(path)
        if version == 1:
            note = "Handed in. The answer key is below."
        elif first_here:
            note = (f"Handed in as version {version}: a sheet under this name was handed in before (from this or "
                    "another computer) and is kept too. If it is not yours, add your surname's initial to your "
                    "name and hand in again, so your teacher can tell you apart.")
        else:
            note = (f"Handed in again as version {version}. Your first version is kept; the class comparison "
                    "uses it unless your teacher chooses the latest.")
        c.status.value = say("note", note)
        on_score()

    def on_upload(change=None):
        files = c.upload.value
        if not files:
            return
        f = files[0]
        try:
            sheet = cls.read_answers(bytes(f["content"]), key)
        except Exception as exc:  # whatever the file holds, say so and keep the form
            reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else f"cannot be read ({exc})"
            c.status.value = say("warn", f"{f['name']}: {reason}")
            return
        fill(sheet)
        c.status.value = say("note", f"Loaded {f['name']}")

    def fill(sheet: pd.DataFrame):
        first = sheet[sheet["student"] == sheet["student"].iloc[0]] if len(sheet) else sheet
        if len(first):
            c.student.value = str(first["student"].iloc[0]).lstrip("'")
        for row in first.to_dict("records"):
            c.labels[int(row["sent_index"])].value = row["label"]
            c.speakers[int(row["sent_index"])].value = row["speaker"]

    for name in ("student", "score", "save", "upload", "answers_dir", "result", "status"):
        getattr(c, name).add_class(f"wsw-{name.replace('_', '-')}")
    for i in c.labels:
        c.labels[i].add_class("wsw-label")
        c.speakers[i].add_class("wsw-speaker")
    c.score.on_click(on_score)
    c.save.on_click(on_save)
    c.upload.observe(on_upload, names="value")

    # The sentence takes what is left (basis 0), so the dropdowns line up in two columns.
    def text_cell(html: Markup) -> w.HTML:
        cell = w.HTML(html, layout=w.Layout(flex="1 1 0%", min_width="0"))
        cell.add_class("wsw-sentence")
        return cell

    rows = []
    for n, (i, t) in enumerate(zip(key["sent_index"], key["text"]), 1):
        row = w.HBox([text_cell(render_template("widgets/messages.html", "sentence", n, t)), c.labels[int(i)],
                      c.speakers[int(i)]],
                     layout=w.Layout(align_items="center", border_bottom="1px solid #e5e5e5"))
        row.add_class("wsw-row")
        rows.append(row)
    header = w.HBox([text_cell(render_template("widgets/messages.html", "bold", "Sentence")),
                     w.HTML("<b>Label</b>", layout=w.Layout(width="150px", flex="0 0 150px")),
                     w.HTML("<b>Who is speaking?</b>", layout=w.Layout(width="170px", flex="0 0 170px"))])
    header.add_class("wsw-form-header")
    parts = [w.HTML(_CLASSROOM_CSS), c.student, header, *rows,
             w.HBox([c.save, c.score, c.upload], layout=w.Layout(flex_flow="row wrap")), c.status, c.result]
    if choose_folder:
        parts.insert(2, c.answers_dir)
    ui = w.VBox(parts, layout=w.Layout(width="100%"))
    ui.add_class("wsw-classroom")
    ui.controls = c
    return ui


@dataclass
class ClassResultsControls:
    """The teacher's view: which version to compare, compare, release the key; and the outputs."""

    which: w.ToggleButtons
    compare: w.Button
    release: w.Checkbox
    result: w.HTML
    status: w.HTML


def class_results(key: pd.DataFrame, statements: pd.DataFrame, answers_dir: str | Path = "class-answers",
                  doc_id: str | None = None) -> w.VBox:
    """The teacher's view of a class: every sheet handed in, compared; the key released when the teacher says so.

    Shows Krippendorff's alpha, how the class split on each sentence (most divided first),
    each student against the key and the kit, and every pair of students; unreadable sheets
    are named with their reason. Students never get this view (serve it to the teacher only).
    """
    folder = Path(answers_dir)
    if doc_id is not None:
        statements = statements[statements["doc_id"] == doc_id]
    engine = cls.engine_answers(statements, key)
    c = ClassResultsControls(
        which=w.ToggleButtons(options=[("first hand-in (before the key)", "first"), ("latest version", "latest")],
                              value="first", description="Compare", style={"button_width": "220px"}),
        compare=w.Button(description="Compare the class", button_style="primary",
                         layout=w.Layout(width="auto")),
        release=w.Checkbox(value=cls.key_released(folder), description="Students may see the answer key before "
                           "handing in", indent=False, layout=w.Layout(width="auto")),
        result=w.HTML(), status=w.HTML())

    def on_compare(_=None):
        got = cls.collect_class([folder], key, which=c.which.value)
        c.result.value = wrap(class_html(got.answers, key, engine, got.problems, got.sheets))

    def on_release(change=None):
        try:
            export.set_key_released(folder, c.release.value)
        except (OSError, OutputError) as exc:  # export.write_text names the file in an OutputError
            c.status.value = say("warn", f"Could not change it: {exc}")
            return
        c.status.value = say("key_now", c.release.value)

    for name in ("which", "compare", "release", "result", "status"):
        getattr(c, name).add_class(f"wsw-{name}")
    c.compare.on_click(on_compare)
    c.which.observe(on_compare, names="value")
    c.release.observe(on_release, names="value")
    ui = w.VBox([w.HTML(f"<style>{_RESULT_CSS}</style>"),
                 w.HTML(say("folder", str(folder))),
                 w.HBox([c.compare, c.which], layout=w.Layout(flex_flow="row wrap")), c.release, c.status,
                 c.result], layout=w.Layout(width="100%"))
    ui.add_class("wsw-class-results")
    ui.controls = c
    return ui
