"""Quotes and attribution relations: who (source) says (cue) what (content).

Rule based and explainable: every statement carries the ids of the rules that built it.
Cues come from ``lexicons/cues.csv``; sentences from :mod:`analysis.segment`.

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
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .lexicons import inflections, load_lexicon
from .segment import find_paragraphs, find_sentences, find_tokens

Span = tuple[int, int]


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


# --------------------------------------------------------------------------- quotes

_OPEN_DOUBLE = {"“", "„", "``"}
_CLOSE_DOUBLE = {"”", "''", "’’"}
_DOUBLE_RE = re.compile(r"’’|''|``|[“”„\"]")
_SINGLE_RE = re.compile(r"[‘’']")
_GUILLEMET_RE = re.compile(r"[«»]")


def _is_apostrophe(text: str, i: int) -> bool:
    """A ' or ’ inside or at the edge of a word (Russia’s, don’t, ’90s, voters’) is no quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit() and not before.isalnum():  # ’90s
        return True
    if text[i] in "’'" and after.isalpha() and not before.isalnum():
        # 'til, 'em: only a handful of elisions; treat the rest as opening marks
        return text[i + 1:i + 4].lower() in {"em ", "til", "cau", "n' "}
    return False


def _paragraph_index(paragraphs: list[Span], pos: int) -> int:
    lo, hi = 0, len(paragraphs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = paragraphs[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return mid
    return lo


def find_quotes(text: str) -> list[dict]:
    """Quote spans (marks included) with `label` double | single | guillemet | unpaired.

    Marks are paired by type; apostrophes are skipped; single quotes pair only inside the
    same double-quote context; a double quote left open at the end of a paragraph runs on
    when the next paragraph opens with a quote mark (newspaper convention). Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find_quotes(text)
    except Exception:  # pragma: no cover - defensive: quotes must never break a run
        return []


def _find_quotes(text: str) -> list[dict]:
    paragraphs = find_paragraphs(text) or [(0, len(text))]
    out: list[dict] = []

    # ---- double quotes
    marks = [(m.start(), m.end(), m.group()) for m in _DOUBLE_RE.finditer(text)]
    # '' right after a word is a closing double (typewriter style); else skip if apostrophes
    open_at: tuple[int, int, int] | None = None  # (start, end, paragraph)
    doubles: list[Span] = []
    i = 0
    while i < len(marks):
        s, e, m = marks[i]
        par = _paragraph_index(paragraphs, s)
        if open_at is not None and par != open_at[2]:
            # paragraph changed with a quote open: continue if this paragraph opens with a mark
            p_start = paragraphs[par][0] if par < len(paragraphs) else s
            if s == p_start and m in _OPEN_DOUBLE | {'"'}:
                open_at = (open_at[0], open_at[1], par)
                i += 1
                continue
            out.append({"start": open_at[0], "end": open_at[1], "label": "unpaired", "rule": "quote.unpaired"})
            open_at = None
        if open_at is None:
            if m in _CLOSE_DOUBLE and m != "''":
                out.append({"start": s, "end": e, "label": "unpaired", "rule": "quote.unpaired"})
            elif m == "''" and s > 0 and not text[s - 1].isspace():
                out.append({"start": s, "end": e, "label": "unpaired", "rule": "quote.unpaired"})
            else:
                open_at = (s, e, par)
        else:
            if m in _OPEN_DOUBLE and m != '"':
                # a second opening mark: the first one never closed
                out.append({"start": open_at[0], "end": open_at[1], "label": "unpaired", "rule": "quote.unpaired"})
                open_at = (s, e, par)
            else:
                doubles.append((open_at[0], e))
                open_at = None
        i += 1
    if open_at is not None:
        out.append({"start": open_at[0], "end": open_at[1], "label": "unpaired", "rule": "quote.unpaired"})
    for s, e in doubles:
        out.append({"start": s, "end": e, "label": "double", "rule": "quote.double"})

    # ---- single quotes, paired within the same double-quote context and paragraph
    def context(pos: int) -> tuple[int, int]:
        inside = next((k for k, (s, e) in enumerate(doubles) if s < pos < e - 1), -1)
        return inside, _paragraph_index(paragraphs, pos)

    taken = {p for s, e in doubles for p in (s, e - 1)}
    pending: dict[tuple[int, int], int] = {}
    for m in _SINGLE_RE.finditer(text):
        s = m.start()
        if s in taken or (s + 1 < len(text) and text[s:s + 2] in {"’’", "''"}) or \
                (s > 0 and text[s - 1:s + 1] in {"’’", "''"}):
            continue
        if _is_apostrophe(text, s):
            continue
        ch = m.group()
        ctx = context(s)
        before = text[s - 1] if s > 0 else " "
        after = text[s + 1] if s + 1 < len(text) else " "
        can_open = ch in "‘'" and (not before.isalnum()) and not after.isspace()
        can_close = ch in "’'" and not before.isspace()
        if ctx in pending and can_close:
            out.append({"start": pending.pop(ctx), "end": s + 1, "label": "single", "rule": "quote.single"})
        elif can_open:
            if ctx in pending:
                out.append({"start": pending[ctx], "end": pending[ctx] + 1, "label": "unpaired",
                            "rule": "quote.unpaired"})
            pending[ctx] = s
        elif ch == "‘":
            out.append({"start": s, "end": s + 1, "label": "unpaired", "rule": "quote.unpaired"})
        # a stray ’ with nothing open is an apostrophe (voters’ rights): not reported
    for s in pending.values():
        out.append({"start": s, "end": s + 1, "label": "unpaired", "rule": "quote.unpaired"})

    # ---- guillemets
    stack: list[int] = []
    for m in _GUILLEMET_RE.finditer(text):
        if m.group() == "«":
            stack.append(m.start())
        elif stack:
            out.append({"start": stack.pop(), "end": m.end(), "label": "guillemet", "rule": "quote.guillemet"})
        else:
            out.append({"start": m.start(), "end": m.end(), "label": "unpaired", "rule": "quote.unpaired"})
    for s in stack:
        out.append({"start": s, "end": s + 1, "label": "unpaired", "rule": "quote.unpaired"})

    for q in out:
        q["text"] = text[q["start"]:q["end"]]
    out.sort(key=lambda q: (q["start"], -q["end"]))
    return out


# --------------------------------------------------------------------------- cue lexicon

_DET = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
        "no", "any", "some", "every", "each", "of", "for", "with", "in", "on", "at", "by", "from",
        "into", "about", "against", "over", "under", "without", "and", "or", "than", "such", "more",
        "much", "whose", "what", "which", "as", "own", "new", "strong", "public", "broad", "wide",
        "first", "last", "full", "that", "another", "many", "most", "less", "little", "great"}
_IDIOMS = {("all", "told"), ("to", "mention"), ("that", "said"), ("having", "said"),
           ("so-called", "called"), ("to", "speak")}
_DET_STRICT = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these",
               "those", "no", "every", "each", "whose"}
_AUX = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "may",
        "might", "must", "can", "do", "does", "did", "be", "been", "being", "not", "n't", "never",
        "also", "still", "later", "again", "often", "already", "even", "just", "then", "once",
        "first", "previously", "repeatedly", "recently", "reportedly", "always", "now", "had",
        "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "wasn't",
        "aren't", "weren't", "hasn't", "haven't", "hadn't", "don’t", "doesn’t", "didn’t", "won’t",
        "wouldn’t", "can’t", "couldn’t", "isn’t", "wasn’t", "aren’t", "weren’t", "hasn’t",
        "haven’t", "hadn’t", "’s", "'s", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "’re", "'re",
        "ever", "long", "quickly", "immediately", "further", "too", "only", "widely", "openly",
        "privately", "publicly", "strongly", "flatly", "explicitly", "clearly", "simply"}
_SUBORD = {"that", "and", "but", "while", "because", "when", "as", "after", "before", "although",
           "though", "since", "if", "so", "where", "whereas", "unless", "until", "or", "than",
           "whether", "nor", "yet", "once", "meanwhile", "however", "also", "then", "now", "still"}
_SRC_TIME_TAIL_RE = re.compile(
    r"\s+(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|night|weekend|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter)|(?:on|in|at|during)\s+(?:the\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|\d{4}|a statement|an interview|a|an)\b[^,]{0,30}|"
    r"yesterday|today|tonight|earlier|later|recently|previously|once|again|now|then)$", re.I)
_CUT_WORDS = {"what", "how", "whom", "why", "which", "is", "was", "are", "were", "has", "have", "had", "be",
              "been", "will", "would", "can", "could", "should", "may", "might", "must", "said", "says",
              "told", "believe", "think", "thinks", "believes", "say", "do", "does", "did", "to"}
_NP_PARTICIPLES = {"leading", "ruling", "governing", "founding", "presiding", "ranking", "elected",
                   "united", "so-called", "retired", "appointed", "designated", "acting", "outgoing",
                   "incoming", "sitting", "concerned", "interested", "polled", "surveyed", "registered",
                   "undecided", "unnamed", "unidentified", "anonymous", "informed", "coming", "leading"}  # participle cues after a comma reuse the sentence's source


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, list[tuple[tuple[str, ...], dict, bool]]]:
    """first word form -> [(rest of the phrase, lexicon row, form is bare/-s noun-like)]."""
    index: dict[str, list[tuple[tuple[str, ...], dict, bool]]] = {}
    for row in load_lexicon("cues"):
        words = row["pattern"].lower().split()
        if not words or not words[0][0].isalpha():
            continue  # punctuation cues (cue.colon) have their own rule
        lemma = words[0]
        extra = (row.get("forms") or "").lower()
        if extra.startswith("only:"):  # exactly these forms (the others are mostly nouns here)
            forms = set(extra[5:].split())
        else:
            forms = inflections(lemma) | set(extra.split())
        for form in forms:
            nounish = form in {lemma, lemma + "s", lemma + "es"} or (
                lemma.endswith("y") and form == lemma[:-1] + "ies")
            index.setdefault(form, []).append((tuple(words[1:]), row, nounish))
    for form in index:  # longest phrase first
        index[form].sort(key=lambda item: -len(item[0]))
    return index


@lru_cache(maxsize=1)
def cue_stance() -> dict[str, str]:
    """rule id -> verb_stance (neutral | doubt | concede | assert), for the stance stage."""
    return {row["rule"]: row.get("verb_stance", "neutral") for row in load_lexicon("cues")}


# --------------------------------------------------------------------------- helpers

_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"it", "they", "we", "i", "you", "who", "which", "that"}
_ORG_WORDS = {"ministry", "government", "agency", "council", "department", "office", "party",
              "committee", "campaign", "statement", "report", "administration", "house", "court",
              "group", "company", "organization", "organisation", "commission", "embassy", "army",
              "military", "police", "spokesman", "spokeswoman", "spokesperson", "state", "news",
              "newspaper", "paper", "network", "board", "union", "senate", "congress", "parliament",
              "foundation", "institute", "center", "centre", "firm", "bank", "officials", "pentagon",
              "kremlin", "letter", "memo", "document", "poll", "survey", "study", "analysis"}
_WORD_RE = re.compile(r"\w", re.UNICODE)
_CLOSE_QUOTE_CHARS = "”’\"'»"


def _trim(text: str, s: int, e: int, chars: str = " \t\n,;:") -> Span:
    """Strip `chars` and any whitespace (no-break spaces included) from both ends."""
    while s < e and (text[s] in chars or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in chars or text[e - 1].isspace()):
        e -= 1
    return s, e


def _strip_final_period(text: str, s: int, e: int) -> Span:
    """Trim spaces and the sentence's final punctuation (a quote's closing mark stays)."""
    s, e = _trim(text, s, e)
    while e > s and text[e - 1] in ".!?;:, ":
        e -= 1
    return s, e


def _in_ranges(pos: int, ranges: Sequence[Span]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _ntok(text: str, s: int, e: int) -> int:
    return len(find_tokens(text, s, e))


# --------------------------------------------------------------------------- cue finding

def _find_cues(text: str, toks: list[Span], low: list[str]) -> list[tuple[int, int, dict]]:
    """(first token index, last token index + 1, lexicon row) of cue matches, left to right."""
    index = _cue_index()
    out = []
    i = 0
    n = len(toks)
    words = [text[a:b] for a, b in toks if text[a].isalpha() and b - a > 3]
    # Headline Style Capitalises Verbs Too ("Beck Blasts Drudge"): capitals mean nothing there
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    while i < n:
        entries = index.get(low[i])
        hit = None
        if entries:
            for rest, row, nounish in entries:
                gap = 0
                if rest:
                    # adverbs may sit inside a phrasal cue: "talked proudly of", "spoke even more about"
                    while i + 1 + gap < n and gap < 3 and (low[i + 1 + gap].endswith("ly") or low[i + 1 + gap] in {
                            "much", "even", "more", "further", "again", "also", "up", "back", "out"}) and \
                            low[i + 1 + gap] != rest[0]:
                        gap += 1
                if tuple(low[i + 1 + gap:i + 1 + gap + len(rest)]) != rest:
                    continue
                if row.get("ambiguous") == "yes" and nounish:
                    if i > 0 and low[i - 1] in _DET:
                        continue  # "the support", "his plans": a noun
                    nxt = low[i + 1] if i + 1 < n else ""
                    if nxt in {"of", "'s", "’s"} and not rest:
                        continue
                word = text[toks[i][0]:toks[i][1]]
                if i > 0 and word[:1].isupper() and not title_case and \
                        text[toks[i - 1][0]:toks[i - 1][1]] not in {"“", '"', "‘", "'", ":", "—", "–", "("}:
                    continue  # capitalised mid-sentence: a name ("ACE Cash Express") or a title
                if i > 0 and (low[i - 1], low[i]) in _IDIOMS:
                    continue  # "all told", "not to mention"
                if low[i].endswith(("ed", "ing")) and not rest and i > 0 and low[i - 1] in _DET_STRICT:
                    continue  # "the disputed territory", "the opposing team": adjectives
                if row["rule"] == "cue.decline" and (i + 1 >= n or low[i + 1] not in {"to", "comment", "comments"}):
                    continue  # "emissions declined": only "declined to comment/answer" reports speech
                if row["rule"] == "cue.like" and (i == 0 or low[i - 1] not in {
                        "i", "we", "they", "you", "would", "'d", "’d", "not", "don't", "don’t", "didn't",
                        "didn’t", "really", "doesn't", "doesn’t", "also", "do", "does", "did"}):
                    if low[i] == "like":
                        continue
                j = i + 1 + gap + len(rest)
                if len(word) > 1 and word.isupper():
                    continue  # ALL-CAPS lines are headlines or site furniture ("LEAVE A REPLY")
                if row["rule"] == "cue.continue":
                    # "the statement continued", "continued to insist"; not "prices continued to rise"
                    nxt = low[j] if j < n else "."
                    if nxt == "to" and not (j + 1 < n and low[j + 1] in index):
                        continue
                    if low[i] != "continued" and nxt not in {",", ".", ":", "“", '"', "that", ";", "”"}:
                        continue
                if row["rule"] == "cue.go_on_to" and j < n and low[j] in _cue_index():
                    j += 1  # "went on to accuse"
                hit = (i, j, row)
                break
        if hit:
            prev = out[-1] if out else None
            if prev is not None and hit[0] - prev[1] <= 2 and all(
                    w == "to" or w.endswith("ly") for w in low[prev[1]:hit[0]]) and "to" in low[prev[1]:hit[0]]:
                # "is expected to endorse", "appeared to imply": one cue, not two
                out[-1] = (prev[0], hit[1], prev[2])
            else:
                out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


# --------------------------------------------------------------------------- main

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
    doubles = _QuoteIndex((q["start"], q["end"]) for q in quotes if q["label"] in ("double", "guillemet"))
    paragraphs = find_paragraphs(text)
    results: list[Attribution] = []
    history: list[tuple[str, int]] = []  # (resolved source text, sentence index), most recent last
    last_quote_source: str | None = None
    last_quote_par = -10

    for si, (ss, se) in enumerate(sentences):
        if _in_ranges(ss, skip) and _in_ranges(max(ss, se - 1), skip):
            continue
        toks = find_tokens(text, ss, se)
        if not toks:
            continue
        low = [text[a:b].lower() for a, b in toks]
        # cues inside a quotation are the speaker's own words (part of a content), not new
        # statements; PolNeAR marks none there either
        cues = [c for c in _find_cues(text, toks, low)
                if not _in_ranges(toks[c[0]][0], skip) and not _inside(toks[c[0]][0], doubles)]
        sent_atts: list[Attribution] = []
        colon = _colon_attribution(text, ss, se, si, cues, toks, doubles, history)
        if colon is not None:
            sent_atts.append(colon)
            history.append((colon.source_text, si))
        for k, (ci, cj, row) in enumerate(cues):
            try:
                att = _build(text, ss, se, si, toks, low, ci, cj, row, cues, k, doubles, sent_atts, history)
            except (IndexError, ValueError):  # odd text must never stop a corpus run; skip this cue
                att = None
            if att is None:
                continue
            sent_atts.append(att)
            if att.source is not None and att.source_rule not in ("src.shared", "src.passive_agent"):
                history.append((att.source_text, si))
        # a quote with no cue at all: continuation of the last quoted speaker, or unknown
        par = _paragraph_index(paragraphs, ss) if paragraphs else 0
        if not sent_atts:
            q = _dominant_quote(text, ss, se, doubles)
            if q is not None and not _in_ranges(q[0], skip):
                if last_quote_source and par - last_quote_par <= 1:
                    src_text, src_rule = last_quote_source, "src.quote_continuation"
                    history.append((src_text, si))  # the speaker stays in view for "he continued"
                else:
                    src_text, src_rule = "", "src.unknown"
                sent_atts.append(Attribution(si, ss, se, "direct", None, "", None, src_rule, src_text,
                                             q, _quotes_in(ss, se, doubles), f"{src_rule}+mode.direct"))
                last_quote_par = par
        for att in sent_atts:
            if att.quotes and att.source_text and att.cue is not None:
                last_quote_source, last_quote_par = att.source_text, par
        if not nested:
            sent_atts = _drop_nested(text, sent_atts)
        results.extend(sent_atts)
    return results


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


def _colon_attribution(text, ss, se, si, cues, toks, doubles, history):
    """"Paul Ryan: FBI decision ..." / "Q: Did you ..." -- a short name opening a sentence, then a colon."""
    m = _COLON_RE.match(text, ss, se)
    if not m and si == 0:
        # a headline: "Clinton camp: Trump's Islamophobia threatens ..."
        m = _HEAD_COLON_RE.match(text, ss, se)
        if m and not _np_like(text, *m.span(1)):
            m = None
    if not m:
        return None
    name = m.group(1)
    if name.lower() in _COLON_STOP or name.lower().rstrip(".") in _COLON_STOP or _inside(ss, doubles):
        return None
    if cues and toks[cues[0][0]][0] < m.end(2):
        return None  # "Trump said:" is the verb's business
    content = _strip_final_period(text, m.end(), se)
    if _ntok(text, *content) < 3:
        return None
    source = m.span(1)
    source_text, res = _resolve(text, source, history, [], "src.colon", si)
    qs = _quotes_in(*content, doubles)
    covered = sum(min(q[1], content[1]) - max(q[0], content[0]) for q in qs)
    mode = "direct" if qs and covered >= 0.9 * (content[1] - content[0]) else ("mixed" if qs else "indirect")
    rules = ["cue.colon", "src.colon", res, f"mode.{mode}"]
    return Attribution(si, ss, se, mode, m.span(2), "cue.colon", source, "src.colon", source_text, content,
                       _quotes_in(ss, se, doubles), "+".join(r for r in rules if r))


def _drop_nested(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Statements whose cue lies inside another statement's content are part of that content.

    Kept all the same: a new clause after a comma (", Kirby said"), where the outer content
    probably ran too far, and reports inside a relative clause ("X, who backed Y, said").
    """
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


class _QuoteIndex(list):
    """The article's quotes (a list, as before) with a bisect index when sorted by start.

    Each helper below used to test every quote of the article, once per cue or sentence:
    quadratic in a long article. ``window(lo, hi)`` yields, in list order, a stretch of
    quotes holding every quote that starts before ``hi`` and ends after ``lo``; the
    helpers still apply their exact test to each, so results are unchanged.
    """

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        super().__init__(spans)
        self.starts = [q[0] for q in self]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.reach: list[int] = []
        for q in self:
            self.reach.append(max(q[1], self.reach[-1]) if self.reach else q[1])

    def window(self, lo: int, hi: int):
        if not self.sorted:
            return iter(self)
        j = bisect_right(self.reach, lo)  # quotes before j all end at or before lo
        k = bisect_left(self.starts, hi)  # quotes from k on all start at or after hi
        return (self[i] for i in range(j, k))


def _window(spans, lo: int, hi: int):
    return spans.window(lo, hi) if isinstance(spans, _QuoteIndex) else spans


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s < pos < e - 1 for s, e in _window(spans, pos + 1, pos))


def _quotes_in(s: int, e: int, doubles: list[Span]) -> tuple[Span, ...]:
    return tuple(q for q in _window(doubles, s, e) if q[0] < e and q[1] > s)


def _dominant_quote(text: str, ss: int, se: int, doubles: list[Span]) -> Span | None:
    """The quote covering most of a sentence (>= 60% of its word characters), if any."""
    words = len(_WORD_RE.findall(text, ss, se)) or 1
    best = None
    for qs, qe in _window(doubles, ss, se):
        if qs < se and qe > ss:
            a, b = max(qs, ss), min(qe, se)
            cover = len(_WORD_RE.findall(text, a, b))
            if cover / words >= 0.6 and (best is None or cover > best[2]):
                best = (a, b, cover)
    return (best[0], best[1]) if best else None


def _quote_ending_at(doubles: list[Span], pos: int, text: str) -> Span | None:
    """A quote whose closing mark is at `pos` (allowing a comma or dash after it)."""
    # The run of gap characters ending at `pos` bounds where such a quote may close; comparing
    # offsets with it replaces slicing text[qe:pos] for every quote (quadratic in a long article).
    gap = min(pos, len(text))
    while gap > 0 and text[gap - 1] in " ,—–-":
        gap -= 1
    for qs, qe in _window(doubles, gap - 1, pos + 1):
        if gap <= qe <= pos:
            return (qs, qe)
    return None


def _build(text, ss, se, si, toks, low, ci, cj, row, cues, k, doubles, sent_atts, history):
    cs, ce = toks[ci][0], toks[cj - 1][1]
    rule_cue = row["rule"]
    # include auxiliaries and adverbs just left of the cue ("has said", "also warned")
    ai = ci
    while ai > 0 and (low[ai - 1] in _AUX or (low[ai - 1].endswith("ly") and len(low[ai - 1]) > 4 and
                                              text[toks[ai - 1][0]].islower())) \
            and (ai - 1) > (cues[k - 1][1] - 1 if k else -1):
        ai -= 1
    if rule_cue == "cue.according_to":
        ai = ci
    cue_start = toks[ai][0]
    ce = _extend_cue(text, toks, low, cj, ce, rule_cue, cues[k + 1][0] if k + 1 < len(cues) else len(toks))
    cue_span = (cue_start, ce)
    prev_end = toks[cues[k - 1][1] - 1][1] if k else ss
    next_start = toks[cues[k + 1][0]][0] if k + 1 < len(cues) else se

    if low[ci].endswith("ing"):
        b = ci - 1
        while b >= 0 and low[b].endswith("ly") and low[b] not in {"only", "early"}:
            b -= 1
        if b >= 0 and low[b] in {"of", "for", "with", "without", "like", "than", "worth"}:
            return None  # a gerund inside a phrase ("of secretly supporting"), not a statement
    if rule_cue == "cue.according_to":
        return _according_to(text, ss, se, si, cue_span, doubles, history, rule_cue)
    if cj < len(low) and low[cj] == "by" and not low[ci].endswith("ing") and not (
            cj + 1 < len(low) and low[cj + 1].endswith("ing")):  # "responded by saying" is active
        return _passive(text, ss, se, si, toks, low, ai, ci, cj, cue_span, prev_end_tok(cues, k, toks, ss),
                        doubles, history, rule_cue)

    left_s = ss
    left = text[left_s:cue_start]

    source = None
    source_rule = ""
    content = None
    # 1) content before the cue, ending in a comma/quote: "...,” he said." / "..., said Kirby."
    lt = left.rstrip()
    lim = prev_end if k else ss
    quote_before = _quote_ending_at(doubles, left_s + len(lt), text)
    if quote_before is not None and (quote_before[1] <= lim or not _opens_sentence(text, ss, quote_before[0])):
        quote_before = None
    src_between = None
    if quote_before is None:
        # “...,” the statement continued: a quote opening the sentence, a short source, the cue
        for qs, qe in _window(doubles, lim - 1, cue_start + 1):  # the quotes that can end in [lim, cue_start]
            if ss - 2000 <= qs and lim <= qe <= cue_start and _opens_sentence(text, ss, qs):
                between = text[qe:cue_start]
                inner = text[qs:qe].rstrip("”’\"'»")
                if between.lstrip().startswith((",", "—", "–")) or inner[-1:] in (",", "?", "!", "—"):
                    b = _trim(text, qe, cue_start, " ,—–-\n")
                    if b[1] > b[0] and _ntok(text, *b) <= 25 and _np_like(text, *b):
                        quote_before, src_between = (qs, qe), b
    short_tail = _short_tail(text, ce, se)
    if quote_before is not None:
        content = quote_before
        if src_between is not None:
            source, source_rule = src_between, "src.between_quote"
        else:
            source = _right_source(text, ce, se)
            source_rule = "src.right" if source else ""
        mode = "direct"
    elif lt.endswith((",", "—", "–")) and short_tail and _ntok(text, ss, cue_start) >= 3 and k == 0 and \
            not _APPOSITIVE_SUBJECT_RE.match(text[ss:cue_start]) and _has_verb(text, ss, cue_start):
        # "The plan will fail, said Kirby." / "..., the ministry said."
        c = _trim(text, ss, left_s + len(lt), " \n")
        content = c
        source = _right_source(text, ce, se)
        source_rule = "src.right" if source else ""
        mode = "indirect"
    else:
        # 2) ordinary order: SOURCE CUE CONTENT, or "..., he said." with a short source
        seg = _left_source(text, max(prev_end, ss) if k else ss, cue_start)
        if k:
            # "Cruz, who has proposed X, said": the earlier cue sits inside this source's appositive
            full = _left_source(text, ss, cue_start)
            if full is not None and full[1] == "src.left_appos" and \
                    full[0][0] <= toks[cues[k - 1][0]][0] < full[0][1]:
                seg = full
        if seg is not None:
            source, source_rule, content_before = seg
        else:
            content_before = None
        adverbial = _adverbial_tail(text, ce, se)
        if content_before is not None and (adverbial or (
                rule_cue in _HEARER_CUES and _ntok(text, ce, se) <= 5 and _np_like(text, ce, se))):
            content = content_before  # "The plan will fail, he said." / "..., Grassley told POLITICO."
            mode = "indirect"
        elif adverbial:
            content = None  # "X said in a statement on Tuesday." says nothing quotable
            mode = "indirect"
        else:
            content = _right_content(text, ce, next_start if _cuts(low, toks, cues, k) else se, se, low, toks, cj,
                                     rule_cue, doubles, next_start if k + 1 < len(cues) else None)
            mode = "indirect"
        if ai == 0 and low[ci].endswith(("ed", "ing")) and content is not None:
            # "Asked whether he would go, he said no": the participle clause ends at its comma
            comma = text.find(",", ce, se)
            if comma > 0:
                content = _trim(text, content[0], min(content[1], comma), " \n")
            source = None
        passive = ai < ci and any(w in _BE for w in low[ai:ci]) and _participle(low[ci]) and \
            not any(w in {"being", "been"} and low[ci].endswith("ing") for w in low[ai:ci])
        if passive or row.get("kind") == "evaluation":
            # "X is expected to ..." / "X seemed to ...": X is what is talked about, not who talks
            subject = source
            source, source_rule = None, ""
            if content is None:
                content = _right_content(text, ce, se, se, low, toks, cj, rule_cue, doubles)
            if passive and subject is not None and (content is None or text[content[0]:content[1]].split()[0].lower()
                                                    in (_PREP_START - {"to"}) | {"after", "as", "since", "because"}):
                content = subject  # "Mr. X's role was disclosed after ...": the role is the content
        participle = low[ci].endswith("ing") and ci > 0 and low[ci - 1] in {",", ".", "and", ";", "—", "–"}
        if participle:
            source, source_rule = None, ""
        if source is None and not passive and row.get("kind") != "evaluation" and ai > 0 and (
                participle or low[ai - 1] in _CONJ_END | {",", "to"} or low[ci].endswith("ing")):
            prev = next((a for a in reversed(sent_atts) if a.source is not None
                         and a.source_rule != "src.passive_agent"), None)
            if prev is not None:
                source, source_rule = prev.source, "src.shared"
            else:
                subj = _clause_subject(text, ss, cue_start)
                if subj is not None:
                    source, source_rule = subj, "src.clause_subject"
    if content is not None:
        content = _trim(text, content[0], content[1], " \n,;:—–-")  # annotators leave the comma out
    if content is not None and content[1] <= content[0]:
        content = None
    qs_in = _quotes_in(*(content or (0, 0)), doubles) if content else ()
    if content is not None and mode != "direct" and qs_in:
        covered = sum(min(q[1], content[1]) - max(q[0], content[0]) for q in qs_in)
        mode = "direct" if covered >= 0.9 * (content[1] - content[0]) else "mixed"
    if source is None and content is None:
        return None
    source_text, res_rule = _resolve(text, source, history, sent_atts, source_rule, si)
    start = min([ss] + ([content[0]] if content else []))
    rules = [rule_cue, source_rule or "src.none", res_rule, f"mode.{mode}"]
    return Attribution(si, start, se, mode, cue_span, rule_cue, source, source_rule or "src.none",
                       source_text, content, _quotes_in(start, se, doubles),
                       "+".join(r for r in rules if r))


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"}
_PARTICLES = {"about", "for", "on", "of", "as", "with", "against", "at"}
_SPEECH_CORE = {"cue.say", "cue.tell", "cue.add", "cue.write", "cue.report", "cue.according_to", "cue.ask"}


def _extend_cue(text, toks, low, cj, ce, rule_cue, limit) -> int:
    """Annotators' cue extent: "said:", "said Tuesday", "said in a statement", "voted for"."""
    if rule_cue == "cue.according_to" or cj >= min(limit, len(low)):
        return ce
    nxt = low[cj]
    if nxt == ":" or nxt in _WEEKDAYS:
        return toks[cj][1]
    if rule_cue in _SPEECH_CORE:
        if nxt == "in" and cj + 2 < len(low) and low[cj + 1] in {"a", "an"} and low[cj + 2] in {
                "statement", "interview", "email", "e-mail", "letter", "tweet", "speech"}:
            return toks[cj + 2][1]
        return ce
    if nxt in _PARTICLES and cj + 1 < len(low) and low[cj + 1] not in _WEEKDAYS and low[cj + 1] not in {
            "behalf", "condition", "monday", "tuesday"}:
        return toks[cj][1]
    return ce


def prev_end_tok(cues, k, toks, ss) -> int:
    return toks[cues[k - 1][1] - 1][1] if k else ss


_PREP_START = {"in", "on", "at", "by", "for", "with", "from", "of", "to", "into", "about", "after",
               "before", "during", "under", "over", "against", "without", "through", "than", "like"}


def _passive(text, ss, se, si, toks, low, ai, ci, cj, cue_span, left_bound, doubles, history, rule_cue):
    """"The move was first reported by MSNBC": agent after 'by' is the source, subject the content."""
    j = cj + 1
    src_end = j
    while src_end < len(low) and low[src_end] not in {",", ".", ";", ":", "that", "and", "in", "on", "at",
                                                     "who", "which", "“", "”", '"', "—", "–", "(", ")"}:
        src_end += 1
    if src_end == j:
        return None
    source = (toks[j][0], toks[src_end - 1][1])
    content = None
    if ai > 0 and low[ai - 1] not in _DET:
        lb = left_bound
        seg = _trim(text, lb, toks[ai][0], " \n,")
        left = text[seg[0]:seg[1]]
        idx = max(left.rfind(","), left.rfind(";"), left.rfind(":"))
        if idx >= 0:
            seg = _trim(text, seg[0] + idx + 1, seg[1], " \n")
        if seg[1] > seg[0] and _ntok(text, *seg) <= 25 and \
                text[seg[0]:seg[1]].split()[0].lower() not in _PREP_START:
            content = seg  # not "said in a statement published by KCNA": no statement there
    if content is None:
        return None
    source_text, res = _resolve(text, source, history, [], "src.passive_agent", si)
    rules = [rule_cue, "src.passive_agent", res, "mode.indirect"]
    return Attribution(si, min(ss, content[0]), se, "indirect", cue_span, rule_cue, source, "src.passive_agent",
                       source_text, content, _quotes_in(ss, se, doubles), "+".join(r for r in rules if r))


_BE = {"is", "was", "are", "were", "be", "been", "being", "’s", "'s", "’re", "'re", "isn’t", "wasn’t",
       "aren’t", "weren’t", "isn't", "wasn't", "aren't", "weren't"}
_IRREGULAR_PARTICIPLES = {"known", "seen", "shown", "told", "said", "written", "found", "thought", "heard",
                          "given", "taken", "made", "felt", "understood", "sought", "spoken", "sworn", "led",
                          "held", "read", "put", "set", "forecast", "bet", "laid"}


def _participle(w: str) -> bool:
    return w.endswith("ed") or w in _IRREGULAR_PARTICIPLES


def _cuts(low, toks, cues, k) -> bool:
    """Should content stop at the next cue? Yes for participles ("..., adding that") only."""
    if k + 1 >= len(cues):
        return False
    ni = cues[k + 1][0]
    return low[ni].endswith("ing") and ni > 0 and low[ni - 1] in {",", ".", ";", "and", "—", "–"}


_TAIL_RE = re.compile(
    r"^\s*(?:(?:in|on|at|during|after|before|last|this|via|from|earlier|later|late|early|on)\b"
    r"(?:\s+(?!that\b|if\b|whether\b)[\w’'.\-$%]+){0,7}|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|recently|again|too|"
    r"also|then)\b(?:\s+(?!that\b)[\w’'.\-]+){0,4}|"
    r"(?:published|released|issued|posted|carried|aired|broadcast|distributed)\b(?:\s+[\w’'.\-]+){0,10})?"
    r"[\s.!?]*$", re.I)


_VERBS = {"is", "was", "are", "were", "will", "would", "has", "have", "had", "can", "could", "should",
          "must", "may", "might", "did", "does", "do", "be", "been", "won", "lost", "made", "took", "gave",
          "went", "came", "got", "left", "met", "ran", "saw", "knew", "thinks", "wants", "needs", "says"}


def _verb_like(w: str) -> bool:
    w = w.strip(".,;:!?”’\"'")
    return w in _VERBS or (w.islower() and len(w) > 4 and w.endswith("ed"))


_HEARER_CUES = {"cue.tell", "cue.ask", "cue.inform", "cue.remind", "cue.assure", "cue.warn", "cue.urge"}


def _opens_sentence(text: str, ss: int, qs: int) -> bool:
    """A quote that begins the sentence (or an earlier one), allowing two leading words ("And “...")."""
    return qs <= ss or _ntok(text, ss, qs) <= 2


def _np_like(text: str, a: int, b: int) -> bool:
    """No conjunction, verb or quote mark inside: plausibly a noun phrase ("the statement", "he")."""
    words = [text[x:y].lower() for x, y in find_tokens(text, a, b)]
    return bool(words) and not any(
        w in _SUBORD or w in _CONJ_END or w in _VERBS or w in "“”\"" or _verb_like(w) for w in words
        ) and words[0] not in _PREP_START


def _has_verb(text: str, a: int, b: int) -> bool:
    """Any finite-looking verb in text[a:b] (a clause, not just a noun phrase)?"""
    for x, y in find_tokens(text, a, b):
        w = text[x:y]
        lw = w.lower()
        if lw in _VERBS or lw in _AUX - {"also", "still", "now", "then", "first", "even", "just", "long", "only"} \
                or _verb_like(w) or (lw in _cue_index() and w.islower()) or re.search(r"[’'](s|re|ve|ll|d)$", lw):
            return True
    return False


def _adverbial_tail(text: str, ce: int, se: int) -> bool:
    """True when only adverbials follow the cue ("said in a statement on Tuesday.")."""
    tail = text[ce:se]
    return not tail.strip(" .!?\n") or bool(_TAIL_RE.match(tail)) or bool(
        re.match(r"\s*,\s*(?:a|an)\s+\w+(?:\s+\w+)?\s+(?:that|which)\b", tail))


def _short_tail(text: str, ce: int, se: int) -> bool:
    """True when nothing like a content follows the cue: end, adverbials, or an inverted source."""
    tail = text[ce:se]
    if not tail.strip(" .!?\n"):
        return True
    if _TAIL_RE.match(tail):
        return True
    t = tail.strip()
    if t[:1] in "“\"‘:":
        return False
    if re.match(r"^(that|if|whether|how|why|what)\b", t, re.I):
        return False
    # inverted source: "said Kirby." / "said John Kirby, a spokesman, on Tuesday."
    first = re.split(r"[,.;]", t, 1)[0]
    n = len(first.split())
    if any(_verb_like(w) for w in first.split()[1:]):
        return False  # "said the talks failed": a clause, not a noun phrase
    if n <= 6 and (first[:1].isupper() or first.lower().startswith(("the ", "a ", "an ", "his ", "her ", "he", "she", "they"))):
        rest = t[len(first):]
        return not re.search(r"\b(that|said|says)\b", rest) and len(rest.split()) <= 25
    return False


_NAME_PART = r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|[A-Z])\.|[^,.;:!?“”\"—])"
_RIGHT_NP_RE = re.compile(_NAME_PART + "+")
_APPOS_RE = re.compile(
    r",\s*((?:a|an|the|who|whose|which|his|her|their|its|one|former|\d{1,3}\b|of\b|[a-z]+\s+of\b|"
    r"president|director|chairman|chief|spokesman|spokeswoman|professor|senior|executive)\b"
    r"(?:" + _NAME_PART[3:-1] + r"|\.(?=\S))*)")


def _right_source(text: str, ce: int, se: int) -> Span | None:
    """'..., said Gen. Barry R. McCaffrey, the White House drug policy director.' -> name + appositives."""
    s, e = _trim(text, ce, se, " \n")
    m = _RIGHT_NP_RE.match(text, s, e)
    if not m:
        return None
    src = _trim(text, s, m.end(), " \n")
    # drop trailing adverbials ("Kirby on Tuesday")
    sub = text[src[0]:src[1]]
    cut = re.search(r"\s+(in|on|at|during|to|after|before|last|this|when|while|via|from)\b", sub)
    if cut and cut.start() > 0:
        src = (src[0], src[0] + cut.start())
    # keep appositives: "said John Kirby, a spokesman for the council, who ..."
    if text[src[0]:src[1]][:1].isupper() or text[src[0]:src[1]].lower().startswith(("the ", "a ", "an ")):
        for _ in range(3):
            ap = _APPOS_RE.match(text, src[1], se)
            if not ap:
                break
            src = (src[0], _trim(text, src[0], ap.end(1), " \n.")[1])
    if src[1] <= src[0] or _ntok(text, *src) > 40:
        return None
    return src


_SEP_RE = re.compile(r",|;|:|—|–|―|\s--?\s|[“”\"]")  # parentheses stay inside NPs: "Scott (R-Fla.)"
_CONJ_END = {"and", "but", "or", "then", "while", "before", "after", "by", "as", "yet", "nor", "so",
             "instead", "later", "also", "even", "thus", "again"}


def _cut_subject(text: str, a: int, b: int) -> Span | None:
    """The subject-like tail of text[a:b]: after the last conjunction, relative word or verb."""
    toks = find_tokens(text, a, b)
    if not toks:
        return None
    words = [text[x:y].lower() for x, y in toks]
    if words[-1] == "to" and len(words) > 1:
        # "allow him to call for", "gave Beck new impetus to oppose": the object does it
        for j in range(len(words) - 2, max(-1, len(words) - 7), -1):
            w = text[toks[j][0]:toks[j][1]]
            if words[j] in {"him", "her", "them", "us", "me", "you"} or (j > 0 and w[:1].isupper()):
                a2 = j
                while a2 > 0 and text[toks[a2 - 1][0]].isupper() and words[a2 - 1] not in _SUBORD:
                    a2 -= 1
                return toks[a2][0], toks[j][1]
        return None
    if words[-1] in {"that", "which", "who"} and len(words) > 1 and words[-2] not in _VERBS | _CUT_WORDS:
        return toks[-1]  # a relative pronoun is the source as written ("a question that asked")
    if words[-1] in _CONJ_END or words[-1] in _SUBORD:
        return None  # "... and said": the subject is further left
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w in _SUBORD:
            if w == "and" and 0 < i <= 3 and all(text[toks[j][0]].isupper() for j in range(i)):
                continue  # "Clinton and Sanders said"
            cut = i + 1
        elif w in _CUT_WORDS or (len(w) > 4 and w.endswith(("ing", "ed")) and w.islower()
                                 and w not in _NP_PARTICIPLES):
            cut = i + 1  # a verb form ends any subject before it
    seg = _trim(text, toks[cut][0], b, " \n\t\r.,;:!?")
    if seg[1] <= seg[0] or not text[seg[0]:seg[1]].split():
        return None
    m = re.fullmatch(r"(he|she|it|they|we|i|you|who|that)(?:’s|'s|’ve|'ve|’re|'re|’d|'d|’ll|'ll)", text[seg[0]:seg[1]],
                     re.I)
    if m:
        return seg[0], seg[0] + m.end(1)  # "He’s said": the source is "He"
    if text[seg[0]:seg[1]].split()[0].lower() in _PREP_START:
        return None
    return seg


def _left_source(text: str, s0: int, cue_start: int):
    """(source span, rule, content-before span or None) from the text left of the cue."""
    s, e = _trim(text, s0, cue_start, " \n")
    if e <= s:
        return None
    seps = [m for m in _SEP_RE.finditer(text, s, e)]
    appos = False
    content_before = None
    last = seps[-1] if seps else None
    if last is not None and last.end() >= e and last.group().strip() in {",", "—", "–", "-", "--", ")"}:
        # "Kirby, a spokesman, said" / "Sanders - who ... - has vowed": NP + appositive + separator
        if len(seps) >= 2:
            np_end = seps[-2].start()
            np_start = seps[-3].end() if len(seps) >= 3 else s
        else:
            np_end, np_start = last.start(), s
        np = _cut_subject(text, np_start, np_end) if np_end > np_start else None
        if np is None:
            return None
        seg = (np[0], e)
        appos = True
    else:
        seg_start = last.end() if last is not None else s
        seg = _cut_subject(text, seg_start, e)
        if seg is None:
            return None
        if seg_start > s:
            cb = _trim(text, s, seg_start, " \n")
            if cb[1] > cb[0] and text[cb[1] - 1] in ",”\"—–" and _ntok(text, *cb) >= 3:
                content_before = cb
    m = _SRC_TIME_TAIL_RE.search(text, seg[0], seg[1])
    if m and m.start() > seg[0]:
        seg = _trim(text, seg[0], m.start(), " \n,")
    if _ntok(text, *seg) > (30 if appos else 14):
        t2 = find_tokens(text, *seg)
        seg = (t2[-min(len(t2), 6)][0], seg[1])
    return seg, ("src.left_appos" if appos else "src.left"), content_before


_ADVERBIAL_START = _PREP_START | {"here", "still", "but", "and", "however", "meanwhile", "yet", "so", "also", "then",
                                  "now", "later", "earlier", "instead", "indeed", "moreover", "asked",
                                  "speaking", "though", "although", "while", "when", "after", "before",
                                  "since", "if", "because", "as", "once", "last", "this", "on", "at"}
_SUBJECT_STOP = _AUX | _VERBS | _CUT_WORDS | _SUBORD | {"became", "become", "becomes", "began", "begins"}


_DATELINE_RE = re.compile(r"[A-Z][\w .,'’-]{0,40}\((?:AP|AFP|Reuters|CNN|UPI|Bloomberg|AFP/Getty)\)\s*[–—―-]+\s*")
_APPOSITIVE_SUBJECT_RE = re.compile(
    r"\s*(?:[A-Z][\w.’'\-]*\s*){1,5},\s+(?:who|which|a|an|the|his|her|its|their|one|former|[a-z]+\s+of)\b[^,]*,\s*$")


def _clause_subject(text: str, ss: int, pos: int) -> Span | None:
    """Subject of the sentence's main clause ("He later walked back his remarks and said ...")."""
    m = _DATELINE_RE.match(text, ss, pos)
    toks = find_tokens(text, m.end() if m else ss, pos)
    i = 0
    # skip leading adverbial parts closed by a comma ("In a statement, ...", "Still, ...")
    while i < len(toks):
        w = text[toks[i][0]:toks[i][1]].lower()
        if w not in _ADVERBIAL_START:
            break
        j = i
        while j < len(toks) and text[toks[j][0]:toks[j][1]] != ",":
            j += 1
        if j >= len(toks):
            return None
        i = j + 1
    run_start = i
    while i < len(toks):
        w = text[toks[i][0]:toks[i][1]]
        lw = w.lower()
        if w in {",", ";", ":", "—", "–", "“", "”", '"'} or lw in _SUBJECT_STOP or lw in _cue_index() or (
                w.islower() and len(w) > 4 and w.endswith(("ed", "ing", "s")) and lw not in _NP_PARTICIPLES
                and i > run_start):
            break
        i += 1
    if i == run_start or i - run_start > 10:
        return None
    first = text[toks[run_start][0]:toks[run_start][1]]
    if not (first[:1].isupper() or first.lower() in _PRONOUNS_PERSON | {"they", "we", "i", "it", "you"}):
        return None
    return toks[run_start][0], toks[i - 1][1]


_CLAUSE_END_RE = re.compile(
    r";|\s[—–]\s|—|\s--\s|,\s+(?=(?:and|but|who|which|whose|when|while|where|although|though|because|"
    r"even as|whereas|he|she|they|we|it|I)\b)|,\s+(?=[a-z]+ing\b)|,\s+(?=(?:a|an)\s+\w+\s+(?:that|which)\b)|"
    r"\s+and\s+(?=(?:also\s+|then\s+|later\s+)?(?:[a-z]{3,}ed|said|says|told|wrote|made|took|gave|sent|went|spoke)\b)")


def _right_content(text, ce, stop, se, low, toks, cj, rule_cue, doubles=(), next_cue=None) -> Span | None:
    s, e = ce, min(stop, se)
    s, e = _trim(text, s, e, " \n,:")
    if next_cue is not None:
        # 'Trump said: "There will be exceptions," the Times reported': the quote is the content
        q = next((q for q in _window(doubles, s - 1, s + 1) if q[0] == s and q[1] <= next_cue), None)
        if q is not None and q[1] < e:
            return q
    # annotators end the content at the next clause ("..., and he accused ...", "...; ...")
    for m in _CLAUSE_END_RE.finditer(text, s, e):
        if m.start() - s >= 3 and not _inside(m.start(), doubles if isinstance(doubles, _QuoteIndex) else list(doubles)):
            e = m.start()
            break
    if e <= s:
        return None
    # skip adverbials/recipient before "that": "told reporters on Tuesday that ..."
    m = re.match(r"([^“”\"]{0,80}?)\bthat\b", text[s:e])
    if m and (m.group(1) == "" or re.match(
            r"^\s*(in|on|at|during|to|after|before|last|this|earlier|later|him|her|them|me|us|reporters|"
            r"the|a|an|his|[A-Z])", m.group(1))) and rule_cue in ("cue.tell", "cue.say", "cue.write", "cue.add",
                                                                  "cue.warn", "cue.remind", "cue.inform",
                                                                  "cue.assure", "cue.note", "cue.argue"):
        s = s + m.start(0) + len(m.group(1))
    # "said in a statement: “...”" / "told reporters: ..."
    colon = text.find(":", s, min(e, s + 80))
    if colon >= 0 and rule_cue in ("cue.say", "cue.tell", "cue.write", "cue.add"):
        s, e = _trim(text, colon + 1, e, " \n")
    while e > s and text[e - 1] in ".;:, " :
        e -= 1
    # keep the closing quote mark and the punctuation inside it
    if e < se and text[e:e + 1] in _CLOSE_QUOTE_CHARS:
        pass
    if e <= s:
        return None
    end_q = e
    while end_q + 1 < se and text[end_q] in ".!?," and text[end_q + 1] in "”\"’'":
        end_q += 2
        e = end_q
        break
    return (s, e)


def _according_to(text, ss, se, si, cue_span, doubles, history, rule_cue):
    cs, ce = cue_span
    left = _trim(text, ss, cs, " \n")
    if left[1] <= left[0]:
        # "According to X, content."
        comma = text.find(",", ce, se)
        if comma < 0:
            src = _trim(text, ce, se, " \n.")
            content = None
        else:
            src = _trim(text, ce, comma, " \n")
            content = _strip_final_period(text, comma + 1, se)
    else:
        # "Content, according to X."
        content = _trim(text, ss, cs, " \n")
        end = text.find(",", ce, se)
        src = _strip_final_period(text, ce, end if end >= 0 else se)
    if src[1] <= src[0]:
        src = None
    source_text, res = _resolve(text, src, history, [], "src.according_to", si)
    if content is not None:
        content = _trim(text, content[0], content[1], " \n,;:—–-")
    if content is not None and content[1] <= content[0]:
        content = None
    rules = [rule_cue, "src.according_to", res, "mode.according_to"]
    return Attribution(si, ss, se, "according_to", cue_span, rule_cue, src, "src.according_to",
                       source_text, content, _quotes_in(ss, se, doubles), "+".join(r for r in rules if r))


def _is_org(s: str) -> bool:
    return any(w in _ORG_WORDS for w in re.findall(r"\w+", s.lower()))


_PLACE_WORDS = {"north", "south", "east", "west", "korea", "russia", "china", "america", "states", "united",
                "kingdom", "washington", "moscow", "beijing", "pyongyang", "ukraine", "iran", "israel",
                "europe", "european", "union", "nations", "white", "house", "us", "u.s", "uk", "kyiv", "kiev",
                "london", "paris", "berlin", "tokyo", "japan", "india", "france", "germany", "britain",
                "syria", "iraq", "turkey", "nato", "gaza", "palestine", "mexico", "canada", "cuba",
                "venezuela", "taiwan", "republic", "democrats", "republicans", "gop", "congress"}
_PERSON_TITLES = {"mr", "mrs", "ms", "dr", "president", "sen", "senator", "rep", "gov", "governor",
                  "director", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "chief",
                  "leader", "candidate", "adviser", "advisor", "professor", "prof", "general", "gen",
                  "mayor", "chairman", "chairwoman", "ambassador", "judge", "justice", "pastor", "king",
                  "queen", "prince", "pope", "who", "he", "she"}


# words that show the capitalised words after them are an object, not a role's holder
# ("her way around Chez Vachon", "the effort results in John Kasich")
_NOT_A_ROLE = frozenset({"in", "on", "at", "of", "for", "to", "from", "with", "by", "around", "about", "after",
                         "before", "when", "and", "or", "but", "that", "which", "hence", "results", "way", "the", "a",
                         "an", "this", "these", "those"})


def _is_person(s: str) -> bool:
    """Crude: a title, or a short capitalised name that is no place or organisation."""
    words = re.findall(r"[\w’'.\-]+", s)
    lows = {w.lower().rstrip(".") for w in words}
    if lows & _PERSON_TITLES:
        return True
    for part in s.split(","):
        ws = part.split()
        lead = 0
        while lead < len(ws) - 2 and ws[lead][:1].islower():
            lead += 1
        if 0 < lead <= 3 and not {w.lower() for w in ws[:lead]} & _NOT_A_ROLE:
            ws = ws[lead:]  # "coach Ines Varga", "his colleague David French": a role, then the name
        if ws and ws[0] in ("The", "A", "An"):  # "The Daily Courier": a person's name has no article
            continue
        if 1 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws) and not (
                {w.lower().strip(".’'s") for w in ws} & _PLACE_WORDS) and not _is_org(" ".join(ws)):
            return True
    return False


def _plural(h: str) -> bool:
    """'military experts', 'officials' (a lowercase head ending in -s), not 'the ministry' or 'News'."""
    head = h.split(",")[0].split()[-1] if h.split() else ""
    return head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))


_DOC_HEADS = {"statement", "report", "letter", "memo", "document", "release", "communique", "post",
              "tweet", "article", "study", "survey", "poll", "analysis", "message", "notice", "filing"}


@lru_cache(maxsize=4096)
def _name_ending(surname: str) -> re.Pattern:
    """A name that ends in ``surname`` after a capitalised word ("John Kirby"), not after a
    sentence adverb ("Interestingly Blocher"); compiled once per surname."""
    return re.compile(r"(?-i:[A-Z])[\w’'.\-]*(?<!ly)\s+" + re.escape(surname) + r"$")


_PRONOUN_REACH = 3  # sentences back a pronoun may look for its antecedent


@lru_cache(maxsize=4096)
def _is_named_source(h: str) -> bool:
    """A history entry that names someone (not a pronoun, not 'the ministry'-like)."""
    return bool(h) and h.lower() not in _PRONOUNS_PERSON | _PRONOUNS_OTHER \
        and not re.match(r"^(the|this|that|its|their)\s+\S+$", h, re.I)


_FEMALE = {"she", "her"}
_TITLE_GENDER = re.compile(r"\b(?:(Mrs|Ms|Miss|Madam|Lady|Baroness|Dame)|(Mr|Sir|Lord))\.?\s+(?-i:[A-Z])")


def gender_of(name: str) -> str:
    """'f', 'm' or '' for a name as written, from the title before it ("Ms. Lee Epstein")."""
    m = _TITLE_GENDER.search(name)
    return ("f" if m.group(1) else "m") if m else ""


def _resolve(text: str, source: Span | None, history: list[tuple[str, int]], sent_atts, rule: str,
             si: int = 0) -> tuple[str, str]:
    """Resolved source text: pronouns and definite NPs to the last compatible named source."""
    if source is None:
        return "", ""
    raw = text[source[0]:source[1]].strip(" ,")
    # an adverb before a pronoun is no part of it: "Later he said", "Then she added"
    raw = re.sub(r"^(?:later|then|earlier|also|but|and|so|now|still|meanwhile|afterwards|\w+ly),?\s+"
                 r"(?=(?:he|she|they|it|we|i)$)", "", raw, flags=re.I)
    low = raw.lower()
    # Newest first and lazily: history grows with the article, and filtering all of it for
    # every source was quadratic. Sentence indices in history never decrease, so the
    # sources within reach are a tail of it.
    def named_newest_first():
        return (h for h, _ in reversed(history) if _is_named_source(h))

    near = []
    for h, hi in reversed(history):
        if si - hi > _PRONOUN_REACH:
            break
        if _is_named_source(h):
            near.append(h)
    near.reverse()
    if low in _PRONOUNS_PERSON:
        want = "f" if low in _FEMALE else "m"
        for h in reversed(near):
            # "he" is not the mayor the article has called "she"
            if _is_person(h) and gender_of(h) in ("", want):
                return h, "res.pronoun"
        return raw, "res.unresolved"
    if low in {"it", "they", "its", "their"}:
        for h in reversed(near):
            if _is_org(h) and not _is_person(h) and (low in {"they", "their"}) == _plural(h):
                return h, "res.pronoun"
        if low in {"they", "their"}:  # "it" is often the situation itself: only organisations
            for h in reversed(near):
                if not _is_person(h):
                    return h, "res.pronoun"
        return raw, "res.unresolved"  # deliberately left as written ("It revealed ..." = the situation)
    m = re.match(r"^(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}([\w\-]+)$", raw, re.I)
    if m and raw[:1].islower() or (m and len(raw.split()) == 2):
        head = m.group(1).lower()
        for h in named_newest_first():
            if re.search(r"\b" + re.escape(head) + r"\b", h.lower()) and h.lower() != low:
                return h, "res.definite_np"
        if head in _DOC_HEADS:
            for h in named_newest_first():
                if _is_org(h) and not _is_person(h):
                    return h, "res.definite_np"
            for h in named_newest_first():
                if not _is_person(h):
                    return h, "res.definite_np"
        return raw, ""
    # a surname alone resolves to the fuller name mentioned before ("Kirby" -> "John Kirby")
    if re.fullmatch(r"[A-Z][\w’'\-]+", raw):
        # only a name that ends in it ("Bernard Ebbers", "Kremlin spokesman Dmitry Peskov"),
        # not one that mentions it ("Conyers' great-nephew", "a lawyer for Prevezon")
        ends = _name_ending(raw)
        for h in named_newest_first():
            if h != raw and any(ends.search(part.strip()) for part in h.split(",")[:2]):  # "Director, John Kirby"
                return h, "res.surname"
    return raw, ""
