"""The static report pages in a real browser, at desktop and phone sizes (issue 12 points 2, 4, 6)."""
from __future__ import annotations

import pytest

from analysis import export, load, pipeline

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

#: A layer's own look, as computed by the browser: (CSS property, value that means "off").
LOOK = {"evidence": ("background-color", "rgba(0, 0, 0, 0)"), "hedge": ("outline-style", "none"),
        "scare_quote": ("outline-style", "none"), "loaded": ("text-decoration-line", "none"),
        "cue": ("outline-style", "none"), "denial": ("border-bottom-color", "rgb(0, 114, 178)")}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("static-report")
    tables = pipeline.run(load.load_inputs().articles)
    export.write_report(tables, out, events=load.read_events(), inputs=["data/articles"],
                        errors=load.read_article_errors())
    return out


def _open(browser, url, size):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.set_default_timeout(30_000)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    return context, page, requests


def _looks(page, layer):
    prop, off = LOOK[layer]
    return page.evaluate("([layer, prop]) => [...document.querySelectorAll('#article .l-' + layer)]"
                         ".map(e => getComputedStyle(e)[prop.replace(/-([a-z])/g, (m, c) => c.toUpperCase())])",
                         [layer, prop]), off


def _untick(page, layers):
    for layer in layers:
        page.locator(f".legend input[value='{layer}']").uncheck()


def test_layers_toggle_independently(browser, report):
    """The guide's discussion 3 ticks only hedges, evidence, scare quotes and loaded words: all four stay."""
    context, page, _ = _open(browser, (report / "articles" / "000_69a36e7ce07eb426.html").as_uri(), "desktop")
    keep = {"hedge", "evidence", "scare_quote", "loaded"}
    all_layers = page.locator(".legend input").evaluate_all("bs => bs.map(b => b.value)")
    _untick(page, [l for l in all_layers if l not in keep])
    for layer in sorted(keep):
        values, off = _looks(page, layer)
        assert values and off not in values, f"{layer} lost its highlight: {values}"
    context.close()


def test_unticking_denial_keeps_the_cue_box(browser, report):
    context, page, _ = _open(browser, (report / "articles" / "000_69a36e7ce07eb426.html").as_uri(), "desktop")
    _untick(page, ["denial"])
    denial, blue = _looks(page, "denial")
    assert denial and blue not in denial  # the denial underline is gone (an accusation's may remain)
    cues, off = _looks(page, "cue")
    assert cues and off not in cues, "the cue box around 'denies' went with the denial layer"
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_article_page(browser, report, screenshots, size):
    url = (report / "articles" / "000_69a36e7ce07eb426.html").as_uri()
    context, page, requests = _open(browser, url, size)
    page.screenshot(path=str(screenshots / f"static-article-{size}.png"))
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide on a {width[1]} px screen"
    # The article's own error, beside its words, with the primary source.
    erratum = page.locator("#article .l-erratum").first
    assert "Foreign Ministry" in erratum.inner_text()
    assert page.locator(".errata a[href^='http://kcna.kp/']").count() >= 1
    # Tap, not hover: the explanation is shown on the page.
    page.locator("#article .l-evidence").first.click()
    assert "evidence" in page.locator("#explain").inner_text()
    page.locator(".errata").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"static-article-errors-{size}.png"))
    page.locator("table.statements").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"static-article-table-{size}.png"))
    assert all(u.startswith(("file:", "data:")) for u in requests), [u for u in requests if u.startswith("http")]
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_index_page(browser, report, screenshots, size):
    context, page, requests = _open(browser, (report / "index.html").as_uri(), size)
    assert "speech acts reported" in page.inner_text("body")
    page.screenshot(path=str(screenshots / f"static-index-{size}.png"), full_page=True)
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
    assert all(u.startswith(("file:", "data:")) for u in requests)
    context.close()
