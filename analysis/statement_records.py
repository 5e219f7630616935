"""The records the statement steps share: one article, one statement, what earlier statements leave.

:func:`analysis.annotate.annotate` builds an article's statements in named steps, and the
steps that decide who speaks live in :mod:`analysis.speakers`; both read and fill in these
records, so they live here, where neither module has to import the other's steps. No logic
beyond appending a span row and setting a speaker.

- :class:`Article`: the text, what segmentation and the attribution engine found in it, and
  the span rows written so far (:meth:`Article.span`);
- :class:`Statement`: one statement, from what makes it (an attribution, a stance row, a
  quote running on) to the values of its row;
- :class:`History`: who spoke before (for pronouns), who has spoken, the stance spans written.

>>> art = Article("d", "No, he said.", [], [(0, 12)], [], [], [])
>>> art.span("cue", 7, 11, rule="cue.say")
>>> art.spans[0]["text"], art.spans[0]["start"], art.spans[0]["end"]
('said', 7, 11)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from analysis.spans import Span


def span_row(doc_id: str, text: str, layer: str, start: int, end: int, label: str = "",
             value: str = "", rule: str = "") -> dict:
    """One row of the ``spans`` table; its ``text`` is ``text[start:end]``."""
    return {"doc_id": doc_id, "layer": layer, "label": label, "start": int(start), "end": int(end),
            "text": text[start:end], "value": value, "rule": rule}


@dataclass(slots=True)
class Article:
    """One article as the statement steps share it: its text, what segmentation and the
    attribution engine found in it (once), and the span rows written so far."""

    doc_id: str
    text: str
    skip: list[Span]
    sentences: list[Span]
    quote_rows: list[dict]  # the quote layer, unpaired marks included
    quotes: list[Span]  # paired quotes only: an unpaired mark's span is a guess and sets no voice
    atts: list  # analysis.attribution.Attribution records, in text order
    markers: list[dict] = field(default_factory=list)  # hedges and evidence: a statement's own
    marker_starts: list[int] | None = None  # their starts, when sorted (for bisect); else None
    spans: list[dict] = field(default_factory=list)  # the span rows, appended step by step

    def span(self, layer: str, start: int, end: int, label: str = "", value: str = "", rule: str = "") -> None:
        """Append one span row (``text`` is the article's ``[start:end]``)."""
        self.spans.append(span_row(self.doc_id, self.text, layer, start, end, label, value, rule))


@dataclass(slots=True)
class Statement:
    """One statement as the steps fill it in, from what makes it (``kind``) to its row.

    ``kind`` is "att" (an attribution: ``att``), "fallback" (a stance row that no
    attribution reads: ``row``) or "quoted" (a sentence of a quote running on past its
    attribution: ``owner``). ``start``/``end`` are the attribution's or the sentence's.
    """

    kind: str
    sent_index: int
    start: int
    end: int
    att: object = None  # kind "att": its analysis.attribution.Attribution
    row: object = None  # kind "fallback": the analysis.stance.StanceResult that fired
    owner: object = None  # kind "quoted": the Attribution whose quote runs on into the sentence
    sid: str = ""  # "<doc_id>:<n>", numbered in text order
    mode: str = ""
    cue_text: str = ""
    surface: str = ""  # the source as written at ``src_pos``
    source: str = ""  # the source as named (the engine's source_text, or as a step corrects it)
    src_pos: int = 0
    rules: list[str] = field(default_factory=list)
    actor: str = "unknown"
    stype: str = "unknown"  # the source_type column
    speaker: str = ""
    by_agent: bool = False  # the source is a passive's by-agent: it performs the act
    passive_target: str = ""  # a headline's (or reduced) passive names its accused first
    cs: int = 0  # the stretch the stance is read on: [cs, ce)
    ce: int = 0
    passive: bool = False  # the cue is itself a stance verb, in the passive
    primary: object = None  # the leading StanceResult
    structural: bool = False  # the accused is the sentence's subject ("Labour accused of ...")
    target: str = ""

    def speaks(self, source: str, who) -> None:
        """``source``, resolved to ``who`` (an :class:`analysis.actors.Speaker`), speaks."""
        self.source, self.actor, self.stype, self.speaker = source, who.actor, who.source_type, who.speaker


@dataclass(slots=True)
class History:
    """What earlier statements leave to later ones: the last person and the last other
    speaker to have spoken, as (source, actor, source type, speaker), for the pronouns;
    everyone who has spoken; the stance spans already written."""

    last_person: tuple[str, str, str, str] | None = None
    last_other: tuple[str, str, str, str] | None = None
    spoke: set[str] = field(default_factory=set)  # kept as we go: rebuilding it per pronoun was quadratic
    stance_seen: set[tuple] = field(default_factory=set)
