"""Annotate one article: quotes, attributions, actors, stance, hedges, evidence, scare quotes, loaded words.

``annotate(doc_id, text, skip)`` returns the ``spans`` and ``statements`` tables of
:mod:`analysis.schema` for one article. Attribution (who said what: source, cue, content,
quotes) comes from :mod:`analysis.attribution`; stance, actors and the qualifying markers
from :mod:`analysis.stance`. Time columns are left empty for :mod:`analysis.temporal`.

Choices (see docs/codebook.md):
- one statement per attribution, numbered from 1 in text order (``<doc_id>:<n>``);
- a sentence with a denial/accusation pattern but no attribution becomes a statement of its
  own (rule ``S_fallback``: "North Korea had also previously denied providing weapons");
- a denial that carries a counter-accusation ("Washington was spreading a groundless
  rumour") keeps stance ``denial``, names the counter-accused as ``target`` and adds an
  ``accusation`` span, so counts are not doubled but the accusation stays visible.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Sequence

import pandas as pd

from analysis import schema
from analysis.stance import (classify_stance, find_hedges, find_loaded, find_scare_quotes, find_stance,
                             resolve_actor, verb_stance, _NP_CAP)

Span = tuple[int, int]

_PRONOUN = re.compile(r"^(?:he|she|him|her|his)$", re.I)
_IMPERSONAL = re.compile(r"^(?:it|its|they|them|their|this|that)$", re.I)
_SUBJECT = re.compile(r"(?:(?:the|The)\s+)?" + _NP_CAP + r"(?:\s+(?:government|ministry|officials?|military))?")


# Only verb rules that name a speech act may create a statement on their own: a narrated
# "was not" or "a hoax" is the journalist's voice, not somebody's denial.
_FALLBACK_RULES = frozenset({"D_deny_acc", "D_deny_of_acc", "D_deny_ing", "D_deny_that", "D_deny_bare",
                             "D_denial_noun", "D_reject_acc", "D_refute", "D_dismiss_as", "A_accuse",
                             "A_accuse_passive", "A_accuse_bare", "A_blame", "A_blame_on", "A_blame_bare",
                             "A_allege", "A_charge"})


@lru_cache(maxsize=1)
def _no_stance():
    """``classify_stance("")``, the stance of a statement without stance words (computed once)."""
    return classify_stance("")


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _in_skip(span: Span, skip: Sequence[Span]) -> bool:
    return any(_overlaps(span, k) for k in skip)


def _span_row(doc_id: str, text: str, layer: str, start: int, end: int, label: str = "",
              value: str = "", rule: str = "") -> dict:
    return {"doc_id": doc_id, "layer": layer, "label": label, "start": int(start), "end": int(end),
            "text": text[start:end], "value": value, "rule": rule}


def _target_actor(target_text: str, text: str, pos: int) -> str:
    """Canonical actor of a stance target; empty when it does not resolve."""
    if not target_text:
        return ""
    actor, _ = resolve_actor(target_text, text, pos)
    return "" if actor == "unknown" else actor


def _own_extent(a, s: int, e: int) -> Span:
    """From the first to the last of the attribution's cue and content spans.

    The source is left out: a shared source ("The ministry went on to accuse ... by
    invoking ...") would otherwise pull its first statement into the second.
    """
    parts = [p for p in (a.cue, a.content) if p] or [p for p in (a.source,) if p]
    if not parts:
        return s, e
    # no content found: the stance words may follow the cue ("dismissed the report as fake")
    end = max(p[1] for p in parts) if a.content else e
    return min(p[0] for p in parts), end


def _self_target(r, actor: str, text: str, pos: int) -> bool:
    """An accusation whose target is the speaker itself is a misparse ("North Korea was
    trying to disguise ..." read as North Korea's own statement); drop it."""
    if r.stance != "accusation" or not r.target_text or actor == "unknown":
        return False
    tpos = text.find(r.target_text, pos)
    return _target_actor(r.target_text, text, tpos if tpos >= 0 else pos) == actor


def annotate(doc_id: str, text: str, skip: Iterable[Sequence[int]] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements of one article; nothing is produced inside ``skip`` ranges.

    Layers: quote, source, cue, content (value = statement_id), denial, accusation
    (value = CAMEO code, label = CAMEO name), hedge, evidence, scare_quote, loaded
    (label = voice: narration | reported | quoted).
    """
    from analysis import attribution, segment  # imported here: nothing happens at import

    skip = [(int(s[0]), int(s[1])) for s in skip]
    sentences = [(int(s), int(e)) for s, e in segment.find_sentences(text)]
    quote_rows = [q for q in attribution.find_quotes(text) if not _in_skip((int(q["start"]), int(q["end"])), skip)]
    # an unpaired mark's span is a guess: it stays in the quote layer but sets no voice
    quotes = [(int(q["start"]), int(q["end"])) for q in quote_rows if q.get("label") != "unpaired"]
    atts = [a for a in attribution.find_attributions(text, sentences, skip=skip)
            if not _in_skip((a.start, a.end), skip)]
    atts.sort(key=lambda a: (a.start, a.end))

    spans: list[dict] = []
    for q in quote_rows:
        spans.append(_span_row(doc_id, text, "quote", int(q["start"]), int(q["end"]), str(q.get("label", "") or ""),
                               str(q.get("value", "") or ""), str(q.get("rule", "") or "Q_pair")))

    # Indirect reports' contents give the "reported" voice; direct quotes the "quoted" one.
    contents = [tuple(a.content) for a in atts if a.content and a.mode != "direct"]
    attributed = [tuple(q) for a in atts if a.mode in ("direct", "mixed") for q in a.quotes
                  if len(re.findall(r"\w+", text[q[0]:q[1]])) > 5]
    markers = find_hedges(text, quotes, contents, skip)
    spans += [_span_row(doc_id, text, m["layer"], m["start"], m["end"], m["label"], m["value"], m["rule"])
              for m in markers]
    spans += [_span_row(doc_id, text, m["layer"], m["start"], m["end"], m["label"], m["value"], m["rule"])
              for m in find_scare_quotes(text, quotes, attributed, contents, skip)]
    spans += [_span_row(doc_id, text, m["layer"], m["start"], m["end"], m["label"], m["value"], m["rule"])
              for m in find_loaded(text, quotes, contents, skip)]

    # Sentences with a stance pattern that no attribution covers still report a stance.
    covered = [(a.start, a.end) for a in atts]
    # atts are sorted by start: a sentence overlaps one iff, among those starting before it
    # ends, the furthest end lies past its start (bisect; a pass per sentence was quadratic)
    covered_starts = [c[0] for c in covered]
    covered_reach: list[int] = []
    for c in covered:
        covered_reach.append(max(c[1], covered_reach[-1]) if covered_reach else c[1])
    extra = []
    for i, (s, e) in enumerate(sentences):
        k = bisect_left(covered_starts, e)
        if _in_skip((s, e), skip) or (k and covered_reach[k - 1] > s):
            continue
        res = [r for r in find_stance(text[s:e], weak=False) if r.match and r.rule in _FALLBACK_RULES]
        if res:
            extra.append((i, s, e, res[0]))

    items = [("att", a.start, a) for a in atts] + [("fallback", x[1], x) for x in extra]
    items.sort(key=lambda t: t[1])

    statements: list[dict] = []
    stance_seen: set[tuple] = set()
    # A statement's hedges and evidence markers, found by bisect (a pass over every marker
    # per statement was quadratic in a long article).
    marker_starts: list[int] | None = [m["start"] for m in markers]
    if any(a > b for a, b in zip(marker_starts, marker_starts[1:])):
        marker_starts = None
    last_person: tuple[str, str, str] | None = None
    last_other: tuple[str, str, str] | None = None
    for n, (kind, _, item) in enumerate(items, start=1):
        sid = f"{doc_id}:{n}"
        if kind == "att":
            a = item
            s, e = a.start, a.end
            cue_text = text[a.cue[0]:a.cue[1]] if a.cue else ""
            surface = text[a.source[0]:a.source[1]] if a.source else ""
            source = (getattr(a, "source_text", "") or surface).strip()
            src_pos = a.source[0] if a.source else s
            mode, sent_index = a.mode, a.sent_index
            rules = [r for r in (a.source_rule, a.cue_rule) if r]
            if a.source:
                spans.append(_span_row(doc_id, text, "source", a.source[0], a.source[1], "", sid, a.source_rule or ""))
            if a.cue:
                spans.append(_span_row(doc_id, text, "cue", a.cue[0], a.cue[1], verb_stance(cue_text), sid,
                                       a.cue_rule or ""))
            if a.content:
                spans.append(_span_row(doc_id, text, "content", a.content[0], a.content[1], mode, sid, a.rule or ""))
        else:
            sent_index, s, e, first = item
            m0 = s + first.match[0]
            subj = None
            for m in _SUBJECT.finditer(text, s, m0):
                subj = m
                break
            surface = source = subj.group(0) if subj else ""
            src_pos = subj.start() if subj else s
            cue_text = text[m0:s + first.match[1]]
            mode = "indirect"
            rules = ["S_fallback"]
            if subj:
                spans.append(_span_row(doc_id, text, "source", subj.start(), subj.end(), "", sid, "S_fallback"))
            spans.append(_span_row(doc_id, text, "cue", m0, s + first.match[1], verb_stance(cue_text), sid, "S_fallback"))

        # actor of the source; pronouns the attribution engine left unresolved follow the
        # last statement's speaker of the same kind ("Though he stressed ..." -> Kirby)
        if source:
            actor, stype = resolve_actor(source, text, src_pos)
            # "the statement continued": the engine resolves it to its author (actor), but
            # the source is still a document
            if surface and surface != source:
                s_actor, s_type = resolve_actor(surface, text, src_pos)
                if s_type == "document":
                    stype = "document"
                    actor = actor if actor != "unknown" else s_actor
        else:
            actor, stype = "unknown", "unknown"
        # ... unless the attribution engine has judged the pronoun unresolvable ("It revealed").
        unresolved = kind == "att" and "res.unresolved" in (item.rule or "")
        if actor == "unknown" and stype == "unknown" and source and not unresolved:
            prev = last_person if _PRONOUN.match(source) else last_other if _IMPERSONAL.match(source) else None
            if prev:
                source, actor, stype = prev
        if stype == "person":
            last_person = (source, actor, stype)
        elif actor != "unknown":
            last_other = (source, actor, stype)

        # Stance is read on the attribution's own stretch (source, cue, content), not on the
        # whole sentence, so a report nested in another ("what it called ...") does not
        # inherit its host's stance.
        cs, ce = _own_extent(item, s, e) if kind == "att" else (s, e)
        clause = text[cs:ce]
        # weak rows (generic negation, doubt) only after an asserting cue: "he said the
        # shipments had not arrived" is a report, "he insisted they had not" a denial
        weak = verb_stance(cue_text) == "assert"
        results = [r for r in find_stance(clause, cue_text, weak=weak) if r.match is None or not _in_skip(
            (cs + r.match[0], cs + r.match[1]), skip)]
        results = [r for r in results if not _self_target(r, actor, text, cs)]
        primary = results[0] if results else _no_stance()
        for r in results:
            if r.match is None:
                continue
            key = (r.stance, cs + r.match[0], cs + r.match[1])
            if key in stance_seen:
                continue
            stance_seen.add(key)
            spans.append(_span_row(doc_id, text, r.stance, key[1], key[2], r.cameo_name, r.cameo, r.rule))
        target = ""
        if primary.stance != "other" and primary.target_text:
            tpos = text.find(primary.target_text, cs)
            target = _target_actor(primary.target_text, text, tpos if tpos >= 0 else cs)
            if target == actor:  # a speaker does not deny its own claim; an odd parse, drop it
                target = ""
        if marker_starts is not None:  # markers sorted by start: only those starting in [cs, ce]
            inside = [m for m in markers[bisect_left(marker_starts, cs):bisect_right(marker_starts, ce)]
                      if m["end"] <= ce]
        else:
            inside = [m for m in markers if cs <= m["start"] and m["end"] <= ce]
        hedged = any(m["layer"] == "hedge" for m in inside)
        evidence = "; ".join(m["text"] for m in inside if m["layer"] == "evidence")
        rules.append(primary.rule)
        statements.append({
            "doc_id": doc_id, "statement_id": sid, "sent_index": int(sent_index), "start": int(s), "end": int(e),
            "text": text[s:e], "mode": mode, "cue": cue_text, "source": source, "source_type": stype,
            "actor": actor, "target": target, "stance": primary.stance, "hedged": hedged, "evidence": evidence,
            "time_text": "", "event_start": "", "event_end": "", "rule": "+".join(r for r in rules if r),
        })

    seen: set[tuple] = set()
    unique = []
    for row in sorted(spans, key=lambda r: (r["start"], r["end"], r["layer"])):
        key = (row["layer"], row["start"], row["end"], row["value"])
        if key in seen or row["end"] <= row["start"]:
            continue
        seen.add(key)
        unique.append(row)
    return schema.frame("spans", unique), schema.frame("statements", statements)
