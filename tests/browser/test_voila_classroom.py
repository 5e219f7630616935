"""The classroom as Voilà apps: five students hand in, the teacher compares (issue 12 points 3, 6, 8).

The students' app (notebook 04) and the teacher's (notebook 06) are two Voilà servers on one
answers folder, as docs/teachers-guide.md tells a teacher to run them.
"""
from __future__ import annotations

import time

import pandas as pd
import pytest

from analysis import classroom

pytestmark = pytest.mark.browser

DOC_ID = "000_69a36e7ce07eb426"  # the shipped article
PHONE = {"width": 390, "height": 844}

#: Five students: names no slug can keep apart, and answers that split the class on sentences 2 and 3.
CLASS = {
    "Ada Lovelace": [("denial", "North Korea"), ("neither", "North Korea"), ("denial", "North Korea")],
    "Ada-Lovelace": [("denial", "North Korea"), ("accusation", "North Korea"), ("accusation", "North Korea")],
    "李雷": [("denial", "North Korea"), ("neither", "journalist"), ("denial", "United States")],
    "Zoë": [("accusation", "North Korea"), ("denial", "North Korea"), ("denial", "North Korea")],
    "Zoe": [("denial", "North Korea"), ("neither", "North Korea"), ("neither", "North Korea")],
}


def _local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "data:", "blob:", "ws://127.0.0.1"))


def _open_student(browser, url, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(120_000)
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(url, wait_until="domcontentloaded")
    room = page.locator(".wsw-classroom")
    room.wait_for(state="visible")
    return context, page, room, fetched


def _wait_text(page, selector: str, text: str, timeout: int = 60_000):
    page.wait_for_function("([sel, text]) => { const e = document.querySelector(sel);"
                           " return e && e.innerText.includes(text); }", arg=[selector, text], timeout=timeout)


def test_five_students_and_the_teacher(browser, voila_server, teacher_url, voila_answers, screenshots,
                                       count_kernels):
    url, server = voila_server
    pages = []
    for n, (name, answers) in enumerate(CLASS.items()):
        context, page, room, fetched = _open_student(browser, url)
        body = page.inner_text("body")
        assert "Loading widget" not in body and "from analysis import" not in body, "Voilà shows no code"
        assert "Compare the class" not in body and "Krippendorff" not in body, "students get no class view"
        room.locator(".wsw-student input").fill(name)
        labels, speakers = room.locator(".wsw-label select"), room.locator(".wsw-speaker select")
        for k, (label, speaker) in enumerate(answers):
            labels.nth(k).select_option(label=label)
            speakers.nth(k).select_option(label=speaker)
        if n == 0:
            # Scoring before handing in shows no key (the key used to appear for every disagreement).
            room.locator(".wsw-score").click()
            _wait_text(page, ".wsw-classroom .wsw-result", "hidden")
            assert "κ" not in room.locator(".wsw-result").inner_text()
            page.screenshot(path=str(screenshots / "04-voila-student-1280.png"))
        room.locator(".wsw-save").click()
        _wait_text(page, ".wsw-classroom .wsw-result", "κ =")
        text = room.inner_text()
        assert "Handed in." in text and "you vs the answer key" in text
        if n == 0:
            # The article's own error is shown once the key is (sentence 2: the wrong ministry).
            assert "Ministry of National Defence" in text
            room.locator(".wsw-result").scroll_into_view_if_needed()
            page.screenshot(path=str(screenshots / "04-voila-student-scored-1280.png"))
            room.locator(".errata").scroll_into_view_if_needed()
            page.screenshot(path=str(screenshots / "04-voila-student-errors-1280.png"))
            assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
        others = [other for other in CLASS if other != name and other not in name]
        assert not [o for o in others if o in page.inner_text("body")], "a student page shows another's name"
        assert all(_local(u) for u in fetched), [u for u in fetched if not _local(u)]  # no CDN fonts
        pages.append((context, page))

    sheets = sorted(voila_answers.glob("*.csv"))
    assert len(sheets) == 5, [p.name for p in sheets]
    assert sorted(pd.concat(pd.read_csv(p, keep_default_na=False) for p in sheets)["student"].unique()) == \
        sorted(CLASS)

    # The teacher's app: per-sentence split, alpha and kappas.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    teacher = context.new_page()
    teacher.set_default_timeout(120_000)
    teacher.goto(teacher_url, wait_until="domcontentloaded")
    view = teacher.locator(".wsw-class-results")
    view.wait_for(state="visible")
    view.locator(".wsw-compare").click()
    _wait_text(teacher, ".wsw-class-results .wsw-result", "Krippendorff")
    text = view.locator(".wsw-result").inner_text()
    assert "5 students" in text and "How the class split" in text and "κ vs key" in text
    assert all(name in text for name in CLASS)
    split = classroom.sentence_split(classroom.read_class([voila_answers])[0], classroom.load_key(DOC_ID))
    assert int(split.iloc[0]["sentence"]) in (2, 3)  # the class split most on sentence 2 or 3
    teacher.screenshot(path=str(screenshots / "06-voila-teacher-1280.png"))
    view.locator(".wsw-result table").first.scroll_into_view_if_needed()
    teacher.screenshot(path=str(screenshots / "06-voila-teacher-split-1280.png"))
    teacher.set_viewport_size(PHONE)
    view.locator(".wsw-result").scroll_into_view_if_needed()
    teacher.screenshot(path=str(screenshots / "06-voila-teacher-390.png"))
    edge = teacher.evaluate("() => Math.max(...[...document.querySelectorAll('.wsw-result p, .wsw-result h4')]"
                            ".map(e => e.getBoundingClientRect().right))")
    assert edge <= PHONE["width"], f"the teacher's results run {edge - PHONE['width']:.0f} px off a phone screen"
    context.close()

    # Closed pages lose their kernels (16 page loads used to hold 16 kernels).
    open_kernels = count_kernels(server)
    assert open_kernels >= 5
    for context, _ in pages:
        context.close()
    deadline = time.monotonic() + 60
    while count_kernels(server) > 0 and time.monotonic() < deadline:
        time.sleep(2)
    assert count_kernels(server) == 0, f"{count_kernels(server)} kernels still run after every page was closed"


def test_student_form_on_a_phone(browser, voila_url, screenshots):
    context, page, room, _ = _open_student(browser, voila_url, PHONE)
    page.screenshot(path=str(screenshots / "04-voila-student-390.png"))
    sentence = room.locator(".wsw-row .wsw-sentence").first.bounding_box()
    label = room.locator(".wsw-row .wsw-label").first.bounding_box()
    assert label["y"] >= sentence["y"] + sentence["height"] - 1, "the form stacks under 600 px"
    assert sentence["width"] > 300, f"the sentence gets the width of the screen, not {sentence['width']} px"
    assert not room.locator(".wsw-form-header").is_visible(), "no overlapping column headers on a phone"
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1
    context.close()
