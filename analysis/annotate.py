"""Annotate one article: its statements and spans (quotes, cues, sources, contents, stance, markers).

``annotate(doc_id, text, skip)`` returns the ``spans`` and ``statements`` tables of
:mod:`analysis.schema` for one article (``annotate_rows``: the same as row dicts, the
pipeline's form). Attribution (who said what: source, cue, content,
quotes) comes from :mod:`analysis.attribution`; who speaks each statement from
:mod:`analysis.speakers`; stance and the qualifying markers from :mod:`analysis.stance`;
whom a statement is about from :mod:`analysis.targets`. Time columns are left empty for
:mod:`analysis.events`.

Choices (see docs/codebook.md):
- one statement per attribution, numbered from 1 in text order (``<doc_id>:<n>``);
- a sentence with a denial/accusation pattern but no attribution becomes a statement of its
  own (rule ``S_fallback``: "North Korea had also previously denied providing weapons");
- a denial that carries a counter-accusation ("Washington was spreading a groundless
  rumour") keeps stance ``denial``, names the counter-accused as ``target`` and adds an
  ``accusation`` span, so counts are not doubled but the accusation stays visible.

How to read it: :func:`annotate_rows`, at the end, is the list of steps (:func:`annotate`
gives its rows as frames). The steps share one
:class:`~analysis.statement_records.Article` (text, sentences, quotes, attributions, the
span rows so far); each statement is a :class:`~analysis.statement_records.Statement`
record that steps 4-16 fill in, in text order, with a
:class:`~analysis.statement_records.History` of who spoke before (for pronouns). Each
step's docstring says what it decides and why.

1. ``_read_article``: sentences, quotes, attributions;
2. ``_marker_spans``: quote, hedge, evidence, scare-quote and loaded layers;
3. ``_candidates``: what makes a statement (attributions; stance rows beside or outside them);
4. ``_open_attribution`` / ``_open_quoted`` / ``_open_fallback``: its cue, source, content;
5-11. ``speakers.who_speaks``: who speaks (the source resolved, pronouns followed, a
   passive's agent, an implied formal agent; steps listed in :mod:`analysis.speakers`);
12. ``_read_stance``; 13. ``speakers.stance_agent`` (a passive stance verb's by-agent
    speaks); 14. ``_stance_spans``: the stance;
15. ``_target``: whom it is about; 16. ``_row``;
then ``speakers.headline_accuser_from_lead`` and ``_unique_spans``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from analysis import schema
from analysis.actors import resolve_speaker
from analysis.attribution import find_attributions
from analysis.clauses import clause_subject, cut_subject
from analysis.quotes import find_quotes
from analysis.segment import find_sentences
from analysis.spans import Span, overlaps, overlaps_any
from analysis.speakers import (PASSIVE_CUE, PRONOUN, cue_stances, headline_accuser_from_lead, is_headline,
                               passive_agent, quote_owner, stance_agent, who_speaks)
from analysis.markers import find_hedges, find_loaded, find_scare_quotes
from analysis.stance import StanceResult, classify_stance, fallback_rules, find_stance, may_match_any
from analysis.verb_stance import verb_stance
from analysis.words import phrase_at
from analysis.statement_records import Article, History, Statement
from analysis.targets import accused_is_subject, clean_target, find_target, resolve_target

if TYPE_CHECKING:  # frames only for the public annotate(): the pipeline passes rows
    import pandas as pd

# pronouns and the speaker's own side are no target ("we are accused", "I was blamed")
_NO_TARGET = {"i", "we", "us", "me", "you", "it", "this", "that", "they", "them", "he", "she", "him", "her",
              "which"}
_ADJECTIVE_CUE = re.compile(r"^(?:accused|alleged)$", re.I)
_TARGET_PRONOUN = re.compile(r"^(?:he|she|him|her|his|it|they|them)$", re.I)




@lru_cache(maxsize=1)
def _no_stance():
    """``classify_stance("")``, the stance of a statement without stance words (computed once)."""
    return classify_stance("")


def _target_actor(target_text: str, text: str, pos: int) -> str:
    """Canonical actor of a stance target; empty when it does not resolve."""
    if not target_text:
        return ""
    actor = resolve_speaker(target_text, text, pos).actor
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


_PRE_VERB = re.compile(r"(?:\s+(?:has|have|had|was|were|is|are|also|again|long|earlier|previously|repeatedly|strongly"
                       r"|flatly|firmly|vehemently|categorically|consistently|continually|always|already|now|both"
                       r"|all|today|yesterday|\w+ly))+\s*$", re.I)


def _cue_first(results: list, cue_rule: str) -> list:
    """The cue's own stance leads: "X denied ..., who accused ..." gives the accusing
    attribution an accusation even when a denial sits in the same stretch; a criticising cue
    ("attacked", "condemned") makes an accusation even when the content names no wrongdoing."""
    found = cue_stances().get(cue_rule)
    if found is None:
        return results
    stance, code, asserted = found
    if any(r.stance == stance for r in results):
        return sorted(results, key=lambda r: r.stance != stance)
    if not asserted or any(r.stance == "denial" for r in results):
        return results
    return [StanceResult(stance, "S_cue_stance", code, None, "")] + results


# fallback rules trusted beside an attribution that missed them: formal charges and the
# accusing / denying verbs with their own subject
_OUTSIDE_RULES = frozenset({"A_passive_formal", "A_charged_with", "A_charges_against", "A_accuse_obj", "A_crit_obj",
                            "A_crit_noun", "A_made_by", "A_noun_by", "A_named_noun", "A_repeat_charge", "D_not_guilty", "D_deny_acc", "D_deny_ing", "D_deny_that",
                            "D_reject_acc", "D_dismiss_obj", "D_dismiss_as", "D_call_eval", "D_call_charges_negeval"})


def _opens_participle_clause(text: str, s: int, verb: int) -> bool:
    """Does the verb at ``verb`` open a participle clause after a comma (", chastising ...")?
    Such a clause shares the subject of the clause before it."""
    return re.search(r",\s*$", text[s:verb]) is not None and re.match(r"\w+ing\b", text[verb:verb + 30]) is not None


def _fallback_subject(text: str, s: int, verb: int) -> Span | None:
    """The subject of a stance verb with no attribution ("The tobacco companies deny ...",
    "Mr Afzal, Mr Islam and Mr Kazi deny ..."): the noun phrase right before the verb."""
    if _opens_participle_clause(text, s, verb):
        # "Trump outlined a new strategy ..., chastising Pakistan": a participle clause
        # shares the subject of the main clause
        return clause_subject(text, s, verb)
    end = verb
    m = _PRE_VERB.search(text, s, verb)
    if m:
        end = m.start()
    left = text[s:end]
    # a relative clause or appositive between subject and verb: "The men, elected to ..., deny"
    parts = [p for p in re.split(r",", left)]
    if len(parts) >= 3 and parts[-1].strip() == "":
        parts = parts[:-1]
    if len(parts) >= 2 and re.match(r"\s*(?:who|which|a|an|the|elected|based|named|\w+ed)\b", parts[-1]):
        end = s + len(",".join(parts[:-1]))
        while len(parts) >= 3 and re.match(r"\s*(?:who|which|a|an|the|elected|based|named|\w+ed)\b", parts[-2]):
            parts = parts[:-1]
            end = s + len(",".join(parts[:-1]))
    if end <= s:
        return None
    said = re.match(r"\s*(.+?)\s+(?:says|said|tells|told|claims|insists|warns|vows)\s+(?:that\s+)?(?:it|he|she|they)?\s*$",
                    text[s:end], re.I)
    if said and said.group(1).strip():
        # "IRAN SAYS IT INTENDS NO THREAT": the one who says it
        k = s + said.start(1)
        return k, k + len(said.group(1).rstrip())
    if (re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|later\s+|formally\s+)?$", text[s:verb])
            or re.match(r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been)\s", text[verb:verb + 16])):
        # "Fransen was convicted ...": a passive's subject is the accused; only its agent speaks
        return passive_agent(text, verb)
    agent = re.match(r"\s*[\w-]*\s*by\s+((?:the\s+|The\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?(?-i:[A-Z])[\w'’.&-]*)*)",
                     text[verb:verb + 120])
    if agent:  # "after being fined by The Spanish Football Federation": the agent acts
        return verb + agent.start(1), verb + agent.end(1)
    seg = cut_subject(text, s, end)
    if seg is None:
        return None
    words = text[seg[0]:seg[1]].split()
    if not words or all(w.lower() in {"the", "a", "an", "it", "and"} for w in words):
        return None
    if len(words) == 1 and words[0].islower() and words[0].endswith(("ing", "ed")):
        return None  # "being", "having": a verb, not a subject
    return seg


def _self_target(r, actor: str, text: str, pos: int) -> bool:
    """An accusation whose target is the speaker itself is a misparse ("North Korea was
    trying to disguise ..." read as North Korea's own statement); drop it."""
    if r.stance != "accusation" or not r.target_text or actor == "unknown":
        return False
    tpos = text.find(r.target_text, pos)
    return _target_actor(r.target_text, text, tpos if tpos >= 0 else pos) == actor


def _adjective_cue(text: str, a) -> bool:
    """Is the attribution's cue an adjective ("Rand Paul's accused attacker", "the alleged
    victim")? Then nobody accuses anybody."""
    return bool(a.cue and _ADJECTIVE_CUE.match(text[a.cue[0]:a.cue[1]])
                and re.search(r"(?:\b(?:the|his|her|their|its|an?)|['’]s)\s+$", text[max(0, a.cue[0] - 8):a.cue[0]], re.I)
                and re.match(r"\s+[a-z]", text[a.cue[1]:a.cue[1] + 3]))


def _read_article(doc_id: str, text: str, skip: Iterable[Sequence[int]]) -> Article:
    """Step 1: sentences, quotes and attributions, none of them inside ``skip``."""
    skip = [(int(s[0]), int(s[1])) for s in skip]
    sentences = [(int(s), int(e)) for s, e in find_sentences(text)]
    quote_rows = [q for q in find_quotes(text) if not overlaps_any((int(q["start"]), int(q["end"])), skip)]
    quotes = [(int(q["start"]), int(q["end"])) for q in quote_rows if q.get("label") != "unpaired"]
    atts = [a for a in find_attributions(text, sentences, skip=skip)
            if not overlaps_any((a.start, a.end), skip) and not _adjective_cue(text, a)]
    atts.sort(key=lambda a: (a.start, a.end))
    return Article(doc_id, text, skip, sentences, quote_rows, quotes, atts)


def _marker_spans(art: Article) -> None:
    """Step 2: the layers that need no statement: quotes, hedges and evidence (kept in
    ``art.markers`` for the statements), scare quotes and loaded words. The voice of a
    marker is "reported" inside an indirect report's content, "quoted" inside a direct
    quote of more than five words that an attribution owns."""
    text, skip = art.text, art.skip
    for q in art.quote_rows:
        art.span("quote", int(q["start"]), int(q["end"]), str(q.get("label", "") or ""),
                 str(q.get("value", "") or ""), str(q.get("rule", "") or "Q_pair"))
    contents = [tuple(a.content) for a in art.atts if a.content and a.mode != "direct"]
    attributed = [tuple(q) for a in art.atts if a.mode in ("direct", "mixed") for q in a.quotes
                  if len(re.findall(r"\w+", text[q[0]:q[1]])) > 5]
    art.markers = find_hedges(text, art.quotes, contents, skip)
    starts = [m["start"] for m in art.markers]
    art.marker_starts = None if any(a > b for a, b in zip(starts, starts[1:])) else starts
    for m in art.markers + find_scare_quotes(text, art.quotes, attributed, contents, skip) + find_loaded(
            text, art.quotes, contents, skip):
        art.span(m["layer"], m["start"], m["end"], m["label"], m["value"], m["rule"])


def _touched_sentences(art: Article) -> dict[int, list[int]]:
    """sentence index -> indices (into ``art.atts``) of the attributions overlapping it,
    found in one pass by bisect on the sentence starts (not one scan per sentence)."""
    sentences = art.sentences
    starts = [s for s, _ in sentences]
    touched: dict[int, list[int]] = {}
    for k, a in enumerate(art.atts):
        j = max(0, bisect_right(starts, a.start) - 1)
        while j < len(sentences) and sentences[j][0] < a.end:
            if overlaps(sentences[j], (a.start, a.end)):
                touched.setdefault(j, []).append(k)
            j += 1
    return touched


def _outside_row(art: Article, s: int, e: int, inside: list[Span], cue_spans: list[Span]):
    """The trusted stance row (``_OUTSIDE_RULES``) of sentence ``s..e`` that lies outside the
    own stretches (``inside``) and the cues of the attributions touching it, or None: a
    stance verb outside them ("Fransen was convicted ... and was ordered to pay") is a
    statement of its own."""
    text = art.text
    if not may_match_any(text[s:e], _OUTSIDE_RULES, article=text, at=s):
        return None
    # a row that names its own speaker ("accusations by Republicans that ...") is that
    # speaker's act even inside another attribution's stretch
    res = [r for r in find_stance(text[s:e], weak=False, only=_OUTSIDE_RULES, article=text, at=s) if r.match
           and (r.speaker_text or not overlaps_any((s + r.match[0], s + r.match[1]), inside))
           and not overlaps_any((s + r.match[0], s + r.match[1]), cue_spans)]
    named = [r for r in res if r.speaker_text]
    if named:
        res = named
    return res[0] if res and res[0].rule in _OUTSIDE_RULES else None


def _candidates(art: Article) -> list[Statement]:
    """Step 3: what makes a statement, in text order. Every attribution; and a sentence
    with a stance row that no attribution reads: beside an attribution, a trusted row
    outside its stretch (:func:`_outside_row`); inside a quote running on, any row (the
    quote's speaker speaks); in a headline, any row; elsewhere only the rows of speech-act
    verbs (a narrated "was not" is the journalist's voice). At one offset an attribution
    comes first (stable sort)."""
    text = art.text
    # the stretches the attributions read their stance on
    own = [_own_extent(a, a.start, a.end) for a in art.atts]
    cue_spans = [tuple(a.cue) for a in art.atts if a.cue]
    touched = _touched_sentences(art)
    extra, quoted = [], []
    for i, (s, e) in enumerate(art.sentences):
        if overlaps_any((s, e), art.skip):
            continue
        if i in touched:
            row = _outside_row(art, s, e, [own[k] for k in touched[i]], cue_spans)
            if row is not None:
                extra.append(Statement("fallback", i, s, e, row=row))
            continue
        owner = quote_owner(text, s, e, art.quotes, art.atts, i)
        if owner is not None:
            # a sentence of a quote that runs on past its attribution: the quoted speaker's words
            cue = text[owner.cue[0]:owner.cue[1]] if owner.cue else ""
            res = [r for r in find_stance(text[s:e], weak=verb_stance(cue) == "assert", article=text, at=s) if r.match]
            if res:
                quoted.append(Statement("quoted", i, s, e, owner=owner))
            continue
        headline = is_headline(text, i, s, e)
        # a headline reports somebody's act in its own words ("IRAN SAYS IT INTENDS NO THREAT ..."):
        # every row applies; elsewhere only the speech-act verbs make a statement on their own
        res = [r for r in find_stance(text[s:e], weak=headline, only=None if headline else fallback_rules(),
                                      article=text, at=s) if r.match]
        if res:
            extra.append(Statement("fallback", i, s, e, row=res[0]))
    items = [Statement("att", a.sent_index, a.start, a.end, att=a) for a in art.atts] + extra + quoted
    items.sort(key=lambda st: st.start)
    return items


def _take_source(text: str, st: Statement, a) -> None:
    """The cue and source of attribution ``a`` become the statement's."""
    st.cue_text = text[a.cue[0]:a.cue[1]] if a.cue else ""
    st.surface = text[a.source[0]:a.source[1]] if a.source else ""
    st.source = (a.source_text or st.surface).strip()
    st.src_pos = a.source[0] if a.source else st.start


def _open_attribution(art: Article, st: Statement) -> None:
    """Step 4 for an attribution: its source, cue and content, as the engine found them,
    are the statement's (and spans with the statement's id as value)."""
    a, sid = st.att, st.sid
    _take_source(art.text, st, a)
    st.mode = a.mode
    st.rules = [r for r in (a.source_rule, a.cue_rule) if r]
    if a.source:
        art.span("source", a.source[0], a.source[1], "", sid, a.source_rule or "")
    if a.cue:
        art.span("cue", a.cue[0], a.cue[1], verb_stance(st.cue_text), sid, a.cue_rule or "")
    if a.content:
        art.span("content", a.content[0], a.content[1], st.mode, sid, a.rule or "")


def _open_quoted(art: Article, st: Statement) -> None:
    """Step 4 for a sentence of a quote running on: the quote's speaker and cue speak it
    (no new source or cue span: they belong to the quote's own statement)."""
    _take_source(art.text, st, st.owner)
    st.mode = "direct"
    st.rules = ["S_quote_continuation"]


def _open_fallback(art: Article, st: Statement) -> None:
    """Step 4 for a stance row no attribution reads: the row's match is the cue, the
    subject before it the source (:func:`_fallback_subject`)."""
    text, s, e, first = art.text, st.start, st.end, st.row
    m0 = s + first.match[0]
    subj = _fallback_subject(text, s, m0)
    if _opens_participle_clause(text, s, m0):
        # a participle clause shares the subject of the nearest clause before it
        # ("Trump outlined a new strategy ..., chastising Pakistan")
        before = [a for a in art.atts if s <= a.start and a.cue and a.cue[1] <= m0 and a.source]
        if before:
            subj = before[-1].source
    if first.speaker_text:  # the pattern names the speaker ("drawing condemnation from Britain")
        k = text.find(first.speaker_text, s, e)
        subj = (k, k + len(first.speaker_text)) if k >= 0 else subj
    st.surface = st.source = text[subj[0]:subj[1]] if subj else ""
    st.src_pos = subj[0] if subj else s
    st.cue_text = text[m0:s + first.match[1]]
    st.mode = "indirect"
    st.rules = ["S_fallback"]
    if subj:
        art.span("source", subj[0], subj[1], "", st.sid, "S_fallback")
    art.span("cue", m0, s + first.match[1], verb_stance(st.cue_text), st.sid, "S_fallback")


_OPEN = {"att": _open_attribution, "quoted": _open_quoted, "fallback": _open_fallback}


def _read_stance(art: Article, st: Statement) -> list:
    """Step 12: the stance rows of the statement, the leading one first (``st.primary``).

    Stance is read on the attribution's own stretch (source, cue, content), not on the
    whole sentence, so a report nested in another ("what it called ...") does not inherit
    its host's stance. A cue that is itself the stance verb ("have been charged over crowd
    trouble") brings its object and complement (and, in the passive, its subject) into the
    stretch even where no content was found. Weak rows (generic negation, doubt) count only
    after an asserting cue: "he said the shipments had not arrived" is a report, "he
    insisted they had not" a denial."""
    text, s, e, item = art.text, st.start, st.end, st.att
    cs, ce = _own_extent(item, s, e) if st.kind == "att" else (s, e)
    passive = False
    if st.kind == "att" and item.cue and item.cue_rule in cue_stances():
        passive = bool(PASSIVE_CUE.search(st.cue_text))
        ce = max(ce, item.end)
        if passive:  # "However, Millwall have been charged": the subject is part of the act
            cs = min(cs, item.start)
    st.cs, st.ce, st.passive = cs, ce, passive
    weak = verb_stance(st.cue_text) == "assert"
    results = [r for r in find_stance(text[cs:ce], st.cue_text, weak=weak, article=text, at=cs)
               if r.match is None or not overlaps_any((cs + r.match[0], cs + r.match[1]), art.skip)]
    results = [r for r in results if not _self_target(r, st.actor, text, cs)]
    results = _cue_first(results, item.cue_rule if st.kind == "att" else "")
    if st.kind == "fallback" and st.row.speaker_text:
        # the row that named this speaker is their act, whatever else the sentence holds
        results = [r for r in results if r.rule == st.row.rule] or results
    st.primary = results[0] if results else _no_stance()
    return results


def _stance_spans(art: Article, st: Statement, results: list, hist: History) -> None:
    """Step 14: each stance row's match is a denial / accusation span (label the CAMEO name,
    value its code), once per article however many statements read it."""
    for r in results:
        if r.match is None:
            continue
        key = (r.stance, st.cs + r.match[0], st.cs + r.match[1])
        if key in hist.stance_seen:
            continue
        hist.stance_seen.add(key)
        art.span(r.stance, key[1], key[2], r.cameo_name, r.cameo, r.rule)


def _target_of(art: Article, st: Statement, phrase: str, at: int) -> str:
    """The actor ``phrase`` (at offset ``at``) names, as the statement's target: the accused
    of an accusation, the accuser whose claim a denial rejects. A denial's pronoun is the
    denier or the claim ("denied that he ..."), never the accuser."""
    if st.structural:
        return resolve_target(phrase, art.text, at, accused=True)
    return resolve_target(phrase, art.text, at, st.speaker, st.actor, accused=st.primary.stance == "accusation")


def _find_target(art: Article, st: Statement) -> str:
    """Whom the statement is about, the first found of: the stance row's own target; the
    content of a passive stance cue ("Liverpool and Millwall have been charged by the FA");
    a headline passive's subject; the target the clause's structure gives
    (:func:`analysis.targets.find_target`), for an accusation in the whole sentence when the
    accused stands before the stretch ("militants accused of ...")."""
    text, s, e, cs, primary = art.text, st.start, st.end, st.cs, st.primary
    clause = text[cs:st.ce]
    # "Labour accused of ...": the accused is the subject; a speaker found equal to it is
    # the speaker's misparse, and the target stands
    st.structural = primary.stance == "accusation" and primary.match is not None and (
        accused_is_subject(clause, primary.match) or accused_is_subject(
            text[s:e], (cs - s + primary.match[0], cs - s + primary.match[1])))
    if primary.stance == "other":
        return ""
    if primary.target_text:
        tpos = phrase_at(primary.target_text, text, cs)  # a word, not a piece of one ("he" in "the")
        target = _target_of(art, st, clean_target(primary.target_text), tpos if tpos >= 0 else cs)
        if target:
            return target
    content = st.att.content if st.passive else None
    if primary.stance == "accusation" and content:
        target = _target_of(art, st, text[content[0]:content[1]], content[0])
        if target:
            return target
    if st.passive_target:
        target = _target_of(art, st, st.passive_target, s)
        if target:
            return target
    found = find_target(clause, primary.stance, primary.rule, primary.match)
    if (not found and primary.stance == "accusation" and primary.match and cs > s
            and not re.search(r"[\"“”]", text[s:cs])):
        m0, m1 = cs - s + primary.match[0], cs - s + primary.match[1]
        found = find_target(text[s:e], primary.stance, primary.rule, (m0, m1))
        found = (found[0], found[1] + s - cs) if found else None
    # "accused him / it of ...": resolved to the person or organisation the article
    # is about; a denial's "it" is the claim, not its owner
    keep = _TARGET_PRONOUN if primary.stance == "accusation" else PRONOUN
    if found and (found[0].lower() not in _NO_TARGET or keep.match(found[0])):
        return _target_of(art, st, found[0], cs + found[1])
    return ""


def _target(art: Article, st: Statement) -> None:
    """Step 15: the statement's target (:func:`_find_target`). A speaker does not accuse
    itself: a target equal to the speaker is an odd parse and dropped, unless the
    sentence's structure makes it the accused ("Labour accused of ..."): then the speaker
    found is the misparse, and the accuser is unnamed rather than itself."""
    st.target = _find_target(art, st)
    if st.target and st.target in (st.actor, st.speaker):
        if st.structural and not st.by_agent:
            st.actor, st.speaker, st.stype = "unknown", "", "unknown"
        else:
            st.target = ""


def _markers_inside(art: Article, start: int, end: int) -> list[dict]:
    """The hedge and evidence markers inside ``[start, end]``; by bisect on their starts
    when sorted (a pass over every marker per statement was quadratic in a long article)."""
    if art.marker_starts is not None:
        lo, hi = bisect_left(art.marker_starts, start), bisect_right(art.marker_starts, end)
        return [m for m in art.markers[lo:hi] if m["end"] <= end]
    return [m for m in art.markers if start <= m["start"] and m["end"] <= end]


def _row(art: Article, st: Statement, hist: History) -> dict:
    """Step 16: the statement's row. It is hedged when a hedge lies in its own stretch, and
    its evidence is the evidence markers there; its rule lists every step that decided."""
    inside = _markers_inside(art, st.cs, st.ce)
    st.rules.append(st.primary.rule)
    if st.speaker:
        hist.spoke.add(st.speaker)
    s, e = st.start, st.end
    return {
        "doc_id": art.doc_id, "statement_id": st.sid, "sent_index": int(st.sent_index), "start": int(s), "end": int(e),
        "text": art.text[s:e], "mode": st.mode, "cue": st.cue_text, "source": st.source, "source_type": st.stype,
        "speaker": st.speaker, "actor": st.actor, "target": st.target, "stance": st.primary.stance,
        "hedged": any(m["layer"] == "hedge" for m in inside),
        "evidence": "; ".join(m["text"] for m in inside if m["layer"] == "evidence"),
        "time_text": "", "event_start": "", "event_end": "", "rule": "+".join(r for r in st.rules if r),
    }


def _statement(art: Article, st: Statement, hist: History) -> dict:
    """Steps 4-16 for one statement: who speaks, the stance read on its own stretch, whom
    it is about, its row. The order matters: each step reads what the ones before decided."""
    _OPEN[st.kind](art, st)  # 4
    who_speaks(art, st, hist)  # 5-11 (analysis.speakers)
    results = _read_stance(art, st)  # 12
    stance_agent(art, st)  # 13 (analysis.speakers)
    _stance_spans(art, st, results, hist)  # 14
    _target(art, st)  # 15
    return _row(art, st, hist)  # 16


def _unique_spans(spans: list[dict]) -> list[dict]:
    """The span rows in text order, each (layer, start, end, value) once, none empty."""
    seen: set[tuple] = set()
    unique = []
    for row in sorted(spans, key=lambda r: (r["start"], r["end"], r["layer"])):
        key = (row["layer"], row["start"], row["end"], row["value"])
        if key in seen or row["end"] <= row["start"]:
            continue
        seen.add(key)
        unique.append(row)
    return unique


def annotate_rows(doc_id: str, text: str, skip: Iterable[Sequence[int]] = ()) -> tuple[list[dict], list[dict]]:
    """Span rows and statement rows of one article (every column of the ``spans`` and
    ``statements`` tables, as :func:`analysis.schema.rows` gives them); nothing is produced
    inside ``skip`` ranges. The pipeline's form: rows pass from stage to stage, and a frame
    is built once per chunk of articles. :func:`annotate` returns the same as frames.

    The steps: read the article (1, :func:`_read_article`), mark quotes, hedges, evidence,
    scare quotes and loaded words (2, :func:`_marker_spans`), list what makes a statement
    (3, :func:`_candidates`), make each statement in text order (4-16, :func:`_statement`),
    give a headline's agentless passive the lead's speaker
    (:func:`analysis.speakers.headline_accuser_from_lead`), then one row per span.

    >>> spans, statements = annotate_rows("x", "The Kremlin denied the report.")
    >>> [(r["layer"], r["text"]) for r in spans]
    [('source', 'The Kremlin'), ('cue', 'denied'), ('denial', 'denied the report'), ('content', 'the report')]
    >>> statements[0]["actor"], statements[0]["stance"], statements[0]["event_start"]
    ('Russia', 'denial', '')
    """
    art = _read_article(doc_id, text, skip)
    _marker_spans(art)
    hist = History()
    statements = []
    for n, st in enumerate(_candidates(art), start=1):
        st.sid = f"{doc_id}:{n}"
        statements.append(_statement(art, st, hist))
    headline_accuser_from_lead(text, art.sentences, statements)
    return schema.rows("spans", _unique_spans(art.spans)), schema.rows("statements", statements)


def annotate(doc_id: str, text: str, skip: Iterable[Sequence[int]] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements of one article, as frames (:func:`annotate_rows` in table form);
    nothing is produced inside ``skip`` ranges.

    Layers: quote, source, cue, content (value = statement_id), denial, accusation
    (value = CAMEO code, label = CAMEO name), hedge, evidence, scare_quote, loaded
    (label = voice: narration | reported | quoted).

    >>> _, st = annotate("x", "The Kremlin denied the report. Washington accused Moscow of lying.")
    >>> st[["statement_id", "actor", "stance", "target"]].values.tolist()
    [['x:1', 'Russia', 'denial', ''], ['x:2', 'United States', 'accusation', 'Russia']]
    """
    spans, statements = annotate_rows(doc_id, text, skip)
    return schema.frame("spans", spans), schema.frame("statements", statements)
