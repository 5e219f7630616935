"""Annotate one article: quotes, attributions, actors, stance, hedges, evidence, scare quotes, loaded words.

``annotate(doc_id, text, skip)`` returns the ``spans`` and ``statements`` tables of
:mod:`analysis.schema` for one article. Attribution (who said what: source, cue, content,
quotes) comes from :mod:`analysis.attribution`; stance, actors and the qualifying markers
from :mod:`analysis.stance`. Time columns are left empty for :mod:`analysis.events`.

Choices (see docs/codebook.md):
- one statement per attribution, numbered from 1 in text order (``<doc_id>:<n>``);
- a sentence with a denial/accusation pattern but no attribution becomes a statement of its
  own (rule ``S_fallback``: "North Korea had also previously denied providing weapons");
- a denial that carries a counter-accusation ("Washington was spreading a groundless
  rumour") keeps stance ``denial``, names the counter-accused as ``target`` and adds an
  ``accusation`` span, so counts are not doubled but the accusation stays visible.

How to read it: :func:`annotate`, at the end, is the list of steps. The steps share one
:class:`Article` (text, sentences, quotes, attributions, the span rows so far); each
statement is a :class:`Statement` record that steps 4-16 fill in, in text order, with a
:class:`History` of who spoke before (for pronouns). Each step's docstring says what it
decides and why.

1. ``_read_article``: sentences, quotes, attributions;
2. ``_marker_spans``: quote, hedge, evidence, scare-quote and loaded layers;
3. ``_candidates``: what makes a statement (attributions; stance rows beside or outside them);
4. ``_open_attribution`` / ``_open_quoted`` / ``_open_fallback``: its cue, source, content;
5. ``_headline_passive``; 6. ``_widen_source``; 7. ``_resolve_source``: who the source is;
8. ``_follow_pronouns``; 9. ``_clause_subject_speaks``; 10. ``_passive_cue_agent``;
   11. ``_formal_agent``: who speaks when the source is a pronoun, a fragment or missing;
12. ``_read_stance``; 13. ``_stance_agent``; 14. ``_stance_spans``: the stance;
15. ``_target``: whom it is about; 16. ``_row``;
then ``_headline_accuser_from_lead`` and ``_unique_spans``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Sequence

import pandas as pd

from analysis import schema
from analysis.actors import _full_names, canonical_person, implied_agent, resolve_speaker, surname_count
from analysis.attribution import find_attributions
from analysis.clauses import clause_subject, cut_subject
from analysis.entities import gender_of
from analysis.lexicons import load_lexicon
from analysis.quotes import find_quotes
from analysis.segment import find_sentences
from analysis.spans import Span, overlaps, overlaps_any
from analysis.stance import (StanceResult, _person_names, classify_stance, find_hedges, find_loaded, find_scare_quotes,
                             find_stance, may_match_any, resolve_actor, verb_stance)
from analysis.statement_records import Article, History, Statement
from analysis.targets import accused_is_subject, clean_target, find_target, resolve_target

# pronouns and the speaker's own side are no target ("we are accused", "I was blamed")
_NO_TARGET = {"i", "we", "us", "me", "you", "it", "this", "that", "they", "them", "he", "she", "him", "her",
              "which"}
_ADJECTIVE_CUE = re.compile(r"^(?:accused|alleged)$", re.I)
_FIRST_PERSON = re.compile(r"^(?:i|we|me|us|our|my)$", re.I)
_PRONOUN = re.compile(r"^(?:he|she|him|her|his)$", re.I)
_TARGET_PRONOUN = re.compile(r"^(?:he|she|him|her|his|it|they|them)$", re.I)
_IMPERSONAL = re.compile(r"^(?:it|its|they|them|their|this|that)$", re.I)


# Only verb rules that name a speech act may create a statement on their own: a narrated
# "was not" or "a hoax" is the journalist's voice, not somebody's denial.
_PASSIVE_CUE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?\w+(?:ed|d)\b", re.I)

_FALLBACK_RULES = frozenset({"D_deny_acc", "D_deny_of_acc", "D_deny_ing", "D_deny_that", "D_deny_bare",
                             "D_denial_noun", "D_reject_acc", "D_refute", "D_dismiss_as", "A_accuse",
                             "A_accuse_passive", "A_accuse_bare", "A_blame", "A_blame_on", "A_blame_bare",
                             "A_allege", "A_charge", "D_dismiss_obj", "D_dismiss_that", "D_not_guilty", "D_defend",
                             "A_crit_obj", "A_accuse_obj", "D_call_eval", "D_dismiss_as", "A_crit_noun", "A_made_by", "A_noun_by", "A_named_noun", "A_repeat_charge", "A_charged_with", "A_charges_against", "A_passive_formal"})


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


@lru_cache(maxsize=1)
def _cue_stances() -> dict[str, tuple[str, str, bool]]:
    """cue rule id -> (stance, CAMEO code, asserted) for cues that are stance verbs themselves
    (cues.csv ``stance``; ``:lead`` = the stance leads but is not asserted on its own)."""
    out = {}
    for row in load_lexicon("cues"):
        parts = (row.get("stance") or "").strip().split(":")
        if parts[0]:
            out[row["rule"]] = (parts[0], parts[1] if len(parts) > 1 else "", "lead" not in parts[2:])
    return out


def _cue_first(results: list, cue_rule: str) -> list:
    """The cue's own stance leads: "X denied ..., who accused ..." gives the accusing
    attribution an accusation even when a denial sits in the same stretch; a criticising cue
    ("attacked", "condemned") makes an accusation even when the content names no wrongdoing."""
    found = _cue_stances().get(cue_rule)
    if found is None:
        return results
    stance, code, asserted = found
    if any(r.stance == stance for r in results):
        return sorted(results, key=lambda r: r.stance != stance)
    if not asserted or any(r.stance == "denial" for r in results):
        return results
    return [StanceResult(stance, "S_cue_stance", code, None, "")] + results


_BY_AGENT = re.compile(r"\b(?:charg|indict|fin|su|convict|prosecut|ban|suspend|punish|sanction)\w*\s+by\s+(?:the\s+)?"
                       r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.&-]*){0,4})", re.I)
_ACTIVE_AGENT = re.compile(r"((?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3})\s+(?:has\s+|have\s+)?(?-i:charged|charges"
                           r"|indicted|indicts|fined|fines|sued|sues|banned|bans)\s+(?-i:[A-Z])")


def _prior_agent(text: str, pos: int) -> str:
    """Who the article says charges, fines or sues, before ``pos`` ("charged by the Football
    Association", "FA charges Liverpool"): the agent of a later agentless passive charge."""
    agents = _agents(text)
    k = bisect_right([a for a, _ in agents], pos - 1)
    return agents[k - 1][1] if k else ""


@lru_cache(maxsize=64)
def _agents(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, agent) of every charging agent the article names, in text order (one scan)."""
    found = [(m.start(), m.group(1)) for rx in (_BY_AGENT, _ACTIVE_AGENT) for m in rx.finditer(text)]
    return tuple(sorted(found))


@lru_cache(maxsize=64)
def _people_mentions(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, canonical full name) of every person mention, in text order (one scan)."""
    names = [(s, name) for s, _, name in _person_names(text)]
    names += [(m.start(), m.group(0)) for m in _TITLED_SURNAME.finditer(text)]
    return tuple(sorted((s, canonical_person(name, text)) for s, name in names))


_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+[A-Z][\w'’-]+")


def _gender_clash(pronoun: str, named: str) -> bool:
    """True when a he/she cannot be ``named``: the article titles them Ms / Mrs or Mr."""
    g = gender_of(named)
    return bool(g) and g != ("f" if pronoun.lower() in ("she", "her") else "m")


@lru_cache(maxsize=1024)
def _titled_form(text: str, full: str) -> str:
    """``full`` with the title the article gives its surname, if any ("Ms. Epstein")."""
    m = re.search(r"\b(?:Mrs|Ms|Miss|Mr)\.?\s+(?:" + re.escape(full.split()[0]) + r"\s+)?" + re.escape(full.split()[-1]) + r"\b", text)
    return m.group(0) if m else full


def _people_named_in(text: str, start: int, end: int) -> set[str]:
    """Full names of the people a stretch of text names, by full name or surname alone
    (looked up by the stretch's words, not by a pass over every name of the article)."""
    by_surname = _names_by_surname(text)
    words = set(re.findall(r"\w[\w'’-]*", text[start:end]))
    words |= {re.sub(r"['’]s?$", "", w) for w in words}
    return {full for w in words for full in by_surname.get(w, ())}


@lru_cache(maxsize=64)
def _names_by_surname(text: str) -> dict[str, tuple[str, ...]]:
    """surname -> the article's full names ending in it (one pass per article)."""
    out: dict[str, list[str]] = {}
    for full in _full_names(text):
        out.setdefault(full.split()[-1], []).append(full)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def _phrase_rx(phrase: str) -> re.Pattern:
    """``phrase`` not inside a longer word ("he" is no target in "the"), compiled once."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def _last_person_before(text: str, pos: int) -> str:
    """The most salient person named before ``pos``: mentioned most often (by surname), then
    most recently. Mentions are indexed once per article, so this stays linear."""
    mentions = _people_mentions(text)
    k = bisect_right([s for s, _ in mentions], pos - 1)
    counts: dict[str, tuple[int, int]] = {}
    for s, full in mentions[:k]:
        n = surname_count(text, full.split()[-1], pos)
        counts[full] = (n, s)
    if not counts:
        return ""
    return max(counts, key=lambda name: counts[name])


# fallback rules trusted beside an attribution that missed them: formal charges and the
# accusing / denying verbs with their own subject
_OUTSIDE_RULES = frozenset({"A_passive_formal", "A_charged_with", "A_charges_against", "A_accuse_obj", "A_crit_obj",
                            "A_crit_noun", "A_made_by", "A_noun_by", "A_named_noun", "A_repeat_charge", "D_not_guilty", "D_deny_acc", "D_deny_ing", "D_deny_that",
                            "D_reject_acc", "D_dismiss_obj", "D_dismiss_as", "D_call_eval", "D_call_charges_negeval"})


def _quote_owner(text: str, s: int, e: int, quotes: Sequence[Span], atts, sent_index: int):
    """The attribution whose direct quote runs on into sentence ``s..e`` (the sentence lies
    inside a paired quote), or None. Its source speaks the sentence."""
    inside = [q for q in quotes if q[0] <= s + 2 and e - 2 <= q[1] and q[1] - q[0] > 0]
    sent = text[s:e].strip()
    if inside:
        q = min(inside, key=lambda q: q[1] - q[0])
    elif sent[:1] in "“\"" or sent[-1:] in "”\"":
        # a paragraph of a quote running over several, opened but not closed (or closed only
        # at its end): the marks are unpaired, the words are still the speaker's
        q = (s, e)
    else:
        return None
    owners = [a for a in atts if (a.source or a.source_text) and overlaps_any(q, a.quotes)]
    if not owners:
        # the attribution that follows or precedes the quote closely ("..., he said.")
        owners = [a for a in atts if (a.source or a.source_text) and a.mode in ("direct", "mixed")
                  and abs(a.sent_index - sent_index) <= 2 and (overlaps(q, (a.start, a.end)) or
                                                               0 <= a.start - q[1] <= 40 or 0 <= q[0] - a.end <= 40)]
    if not owners:
        return None
    return min(owners, key=lambda a: abs(a.sent_index - sent_index))


# words that end a lower-case by-agent ("by a federal grand jury for a variety of ...")
_NOT_IN_AGENT = r"(?:for|on|in|of|over|after|at|with|to|last|this|and|as|since|from|who|which|that|but)"


_BY_AGENT_AFTER = re.compile(
    r"\s*[\w-]*(?:\s+\w+){0,6}?\s+by\s+((?:the\s+|The\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.&-]*)*"
    r"|(?:a|an|the)\s+(?-i:[a-z])[\w-]*(?:\s+(?!" + _NOT_IN_AGENT + r"\b)(?-i:[a-z])[\w-]*){0,3}"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})?)")  # "by the state of California"


def _passive_agent(text: str, verb: int) -> Span | None:
    """The by-agent of a passive verb at ``verb`` ("indicted in February by a federal grand
    jury", "criticized on several occasions since then by Rep. John Dingell"), or None."""
    agent = _BY_AGENT_AFTER.match(text[verb:verb + 140])
    return (verb + agent.start(1), verb + agent.end(1)) if agent else None


def _stance_by_agent(text: str, m0: int, m1: int, end: int) -> Span | None:
    """The by-agent of a stance verb in the passive ("was strongly denied by Shepherd"): the
    match is one past participle right after a form of *be* (and an adverb), the agent within
    the sentence."""
    if not re.fullmatch(r"\w+(?:ed|d)", text[m0:m1]):
        return None
    if not re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", text[max(0, m0 - 40):m0]):
        return None
    agent = _passive_agent(text, m0)
    return agent if agent and agent[1] <= end else None


def _headline_accuser_from_lead(text: str, sentences: Sequence[Span], statements: list[dict]) -> None:
    """A headline's agentless passive ("Labour accused of 'EU propaganda'", "Trump criticized
    in Britain and U.S.") is the story's lead in short: its accuser is the first speaker the
    lead names ("..., say the Tories", "drawing condemnation from Britain"). In place."""
    if not sentences or "\n" not in text[sentences[0][1]:sentences[0][1] + 3]:
        return  # no headline line
    lead = [st for st in statements if 1 <= st["sent_index"] <= 2 and st["actor"] != "unknown"]
    for st in statements:
        if st["sent_index"] != 0 or st["actor"] != "unknown" or st["stance"] != "accusation" or st["source"]:
            continue
        same = [x for x in lead if x["stance"] == st["stance"]] + lead
        for x in same:
            if x["actor"] not in (st["target"], "") and x["speaker"] != st["target"]:
                st.update(actor=x["actor"], speaker=x["speaker"], source=x["source"], source_type=x["source_type"],
                          rule=st["rule"] + "+S_lead_speaker")
                break


def _opens_participle_clause(text: str, s: int, verb: int) -> bool:
    """Does the verb at ``verb`` open a participle clause after a comma (", chastising ...")?
    Such a clause shares the subject of the clause before it."""
    return re.search(r",\s*$", text[s:verb]) is not None and re.match(r"\w+ing\b", text[verb:verb + 30]) is not None


def _is_headline(text: str, index: int, s: int, e: int) -> bool:
    """Is sentence ``index`` (text[s:e]) the article's headline: the first line, followed by
    a line break, without a sentence's final stop?"""
    return index == 0 and "\n" in text[e:e + 3] and not text[s:e].rstrip().endswith((".", "?", "!"))


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
        return _passive_agent(text, verb)
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
    if not may_match_any(text[s:e], _OUTSIDE_RULES):
        return None
    # a row that names its own speaker ("accusations by Republicans that ...") is that
    # speaker's act even inside another attribution's stretch
    res = [r for r in find_stance(text[s:e], weak=False, only=_OUTSIDE_RULES) if r.match
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
        owner = _quote_owner(text, s, e, art.quotes, art.atts, i)
        if owner is not None:
            # a sentence of a quote that runs on past its attribution: the quoted speaker's words
            cue = text[owner.cue[0]:owner.cue[1]] if owner.cue else ""
            res = [r for r in find_stance(text[s:e], weak=verb_stance(cue) == "assert") if r.match]
            if res:
                quoted.append(Statement("quoted", i, s, e, owner=owner))
            continue
        headline = _is_headline(text, i, s, e)
        # a headline reports somebody's act in its own words ("IRAN SAYS IT INTENDS NO THREAT ..."):
        # every row applies; elsewhere only the speech-act verbs make a statement on their own
        res = [r for r in find_stance(text[s:e], weak=headline, only=None if headline else _FALLBACK_RULES)
               if r.match]
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


def _headline_passive(art: Article, st: Statement) -> None:
    """Step 5: a bare participle after a name ("Rapper Snoop Dogg sued for 'rape'") is a
    passive: the name is the accused (``passive_target``), the accuser its by-agent
    ("slammed as 'fake math' by Democrats"), if any. Only a headline drops the auxiliary:
    in running text "China on Tuesday dismissed as 'groundless' accusations by the US" is
    China's act; there only an accusing participle makes a reduced passive ("a bill
    criticized as anti-gay", "an American contractor accused of spying"), a denying one not."""
    if st.kind != "att":
        return
    text, item, cue_text = art.text, st.att, st.cue_text
    st.by_agent = item.source_rule == "src.passive_agent"
    in_headline = _is_headline(text, st.sent_index, st.start, st.end)
    accusing = _cue_stances().get(item.cue_rule, ("",))[0] == "accusation"
    if not ((in_headline or accusing) and item.cue_rule in _cue_stances() and item.source is not None
            and item.source[1] <= item.cue[0]
            and re.fullmatch(r"\w+ed(?:\s+(?:for|over|with|of|in|after|as))?", cue_text or "")
            and (len(cue_text.split()) == 2
                 or re.match(r"\s*(?:for|over|with|of|in|after|as)\b", text[item.cue[1]:item.cue[1] + 12]))):
        return
    st.passive_target, st.source, st.surface = st.source, "", ""
    agent = re.search(r"\bby\s+((?:the\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})", text[item.cue[1]:st.end])
    if agent:
        st.source = st.surface = agent.group(1)
        st.src_pos = item.cue[1] + agent.start(1)
        st.by_agent = True


def _widen_source(art: Article, st: Statement) -> None:
    """Step 6: two sources the attribution engine cut short. An appositive taken for the
    source ("Kuwait, a target of Iranian anger over ..., today rejected"): the name it
    describes speaks. A quoted word inside the noun phrase ('A confidential State
    Department “dissent” memo, which ... said'): the phrase starts with the sentence."""
    text, s, source, src_pos = art.text, st.start, st.source, st.src_pos
    if not source or st.kind != "att":
        return
    if re.match(r"(?:a|an)\s+(?-i:[a-z])", source):
        head = re.search(r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?:(?:for|of|on|to)\s+(?:(?:a|an|the)\s+)?)?(?-i:[A-Z])[\w'’.&-]*){0,5})"
                         r"\s*,\s*$", text[max(s, src_pos - 80):src_pos])
        if head:
            source = st.surface = head.group(1)
            src_pos = text.rfind(source, s, src_pos)
    if re.match(r"[a-z]+(?:,|$)", source) and re.fullmatch(r"\s*(?:A|An|The)\s+[^,;.]{0,60}?[”\"’']\s*", text[s:src_pos]):
        source = text[s:src_pos].lstrip() + source
        src_pos = s + len(text[s:src_pos]) - len(text[s:src_pos].lstrip())
    st.source, st.src_pos = source, src_pos


def _resolve_source(art: Article, st: Statement) -> None:
    """Step 7: the source's actor, source type and speaker (:func:`resolve_speaker`). A
    source the engine names after its author ("the statement continued" -> the ministry)
    is still a document."""
    if not st.source:
        st.actor, st.stype = "unknown", "unknown"
        return
    text, surface = art.text, st.surface
    who = resolve_speaker(st.source, text, st.src_pos)
    st.actor, st.stype, st.speaker = who.actor, who.source_type, who.speaker
    if surface and surface != st.source:
        s_actor, s_type = resolve_actor(surface, text, st.src_pos)
        if s_type == "document":
            st.stype = "document"
            st.actor = st.actor if st.actor != "unknown" else s_actor


def _first_person_speaker(art: Article, st: Statement) -> None:
    """"I" / "we" inside a quote is the quote's speaker ('"I did nothing wrong," he said')."""
    if not (st.source and _FIRST_PERSON.match(st.source) and st.actor == "unknown"):
        return
    text = art.text
    owner = _quote_owner(text, st.start, st.end, art.quotes, [a for a in art.atts if a is not st.att], st.sent_index)
    named = (owner.source_text or (text[owner.source[0]:owner.source[1]] if owner.source else "")) if owner else ""
    if named and not _FIRST_PERSON.match(named):
        st.source, st.stype = named, "unknown"
        who = resolve_speaker(named, text, owner.source[0] if owner.source else st.start)
        if who.actor != "unknown":
            st.actor, st.stype, st.speaker = who.actor, who.source_type, who.speaker


def _pronoun_before_cue(art: Article, st: Statement) -> None:
    """"At first he said only: ...": the engine found no source; the he / she right before
    the cue is it (resolved by :func:`_earlier_speaker`)."""
    item = st.att
    if st.kind != "att" or st.source or not item.cue:
        return
    text, s = art.text, st.start
    pron = re.search(r"\b(he|she)\s+(?:\w+ly\s+)?$", text[max(s, item.cue[0] - 30):item.cue[0]], re.I)
    if pron:
        st.source = pron.group(1)
        st.src_pos = max(s, item.cue[0] - 30) + pron.start(1)


def _they_subject(art: Article, st: Statement) -> None:
    """"Republicans have sought to ... They have criticized ...": an unresolved "they" is
    the plural subject of the sentence before."""
    if not (st.actor == "unknown" and st.source.lower() == "they" and 0 < st.sent_index < len(art.sentences)):
        return
    text = art.text
    ps, pe = art.sentences[st.sent_index - 1]
    subj = clause_subject(text, ps, pe)
    words = text[subj[0]:subj[1]].split() if subj else []
    if words and words[-1].lower() not in {"they", "it", "he", "she"} and (
            words[-1].endswith("s") or len(words) > 1 and " and " in text[subj[0]:subj[1]]):
        who = resolve_speaker(text[subj[0]:subj[1]], text, subj[0])
        if who.actor != "unknown":
            st.speaks(text[subj[0]:subj[1]], who)
            st.rules.append("S_they_subject")


def _earlier_speaker(art: Article, st: Statement, hist: History) -> tuple[str, str, str, str] | None:
    """Whom an unresolved pronoun source stands for, as (source, actor, source type,
    speaker): he / she the last person who spoke ("Though he stressed ..." -> Kirby) unless
    the titles clash, or one other person named alone in the sentence before who has
    spoken already; with no earlier speaker, the person the article named last. It / they
    the last other speaker."""
    text, source, src_pos = art.text, st.source, st.src_pos
    pronoun = _PRONOUN.match(source)
    prev = hist.last_person if pronoun else hist.last_other if _IMPERSONAL.match(source) else None
    if prev is not None and pronoun and _gender_clash(source, prev[0]):
        prev = None  # "he" after "Ms. Lee Epstein said ...": somebody else
    if prev is not None and pronoun and 0 < st.sent_index < len(art.sentences):
        # "Those allegations were put to Wenger ... At first he said only": one other
        # person, named alone in the sentence before, takes over from the last speaker
        ps, pe = art.sentences[st.sent_index - 1]
        named = _people_named_in(text, ps, pe)
        # only someone the article has already had speak: "Wall Street" named alone
        # is no person to take over a pronoun
        if len(named) == 1 and named <= hist.spoke and prev[3] not in named and prev[3] not in text[ps:pe]:
            full = named.pop()
            who = resolve_speaker(full, text, src_pos)
            prev = (full, who.actor, who.source_type, who.speaker)
    if prev is None and pronoun:
        # no earlier speaker: the person the article named last ("..., Aragones said.
        # ... he said")
        named = _last_person_before(text, src_pos)
        if named and not _gender_clash(source, _titled_form(text, named)):
            who = resolve_speaker(named, text, src_pos)
            prev = (named, who.actor, who.source_type, who.speaker)
    return prev


def _follow_pronouns(art: Article, st: Statement, hist: History) -> None:
    """Step 8: a pronoun source ("I", "he", "they", "it") the resolver left unknown is
    somebody named elsewhere: the quote's speaker, the sentence before's subject, an
    earlier speaker (:func:`_earlier_speaker`). Unless the attribution engine judged an
    impersonal "it" unresolvable ("It revealed"): he / she always has a person. Then the
    statement's speaker is the last of its kind for the statements after it."""
    unresolved = st.kind == "att" and "res.unresolved" in (st.att.rule or "") and not _PRONOUN.match(st.source or "")
    _first_person_speaker(art, st)
    _pronoun_before_cue(art, st)
    _they_subject(art, st)
    if st.actor == "unknown" and st.stype == "unknown" and st.source and not unresolved:
        prev = _earlier_speaker(art, st, hist)
        if prev:
            st.source, st.actor, st.stype, st.speaker = prev
    if st.stype == "person":
        hist.last_person = (st.source, st.actor, st.stype, st.speaker)
    elif st.actor != "unknown":
        hist.last_other = (st.source, st.actor, st.stype, st.speaker)


def _clause_subject_speaks(art: Article, st: Statement) -> None:
    """Step 9: the attribution engine took an adverb or a fragment for the source ("had
    earlier denied", "including accusing"), or found none before an active cue that is no
    stance verb: the subject of the sentence's main clause speaks, if it resolves (a long
    name ending in "for" / "of" / "the" is a cut phrase, not a name)."""
    source, item = st.source, st.att
    if not (st.actor == "unknown" and st.stype not in ("anonymous", "document") and st.kind == "att"
            and (not source and not _PASSIVE_CUE.search(st.cue_text) and item.cue_rule not in _cue_stances()
                 or source and (not _PRONOUN.match(source) and not _IMPERSONAL.match(source)
                                and not _FIRST_PERSON.match(source) and (source[:1].islower() or len(source) <= 3)))):
        return
    text = art.text
    subj = clause_subject(text, st.start, item.cue[0] if item.cue else st.end)
    if subj:
        who = resolve_speaker(text[subj[0]:subj[1]], text, subj[0])
        if who.actor != "unknown" and (who.rule != "act.name" or len(who.actor.split()) <= 4
                                       and not re.search(r"\b(?:for|of|the)$", who.actor)):
            st.speaks(text[subj[0]:subj[1]], who)
            st.rules.append("S_clause_subject")


def _agent_speaks(art: Article, st: Statement, agent: Span, rule: str) -> None:
    """A passive's by-agent (a span) performs the act: it is the source, and a source span."""
    st.surface = art.text[agent[0]:agent[1]]
    st.src_pos = agent[0]
    st.speaks(st.surface, resolve_speaker(st.surface, art.text, st.src_pos))
    art.span("source", agent[0], agent[1], "", st.sid, rule)
    st.rules.append(rule)


def _passive_cue_agent(art: Article, st: Statement) -> None:
    """Step 10: "has been publicly criticized on several occasions since then by Rep. John
    Dingell": the attribution engine found no source; the passive cue's by-agent speaks."""
    item = st.att
    if not (st.kind == "att" and not st.source and item.cue and _PASSIVE_CUE.search(st.cue_text)):
        return
    agent_span = _passive_agent(art.text, item.cue[1])
    if agent_span and agent_span[1] <= st.end:
        _agent_speaks(art, st, agent_span, "S_by_agent")


def _formal_agent(art: Article, st: Statement) -> None:
    """Step 11: a formal charge with nobody named ("Millwall have been charged with two
    breaches"): the charging agent the article names before ("charged by the Football
    Association", "FA charges ..."), else the one the act implies ("Three men were charged
    today", "Fransen was convicted": only prosecutors charge and only a court convicts, of
    the article's country)."""
    if st.actor != "unknown" or st.source or not (
            (st.kind == "att" and st.att.cue_rule in ("cue.charge", "cue.sue") and _PASSIVE_CUE.search(st.cue_text))
            or (st.kind == "fallback" and st.row.rule in ("A_charged_with", "A_passive_formal", "A_charges_against"))):
        return
    text, s = art.text, st.start
    agent = _prior_agent(text, s)
    if agent:
        who = resolve_speaker(agent, text, s)
        if who.actor != "unknown":
            st.speaks(agent, who)
            st.rules.append("S_prior_agent")
    implicit = implied_agent(st.cue_text) if st.actor == "unknown" else ""
    if implicit:
        st.speaks(implicit, resolve_speaker(implicit, text, s))
        if st.actor == "unknown":
            st.actor = st.speaker = implicit
        st.rules.append("S_implicit_agent")


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
    if st.kind == "att" and item.cue and item.cue_rule in _cue_stances():
        passive = bool(_PASSIVE_CUE.search(st.cue_text))
        ce = max(ce, item.end)
        if passive:  # "However, Millwall have been charged": the subject is part of the act
            cs = min(cs, item.start)
    st.cs, st.ce, st.passive = cs, ce, passive
    weak = verb_stance(st.cue_text) == "assert"
    results = [r for r in find_stance(text[cs:ce], st.cue_text, weak=weak) if r.match is None or not overlaps_any(
        (cs + r.match[0], cs + r.match[1]), art.skip)]
    results = [r for r in results if not _self_target(r, st.actor, text, cs)]
    results = _cue_first(results, item.cue_rule if st.kind == "att" else "")
    if st.kind == "fallback" and st.row.speaker_text:
        # the row that named this speaker is their act, whatever else the sentence holds
        results = [r for r in results if r.rule == st.row.rule] or results
    st.primary = results[0] if results else _no_stance()
    return results


def _stance_agent(art: Article, st: Statement) -> None:
    """Step 13: "Bellamy's claim ... was strongly denied by Shepherd", "have been criticised
    by the group's chief": whoever the report's source is, the stance verb's passive agent
    performs the act."""
    primary = st.primary
    if primary.stance == "other" or primary.match is None:
        return
    agent_span = _stance_by_agent(art.text, st.cs + primary.match[0], st.cs + primary.match[1], st.end)
    if agent_span and art.text[agent_span[0]:agent_span[1]] != st.source:
        st.by_agent = True
        _agent_speaks(art, st, agent_span, "S_stance_by_agent")


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
        tm = _phrase_rx(primary.target_text).search(text, cs)
        tpos = tm.start() if tm else -1  # a word, not a piece of one ("he" in "the")
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
    keep = _TARGET_PRONOUN if primary.stance == "accusation" else _PRONOUN
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
    _headline_passive(art, st)  # 5
    _widen_source(art, st)  # 6
    _resolve_source(art, st)  # 7
    _follow_pronouns(art, st, hist)  # 8
    _clause_subject_speaks(art, st)  # 9
    if st.actor == "unknown":
        st.speaker = ""  # nobody named ("sources said", an unresolved "it")
    _passive_cue_agent(art, st)  # 10
    _formal_agent(art, st)  # 11
    results = _read_stance(art, st)  # 12
    _stance_agent(art, st)  # 13
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


def annotate(doc_id: str, text: str, skip: Iterable[Sequence[int]] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements of one article; nothing is produced inside ``skip`` ranges.

    Layers: quote, source, cue, content (value = statement_id), denial, accusation
    (value = CAMEO code, label = CAMEO name), hedge, evidence, scare_quote, loaded
    (label = voice: narration | reported | quoted).

    The steps: read the article (1, :func:`_read_article`), mark quotes, hedges, evidence,
    scare quotes and loaded words (2, :func:`_marker_spans`), list what makes a statement
    (3, :func:`_candidates`), make each statement in text order (4-16, :func:`_statement`),
    give a headline's agentless passive the lead's speaker, then one row per span.

    >>> _, st = annotate("x", "The Kremlin denied the report. Washington accused Moscow of lying.")
    >>> st[["statement_id", "actor", "stance", "target"]].values.tolist()
    [['x:1', 'Russia', 'denial', ''], ['x:2', 'United States', 'accusation', 'Russia']]
    """
    art = _read_article(doc_id, text, skip)
    _marker_spans(art)
    hist = History()
    statements = []
    for n, st in enumerate(_candidates(art), start=1):
        st.sid = f"{doc_id}:{n}"
        statements.append(_statement(art, st, hist))
    _headline_accuser_from_lead(text, art.sentences, statements)
    return schema.frame("spans", _unique_spans(art.spans)), schema.frame("statements", statements)
