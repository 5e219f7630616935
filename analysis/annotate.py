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
from analysis.actors import implied_agent, resolve_speaker, surname_count
from analysis.targets import accused_is_subject, clean_target, find_target, resolve_target
from analysis.stance import (may_match_any, classify_stance, find_hedges, find_loaded, find_scare_quotes, find_stance,
                             resolve_actor, verb_stance, _NP_CAP, fallback_rules)

Span = tuple[int, int]

# pronouns and the speaker's own side are no target ("we are accused", "I was blamed")
_NO_TARGET = {"i", "we", "us", "me", "you", "it", "this", "that", "they", "them", "he", "she", "him", "her",
              "which"}
_ADJECTIVE_CUE = re.compile(r"^(?:accused|alleged)$", re.I)
_FIRST_PERSON = re.compile(r"^(?:i|we|me|us|our|my)$", re.I)
_PRONOUN = re.compile(r"^(?:he|she|him|her|his)$", re.I)
_TARGET_PRONOUN = re.compile(r"^(?:he|she|him|her|his|it|they|them)$", re.I)
_IMPERSONAL = re.compile(r"^(?:it|its|they|them|their|this|that)$", re.I)
_SUBJECT = re.compile(r"(?:(?:the|The)\s+)?" + _NP_CAP + r"(?:\s+(?:government|ministry|officials?|military))?")


_PASSIVE_CUE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?\w+(?:ed|d)\b", re.I)


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
    from analysis.lexicons import load_lexicon

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
    from analysis.stance import StanceResult

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
    from analysis.actors import canonical_person
    from analysis.stance import _person_names

    names = [(s, name) for s, _, name in _person_names(text)]
    names += [(m.start(), m.group(0)) for m in _TITLED_SURNAME.finditer(text)]
    return tuple(sorted((s, canonical_person(name, text)) for s, name in names))


_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+[A-Z][\w'’-]+")


def _gender_clash(pronoun: str, named: str) -> bool:
    """True when a he/she cannot be ``named``: the article titles them Ms / Mrs or Mr."""
    from analysis.attribution import gender_of

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
    from analysis.actors import _full_names

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
    owners = [a for a in atts if (a.source or a.source_text) and any(_overlaps(q, aq) for aq in a.quotes)]
    if not owners:
        # the attribution that follows or precedes the quote closely ("..., he said.")
        owners = [a for a in atts if (a.source or a.source_text) and a.mode in ("direct", "mixed")
                  and abs(a.sent_index - sent_index) <= 2 and (_overlaps(q, (a.start, a.end)) or
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
    from analysis.attribution import _clause_subject, _cut_subject

    if _opens_participle_clause(text, s, verb):
        # "Trump outlined a new strategy ..., chastising Pakistan": a participle clause
        # shares the subject of the main clause
        return _clause_subject(text, s, verb)
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
    seg = _cut_subject(text, s, end)
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
    # "Rand Paul's accused attacker", "the alleged victim": an adjective, not somebody accusing
    atts = [a for a in atts if not (a.cue and _ADJECTIVE_CUE.match(text[a.cue[0]:a.cue[1]])
                                    and re.search(r"(?:\b(?:the|his|her|their|its|an?)|['’]s)\s+$", text[max(0, a.cue[0] - 8):a.cue[0]], re.I)
                                    and re.match(r"\s+[a-z]", text[a.cue[1]:a.cue[1] + 3]))]
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
    # the stretches the attributions read their stance on: a stance verb outside all of them
    # ("Fransen was convicted ... and was ordered to pay") is a statement of its own
    own = [_own_extent(a, a.start, a.end) for a in atts]
    cue_spans = [tuple(a.cue) for a in atts if a.cue]
    # which sentences each attribution touches, found once (not one scan per sentence)
    starts = [s for s, _ in sentences]
    touched: dict[int, list[int]] = {}
    for k, (a0, a1) in enumerate(covered):
        j = max(0, bisect_right(starts, a0) - 1)
        while j < len(sentences) and sentences[j][0] < a1:
            if _overlaps(sentences[j], (a0, a1)):
                touched.setdefault(j, []).append(k)
            j += 1
    extra, quoted = [], []
    for i, (s, e) in enumerate(sentences):
        if _in_skip((s, e), skip):
            continue
        if i in touched:
            if not may_match_any(text[s:e], _OUTSIDE_RULES):
                continue
            inside = [own[k] for k in touched[i]]
            # a row that names its own speaker ("accusations by Republicans that ...") is that
            # speaker's act even inside another attribution's stretch
            res = [r for r in find_stance(text[s:e], weak=False, only=_OUTSIDE_RULES) if r.match
                   and (r.speaker_text or not any(_overlaps((s + r.match[0], s + r.match[1]), o) for o in inside))
                   and not any(_overlaps((s + r.match[0], s + r.match[1]), c) for c in cue_spans)]
            named = [r for r in res if r.speaker_text]
            if named:
                res = named
            if res and res[0].rule in _OUTSIDE_RULES:
                extra.append((i, s, e, res[0]))
            continue
        owner = _quote_owner(text, s, e, quotes, atts, i)
        if owner is not None:
            # a sentence of a quote that runs on past its attribution: the quoted speaker's words
            cue = text[owner.cue[0]:owner.cue[1]] if owner.cue else ""
            res = [r for r in find_stance(text[s:e], weak=verb_stance(cue) == "assert") if r.match]
            if res:
                quoted.append((i, s, e, owner))
            continue
        headline = _is_headline(text, i, s, e)
        # a headline reports somebody's act in its own words ("IRAN SAYS IT INTENDS NO THREAT ..."):
        # every row applies; elsewhere only the speech-act verbs make a statement on their own
        res = [r for r in find_stance(text[s:e], weak=headline, only=None if headline else fallback_rules())
               if r.match]
        if res:
            extra.append((i, s, e, res[0]))

    items = ([("att", a.start, a) for a in atts] + [("fallback", x[1], x) for x in extra]
             + [("quoted", x[1], x) for x in quoted])
    items.sort(key=lambda t: t[1])

    statements: list[dict] = []
    stance_seen: set[tuple] = set()
    # A statement's hedges and evidence markers, found by bisect (a pass over every marker
    # per statement was quadratic in a long article).
    marker_starts: list[int] | None = [m["start"] for m in markers]
    if any(a > b for a, b in zip(marker_starts, marker_starts[1:])):
        marker_starts = None
    last_person: tuple[str, str, str, str] | None = None
    spoke: set[str] = set()
    last_other: tuple[str, str, str, str] | None = None
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
        elif kind == "quoted":
            sent_index, s, e, owner = item
            cue_text = text[owner.cue[0]:owner.cue[1]] if owner.cue else ""
            surface = text[owner.source[0]:owner.source[1]] if owner.source else ""
            source = (owner.source_text or surface).strip()
            src_pos = owner.source[0] if owner.source else s
            mode = "direct"
            rules = ["S_quote_continuation"]
        else:
            sent_index, s, e, first = item
            m0 = s + first.match[0]
            subj = _fallback_subject(text, s, m0)
            if _opens_participle_clause(text, s, m0):
                # a participle clause shares the subject of the nearest clause before it
                # ("Trump outlined a new strategy ..., chastising Pakistan")
                before = [a for a in atts if s <= a.start and a.cue and a.cue[1] <= m0 and a.source]
                if before:
                    subj = before[-1].source
            if first.speaker_text:  # the pattern names the speaker ("drawing condemnation from Britain")
                k = text.find(first.speaker_text, s, e)
                subj = (k, k + len(first.speaker_text)) if k >= 0 else subj
            surface = source = text[subj[0]:subj[1]] if subj else ""
            src_pos = subj[0] if subj else s
            cue_text = text[m0:s + first.match[1]]
            mode = "indirect"
            rules = ["S_fallback"]
            if subj:
                spans.append(_span_row(doc_id, text, "source", subj[0], subj[1], "", sid, "S_fallback"))
            spans.append(_span_row(doc_id, text, "cue", m0, s + first.match[1], verb_stance(cue_text), sid, "S_fallback"))

        # only a headline drops the auxiliary: in running text "China on Tuesday dismissed as
        # 'groundless' accusations by the US" is China's act, not a passive
        in_headline = _is_headline(text, sent_index, s, e)
        # ... and an accusing participle without one is a reduced passive ("a bill criticized as
        # anti-gay", "an American contractor accused of spying"); a denying verb is not
        accusing = kind == "att" and _cue_stances().get(item.cue_rule, ("",))[0] == "accusation"
        headline_passive = (kind == "att" and (in_headline or accusing) and item.cue_rule in _cue_stances() and item.source is not None
                            and item.source[1] <= item.cue[0]
                            and re.fullmatch(r"\w+ed(?:\s+(?:for|over|with|of|in|after|as))?", cue_text or "")
                            and (len(cue_text.split()) == 2
                                 or re.match(r"\s*(?:for|over|with|of|in|after|as)\b", text[item.cue[1]:item.cue[1] + 12])))
        passive_target = ""
        by_agent = kind == "att" and item.source_rule == "src.passive_agent"
        if headline_passive:
            # "Rapper Snoop Dogg sued for 'rape'": the name before a bare participle is the
            # accused; the accuser is its by-agent ("slammed as 'fake math' by Democrats"), if any
            passive_target, source, surface = source, "", ""
            agent = re.search(r"\bby\s+((?:the\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})", text[item.cue[1]:e])
            if agent:
                source = surface = agent.group(1)
                src_pos = item.cue[1] + agent.start(1)
                by_agent = True
        # actor of the source; pronouns the attribution engine left unresolved follow the
        # last statement's speaker of the same kind ("Though he stressed ..." -> Kirby)
        speaker = ""
        if source and kind == "att" and re.match(r"(?:a|an)\s+(?-i:[a-z])", source):
            # "Kuwait, a target of Iranian anger over ..., today rejected": the engine took the
            # appositive for the source; the name it describes speaks
            head = re.search(r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?:(?:for|of|on|to)\s+(?:(?:a|an|the)\s+)?)?(?-i:[A-Z])[\w'’.&-]*){0,5})"
                             r"\s*,\s*$", text[max(s, src_pos - 80):src_pos])
            if head:
                source = surface = head.group(1)
                src_pos = text.rfind(source, s, src_pos)
        if source and kind == "att" and re.match(r"[a-z]+(?:,|$)", source) and re.fullmatch(
                r"\s*(?:A|An|The)\s+[^,;.]{0,60}?[”\"’']\s*", text[s:src_pos]):
            # 'A confidential State Department “dissent” memo, which ... said': a quoted word
            # inside the noun phrase stopped the engine; the phrase starts with the sentence
            source = text[s:src_pos].lstrip() + source
            src_pos = s + len(text[s:src_pos]) - len(text[s:src_pos].lstrip())
        if source:
            who = resolve_speaker(source, text, src_pos)
            actor, stype, speaker = who.actor, who.source_type, who.speaker
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
        # ... (the engine's "unresolved" is for an impersonal "it revealed"; he/she always has a person)
        unresolved = kind == "att" and "res.unresolved" in (item.rule or "") and not _PRONOUN.match(source or "")
        if source and _FIRST_PERSON.match(source) and actor == "unknown":
            # "I"/"we" inside a quote: the quote's speaker ('"I did nothing wrong," he said')
            owner = _quote_owner(text, s, e, quotes, [a for a in atts if a is not item], sent_index)
            named = (owner.source_text or (text[owner.source[0]:owner.source[1]] if owner.source else "")) if owner else ""
            if named and not _FIRST_PERSON.match(named):
                source, stype = named, "unknown"
                who = resolve_speaker(named, text, owner.source[0] if owner.source else s)
                if who.actor != "unknown":
                    actor, stype, speaker = who.actor, who.source_type, who.speaker
        if kind == "att" and not source and item.cue:
            pron = re.search(r"\b(he|she)\s+(?:\w+ly\s+)?$", text[max(s, item.cue[0] - 30):item.cue[0]], re.I)
            if pron:  # "At first he said only: ...": the engine found no source, the pronoun is it
                source = pron.group(1)
                src_pos = max(s, item.cue[0] - 30) + pron.start(1)
        if actor == "unknown" and source.lower() == "they" and 0 < sent_index < len(sentences):
            # "Republicans have sought to ... They have criticized ...": the plural subject of
            # the sentence before
            from analysis.attribution import _clause_subject

            ps, pe = sentences[sent_index - 1]
            subj = _clause_subject(text, ps, pe)
            words = text[subj[0]:subj[1]].split() if subj else []
            if words and words[-1].lower() not in {"they", "it", "he", "she"} and (
                    words[-1].endswith("s") or len(words) > 1 and " and " in text[subj[0]:subj[1]]):
                who = resolve_speaker(text[subj[0]:subj[1]], text, subj[0])
                if who.actor != "unknown":
                    source, actor, stype, speaker = text[subj[0]:subj[1]], who.actor, who.source_type, who.speaker
                    rules.append("S_they_subject")
        if actor == "unknown" and stype == "unknown" and source and not unresolved:
            prev = last_person if _PRONOUN.match(source) else last_other if _IMPERSONAL.match(source) else None
            if prev is not None and _PRONOUN.match(source) and _gender_clash(source, prev[0]):
                prev = None  # "he" after "Ms. Lee Epstein said ...": somebody else
            if prev is not None and _PRONOUN.match(source) and 0 < sent_index < len(sentences):
                # "Those allegations were put to Wenger ... At first he said only": one other
                # person, named alone in the sentence before, takes over from the last speaker
                ps, pe = sentences[sent_index - 1]
                named = _people_named_in(text, ps, pe)
                # only someone the article has already had speak: "Wall Street" named alone
                # is no person to take over a pronoun
                if len(named) == 1 and named <= spoke and prev[3] not in named and prev[3] not in text[ps:pe]:
                    full = named.pop()
                    who = resolve_speaker(full, text, src_pos)
                    prev = (full, who.actor, who.source_type, who.speaker)
            if prev is None and _PRONOUN.match(source):
                # no earlier speaker: the person the article named last ("..., Aragones said.
                # ... he said")
                named = _last_person_before(text, src_pos)
                if named and not _gender_clash(source, _titled_form(text, named)):
                    who = resolve_speaker(named, text, src_pos)
                    prev = (named, who.actor, who.source_type, who.speaker)
            if prev:
                source, actor, stype, speaker = prev
        if stype == "person":
            last_person = (source, actor, stype, speaker)
        elif actor != "unknown":
            last_other = (source, actor, stype, speaker)

        if (actor == "unknown" and stype not in ("anonymous", "document") and kind == "att"
                and (not source and not _PASSIVE_CUE.search(cue_text) and item.cue_rule not in _cue_stances()
                     or source and (not _PRONOUN.match(source) and not _IMPERSONAL.match(source)
                                    and not _FIRST_PERSON.match(source) and (source[:1].islower() or len(source) <= 3)))):
            # the attribution engine took an adverb or a fragment for the source ("had earlier
            # denied", "including accusing"): the subject of the sentence's main clause speaks
            from analysis.attribution import _clause_subject

            subj = _clause_subject(text, s, item.cue[0] if item.cue else e)
            if subj:
                who = resolve_speaker(text[subj[0]:subj[1]], text, subj[0])
                if who.actor != "unknown" and (who.rule != "act.name" or len(who.actor.split()) <= 4
                                               and not re.search(r"\b(?:for|of|the)$", who.actor)):
                    source, actor, stype, speaker = text[subj[0]:subj[1]], who.actor, who.source_type, who.speaker
                    rules.append("S_clause_subject")
        if actor == "unknown":
            speaker = ""  # nobody named ("sources said", an unresolved "it")
        if kind == "att" and not source and item.cue and _PASSIVE_CUE.search(cue_text):
            # "has been publicly criticized on several occasions since then by Rep. John
            # Dingell": the attribution engine found no source; the passive's agent speaks
            agent_span = _passive_agent(text, item.cue[1])
            if agent_span and agent_span[1] <= e:
                source = surface = text[agent_span[0]:agent_span[1]]
                src_pos = agent_span[0]
                who = resolve_speaker(source, text, src_pos)
                actor, stype, speaker = who.actor, who.source_type, who.speaker
                spans.append(_span_row(doc_id, text, "source", agent_span[0], agent_span[1], "", sid, "S_by_agent"))
                rules.append("S_by_agent")
        formal = kind in ("att", "fallback") and actor == "unknown" and not source and (
            (kind == "att" and item.cue_rule in ("cue.charge", "cue.sue") and _PASSIVE_CUE.search(cue_text))
            or (kind == "fallback" and item[3].rule in ("A_charged_with", "A_passive_formal", "A_charges_against")))
        if formal:
            # "Millwall have been charged with two breaches": no agent here, but the article
            # names who charges ("charged by the Football Association", "FA charges ...")
            agent = _prior_agent(text, s)
            if agent:
                who = resolve_speaker(agent, text, s)
                if who.actor != "unknown":
                    source, actor, stype, speaker = agent, who.actor, who.source_type, who.speaker
                    rules.append("S_prior_agent")
            implicit = implied_agent(cue_text) if actor == "unknown" else ""
            if implicit:
                # "Three men were charged today", "Fransen was convicted": nobody named, but
                # only prosecutors charge and only a court convicts (of the article's country)
                who = resolve_speaker(implicit, text, s)
                source, actor, stype, speaker = implicit, who.actor, who.source_type, who.speaker
                if actor == "unknown":
                    actor = speaker = implicit
                rules.append("S_implicit_agent")

        # Stance is read on the attribution's own stretch (source, cue, content), not on the
        # whole sentence, so a report nested in another ("what it called ...") does not
        # inherit its host's stance.
        cs, ce = _own_extent(item, s, e) if kind == "att" else (s, e)
        passive = False
        if kind == "att" and item.cue and item.cue_rule in _cue_stances():
            # the cue is itself the stance verb ("have been charged over crowd trouble"): its
            # object and complement are part of the act even where no content was found
            passive = bool(_PASSIVE_CUE.search(cue_text))
            ce = max(ce, item.end)
            if passive:  # "However, Millwall have been charged": the subject is part of the act
                cs = min(cs, item.start)
        clause = text[cs:ce]
        # weak rows (generic negation, doubt) only after an asserting cue: "he said the
        # shipments had not arrived" is a report, "he insisted they had not" a denial
        weak = verb_stance(cue_text) == "assert"
        results = [r for r in find_stance(clause, cue_text, weak=weak) if r.match is None or not _in_skip(
            (cs + r.match[0], cs + r.match[1]), skip)]
        results = [r for r in results if not _self_target(r, actor, text, cs)]
        results = _cue_first(results, item.cue_rule if kind == "att" else "")
        if kind == "fallback" and item[3].speaker_text:
            # the row that named this speaker is their act, whatever else the sentence holds
            results = [r for r in results if r.rule == item[3].rule] or results
        primary = results[0] if results else _no_stance()
        if primary.stance != "other" and primary.match is not None:
            agent_span = _stance_by_agent(text, cs + primary.match[0], cs + primary.match[1], e)
            if agent_span and text[agent_span[0]:agent_span[1]] != source:
                # "Bellamy's claim ... was strongly denied by Shepherd", "have been criticised
                # by the group's chief": whoever the report's source is, the passive's agent
                # performs the act
                source = surface = text[agent_span[0]:agent_span[1]]
                src_pos = agent_span[0]
                who = resolve_speaker(source, text, src_pos)
                actor, stype, speaker = who.actor, who.source_type, who.speaker
                by_agent = True
                spans.append(_span_row(doc_id, text, "source", agent_span[0], agent_span[1], "", sid,
                                       "S_stance_by_agent"))
                rules.append("S_stance_by_agent")
        for r in results:
            if r.match is None:
                continue
            key = (r.stance, cs + r.match[0], cs + r.match[1])
            if key in stance_seen:
                continue
            stance_seen.add(key)
            spans.append(_span_row(doc_id, text, r.stance, key[1], key[2], r.cameo_name, r.cameo, r.rule))
        target = ""

        # "Labour accused of ...": the accused is the subject; a speaker found equal to it is
        # the speaker's misparse, and the target stands
        structural = primary.stance == "accusation" and primary.match is not None and (
            accused_is_subject(clause, primary.match) or accused_is_subject(
                text[s:e], (cs - s + primary.match[0], cs - s + primary.match[1])))

        def _target_of(phrase: str, at: int) -> str:
            # a denial's pronoun is the denier or the claim ("denied that he ..."), never the accuser
            if structural:
                return resolve_target(phrase, text, at, accused=True)
            return resolve_target(phrase, text, at, speaker, actor, accused=primary.stance == "accusation")

        if primary.stance != "other" and primary.target_text:
            tm = _phrase_rx(primary.target_text).search(text, cs)
            tpos = tm.start() if tm else -1  # a word, not a piece of one ("he" in "the")
            target = _target_of(clean_target(primary.target_text), tpos if tpos >= 0 else cs)
        if primary.stance == "accusation" and not target and passive and item.content:
            # "Liverpool and Millwall have been charged by the FA": the subject is the accused
            target = _target_of(text[item.content[0]:item.content[1]], item.content[0])
        if primary.stance != "other" and not target and passive_target:
            target = _target_of(passive_target, s)
        if primary.stance != "other" and not target:
            found = find_target(clause, primary.stance, primary.rule, primary.match)
            if (not found and primary.stance == "accusation" and primary.match and cs > s
                    and not re.search(r"[\"“”]", text[s:cs])):
                # the accused may stand before the statement's own stretch ("militants accused
                # of ...", "Japan, which has been accused of ..."): look in the whole sentence
                m0, m1 = cs - s + primary.match[0], cs - s + primary.match[1]
                found = find_target(text[s:e], primary.stance, primary.rule, (m0, m1))
                found = (found[0], found[1] + s - cs) if found else None
            # "accused him / it of ...": resolved to the person or organisation the article
            # is about; a denial's "it" is the claim, not its owner
            keep = _TARGET_PRONOUN if primary.stance == "accusation" else _PRONOUN
            if found and (found[0].lower() not in _NO_TARGET or keep.match(found[0])):
                target = _target_of(found[0], cs + found[1])
        if target and target in (actor, speaker):
            if structural and not by_agent:
                # the sentence's structure makes it the accused ("Labour accused of ..."): the
                # speaker found is the misparse, so the accuser is unnamed rather than itself
                actor, speaker, stype = "unknown", "", "unknown"
            else:  # a speaker does not accuse itself; an odd parse
                target = ""
        if marker_starts is not None:  # markers sorted by start: only those starting in [cs, ce]
            inside = [m for m in markers[bisect_left(marker_starts, cs):bisect_right(marker_starts, ce)]
                      if m["end"] <= ce]
        else:
            inside = [m for m in markers if cs <= m["start"] and m["end"] <= ce]
        hedged = any(m["layer"] == "hedge" for m in inside)
        evidence = "; ".join(m["text"] for m in inside if m["layer"] == "evidence")
        rules.append(primary.rule)
        if speaker:
            spoke.add(speaker)  # who has spoken so far (kept as we go: rebuilding it per pronoun was quadratic)
        statements.append({
            "doc_id": doc_id, "statement_id": sid, "sent_index": int(sent_index), "start": int(s), "end": int(e),
            "text": text[s:e], "mode": mode, "cue": cue_text, "source": source, "source_type": stype, "speaker": speaker,
            "actor": actor, "target": target, "stance": primary.stance, "hedged": hedged, "evidence": evidence,
            "time_text": "", "event_start": "", "event_end": "", "rule": "+".join(r for r in rules if r),
        })

    _headline_accuser_from_lead(text, sentences, statements)
    seen: set[tuple] = set()
    unique = []
    for row in sorted(spans, key=lambda r: (r["start"], r["end"], r["layer"])):
        key = (row["layer"], row["start"], row["end"], row["value"])
        if key in seen or row["end"] <= row["start"]:
            continue
        seen.add(key)
        unique.append(row)
    return schema.frame("spans", unique), schema.frame("statements", statements)
