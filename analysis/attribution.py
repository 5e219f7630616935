"""Attribution roles: who (source) says (cue) what (content), one statement per cue.

Rule based and explainable: every statement carries the ids of the rules that built it.
The steps live beside this module: quote pairing in :mod:`analysis.quotes`, cues from
``lexicons/cues.csv`` in :mod:`analysis.cues`, phrase and clause boundaries in
:mod:`analysis.clauses`, source typing and coreference in :mod:`analysis.entities`;
sentences come from :mod:`analysis.segment`. Here each cue gets its source and content,
by the shape of the sentence around it.

Rule ids
--------
cue.*                 lexicon row of the cue (``cue.say``, ``cue.according_to`` ...);
                      ``cue.colon`` for "Paul Ryan: ..." headlines and "Q:" transcripts
src.left              source is the noun phrase left of the cue ("Kirby said")
src.left_appos        ... with an appositive ("John Kirby, a spokesman, said")
src.right             source follows the cue ("..., said Kirby")
src.between_quote     source sits between a closing quote and the cue ("...,” the statement continued)
src.according_to      "according to X"
src.passive_agent     "was first reported by MSNBC"
src.colon             the name before a headline colon
src.shared            participle or coordinated cue reuses the sentence's source ("..., adding that")
src.clause_subject    ... or the main clause's subject ("He walked back his remarks and said ...")
src.none              a cue with no source (passives, "seemed", "Asked about ...")
src.quote_continuation a cue-less quote paragraph continuing the last quoted speaker
src.unknown           a quote with no cue and no speaker
res.*                 how `source_text` was resolved (pronoun, definite NP, surname); ``res.unresolved``
                      when a pronoun was deliberately left as written (no compatible antecedent nearby)
mode.*                direct | indirect | mixed | according_to

Conventions (those of PolNeAR, whose annotators the rules were tuned against): a cue
includes its auxiliaries and adverbs ("has also said") and a particle or colon that
follows it ("talked about", "said:"); words inside a quotation are content, never new
cues; a content leaves out the closing comma of its clause but keeps quote marks.

>>> text = "“The plan will fail,” John Kirby said on Tuesday. He added that talks would go on."
>>> [(a.source_text, a.mode, text[a.content[0]:a.content[1]]) for a in find_attributions(text)]
[('John Kirby', 'direct', '“The plan will fail,”'), ('John Kirby', 'indirect', 'that talks would go on')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .clauses import (APPOSITION_ENDS, APPOSITIVE_SUBJECT_RE, CONJ_END, PREP_START, adverbial_tail, clause_subject,
                      has_verb, left_source, np_like, right_content, right_source, short_tail)
from .cues import DET, CueHit, cue_candidates, cue_start, extend_cue, find_cues
from .coreference import resolve_source
from .quotes import dominant_quote, find_quotes, inside_quote, paragraph_index, quote_ending_at, quotes_in
from .segment import TokenIndex, find_paragraphs, find_sentences
from .spans import Span, SpanIndex, offset_in, strip_final_period, trim, window


@dataclass(frozen=True)
class Attribution:
    """One attributed statement; all spans are (start, end) offsets into the article text."""

    sent_index: int
    start: int
    end: int
    mode: str
    cue: Span | None
    cue_rule: str
    source: Span | None
    source_rule: str
    source_text: str
    content: Span | None
    quotes: tuple[Span, ...]
    rule: str


# (Sentence and _Cue are read-only by convention: not frozen, since a frozen dataclass's
# __init__ sets each field through object.__setattr__, ~4x slower, and one of each is made
# per sentence and per cue; neither could be hashed before either: they hold lists and dicts)
@dataclass(slots=True)
class Sentence:
    """The sentence being read: its offsets, its index in the article, its tokens, their
    lower-case words and which of them are cue forms (token indices below are into ``toks``)."""

    index: int
    start: int
    end: int
    toks: list[Span]
    low: list[str]
    cue_words: list[int]  # the tokens that are cue forms (:func:`analysis.cues.cue_candidates`)


@dataclass(slots=True)
class _Reading:
    """What the reading of one article carries from sentence to sentence."""

    text: str
    quotes: SpanIndex  # paired double quotes and guillemets, marks included
    skip: list[Span]  # boilerplate no statement may come from
    paragraphs: list[Span]
    tokens: TokenIndex  # the article tokenised once: each sentence's tokens, and any stretch's
    history: list[tuple[str, int]] = field(default_factory=list)  # (source text, sentence index), newest last
    last_quote_source: str | None = None  # the last quoted speaker, for cue-less quote paragraphs
    last_quote_par: int = -10


@dataclass(slots=True)
class _Cue:
    """One cue of the sentence, with what the steps of :func:`_build` need of its neighbours."""

    hit: CueHit
    prev: CueHit | None  # the sentence's cue before this one
    next: CueHit | None  # ... and after it
    rule: str  # its cues.csv rule id
    aux_first: int  # its first token with the auxiliaries and adverbs before it ("has also said")
    span: Span  # its extent in the text (auxiliaries, particle, colon included)
    prev_end: int  # where the previous cue ends, else where the sentence starts


@dataclass(slots=True)
class _Roles:
    """Source and content of a cue while the steps of :func:`_build` work them out."""

    source: Span | None = None
    source_rule: str = ""
    content: Span | None = None
    mode: str = "indirect"


def _rule_ids(*ids: str) -> str:
    return "+".join(filter(None, ids))  # (the non-empty ones)


# --------------------------------------------------------------------------- the article

def find_attributions(text: str, sentences: Sequence[Span] | None = None,
                      skip: Iterable[Span] = (), nested: bool = False) -> list[Attribution]:
    """Attributed statements of `text`, in text order. Never raises on odd text.

    `skip`: (start, end) ranges (boilerplate) no statement may come from.
    `nested`: also report statements whose cue sits inside another statement's content
    ("Kirby said North Korea denied it": "denied" is part of what Kirby said). Off by
    default, as in PolNeAR, where such embedded reports belong to the outer content.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    skip = [tuple(r) for r in skip]
    if sentences is None:
        sentences = find_sentences(text)
    quotes = [q for q in find_quotes(text) if q["label"] != "unpaired"]
    tokens = TokenIndex(text)
    reading = _Reading(text, SpanIndex((q["start"], q["end"]) for q in quotes if q["label"] in ("double", "guillemet")),
                       skip, find_paragraphs(text), tokens)
    candidates = cue_candidates(tokens.low)  # the article's cue words, for each sentence's share
    results: list[Attribution] = []
    for index, (start, end) in enumerate(sentences):
        if skip and offset_in(start, skip) and offset_in(max(start, end - 1), skip):  # (none without a skip)
            continue
        bounds = tokens.bounds(start, end)
        if bounds is None:  # the sentence cuts a token of the whole text: its own tokens
            toks, low = tokens.tokens(start, end)
            starts = cue_candidates(low)
        else:  # the article's tokens in it, and its cue words (as indices into its tokens)
            i, j = bounds
            toks, low = tokens.spans[i:j], tokens.low[i:j]
            starts = [k - i for k in candidates[bisect_left(candidates, i):bisect_left(candidates, j)]]
        if not toks:
            continue
        found = _sentence_attributions(Sentence(index, start, end, toks, low, starts), reading)
        if not nested and len(found) > 1:  # (one statement is nested in none)
            found = _drop_nested(text, found)
        results.extend(found)
    return results


def _sentence_attributions(sent: Sentence, reading: _Reading) -> list[Attribution]:
    """The statements of one sentence: a colon attribution, one per cue, or a cue-less quote."""
    text, history = reading.text, reading.history
    # cues inside a quotation are the speaker's own words (part of a content), not new
    # statements; PolNeAR marks none there either
    cues = [c for c in find_cues(text, sent.toks, sent.low, sent.cue_words)
            if not (reading.skip and offset_in(sent.toks[c.first_tok][0], reading.skip))
            and not inside_quote(sent.toks[c.first_tok][0], reading.quotes)] if sent.cue_words else []
    found: list[Attribution] = []
    colon = _colon_attribution(sent, cues, reading)
    if colon is not None:
        found.append(colon)
        history.append((colon.source_text, sent.index))
    for at, hit in enumerate(cues):
        try:
            att = _build(sent, hit, cues[at - 1] if at else None, cues[at + 1] if at + 1 < len(cues) else None,
                         found, reading)
        except (IndexError, ValueError):  # odd text must never stop a corpus run; skip this cue
            att = None
        if att is None:
            continue
        found.append(att)
        if att.source is not None and att.source_rule not in ("src.shared", "src.passive_agent"):
            history.append((att.source_text, sent.index))
    if not found:
        uncued = _uncued_quote(sent, reading)
        if uncued is not None:
            found.append(uncued)
    quoted = [att for att in found if att.quotes and att.source_text and att.cue is not None] if found else None
    if quoted:  # the last quoted speaker, for cue-less quote paragraphs after it
        reading.last_quote_source, reading.last_quote_par = quoted[-1].source_text, _paragraph(sent, reading)
    return found


def _paragraph(sent: Sentence, reading: _Reading) -> int:
    """Index of the paragraph the sentence starts in."""
    return paragraph_index(reading.paragraphs, sent.start) if reading.paragraphs else 0


def _uncued_quote(sent: Sentence, reading: _Reading) -> Attribution | None:
    """A quote with no cue at all: continuation of the last quoted speaker, or unknown."""
    q = dominant_quote(reading.text, sent.start, sent.end, reading.quotes)
    if q is None or (reading.skip and offset_in(q[0], reading.skip)):
        return None
    par = _paragraph(sent, reading)
    if reading.last_quote_source and par - reading.last_quote_par <= 1:
        src_text, src_rule = reading.last_quote_source, "src.quote_continuation"
        reading.history.append((src_text, sent.index))  # the speaker stays in view for "he continued"
    else:
        src_text, src_rule = "", "src.unknown"
    reading.last_quote_par = par
    return Attribution(sent.index, sent.start, sent.end, "direct", None, "", None, src_rule, src_text,
                       q, quotes_in(sent.start, sent.end, reading.quotes), f"{src_rule}+mode.direct")


def _drop_nested(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Statements whose cue lies inside another statement's content are part of that content.

    Kept all the same: a new clause after a comma (", Kirby said"), where the outer content
    probably ran too far, and reports inside a relative clause ("X, who backed Y, said").
    """
    if len(atts) < 2:
        return atts  # nothing to be nested in
    keep = []
    for a in atts:
        outer = next((b for b in atts if b is not a and a.cue is not None and b.content is not None
                      and b.content[0] <= a.cue[0] < b.content[1]
                      and not (a.content is not None and b.cue is not None
                               and a.content[0] <= b.cue[0] < a.content[1])), None)
        if outer is not None:
            head = (a.source or a.cue)[0]
            after_comma = text[max(0, head - 3):head].strip()[-1:] in {",", "”", '"', "—", ";"}
            relative = outer.source is not None and \
                text[outer.source[0]:outer.source[1]].lower() in {"who", "which", "that"}
            if not ((after_comma and outer.source_rule != "src.according_to") or relative):
                continue
        keep.append(a)
    return keep


def _quoted_mode(content: Span, quotes: Sequence[Span], unquoted: str) -> str:
    """direct when quotes cover >= 90% of the content, mixed when less, `unquoted` with none."""
    inside = quotes_in(content[0], content[1], quotes)
    if not inside:
        return unquoted
    covered = sum(min(q[1], content[1]) - max(q[0], content[0]) for q in inside)
    return "direct" if covered >= 0.9 * (content[1] - content[0]) else "mixed"


# --------------------------------------------------------------------------- colon attributions

_COLON_RE = re.compile(r"([A-Z][\w.’'\-]*(?: (?:[A-Z&][\w.’'\-]*|of|the|and|for)){0,4})(:)[ \t]+(?=\S)")
_HEAD_COLON_RE = re.compile(r"([A-Z][\w.’'\-]*(?: [\w.’'\-]+){0,4})(:)[ \t]+(?=\S)")
_COLON_STOP = {"email", "e-mail", "whatsapp", "phone", "tel", "fax", "note", "editor’s note", "editor's note",
               "update", "updated", "photo", "photos", "video", "videos", "watch", "related", "read", "read more",
               "source", "sources", "share", "credit", "credits", "image", "advertisement", "subscribe",
               "follow", "contact", "caption", "topics", "tags", "filed under", "by", "posted", "published",
               "correction", "warning", "spoiler", "transcript", "example", "step", "part", "chapter",
               "breaking", "live", "exclusive", "opinion", "analysis", "listen", "see", "also", "more",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
               "background", "context", "summary", "why", "what", "how", "when", "where", "who", "the bottom line",
               "bottom line", "full text", "key points", "sign up", "click", "link", "links", "website", "web",
               "twitter", "facebook", "instagram", "location", "date", "time", "address", "price", "cost",
               "question", "answer", "reply", "comment", "comments", "story", "stories", "headline", "hint",
               "ps", "p.s", "nb", "n.b", "attention", "reminder", "ap", "reuters", "nan", "afp"}



def _colon_attribution(sent: Sentence, cues: list[CueHit], reading: _Reading) -> Attribution | None:
    """"Paul Ryan: FBI decision ..." / "Q: Did you ..." -- a short name opening a sentence, then a colon."""
    text, start, end = reading.text, sent.start, sent.end
    if text.find(":", start, end) < 0:
        return None  # both patterns need the colon
    m = _COLON_RE.match(text, start, end)
    if not m and sent.index == 0:
        # a headline: "Clinton camp: Trump's Islamophobia threatens ..."
        m = _HEAD_COLON_RE.match(text, start, end)
        if m and not np_like(text, *m.span(1)):
            m = None
    if not m:
        return None
    name = m.group(1)
    if name.lower() in _COLON_STOP or name.lower().rstrip(".") in _COLON_STOP or inside_quote(start, reading.quotes):
        return None
    if cues and sent.toks[cues[0].first_tok][0] < m.end(2):
        return None  # "Trump said:" is the verb's business
    content = strip_final_period(text, m.end(), end)
    if reading.tokens.count(*content) < 3:
        return None
    source = m.span(1)
    source_text, res = resolve_source(text, source, reading.history, sent.index)
    mode = _quoted_mode(content, reading.quotes, "indirect")
    return Attribution(sent.index, start, end, mode, m.span(2), "cue.colon", source, "src.colon", source_text, content,
                       quotes_in(start, end, reading.quotes), _rule_ids("cue.colon", "src.colon", res, f"mode.{mode}"))


# --------------------------------------------------------------------------- one cue

_BE = {"is", "was", "are", "were", "be", "been", "being", "’s", "'s", "’re", "'re", "isn’t", "wasn’t",
       "aren’t", "weren’t", "isn't", "wasn't", "aren't", "weren't"}
_IRREGULAR_PARTICIPLES = {"known", "seen", "shown", "told", "said", "written", "found", "thought", "heard",
                          "given", "taken", "made", "felt", "understood", "sought", "spoken", "sworn", "led",
                          "held", "read", "put", "set", "forecast", "bet", "laid"}
_HEARER_CUES = {"cue.tell", "cue.ask", "cue.inform", "cue.remind", "cue.assure", "cue.warn", "cue.urge"}
_CLAUSE_BREAKS = {",", ".", ";", "and", "—", "–"}  # what may stand before a participle cue ("..., adding")


def _participle(w: str) -> bool:
    return w.endswith("ed") or w in _IRREGULAR_PARTICIPLES


def _build(sent: Sentence, hit: CueHit, prev_hit: CueHit | None, next_hit: CueHit | None,
           found: list[Attribution], reading: _Reading) -> Attribution | None:
    """The statement of one cue (`found`: the sentence's statements so far), or None.

    The cue's extent first; "according to" and "reported by X" have forms of their own;
    otherwise the sentence's order decides: a quote then the cue, a content then an
    inverted source ("..., said Kirby"), or the ordinary SOURCE CUE CONTENT.
    """
    low = sent.low
    if _gerund_in_phrase(low, hit.first_tok):
        return None
    cue = _cue_in(reading.text, sent, hit, prev_hit, next_hit)
    if cue.rule == "cue.according_to":
        return _according_to(sent, cue, reading)
    if hit.end_tok < len(low) and low[hit.end_tok] == "by" and not low[hit.first_tok].endswith("ing") and not (
            hit.end_tok + 1 < len(low) and low[hit.end_tok + 1].endswith("ing")):  # "responded by saying" is active
        return _passive(sent, cue, reading)
    roles = _quote_then_cue(sent, cue, reading)
    if roles is None and prev_hit is None:
        roles = _inverted(sent, cue, reading)
    if roles is None:
        roles = _source_cue_content(sent, cue, found, reading)
    return _statement(sent, cue, roles, reading)


def _cue_in(text: str, sent: Sentence, hit: CueHit, prev_hit: CueHit | None, next_hit: CueHit | None) -> _Cue:
    """The cue's extent: auxiliaries before it ("has also said"), a particle or colon after it."""
    toks, low = sent.toks, sent.low
    rule = hit.row["rule"]
    aux_first = hit.first_tok if rule == "cue.according_to" else \
        cue_start(text, toks, low, hit.first_tok, prev_hit.end_tok if prev_hit else 0)
    cue_end = extend_cue(toks, low, hit.end_tok, toks[hit.end_tok - 1][1], rule,
                         next_hit.first_tok if next_hit else len(toks))
    return _Cue(hit, prev_hit, next_hit, rule, aux_first, (toks[aux_first][0], cue_end),
                toks[prev_hit.end_tok - 1][1] if prev_hit else sent.start)


def _gerund_in_phrase(low: list[str], first_tok: int) -> bool:
    """A gerund inside a phrase ("of secretly supporting"), not a statement."""
    if not low[first_tok].endswith("ing"):
        return False
    b = first_tok - 1
    while b >= 0 and low[b].endswith("ly") and low[b] not in {"only", "early"}:
        b -= 1
    return b >= 0 and low[b] in {"of", "for", "with", "without", "like", "than", "worth"}


def _quote_then_cue(sent: Sentence, cue: _Cue, reading: _Reading) -> _Roles | None:
    """“...,” he said / “...,” the statement continued: a quote before the cue is the content."""
    text, quotes, prev_end = reading.text, reading.quotes, cue.prev_end
    cue_first = cue.span[0]
    quote = quote_ending_at(quotes, sent.start + len(text[sent.start:cue_first].rstrip()), text)
    if quote is not None and (quote[1] <= prev_end or not _opens_sentence(reading.tokens, sent.start, quote[0])):
        quote = None
    between = None
    if quote is None:
        # “...,” the statement continued: a quote opening the sentence, a short source, the cue
        for qs, qe in window(quotes, prev_end - 1, cue_first + 1):  # the quotes that can end in [prev_end, cue_first]
            if sent.start - 2000 <= qs and prev_end <= qe <= cue_first and \
                    _opens_sentence(reading.tokens, sent.start, qs):
                inner = text[qs:qe].rstrip("”’\"'»")
                if text[qe:cue_first].lstrip().startswith((",", "—", "–")) or inner[-1:] in (",", "?", "!", "—"):
                    b = trim(text, qe, cue_first, " ,—–-\n")
                    if b[1] > b[0] and reading.tokens.count(*b) <= 25 and np_like(text, *b):
                        quote, between = (qs, qe), b  # the last such quote wins
    if quote is None:
        return None
    if between is not None:
        return _Roles(between, "src.between_quote", quote, "direct")
    source = right_source(text, cue.span[1], sent.end)
    return _Roles(source, "src.right" if source else "", quote, "direct")


def _inverted(sent: Sentence, cue: _Cue, reading: _Reading) -> _Roles | None:
    """"The plan will fail, said Kirby." / "..., the ministry said.": content, then the cue."""
    text, start = reading.text, sent.start
    cue_first, cue_end = cue.span
    before = text[start:cue_first].rstrip()
    if not (before.endswith((",", "—", "–")) and short_tail(text, cue_end, sent.end)
            and reading.tokens.count(start, cue_first) >= 3 and not APPOSITIVE_SUBJECT_RE.match(text[start:cue_first])
            and has_verb(text, start, cue_first)):
        return None
    source = right_source(text, cue_end, sent.end)
    return _Roles(source, "src.right" if source else "", trim(text, start, start + len(before), " \n"), "indirect")


def _source_cue_content(sent: Sentence, cue: _Cue, found: list[Attribution], reading: _Reading) -> _Roles:
    """The ordinary order, SOURCE CUE CONTENT, or "..., he said." with a short source."""
    text, toks, low = reading.text, sent.toks, sent.low
    cue_first, cue_end = cue.span
    roles = _Roles()
    content_before = None
    seg = left_source(text, cue.prev_end, cue_first, reading.tokens)
    if cue.prev is not None and _before_mark(text, sent.start, cue_first) in APPOSITION_ENDS:
        # "Cruz, who has proposed X, said": the earlier cue sits inside this source's appositive
        # (left_source finds an appositive only before a closing comma or dash: none, no call)
        full = left_source(text, sent.start, cue_first, reading.tokens)
        if full is not None and full[1] == "src.left_appos" and \
                full[0][0] <= toks[cue.prev.first_tok][0] < full[0][1]:
            seg = full
    if seg is not None:
        roles.source, roles.source_rule, content_before = seg
    adverbial = adverbial_tail(text, cue_end, sent.end)
    if content_before is not None and (adverbial or (
            cue.rule in _HEARER_CUES and reading.tokens.count(cue_end, sent.end) <= 5
            and np_like(text, cue_end, sent.end))):
        roles.content = content_before  # "The plan will fail, he said." / "..., Grassley told POLITICO."
    elif not adverbial:  # (with only adverbials, "X said in a statement on Tuesday." says nothing quotable)
        next_start = toks[cue.next.first_tok][0] if cue.next else sent.end
        roles.content = right_content(text, cue_end, next_start if _participle_next(low, cue.next) else sent.end,
                                      sent.end, cue.rule, reading.quotes, next_start if cue.next is not None else None)
    if cue.aux_first == 0 and low[cue.hit.first_tok].endswith(("ed", "ing")) and roles.content is not None:
        # "Asked whether he would go, he said no": the participle clause ends at its comma
        comma = text.find(",", cue_end, sent.end)
        if comma > 0:
            roles.content = trim(text, roles.content[0], min(roles.content[1], comma), " \n")
        roles.source = None
    _subjectless(sent, cue, roles, found, reading)
    return roles


def _before_mark(text: str, start: int, end: int) -> str:
    """The last character of text[start:end] that is no whitespace ("" if none)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _participle_next(low: list[str], next_hit: CueHit | None) -> bool:
    """Should content stop at the next cue? Yes for participles ("..., adding that") only."""
    if next_hit is None:
        return False
    first = next_hit.first_tok
    return low[first].endswith("ing") and first > 0 and low[first - 1] in _CLAUSE_BREAKS


def _subjectless(sent: Sentence, cue: _Cue, roles: _Roles, found: list[Attribution], reading: _Reading) -> None:
    """Cues whose subject does not speak (passives, "seemed to") or that borrow a source
    ("..., adding that", "He walked back his remarks and said ..."): `roles` updated in place."""
    text, low, aux_first = reading.text, sent.low, cue.aux_first
    first = cue.hit.first_tok
    passive = aux_first < first and any(w in _BE for w in low[aux_first:first]) and _participle(low[first]) and \
        not any(w in {"being", "been"} and low[first].endswith("ing") for w in low[aux_first:first])
    evaluation = cue.hit.row.get("kind") == "evaluation"
    if passive or evaluation:
        # "X is expected to ..." / "X seemed to ...": X is what is talked about, not who talks
        subject = roles.source
        roles.source, roles.source_rule = None, ""
        if roles.content is None:
            roles.content = right_content(text, cue.span[1], sent.end, sent.end, cue.rule, reading.quotes)
        if passive and subject is not None and (
                roles.content is None or text[roles.content[0]:roles.content[1]].split()[0].lower()
                in (PREP_START - {"to"}) | {"after", "as", "since", "because"}):
            roles.content = subject  # "Mr. X's role was disclosed after ...": the role is the content
    participle = low[first].endswith("ing") and first > 0 and low[first - 1] in _CLAUSE_BREAKS
    if participle:
        roles.source, roles.source_rule = None, ""
    if roles.source is None and not passive and not evaluation and aux_first > 0 and (
            participle or low[aux_first - 1] in CONJ_END | {",", "to"} or low[first].endswith("ing")):
        prev = next((a for a in reversed(found) if a.source is not None
                     and a.source_rule != "src.passive_agent"), None)
        if prev is not None:
            roles.source, roles.source_rule = prev.source, "src.shared"
        else:
            subject = clause_subject(text, sent.start, cue.span[0])
            if subject is not None:
                roles.source, roles.source_rule = subject, "src.clause_subject"


def _statement(sent: Sentence, cue: _Cue, roles: _Roles, reading: _Reading) -> Attribution | None:
    """The finished statement: content trimmed, mode from its quotes, source resolved."""
    text, quotes = reading.text, reading.quotes
    content = roles.content
    if content is not None:
        content = trim(text, content[0], content[1], " \n,;:—–-")  # annotators leave the comma out
    if content is not None and content[1] <= content[0]:
        content = None
    mode = roles.mode
    if content is not None and mode != "direct":
        mode = _quoted_mode(content, quotes, mode)
    if roles.source is None and content is None:
        return None
    source_text, res_rule = resolve_source(text, roles.source, reading.history, sent.index)
    start = min(sent.start, content[0]) if content else sent.start
    source_rule = roles.source_rule or "src.none"
    return Attribution(sent.index, start, sent.end, mode, cue.span, cue.rule, roles.source, source_rule,
                       source_text, content, quotes_in(start, sent.end, quotes),
                       _rule_ids(cue.rule, source_rule, res_rule, f"mode.{mode}"))


def _opens_sentence(tokens: TokenIndex, sentence_start: int, quote_start: int) -> bool:
    """A quote that begins the sentence (or an earlier one), allowing two leading words ("And “...")."""
    return quote_start <= sentence_start or tokens.count(sentence_start, quote_start) <= 2


# --------------------------------------------------------------------------- forms of their own

def _passive(sent: Sentence, cue: _Cue, reading: _Reading) -> Attribution | None:
    """"The move was first reported by MSNBC": agent after 'by' is the source, subject the content."""
    text, toks, low = reading.text, sent.toks, sent.low
    aux_first = cue.aux_first
    agent_first = cue.hit.end_tok + 1
    agent_end = agent_first
    while agent_end < len(low) and low[agent_end] not in {",", ".", ";", ":", "that", "and", "in", "on", "at",
                                                         "who", "which", "“", "”", '"', "—", "–", "(", ")"}:
        agent_end += 1
    if agent_end == agent_first:
        return None
    source = (toks[agent_first][0], toks[agent_end - 1][1])
    content = None
    if aux_first > 0 and low[aux_first - 1] not in DET:
        seg = trim(text, cue.prev_end, toks[aux_first][0], " \n,")
        left = text[seg[0]:seg[1]]
        idx = max(left.rfind(","), left.rfind(";"), left.rfind(":"))
        if idx >= 0:
            seg = trim(text, seg[0] + idx + 1, seg[1], " \n")
        if seg[1] > seg[0] and reading.tokens.count(*seg) <= 25 and \
                text[seg[0]:seg[1]].split()[0].lower() not in PREP_START:
            content = seg  # not "said in a statement published by KCNA": no statement there
    if content is None:
        return None
    source_text, res = resolve_source(text, source, reading.history, sent.index)
    return Attribution(sent.index, min(sent.start, content[0]), sent.end, "indirect", cue.span, cue.rule, source,
                       "src.passive_agent", source_text, content, quotes_in(sent.start, sent.end, reading.quotes),
                       _rule_ids(cue.rule, "src.passive_agent", res, "mode.indirect"))


def _according_to(sent: Sentence, cue: _Cue, reading: _Reading) -> Attribution:
    """"According to X, content." / "Content, according to X.\""""
    text, start, end = reading.text, sent.start, sent.end
    cue_first, cue_end = cue.span
    left = trim(text, start, cue_first, " \n")
    if left[1] <= left[0]:
        # "According to X, content."
        comma = text.find(",", cue_end, end)
        if comma < 0:
            src = trim(text, cue_end, end, " \n.")
            content = None
        else:
            src = trim(text, cue_end, comma, " \n")
            content = strip_final_period(text, comma + 1, end)
    else:
        # "Content, according to X."
        content = trim(text, start, cue_first, " \n")
        comma = text.find(",", cue_end, end)
        src = strip_final_period(text, cue_end, comma if comma >= 0 else end)
    if src[1] <= src[0]:
        src = None
    source_text, res = resolve_source(text, src, reading.history, sent.index)
    if content is not None:
        content = trim(text, content[0], content[1], " \n,;:—–-")
    if content is not None and content[1] <= content[0]:
        content = None
    return Attribution(sent.index, start, end, "according_to", cue.span, cue.rule, src, "src.according_to",
                       source_text, content, quotes_in(start, end, reading.quotes),
                       _rule_ids(cue.rule, "src.according_to", res, "mode.according_to"))
