"""Who speaks a statement: its source resolved to an actor, pronouns followed, passives' agents, implied agents.

:func:`analysis.annotate.annotate` builds an article's statements in named steps; the steps
here decide who speaks each one, filling in the :class:`analysis.statement_records.Statement`
(``source``, ``actor``, ``stype`` = source type, ``speaker``) and writing the source spans
they find. :func:`who_speaks` runs steps 5-11 in order, after the statement is opened
(step 4, its cue, source and content as the attribution engine found them); each step
reads what the ones before decided:

5. ``_headline_passive``: "Snoop Dogg sued for ..." names the accused, not the speaker;
6. ``_widen_source``: an appositive or a cut noun phrase taken for the source;
7. ``_resolve_source``: the source's actor, source type and speaker;
8. ``_follow_pronouns``: "I" inside a quote, a he / she before the cue, "they" = the
   sentence before's subject, else an earlier speaker (``_earlier_speaker``);
9. ``_clause_subject_speaks``: an adverb or fragment taken for the source: the clause's subject;
10. ``_passive_cue_agent``: "criticized ... by Rep. John Dingell": the by-agent speaks;
11. ``_formal_agent``: "Millwall have been charged": the charging agent named before, else
    the one the act implies (prosecutors charge, a court convicts).

Then, after the stance is read, :func:`stance_agent` (step 13: "was strongly denied by
Shepherd": the stance verb's by-agent performs the act), and, once all rows are made,
:func:`headline_accuser_from_lead` (a headline's agentless accusation takes the lead's
speaker). :func:`quote_owner`, :func:`passive_agent`, :func:`cue_stances`,
:func:`is_headline`, ``PRONOUN`` and ``PASSIVE_CUE`` are also read by annotate's own steps.

>>> text = "The minister was criticized on Monday by Rep. John Dingell."
>>> s, e = passive_agent(text, text.index("criticized"))
>>> text[s:e]
'Rep. John Dingell.'
>>> is_headline("Labour accused of propaganda\\nThe Tories said so.", 0, 0, 28)
True
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

from analysis.coreference import _full_names, canonical_person, surname_count
from analysis.actors import implied_agent, resolve_speaker
from analysis.clauses import clause_subject
from analysis.entities import gender_of
from analysis.lexicons import load_lexicon
from analysis.spans import Span, overlaps, overlaps_any
from analysis.actor_names import _POSSESSIVE_END, _person_names, resolve_actor
from analysis.statement_records import Article, History, Statement


_FIRST_PERSON = re.compile(r"^(?:i|we|me|us|our|my)$", re.I)
PRONOUN = re.compile(r"^(?:he|she|him|her|his)$", re.I)
_IMPERSONAL = re.compile(r"^(?:it|its|they|them|their|this|that)$", re.I)
PASSIVE_CUE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?\w+(?:ed|d)\b", re.I)


# --- what annotate's own steps read too: stance cues, headlines, quotes' owners, by-agents ---


@lru_cache(maxsize=1)
def cue_stances() -> dict[str, tuple[str, str, bool]]:
    """cue rule id -> (stance, CAMEO code, asserted) for cues that are stance verbs themselves
    (cues.csv ``stance``; ``:lead`` = the stance leads but is not asserted on its own)."""
    out = {}
    for row in load_lexicon("cues"):
        parts = (row.get("stance") or "").strip().split(":")
        if parts[0]:
            out[row["rule"]] = (parts[0], parts[1] if len(parts) > 1 else "", "lead" not in parts[2:])
    return out


def is_headline(text: str, index: int, s: int, e: int) -> bool:
    """Is sentence ``index`` (text[s:e]) the article's headline: the first line, followed by
    a line break, without a sentence's final stop?"""
    return index == 0 and "\n" in text[e:e + 3] and not text[s:e].rstrip().endswith((".", "?", "!"))


def quote_owner(text: str, s: int, e: int, quotes: Sequence[Span], atts, sent_index: int):
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


def passive_agent(text: str, verb: int) -> Span | None:
    """The by-agent of a passive verb at ``verb`` ("indicted in February by a federal grand
    jury", "criticized on several occasions since then by Rep. John Dingell"), or None."""
    agent = _BY_AGENT_AFTER.match(text[verb:verb + 140])
    return (verb + agent.start(1), verb + agent.end(1)) if agent else None


# --- steps 5-7: the source as the attribution engine found it, corrected and resolved ---


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
    in_headline = is_headline(text, st.sent_index, st.start, st.end)
    accusing = cue_stances().get(item.cue_rule, ("",))[0] == "accusation"
    if not ((in_headline or accusing) and item.cue_rule in cue_stances() and item.source is not None
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


_INDEFINITE = re.compile(r"(?:a|an)\s+(?-i:[a-z])")
_LOWER_WORD = re.compile(r"[a-z]+(?:,|$)")


def _widen_source(art: Article, st: Statement) -> None:
    """Step 6: two sources the attribution engine cut short. An appositive taken for the
    source ("Kuwait, a target of Iranian anger over ..., today rejected"): the name it
    describes speaks. A quoted word inside the noun phrase ('A confidential State
    Department “dissent” memo, which ... said'): the phrase starts with the sentence."""
    text, s, source, src_pos = art.text, st.start, st.source, st.src_pos
    if not source or st.kind != "att":
        return
    if _INDEFINITE.match(source):
        head = re.search(r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?:(?:for|of|on|to)\s+(?:(?:a|an|the)\s+)?)?(?-i:[A-Z])[\w'’.&-]*){0,5})"
                         r"\s*,\s*$", text[max(s, src_pos - 80):src_pos])
        if head:
            source = st.surface = head.group(1)
            src_pos = text.rfind(source, s, src_pos)
    if _LOWER_WORD.match(source) and re.fullmatch(r"\s*(?:A|An|The)\s+[^,;.]{0,60}?[”\"’']\s*", text[s:src_pos]):
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


# --- step 8: pronouns, and the people the article names before them ---


def _first_person_speaker(art: Article, st: Statement) -> None:
    """"I" / "we" inside a quote is the quote's speaker ('"I did nothing wrong," he said')."""
    if not (st.source and _FIRST_PERSON.match(st.source) and st.actor == "unknown"):
        return
    text = art.text
    owner = quote_owner(text, st.start, st.end, art.quotes, [a for a in art.atts if a is not st.att], st.sent_index)
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


def _gender_clash(pronoun: str, named: str) -> bool:
    """True when a he/she cannot be ``named``: the article titles them Ms / Mrs or Mr."""
    g = gender_of(named)
    return bool(g) and g != ("f" if pronoun.lower() in ("she", "her") else "m")


@lru_cache(maxsize=1024)
def _titled_form(text: str, full: str) -> str:
    """``full`` with the title the article gives its surname, if any ("Ms. Epstein")."""
    m = re.search(r"\b(?:Mrs|Ms|Miss|Mr)\.?\s+(?:" + re.escape(full.split()[0]) + r"\s+)?" + re.escape(full.split()[-1]) + r"\b", text)
    return m.group(0) if m else full


@lru_cache(maxsize=64)
def _names_by_surname(text: str) -> dict[str, tuple[str, ...]]:
    """surname -> the article's full names ending in it (one pass per article)."""
    out: dict[str, list[str]] = {}
    for full in _full_names(text):
        out.setdefault(full.split()[-1], []).append(full)
    return {k: tuple(v) for k, v in out.items()}


def _people_named_in(text: str, start: int, end: int) -> set[str]:
    """Full names of the people a stretch of text names, by full name or surname alone
    (looked up by the stretch's words, not by a pass over every name of the article)."""
    by_surname = _names_by_surname(text)
    words = set(re.findall(r"\w[\w'’-]*", text[start:end]))
    words |= {_POSSESSIVE_END.sub("", w) for w in words}
    return {full for w in words for full in by_surname.get(w, ())}


_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+[A-Z][\w'’-]+")


@lru_cache(maxsize=64)
def _people_mentions(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, canonical full name) of every person mention, in text order (one scan)."""
    names = [(s, name) for s, _, name in _person_names(text)]
    names += [(m.start(), m.group(0)) for m in _TITLED_SURNAME.finditer(text)]
    return tuple(sorted((s, canonical_person(name, text)) for s, name in names))


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


def _earlier_speaker(art: Article, st: Statement, hist: History) -> tuple[str, str, str, str] | None:
    """Whom an unresolved pronoun source stands for, as (source, actor, source type,
    speaker): he / she the last person who spoke ("Though he stressed ..." -> Kirby) unless
    the titles clash, or one other person named alone in the sentence before who has
    spoken already; with no earlier speaker, the person the article named last. It / they
    the last other speaker."""
    text, source, src_pos = art.text, st.source, st.src_pos
    pronoun = PRONOUN.match(source)
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
    unresolved = st.kind == "att" and "res.unresolved" in (st.att.rule or "") and not PRONOUN.match(st.source or "")
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


# --- steps 9-11: a clause's subject, a passive's by-agent, an implied formal agent ---


def _clause_subject_speaks(art: Article, st: Statement) -> None:
    """Step 9: the attribution engine took an adverb or a fragment for the source ("had
    earlier denied", "including accusing"), or found none before an active cue that is no
    stance verb: the subject of the sentence's main clause speaks, if it resolves (a long
    name ending in "for" / "of" / "the" is a cut phrase, not a name)."""
    source, item = st.source, st.att
    if not (st.actor == "unknown" and st.stype not in ("anonymous", "document") and st.kind == "att"
            and (not source and not PASSIVE_CUE.search(st.cue_text) and item.cue_rule not in cue_stances()
                 or source and (not PRONOUN.match(source) and not _IMPERSONAL.match(source)
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
    if not (st.kind == "att" and not st.source and item.cue and PASSIVE_CUE.search(st.cue_text)):
        return
    agent_span = passive_agent(art.text, item.cue[1])
    if agent_span and agent_span[1] <= st.end:
        _agent_speaks(art, st, agent_span, "S_by_agent")


_BY_AGENT = re.compile(r"\b(?:charg|indict|fin|su|convict|prosecut|ban|suspend|punish|sanction)\w*\s+by\s+(?:the\s+)?"
                       r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.&-]*){0,4})", re.I)
_ACTIVE_AGENT = re.compile(r"((?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3})\s+(?:has\s+|have\s+)?(?-i:charged|charges"
                           r"|indicted|indicts|fined|fines|sued|sues|banned|bans)\s+(?-i:[A-Z])")


@lru_cache(maxsize=64)
def _agents(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, agent) of every charging agent the article names, in text order (one scan)."""
    found = [(m.start(), m.group(1)) for rx in (_BY_AGENT, _ACTIVE_AGENT) for m in rx.finditer(text)]
    return tuple(sorted(found))


def _prior_agent(text: str, pos: int) -> str:
    """Who the article says charges, fines or sues, before ``pos`` ("charged by the Football
    Association", "FA charges Liverpool"): the agent of a later agentless passive charge."""
    agents = _agents(text)
    k = bisect_right([a for a, _ in agents], pos - 1)
    return agents[k - 1][1] if k else ""


def _formal_agent(art: Article, st: Statement) -> None:
    """Step 11: a formal charge with nobody named ("Millwall have been charged with two
    breaches"): the charging agent the article names before ("charged by the Football
    Association", "FA charges ..."), else the one the act implies ("Three men were charged
    today", "Fransen was convicted": only prosecutors charge and only a court convicts, of
    the article's country)."""
    if st.actor != "unknown" or st.source or not (
            (st.kind == "att" and st.att.cue_rule in ("cue.charge", "cue.sue") and PASSIVE_CUE.search(st.cue_text))
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


def who_speaks(art: Article, st: Statement, hist: History) -> None:
    """Steps 5-11 for one opened statement (step 4): who speaks it. A source that stays
    unresolved after step 9 leaves no speaker ("sources said", an unresolved "it"); steps
    10 and 11 may still find a passive's agent."""
    _headline_passive(art, st)  # 5
    _widen_source(art, st)  # 6
    _resolve_source(art, st)  # 7
    _follow_pronouns(art, st, hist)  # 8
    _clause_subject_speaks(art, st)  # 9
    if st.actor == "unknown":
        st.speaker = ""  # nobody named ("sources said", an unresolved "it")
    _passive_cue_agent(art, st)  # 10
    _formal_agent(art, st)  # 11


# --- after the stance (step 13) and after all rows ---


def _stance_by_agent(text: str, m0: int, m1: int, end: int) -> Span | None:
    """The by-agent of a stance verb in the passive ("was strongly denied by Shepherd"): the
    match is one past participle right after a form of *be* (and an adverb), the agent within
    the sentence."""
    if not re.fullmatch(r"\w+(?:ed|d)", text[m0:m1]):
        return None
    if not re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", text[max(0, m0 - 40):m0]):
        return None
    agent = passive_agent(text, m0)
    return agent if agent and agent[1] <= end else None


def stance_agent(art: Article, st: Statement) -> None:
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


def headline_accuser_from_lead(text: str, sentences: Sequence[Span], statements: list[dict]) -> None:
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
