"""HTML from templates that escape every value: the one Jinja2 environment the kit renders with.

Every page and widget fragment the kit writes comes from a template in
``analysis/templates/``, rendered here with autoescape on, so article text (title, body,
actor, source, quote, file names) is escaped unless the kit says otherwise, and saying
otherwise is rare and visible: a template's output is :class:`markupsafe.Markup` (safe
to put into another template as it is), and :func:`kit_css` marks the kit's own CSS.
Nothing else in the kit calls ``Markup`` and no template uses ``|safe``
(``tests/test_security.py`` checks both).

>>> str(render("widgets/messages.html", "note", "Fish & <chips>"))
'<p>Fish &amp; &lt;chips&gt;</p>'
"""
from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup


@functools.cache
def environment() -> Environment:
    """The shared environment: templates from the package, every value escaped, a missing name an error.

    Built on first use (nothing happens at import). ``trim_blocks``/``lstrip_blocks`` let a
    ``{% for %}`` or ``{% if %}`` stand on its own line without leaving a blank line in the HTML.
    """
    return Environment(loader=PackageLoader("analysis", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(name: str, macro: str | None = None, *args, **context) -> Markup:
    """Template `name` rendered with `context`, or, with `macro`, that macro of it called with `args`.

    Small pieces (a status line, a table row type) are macros of one file, so a widget's
    messages read together; a page or a table is a template of its own.
    """
    template = environment().get_template(name)
    if macro is not None:
        # A macro called under autoescape returns Markup already.
        return getattr(template.module, macro)(*args, **context)
    # The template escaped every value it was given: what it returns is safe HTML.
    return Markup(template.render(**context))


def kit_css(css: str) -> Markup:
    """The kit's own style sheet (``render.css``), to go inside ``<style>`` as it is.

    CSS is not HTML: escaping would turn its ``"`` and ``>`` into entities a style sheet
    does not read. Only the kit's CSS, never anything read from an article, goes here.
    """
    return Markup(css)
