"""Phrase and clause boundaries around a cue: where a source noun phrase or a content clause
begins and ends.

Word-list heuristics over :func:`analysis.segment.find_tokens`: the subject-like tail left
of a cue ("John Kirby, a spokesman, said"), the inverted source right of it ("..., said
Gen. McCaffrey"), the content clause after it (up to the next clause), the main clause's
subject, and the tests these need (noun-phrase-like? has a verb? only adverbials?).
Offsets are into the article text; spans are ``(start, end)``.

>>> text = "The plan will fail, said John Kirby, a spokesman."
>>> span = right_source(text, 24, len(text))
>>> text[span[0]:span[1]]
'John Kirby, a spokesman'
>>> text = "Still, the foreign minister said that he had resigned."
>>> text[slice(*cut_subject(text, 0, text.index(" said")))]
'the foreign minister'
>>> text = "In Paris, Kirby walked back his remarks and said more."
>>> text[slice(*clause_subject(text, 0, text.index("said")))]
'Kirby'
"""
from __future__ import annotations

import re
from typing import Sequence

from .cues import AUX, cue_index
from .entities import PRONOUNS_PERSON
from .quotes import inside_quote
from .segment import TokenIndex, find_tokens, token_words
from .spans import Span, trim, window

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
# -ing / -ed words that sit inside a noun phrase ("the ruling party", "registered voters"): no verb
_NP_PARTICIPLES = {"leading", "ruling", "governing", "founding", "presiding", "ranking", "elected",
                   "united", "so-called", "retired", "appointed", "designated", "acting", "outgoing",
                   "incoming", "sitting", "concerned", "interested", "polled", "surveyed", "registered",
                   "undecided", "unnamed", "unidentified", "anonymous", "informed", "coming", "leading"}


def n_tokens(text: str, start: int, end: int, index: TokenIndex | None = None) -> int:
    """How many tokens text[start:end] holds (`index`: the text's tokens, if at hand)."""
    return index.count(start, end) if index is not None else len(token_words(text, start, end))


def _tokens(text: str, start: int, end: int, index: TokenIndex | None) -> tuple[list[Span], list[str]]:
    """The tokens of text[start:end] and their lower case, from `index` (the text's) if at hand."""
    if index is not None:
        return index.tokens(start, end)
    toks = find_tokens(text, start, end)
    return toks, [text[x:y].lower() for x, y in toks]


PREP_START = {"in", "on", "at", "by", "for", "with", "from", "of", "to", "into", "about", "after",
              "before", "during", "under", "over", "against", "without", "through", "than", "like"}


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


def np_like(text: str, start: int, end: int) -> bool:
    """No conjunction, verb or quote mark inside: plausibly a noun phrase ("the statement", "he")."""
    words = [w.lower() for w in token_words(text, start, end)]
    return bool(words) and not any(
        w in _SUBORD or w in CONJ_END or w in _VERBS or w in "“”\"" or _verb_like(w) for w in words
        ) and words[0] not in PREP_START


# auxiliaries that are verbs (not the adverbs a cue may take along: "also", "still" ...)
_AUX_VERBS = AUX - {"also", "still", "now", "then", "first", "even", "just", "long", "only"}


_CLITIC_END_RE = re.compile(r"[’'](s|re|ve|ll|d)$")


def has_verb(text: str, start: int, end: int) -> bool:
    """Any finite-looking verb in text[start:end] (a clause, not just a noun phrase)?"""
    for w in token_words(text, start, end):
        lw = w.lower()
        if lw in _VERBS or lw in _AUX_VERBS \
                or _verb_like(w) or (lw in cue_index() and w.islower()) or _CLITIC_END_RE.search(lw):
            return True
    return False


_APPOSITIVE_CLAUSE = re.compile(r"\s*,\s*(?:a|an)\s+\w+(?:\s+\w+)?\s+(?:that|which)\b")


def adverbial_tail(text: str, cue_end: int, sentence_end: int) -> bool:
    """True when only adverbials follow the cue ("said in a statement on Tuesday.")."""
    tail = text[cue_end:sentence_end]
    return not tail.strip(" .!?\n") or bool(_TAIL_RE.match(tail)) or bool(
        _APPOSITIVE_CLAUSE.match(tail))


_CLAUSE_START_RE = re.compile(r"^(that|if|whether|how|why|what)\b", re.I)
_FIRST_STOP_RE = re.compile(r"[,.;]")
_THAT_SAID_RE = re.compile(r"\b(that|said|says)\b")


def short_tail(text: str, cue_end: int, sentence_end: int) -> bool:
    """True when nothing like a content follows the cue: end, adverbials, or an inverted source."""
    tail = text[cue_end:sentence_end]
    if not tail.strip(" .!?\n"):
        return True
    if _TAIL_RE.match(tail):
        return True
    t = tail.strip()
    if t[:1] in "“\"‘:":
        return False
    if _CLAUSE_START_RE.match(t):
        return False
    # inverted source: "said Kirby." / "said John Kirby, a spokesman, on Tuesday."
    first = _FIRST_STOP_RE.split(t, 1)[0]
    n = len(first.split())
    if any(_verb_like(w) for w in first.split()[1:]):
        return False  # "said the talks failed": a clause, not a noun phrase
    if n <= 6 and (first[:1].isupper()
                   or first.lower().startswith(("the ", "a ", "an ", "his ", "her ", "he", "she", "they"))):
        rest = t[len(first):]
        return not _THAT_SAID_RE.search(rest) and len(rest.split()) <= 25
    return False


_NAME_PART = r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|[A-Z])\.|[^,.;:!?“”\"—])"
_RIGHT_NP_RE = re.compile(_NAME_PART + "+")
_APPOS_RE = re.compile(
    r",\s*((?:a|an|the|who|whose|which|his|her|their|its|one|former|\d{1,3}\b|of\b|[a-z]+\s+of\b|"
    r"president|director|chairman|chief|spokesman|spokeswoman|professor|senior|executive)\b"
    r"(?:" + _NAME_PART[3:-1] + r"|\.(?=\S))*)")


_ADVERBIAL_CUT_RE = re.compile(r"\s+(in|on|at|during|to|after|before|last|this|when|while|via|from)\b")


def right_source(text: str, cue_end: int, sentence_end: int) -> Span | None:
    """'..., said Gen. Barry R. McCaffrey, the White House drug policy director.' -> name + appositives."""
    s, e = trim(text, cue_end, sentence_end, " \n")
    m = _RIGHT_NP_RE.match(text, s, e)
    if not m:
        return None
    src = trim(text, s, m.end(), " \n")
    # drop trailing adverbials ("Kirby on Tuesday")
    sub = text[src[0]:src[1]]
    cut = _ADVERBIAL_CUT_RE.search(sub)
    if cut and cut.start() > 0:
        src = (src[0], src[0] + cut.start())
    # keep appositives: "said John Kirby, a spokesman for the council, who ..."
    if text[src[0]:src[1]][:1].isupper() or text[src[0]:src[1]].lower().startswith(("the ", "a ", "an ")):
        for _ in range(3):
            ap = _APPOS_RE.match(text, src[1], sentence_end)
            if not ap:
                break
            src = (src[0], trim(text, src[0], ap.end(1), " \n.")[1])
    if src[1] <= src[0] or n_tokens(text, *src) > 40:
        return None
    return src


_SEP_RE = re.compile(r",|;|:|—|–|―|\s--?\s|[“”\"]")  # parentheses stay inside NPs: "Scott (R-Fla.)"
_SEP_MARK_RE = re.compile(r"[,;:—–―“”\"]")  # _SEP_RE without its spaced hyphens, scanned ~3x faster


def _separators(text: str, start: int, end: int) -> list[re.Match]:
    """The matches of _SEP_RE in text[start:end] (a stretch with no hyphen has only marks)."""
    return list((_SEP_MARK_RE if text.find("-", start, end) < 0 else _SEP_RE).finditer(text, start, end))
CONJ_END = {"and", "but", "or", "then", "while", "before", "after", "by", "as", "yet", "nor", "so",
            "instead", "later", "also", "even", "thus", "again"}


_PRONOUN_CONTRACTED = re.compile(r"(he|she|it|they|we|i|you|who|that)(?:’s|'s|’ve|'ve|’re|'re|’d|'d|’ll|'ll)", re.I)


_VERB_OR_CUT = _VERBS | _CUT_WORDS


def cut_subject(text: str, start: int, end: int, index: TokenIndex | None = None) -> Span | None:
    """The subject-like tail of text[start:end]: after the last conjunction, relative word or
    verb (`index`: the text's tokens, if at hand)."""
    toks, words = _tokens(text, start, end, index)
    if not toks:
        return None
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
    if words[-1] in {"that", "which", "who"} and len(words) > 1 and words[-2] not in _VERB_OR_CUT:
        return toks[-1]  # a relative pronoun is the source as written ("a question that asked")
    if words[-1] in CONJ_END or words[-1] in _SUBORD:
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
    seg = trim(text, toks[cut][0], end, " \n\t\r.,;:!?")
    phrase = text[seg[0]:seg[1]]
    parts = phrase.split()
    if not parts:
        return None
    # (every contraction holds an apostrophe: a phrase without one needs no match)
    m = _PRONOUN_CONTRACTED.fullmatch(phrase) if "’" in phrase or "'" in phrase else None
    if m:
        return seg[0], seg[0] + m.end(1)  # "He’s said": the source is "He"
    if parts[0].lower() in PREP_START:
        return None
    return seg


# The last character before the cue (whitespace skipped) whenever left_source gives
# "src.left_appos": the separator that ends its stretch there is no whitespace-ended
# spaced hyphen, so it is one of these single marks (",", "—" or "–" after .strip()).
APPOSITION_ENDS = {",", "—", "–"}


def left_source(text: str, start: int, cue_start: int,
                index: TokenIndex | None = None) -> tuple[Span, str, Span | None] | None:
    """(source span, rule, content-before span or None) from text[start:cue_start], left of the
    cue (`index`: the text's tokens, if at hand)."""
    s, e = trim(text, start, cue_start, " \n")
    if e <= s:
        return None
    seps = _separators(text, s, e)
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
        np = cut_subject(text, np_start, np_end, index) if np_end > np_start else None
        if np is None:
            return None
        seg = (np[0], e)
        appos = True
    else:
        seg_start = last.end() if last is not None else s
        seg = cut_subject(text, seg_start, e, index)
        if seg is None:
            return None
        if seg_start > s:
            cb = trim(text, s, seg_start, " \n")
            if cb[1] > cb[0] and text[cb[1] - 1] in ",”\"—–" and n_tokens(text, *cb, index) >= 3:
                content_before = cb
    m = _SRC_TIME_TAIL_RE.search(text, seg[0], seg[1])
    if m and m.start() > seg[0]:
        seg = trim(text, seg[0], m.start(), " \n,")
    if n_tokens(text, *seg, index) > (30 if appos else 14):
        t2 = find_tokens(text, *seg)
        seg = (t2[-min(len(t2), 6)][0], seg[1])
    return seg, ("src.left_appos" if appos else "src.left"), content_before


_ADVERBIAL_START = PREP_START | {"here", "still", "but", "and", "however", "meanwhile", "yet", "so", "also", "then",
                                 "now", "later", "earlier", "instead", "indeed", "moreover", "asked",
                                 "speaking", "though", "although", "while", "when", "after", "before",
                                 "since", "if", "because", "as", "once", "last", "this", "on", "at"}
_SUBJECT_STOP = AUX | _VERBS | _CUT_WORDS | _SUBORD | {"became", "become", "becomes", "began", "begins"}


_DATELINE_RE = re.compile(r"[A-Z][\w .,'’-]{0,40}\((?:AP|AFP|Reuters|CNN|UPI|Bloomberg|AFP/Getty)\)\s*[–—―-]+\s*")
APPOSITIVE_SUBJECT_RE = re.compile(
    r"\s*(?:[A-Z][\w.’'\-]*\s*){1,5},\s+(?:who|which|a|an|the|his|her|its|their|one|former|[a-z]+\s+of)\b[^,]*,\s*$")


def clause_subject(text: str, sentence_start: int, pos: int) -> Span | None:
    """Subject of the main clause of the sentence from `sentence_start` to `pos` ("He later
    walked back his remarks and said ...")."""
    m = _DATELINE_RE.match(text, sentence_start, pos)
    toks = find_tokens(text, m.end() if m else sentence_start, pos)
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
        if w in {",", ";", ":", "—", "–", "“", "”", '"'} or lw in _SUBJECT_STOP or lw in cue_index() or (
                w.islower() and len(w) > 4 and w.endswith(("ed", "ing", "s")) and lw not in _NP_PARTICIPLES
                and i > run_start):
            break
        i += 1
    if i == run_start or i - run_start > 10:
        return None
    first = text[toks[run_start][0]:toks[run_start][1]]
    if not (first[:1].isupper() or first.lower() in PRONOUNS_PERSON | {"they", "we", "i", "it", "you"}):
        return None
    return toks[run_start][0], toks[i - 1][1]


# cues whose content may start after a recipient or adverbials: "told reporters on Tuesday that ..."
_THAT_CUES = ("cue.tell", "cue.say", "cue.write", "cue.add", "cue.warn", "cue.remind", "cue.inform", "cue.assure",
              "cue.note", "cue.argue")
# ";", "—", "\s[—–]\s", "\s--\s", ", " before a new clause, " and said": where a clause ends. Each
# match begins with one of the characters ; — , or whitespace, so the pattern opens with that
# class (re then skips every other character without trying the alternatives) and the
# look-behind picks the alternatives of the character taken, in their former order: the
# same matches as the plain alternation ";|\s[—–]\s|—|\s--\s|,\s+(?=...)|...|\s+and\s+(?=...)".
_CLAUSE_END_RE = re.compile(
    r"[;—,\s](?:(?<=[;—])|(?<=\s)(?:[—–]\s|--\s|\s*and\s+(?=(?:also\s+|then\s+|later\s+)?"
    r"(?:[a-z]{3,}ed|said|says|told|wrote|made|took|gave|sent|went|spoke)\b))|"
    r"(?<=,)\s+(?=(?:and|but|who|which|whose|when|while|where|although|though|because|"
    r"even as|whereas|he|she|they|we|it|I)\b)|(?<=,)\s+(?=[a-z]+ing\b)|(?<=,)\s+(?=(?:a|an)\s+\w+\s+(?:that|which)\b))")


_UP_TO_THAT = re.compile(r"([^“”\"]{0,80}?)\bthat\b")
# what may stand before that "that": adverbials, a recipient
_BEFORE_THAT_RE = re.compile(r"^\s*(in|on|at|during|to|after|before|last|this|earlier|later|him|her|them|me|us|reporters|"
                             r"the|a|an|his|[A-Z])")


def right_content(text: str, cue_end: int, stop: int, sentence_end: int, rule: str, quotes: Sequence[Span] = (),
                  next_cue_start: int | None = None) -> Span | None:
    """The content clause after a cue of lexicon `rule`: from `cue_end` up to `stop` (the sentence's
    end or the next cue) or the first clause break outside `quotes`, whichever comes first."""
    s, e = trim(text, cue_end, min(stop, sentence_end), " \n,:")
    if next_cue_start is not None:
        # 'Trump said: "There will be exceptions," the Times reported': the quote is the content
        q = next((q for q in window(quotes, s - 1, s + 1) if q[0] == s and q[1] <= next_cue_start), None)
        if q is not None and q[1] < e:
            return q
    # annotators end the content at the next clause ("..., and he accused ...", "...; ...")
    for m in _CLAUSE_END_RE.finditer(text, s, e):
        if m.start() - s >= 3 and not inside_quote(m.start(), quotes):
            e = m.start()
            break
    if e <= s:
        return None
    # skip adverbials/recipient before "that": "told reporters on Tuesday that ..."
    chunk = text[s:e]
    m = _UP_TO_THAT.match(chunk) if "that" in chunk else None  # (the pattern needs the word)
    if m and (m.group(1) == "" or _BEFORE_THAT_RE.match(m.group(1))) and rule in _THAT_CUES:
        s = s + m.start(0) + len(m.group(1))
    # "said in a statement: “...”" / "told reporters: ..."
    colon = text.find(":", s, min(e, s + 80))
    if colon >= 0 and rule in ("cue.say", "cue.tell", "cue.write", "cue.add"):
        s, e = trim(text, colon + 1, e, " \n")
    while e > s and text[e - 1] in ".;:, " :
        e -= 1
    if e <= s:
        return None
    # keep the closing quote mark and the punctuation inside it
    if e + 1 < sentence_end and text[e] in ".!?," and text[e + 1] in "”\"’'":
        e += 2
    return (s, e)

