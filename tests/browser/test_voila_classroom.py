"""The classroom notebook as a Voilà app: no code shown; a student answers, scores and saves."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import classroom, export

pytestmark = pytest.mark.browser

DOC_ID = "000_69a36e7ce07eb426"  # the shipped article

#: (label, speaker) for the first sentences of the shipped article's answer key.
ANSWERS = [("denial", "North Korea"), ("neither", "North Korea"), ("accusation", "United States"),
           ("accusation", "North Korea"), ("denial", "North Korea")]


def test_voila_classroom(page, voila_url, voila_answers, screenshots, overflowing):
    page.goto(voila_url, wait_until="domcontentloaded", timeout=120_000)
    room = page.locator(".wsw-classroom")
    room.wait_for(state="visible", timeout=120_000)
    body = page.inner_text("body")
    assert "Loading widget" not in body
    assert "from analysis import" not in body and "widgets.classroom(" not in body, "Voilà shows no code"
    assert "Classroom: who denies, who accuses?" in body  # the notebook's markdown is shown
    page.screenshot(path=str(screenshots / "04-voila-start.png"))

    room.locator(".wsw-student input").fill("Test Student")
    labels, speakers = room.locator(".wsw-label select"), room.locator(".wsw-speaker select")
    assert labels.count() == speakers.count() >= len(ANSWERS)
    for n, (label, speaker) in enumerate(ANSWERS):
        labels.nth(n).select_option(label=label)
        speakers.nth(n).select_option(label=speaker)
    room.locator(".wsw-score").click()
    result = room.locator(".wsw-result")
    page.wait_for_function("() => document.querySelector('.wsw-classroom .wsw-result').innerText.includes('κ =')",
                           timeout=60_000)
    text = result.inner_text()
    assert "You answered 5 of" in text
    assert "you vs the answer key" in text and "you vs the kit" in text
    assert "Where the answers differ" in text and "persistently spreading" in text, text  # sentence 3 differs
    result.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "04-voila-scored.png"))

    room.locator(".jupyter-widget-Collapse-header, .lm-Accordion .lm-AccordionPanel-title, .widget-accordion "
                 "[class*='title']").first.click()
    folder = room.locator(".wsw-answers-dir input")
    assert folder.is_disabled(), "students cannot choose where the server writes"
    assert folder.input_value() == str(voila_answers)
    room.locator(".wsw-save").click()
    saved = voila_answers / "Test-Student.csv"
    page.wait_for_function("() => document.querySelector('.wsw-classroom').innerText.includes('Saved')",
                           timeout=30_000)
    sheet = pd.read_csv(saved, keep_default_na=False)
    assert sheet["label"].tolist()[:len(ANSWERS)] == [a for a, _ in ANSWERS]
    # A classmate who followed the answer key, handed in beside ours.
    key = classroom.load_key(DOC_ID)
    export.write_answers(classroom.key_answers(key, "Classmate"), voila_answers)
    room.locator(".wsw-compare").click()
    page.wait_for_function("() => document.querySelector('.wsw-classroom').innerText.includes('Krippendorff')",
                           timeout=30_000)
    text = room.locator(".wsw-class-result").inner_text()
    assert "2 students" in text and "Classmate" in text and "Test Student" in text
    room.locator(".wsw-compare").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(screenshots / "04-voila-class.png"))
    assert overflowing(".wsw-classroom") == [], "the classroom overflows at 1280×800"
