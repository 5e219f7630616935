"""Widget logic without a browser: set control values from Python, assert on the outputs."""
from __future__ import annotations

import datetime as dt
import html
import re

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis import classroom as cls, classroom_app, export, plots, schema, widgets
from analysis.pipeline import Tables

TEXT = ("Ruritania denied the <script>alert(1)</script> report. "
        "Officials said Freedonia could potentially have sold arms in September, though there was no evidence.")


def _span(layer, fragment, value="", rule="r", label=""):
    start = TEXT.index(fragment)
    return {"doc_id": "d", "layer": layer, "label": label, "start": start, "end": start + len(fragment),
            "text": fragment, "value": value, "rule": rule}


@pytest.fixture
def small() -> Tables:
    """A hand-made article with two statements, a denial in November and an accusation dated September."""
    articles = schema.frame("articles", [{"doc_id": "d", "title": "A <b>test</b>", "published": "2022-11-08",
                                          "text": TEXT, "source_path": "d.md"}])
    s1_end = TEXT.index(" Officials")
    statements = schema.frame("statements", [
        {"doc_id": "d", "statement_id": "d:0", "sent_index": 0, "start": 0, "end": s1_end, "text": TEXT[:s1_end],
         "mode": "indirect", "cue": "denied", "source": "Ruritania", "source_type": "government",
         "actor": "Ruritania", "target": "", "stance": "denial", "event_start": "2022-11-08",
         "event_end": "2022-11-08", "rule": "src.left+cue.deny+D_x+time.dct"},
        {"doc_id": "d", "statement_id": "d:1", "sent_index": 1, "start": s1_end + 1, "end": len(TEXT),
         "text": TEXT[s1_end + 1:], "mode": "indirect", "cue": "said", "source": "Officials",
         "source_type": "anonymous", "actor": "unknown", "target": "Freedonia", "stance": "accusation",
         "hedged": True, "evidence": "no evidence", "time_text": "September", "event_start": "2022-09-01",
         "event_end": "2022-09-30", "rule": "src.left+cue.say+A_x+time.in_sentence"},
    ])
    spans = schema.frame("spans", [
        _span("denial", "denied", rule="D_x"), _span("source", "Ruritania", "d:0"),
        _span("source", "Officials", "d:1"), _span("cue", "said", "d:1", "cue.say"),
        _span("accusation", "sold arms", rule="A_x"), _span("hedge", "could potentially", rule="H_could"),
        _span("evidence", "no evidence", rule="E_none"), _span("timex", "September", "2022-09", "T_month"),
    ])
    return Tables(articles, spans, statements, schema.empty("counts"))


# ------------------------------------------------------------ article explorer

@pytest.mark.parametrize("groups, expected", [
    ([], ["boilerplate"]),
    (["denials"], ["boilerplate", "denial"]),
    (["sources", "time expressions"], ["boilerplate", "source", "cue", "timex"]),
    (["hedges and evidence", "quotes"], ["boilerplate", "quote", "content", "hedge", "evidence"]),
])
def test_layers_for(groups, expected):
    assert widgets.layers_for(groups) == expected


def test_every_layer_but_boilerplate_has_a_checkbox():
    shown = {l for layers in widgets.LAYER_GROUPS.values() for l in layers}
    assert shown == set(schema.LAYERS) - {"boilerplate"}


def test_scoped_css_never_styles_the_page():
    css = widgets.scoped_css(".wsw")
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    assert selectors and all(s.startswith(".wsw ") for s in selectors)
    assert ".wsw .article:not(.off-denial) .l-denial" in css and ".wsw .legend .l-timex" in css


def test_article_explorer_layers_and_escaping(small):
    ui = widgets.article_explorer(small)
    c = ui.controls
    assert isinstance(ui, w.VBox) and ui in [ui]
    assert "&lt;script&gt;" in c.text.value and "<script>alert" not in c.text.value
    assert 'class="l-denial"' in c.text.value and 'class="l-hedge"' in c.text.value
    c.layers["denials"].value = False
    assert 'class="l-denial' not in c.text.value and 'class="l-hedge"' in c.text.value
    assert 'swatch l-denial' not in c.legend.value and 'swatch l-hedge' in c.legend.value
    for box in c.layers.values():
        box.value = False
    assert "<span" not in c.text.value.split('class="article"')[1]
    c.layers["time expressions"].value = True
    assert 'class="l-timex"' in c.text.value


def test_article_explorer_statement_shows_its_evidence(small):
    c = widgets.article_explorer(small).controls
    assert [v for _, v in c.statements.options] == ["d:0", "d:1"]
    assert "Choose a statement" in c.evidence.value
    c.statements.value = "d:1"
    ev = c.evidence.value
    for expected in ("src.left+cue.say+A_x+time.in_sentence", "said", "Officials", "unknown (anonymous)",
                     "Freedonia", "September", "2022-09-01 – 2022-09-30", "could potentially [H_cou",
                     "no evidence [E_none]", "sold arms [A_x]"):
        assert expected in ev, expected
    assert 'l-selected"' in c.text.value
    c.statements.value = "d:0"
    assert "Ruritania (government)" in c.evidence.value and "none: the publication date" in c.evidence.value
    assert "<b>test</b>" not in widgets.article_explorer(small).children[0].value  # the title is escaped


def test_article_explorer_switches_articles(small):
    other = schema.frame("articles", [{"doc_id": "e", "title": "Other", "text": "Nobody said anything."}])
    two = Tables(pd.concat([small.articles, other], ignore_index=True), small.spans, small.statements,
                 small.counts)
    c = widgets.article_explorer(two).controls
    assert [v for _, v in c.article.options] == ["d", "e"] and len(c.statements.options) == 2
    c.statements.value = "d:1"
    c.article.value = "e"
    assert c.statements.options == () and c.statements.value is None
    assert "Nobody said anything." in c.text.value and "Choose a statement" in c.evidence.value
    assert "No statements." in c.table.value


def test_statement_evidence_keeps_to_its_sentence(small):
    ev = widgets.statement_evidence(small.statements.iloc[0].to_dict(), small.spans)
    assert ev["hedges"] == ["none"] and ev["evidence"] == ["none"] and ev["stance words"] == ["denied [D_x]"]
    assert ev["spans of this statement"] == ["source: Ruritania [r]"]


def test_statement_choices_shorten_long_text():
    st = schema.frame("statements", [{"statement_id": "x:0", "stance": "denial", "actor": "A", "cue": "said",
                                      "text": "word " * 40}])
    (label, value), = widgets.statement_choices(st)
    assert value == "x:0" and label.endswith("…") and len(label) < 120


# ----------------------------------------------------------- timeline explorer

def test_timeline_redraws_when_controls_change(small, tmp_path):
    ui = widgets.timeline_explorer(small, out_dir=tmp_path / "figs")
    c = ui.controls
    first = bytes(c.chart.value)
    assert first.startswith(b"\x89PNG")
    assert [v for _, v in c.period.options] == ["", "2022-09", "2022-11"]
    c.when.value = "reported"
    assert bytes(c.chart.value) != first
    assert [v for _, v in c.period.options] == ["", "2022-11"]
    assert c.figure.axes[0].get_xlabel().startswith("when it was reported")
    assert int(c.counts["period_total"].max()) == 2


def test_timeline_figures_stay_out_of_pyplot(small):
    """Pyplot figures would be printed a second time, statically, under the widget by the inline backend."""
    plt.close("all")
    c = widgets.timeline_explorer(small).controls
    c.measure.value = "shares"
    assert plt.get_fignums() == [] and c.figure is not None


def test_timeline_uses_the_colour_blind_safe_stance_colours(small):
    c = widgets.timeline_explorer(small).controls
    for measure in ("counts", "shares"):
        c.measure.value = measure
        colours = {to_hex(p.get_facecolor()).upper() for p in c.figure.axes[0].patches}
        assert colours == {plots.STANCE_COLOURS["denial"].upper(), plots.STANCE_COLOURS["accusation"].upper()}


def test_timeline_counts_and_shares(small):
    c = widgets.timeline_explorer(small).controls
    heights = sorted(p.get_height() for p in c.figure.axes[0].patches)
    assert heights == [0, 0, 1, 1]  # Sep: 0 denials, 1 accusation; Nov: 1 denial, 0 accusations
    c.measure.value = "shares"
    assert c.figure.axes[0].get_ylabel() == "share of speech acts reported"
    assert max(p.get_height() for p in c.figure.axes[0].patches) == pytest.approx(1.0)


def test_timeline_filters(small):
    c = widgets.timeline_explorer(small).controls
    c.actor.value = "Ruritania"
    assert set(c.counts["period"]) == {"2022-11"}
    c.actor.value = "all"
    c.freq.value = "periods"
    assert set(c.counts["period"]) == {"September 2022", "Oct–Nov 2022"}
    for box in c.stances.values():
        box.value = False
    assert "No statements" in c.figure.axes[0].texts[0].get_text()


def test_timeline_period_lists_its_statements(small):
    c = widgets.timeline_explorer(small).controls
    c.period.value = "2022-09"
    assert "1 statement(s) in 2022-09" in c.listing.value and "Freedonia" in c.listing.value
    assert "Ruritania denied" not in c.listing.value
    c.stances["accusation"].value = False  # the listing follows the stance filter
    assert "0 statement(s)" in c.listing.value or "Choose a period" in c.listing.value


def test_timeline_export_saves_the_current_figure(small, tmp_path):
    c = widgets.timeline_explorer(small, out_dir=tmp_path).controls
    c.measure.value = "shares"
    c.export.click()
    assert set(c.saved) == {"png", "svg", "pdf", "csv", "caption"}
    assert all(p.exists() and p.parent == tmp_path for p in c.saved.values())
    assert "shares" in c.saved["png"].name and "Saved" in c.status.value
    assert pd.read_csv(c.saved["csv"])["share"].notna().all()


def test_timeline_export_holds_what_is_drawn_and_names_the_choice(small, tmp_path):
    """Issue 12 point 8: the CSV had rows not drawn, and a second export overwrote the first."""
    c = widgets.timeline_explorer(small, out_dir=tmp_path).controls
    c.export.click()
    first = c.saved["csv"]
    data = pd.read_csv(first, keep_default_na=False)
    assert set(data["stance"]) == {"denial", "accusation"}  # 'other' is not drawn
    c.stances["accusation"].value = False
    c.export.click()
    second = c.saved["csv"]
    assert second != first and first.exists() and "denial" in second.name and "accusation" not in second.name
    assert set(pd.read_csv(second, keep_default_na=False)["stance"]) == {"denial"}
    assert set(pd.read_csv(second, keep_default_na=False)["period"]) == {"2022-11"}  # Sep has no denial bar


def test_timeline_says_neither_and_no_other_period(small):
    c = widgets.timeline_explorer(small).controls
    assert [box.description for box in c.stances.values()] == ["denial", "accusation", "neither"]
    c.freq.value = "periods"
    assert "other" not in [v for _, v in c.period.options]


def test_explorer_scrolls_to_the_chosen_statement(small):
    c = widgets.article_explorer(small).controls
    assert "onerror" not in c.text.value
    c.statements.value = "d:1"
    assert "l-selected" in c.text.value and "scrollTop" in c.text.value


def test_evidence_shows_speaker_both_dates_answer_and_error(small):
    st = small.statements.assign(speaker=["", "A spokesman"], about_start=["", "2022-08-01"],
                                 about_end=["", "2022-08-31"], answers=["d:1", ""], answer_lag_days=["7", ""])
    tables = Tables(small.articles, small.spans, st, small.counts)
    errors = pd.DataFrame([{"doc_id": "d", "quote": "Officials said", "claim_in_article": "Not officials.",
                            "primary_record": "A <i>bot</i>.", "source_title": "S", "url": "https://example.org/x",
                            "status": "confirmed error"}])
    c = widgets.article_explorer(tables, errors=errors).controls
    c.statements.value = "d:0"
    assert "answers the accusation d:1 (7 days later): unknown" in html.unescape(c.evidence.value)
    c.statements.value = "d:1"
    ev = c.evidence.value
    assert "A spokesman" in ev and "2022-08-01 – 2022-08-31" in ev and "said on" in ev
    assert "Not officials." in ev and "A &lt;i&gt;bot&lt;/i&gt;." in ev and 'href="https://example.org/x"' in ev


def test_evidence_without_the_new_columns(small):
    # a statements table from before the engine's act, pairing and second-date columns
    newer = {"speaker", "act_id", "answers", "answer_lag_days", "about_text", "about_start", "about_end"}
    row = {k: v for k, v in small.statements.iloc[1].to_dict().items() if k not in newer}
    ev = widgets.statement_evidence(row, small.spans)
    assert "answers" not in ev and "about events of" not in ev and "speaker" not in ev
    assert ev["said on"] == "2022-09-01 – 2022-09-30"


def test_timeline_export_reports_unwritable_folder(small, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    c = widgets.timeline_explorer(small, out_dir=blocker / "sub").controls
    c.export.click()
    assert "Could not save" in c.status.value


# ------------------------------------------------------------------- classroom

@pytest.fixture
def key():
    return pd.DataFrame({"sent_index": [0, 1], "start": [0, 56], "end": [55, len(TEXT)],
                         "text": [TEXT[:55], TEXT[56:]], "label": ["denial", "accusation"],
                         "speaker": ["unknown", "unknown"]})


def _sheet_files(folder):
    return sorted(p.name for p in folder.glob("*.csv"))


def test_classroom_hand_in_load_and_compare(small, key, tmp_path):
    ui = classroom_app.classroom(key, small.statements, answers_dir=tmp_path)
    c = ui.controls
    assert any("&lt;script&gt;" in getattr(row.children[0], "value", "") for row in ui.children
               if isinstance(row, w.HBox) and row.children)  # sentence text is escaped
    c.student.value = "Ada"
    c.labels[0].value, c.speakers[0].value = "denial", "North Korea"
    c.labels[1].value, c.speakers[1].value = "neither", "unknown"
    c.save.click()
    saved = tmp_path / f"Ada-{cls.student_id('Ada')}.csv"
    assert saved.exists() and "Handed in" in c.status.value
    assert "You answered <b>2</b> of 2" in c.result.value and "κ =" in c.result.value
    assert "sold arms" in c.result.value  # sentence 1 is a disagreement, shown once handed in
    assert cls.read_answers(saved)["label"].tolist() == ["denial", "neither"]

    c.labels[0].value = ""
    c.upload.value = ({"name": saved.name, "type": "text/csv", "size": 1, "content": memoryview(saved.read_bytes()),
                       "last_modified": dt.datetime(2026, 1, 1)},)
    assert c.labels[0].value == "denial" and "Loaded" in c.status.value


def test_classroom_hides_the_key_until_handed_in(small, key, tmp_path):
    """Issue 12 point 3: scoring showed the key's label and speaker before the sheet was saved."""
    c = classroom_app.classroom(key, small.statements, answers_dir=tmp_path).controls
    c.student.value = "Ada"
    c.labels[1].value = "neither"  # differs from the key's 'accusation'
    c.score.click()
    shown = re.sub(r"<style>.*?</style>", "", c.result.value, flags=re.S)
    assert "accusation" not in shown and "κ" not in shown and "hidden" in shown
    assert not _sheet_files(tmp_path)


def test_classroom_key_released_by_the_teacher(small, key, tmp_path):
    teacher = classroom_app.class_results(key, small.statements, answers_dir=tmp_path).controls
    teacher.release.value = True
    c = classroom_app.classroom(key, small.statements, answers_dir=tmp_path).controls
    c.labels[1].value = "neither"
    c.score.click()
    assert "κ =" in c.result.value and "accusation" in c.result.value
    teacher.release.value = False
    fresh = classroom_app.classroom(key, small.statements, answers_dir=tmp_path).controls
    fresh.score.click()
    assert "hidden" in fresh.result.value


def test_classroom_saving_again_keeps_both(small, key, tmp_path):
    c = classroom_app.classroom(key, small.statements, answers_dir=tmp_path).controls
    c.student.value = "Ada"
    c.labels[1].value = "neither"
    c.save.click()
    c.labels[1].value = "accusation"  # corrected after seeing the key
    c.save.click()
    assert len(_sheet_files(tmp_path)) == 2 and "version 2" in c.status.value
    teacher = classroom_app.class_results(key, small.statements, answers_dir=tmp_path).controls
    teacher.compare.click()
    first = cls.collect_class([tmp_path], key)
    assert first.answers.set_index("sent_index").loc[1, "label"] == "neither"  # the class sees the first hand-in
    assert "later version" in teacher.result.value and "after seeing the key" in teacher.result.value


def test_same_name_from_another_computer_is_kept_and_told(small, key, tmp_path):
    for n in range(2):
        c = classroom_app.classroom(key, small.statements, answers_dir=tmp_path).controls
        c.student.value = "Ada"
        c.save.click()
    assert len(_sheet_files(tmp_path)) == 2 and "initial" in c.status.value


def test_student_form_has_no_class_comparison(small, key, tmp_path):
    export.write_answers(cls.answers_from_choices("Bo Secret", {0: ("denial", "unknown")}), tmp_path)
    ui = classroom_app.classroom(key, small.statements, answers_dir=tmp_path)
    c = ui.controls
    c.student.value = "Ada"
    c.save.click()
    c.score.click()

    def texts(widget):
        out = [str(getattr(widget, "value", ""))] + [str(getattr(widget, "description", ""))]
        for child in getattr(widget, "children", ()):
            out += texts(child)
        return out

    shown = " ".join(texts(ui))
    assert "Bo Secret" not in shown and "Compare the class" not in shown and "Krippendorff" not in shown
    assert not hasattr(c, "compare")


def test_teacher_view_compares_and_splits(small, key, tmp_path):
    for name, labels in (("Ada", ("denial", "accusation")), ("Bo", ("denial", "neither")),
                         ("Cy", ("neither", "accusation"))):
        export.write_answers(cls.answers_from_choices(name, {0: (labels[0], "unknown"), 1: (labels[1], "unknown")}),
                             tmp_path)
    (tmp_path / "copy of Ada.csv").write_bytes(b"student,sent_index,label,speaker\nAda,99999999999999999999,denial,\n")
    c = classroom_app.class_results(key, small.statements, answers_dir=tmp_path).controls
    c.compare.click()
    out = c.result.value
    assert "<b>3</b> students" in out and "Krippendorff" in out
    assert "How the class split" in out and "copy of Ada.csv: sent_index must be sentence numbers" in out


@pytest.mark.parametrize("choose_folder", [False, True])
def test_classroom_folder_is_fixed_unless_chosen(small, key, tmp_path, choose_folder):
    fixed, other = tmp_path / "fixed", tmp_path / "elsewhere"
    c = classroom_app.classroom(key, small.statements, answers_dir=fixed, choose_folder=choose_folder).controls
    assert c.answers_dir.disabled is not choose_folder
    c.answers_dir.value = str(other)  # what a crafted message from a browser could do
    c.student.value = "Ada"
    c.save.click()
    assert bool(_sheet_files(other)) is choose_folder and bool(_sheet_files(fixed)) is not choose_folder


def test_classroom_save_needs_a_name(small, key, tmp_path):
    c = classroom_app.classroom(key, small.statements, answers_dir=tmp_path).controls
    c.save.click()
    assert "name" in c.status.value and not list(tmp_path.iterdir())


@pytest.mark.parametrize("content, reason", [
    (b"a,b\n1,2\n", "lacks columns"),
    # Issue 13 point 6: an absurd sent_index gave no message at all.
    (b"student,sent_index,label,speaker\nA,99999999999999999999,denial,\n", "sentence numbers"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
])
def test_classroom_upload_refuses_bad_sheet(small, key, content, reason):
    c = classroom_app.classroom(key, small.statements).controls
    c.upload.value = ({"name": "x.csv", "type": "text/csv", "size": 1, "content": memoryview(content),
                       "last_modified": dt.datetime(2026, 1, 1)},)
    assert "x.csv" in c.status.value and reason in c.status.value


# ------------------------------------------------------ the real pipeline

@pytest.fixture(scope="module")
def real():
    from analysis import load, pipeline

    return pipeline.run(load.load_inputs().articles)


def test_explorers_on_the_shipped_article(real):
    c = widgets.article_explorer(real).controls
    assert len(c.statements.options) == len(real.statements) > 0
    before = c.text.value.count('class="l-')
    c.layers["sources"].value = False
    assert c.text.value.count('class="l-') < before
    t = widgets.timeline_explorer(real).controls
    assert bytes(t.chart.value).startswith(b"\x89PNG")
    assert "2022-09" in [v for _, v in t.period.options]  # the September round is dated, not publication day


def test_classroom_on_the_shipped_article(real, tmp_path):
    key = cls.load_key(real.articles["doc_id"].iloc[0])
    from analysis import load

    c = classroom_app.classroom(key, real.statements, answers_dir=tmp_path, errors=load.read_article_errors()).controls
    assert set(c.labels) == set(key["sent_index"])
    for i, label, speaker in key[["sent_index", "label", "speaker"]].itertuples(index=False):
        c.labels[i].value, c.speakers[i].value = label, speaker
    c.student.value = "Key"
    c.save.click()
    # The article's own error is shown beside its sentence, with the primary source (issue 12 point 2).
    assert "Sentence 2: confirmed error" in c.result.value and "Ministry of National Defence" in c.result.value
    assert 'href="http://kcna.kp/' in c.result.value
    assert "κ = 1.00" in c.result.value  # the key agrees with itself
    assert "Where the answers differ (0 sentences)" in c.result.value or "kit" in c.result.value
    third = int(key["sent_index"].iloc[2])
    c.labels[third].value = "neither" if key["label"].iloc[2] != "neither" else "denial"
    c.score.click()
    table = c.result.value.split("Where the answers differ")[1]
    start = html.escape(key["text"].iloc[2][:30])
    assert re.search(r"<td>3</td>\s*<td>" + re.escape(start), table)  # numbered as on the form (3rd sentence)
    assert not re.search(rf"<td>{third}</td>\s*<td>" + re.escape(start), table)  # not by its index in the article


def test_statements_listing_is_escaped_and_compact(small):
    html = widgets.statements_listing_html(small.statements)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "src.left+<wbr>cue.say" in html and html.count("<tr>") == 3
    assert "[hedged, no evidence]" in html and "(“September”)" in html and "(publication date)" in html
    assert widgets.statements_listing_html(small.statements.iloc[:0]) == "<p>No statements.</p>"


def test_article_box_shows_the_text_exactly(small):
    """The explorer's article keeps the text's own white space: its template adds none inside the box."""
    c = widgets.article_explorer(small).controls
    for sid in (None, "d:1"):
        c.statements.value = sid
        inner = re.search(r'<div class="article">(.*?)</div>', c.text.value, re.S).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == TEXT


def test_messages_are_escaped_and_boxed(small, tmp_path):
    blocker = tmp_path / "<b>x&y"
    blocker.write_text("x")
    c = widgets.timeline_explorer(small, out_dir=blocker / "sub").controls
    c.export.click()
    assert c.status.value.startswith('<div class="wsw"><style>')
    assert '<p class="warn">Could not save: ' in c.status.value and "&lt;b&gt;x&amp;y" in c.status.value
