"""Which way a clause points in time: the tense cue nearest a position in a text.

A time expression's value often depends on its clause: "on Friday" is the coming Friday
after "will meet" and the last one after "met". :func:`tense_cue` finds the cue word
(a modal, "scheduled to", "next" / a past form, "ago", "last") nearest the expression in
its sentence; :func:`simple_past` asks whether a past event verb governs a date ("exchanged
texts on Jan. 20"). Pure ``re``: cheap windows, not a parser.
"""
from __future__ import annotations

import re

# \b(?=\w): every cue word starts with a letter, so the many word ends \b also stops at are
# skipped before the list of cues is tried there (a third less scanning, the same matches).
# "agreed to purchase ... in February": a verb of agreeing, deciding or promising looks ahead
# through its infinitive (TimeML's I_ACTION verbs), so the date belongs to what was agreed
FUTURE_CUES = re.compile(
    r"\b(?=\w)(?:will|would|shall|can|should|must|might|wo n't|won't|going to|gonna|plans? to|planning to|intends? to|"
    r"(?:is|are|was|were|be)\s+(?:scheduled|set|due|expected|slated|likely|planning|preparing|going)\s+to|"
    r"(?:is|are)\s+to|(?:set|slated|poised)\s+to\s+(?!be\b)[a-z]+|expects? to|expected|planned|payable|effective|as early as|as soon as|supposed to|"
    r"(?:agreed|agrees|decided|decides|voted|votes|promised|pledged|vowed|offered|threatened|agreement|decision)\s+to\s+(?!(?:the|a|an|his|her|its|their|this|that|be)\b)[a-z]+|"
    r"next|upcoming|coming|scheduled|slated|due(?!\s+to\b))\b|'ll\b",
    re.I)
PAST_CUES = re.compile(
    r"\b(?=\w)(?:said|says|was|were|had|did|has been|have been|ago|last|earlier|"
    r"ended|began|started|announced|reported|rose|fell|closed|met|told|took|gave|came|went|made|left|got|saw|"
    r"won|lost|held|spoke|wrote|sent|led|struck|fought|ran|paid|sold|bought|brought|thought|knew|found|"
    r"became|kept|broke|chose|drew|flew|grew|hit|shot|stood|threw|wore|(?-i:[a-z]{3,}ed))\b", re.I)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Cheap clause window: back to the previous sentence end, forward to the next.

    >>> t = "It rained. He will speak on Friday; then rest."
    >>> s, e = sentence_bounds(t, 28, 34)
    >>> t[s:e]
    ' He will speak on Friday'
    """
    lo = max(0, start - 250)
    left = text[lo:start]
    stop = left.rfind(". ")
    while stop > 0 and _ABBREVIATION.search(left, max(0, stop - 5), stop):
        stop = left.rfind(". ", 0, stop)  # "4 a.m. EDT", "Mr. Smith": no sentence end
    cut = max(stop, left.rfind("\n"), left.rfind("? "), left.rfind("! "), left.rfind(";"))
    s = lo + cut + 1 if cut >= 0 else lo
    right = text[end:end + 200]
    m = _SENTENCE_END.search(right)
    while m and m.group()[0] == "." and _ABBREVIATION.search(right, max(0, m.start() - 5), m.start()):
        m = _SENTENCE_END.search(right, m.end())
    e = end + (m.start() if m else len(right))
    return s, e


# a sentence ends at ". ", "? ", "! ", ";" or a line break, but not at the dot of "4 a.m."
# or of a title or a month ("Mr.", "Sept.") before the next word
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
_ABBREVIATION = re.compile(r"(?:\b[ap]\.m|\b(?:Mrs?|Ms|Dr|St|Lt|Jr|Gen|Sen|Rep|Gov|Col|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))$")


_DEADLINE = re.compile(r"(?i)\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?"
                       r"(?:(?:at\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{3})?,?\s+)?$")
_PLUPERFECT = re.compile(r"(?i)\bhad\s+(?:not\s+|n't\s+|already\s+|never\s+)?[a-z]+(?:ed|en|wn|ne|id|ht|lt|nt|ck|un)\b")
_PRESENT_AUX = re.compile(r"(?i)\b(?:is|are|am|being)\s+$")
# a quotation mark after a comma, colon or full stop bounds a quoted clause ("... Thursday,'' Castro
# said"; 'said: "We will ...'); one inside a phrase is a partial quotation and bounds nothing
_QUOTE = re.compile(r"[,.:;?!]\s*(?:[\"“”]|''|``)")
# a participle right after a determiner (and an adverb) modifies a noun
_DETERMINER = re.compile(r"(?i)\b(?:a|an|the|this|these|those|its|their|his|her|our|my|your)\s+"
                         r"(?:(?:still|yet|so|very|most|more|less|newly|[a-z]+ly)\s+)?$")
_FUTURE_AUX = re.compile(r"(?i)\b(?:will|shall|'ll|to|won't|would|should|can|might)\s+(?:be|have\s+been|have)\s+$")


def tense_cue(text: str, start: int, end: int) -> tuple[str | None, str]:
    """(tense, cue word) of the tense cue nearest the expression text[start:end] in its
    sentence: "future", "past" or None (no cue). A deadline ("by", "until") points ahead.

    >>> tense_cue("The ministers will meet on Friday.", 27, 33)
    ('future', 'will')
    >>> tense_cue("Officials met on Wednesday.", 17, 26)
    ('past', 'met')
    >>> tense_cue("Bidders have until 10 a.m. Tuesday to reply.", 27, 34)
    ('future', 'by')
    """
    s, e = sentence_bounds(text, start, end)
    if _DEADLINE.search(text[max(0, start - 45):start]) and not _PLUPERFECT.search(text, s, e):
        return "future", "by"  # "by Jan. 14", "until March": a deadline ahead ("had filed by ...": past)
    # every cue word of the sentence outside the expression, nearest first: the first that
    # passes the tests below is the nearest that does (ties go to the future cues, then to
    # the one further left), so the tests are run only until one passes
    near: list[tuple[float, int, re.Match, str]] = []
    for rx, label in ((FUTURE_CUES, "future"), (PAST_CUES, "past")):
        for m in rx.finditer(text, s, e):
            if start <= m.start() < end:
                continue
            # cues before the expression govern it more often than ones after it
            dist = start - m.end() if m.end() <= start else (m.start() - end) * 1.5
            near.append((dist, len(near), m, label))
    if not near:
        return None, ""
    quoted = _QUOTE.search(text, s, e) is not None
    near.sort()  # (the order numbers differ: matches are never compared)
    for _, _, m, label in near:
        if quoted and _QUOTE.search(text, *((m.end(), start) if m.end() <= start else (end, m.start()))):
            continue  # a quotation is its own clause: "We will leave Thursday," Castro said
        if label == "past" and _FUTURE_AUX.search(text, max(0, m.start() - 20), m.start()):
            label = "future"  # "will be held", "is to be signed": a participle, not a past tense
        elif label == "past" and _PRESENT_AUX.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the vote is held in May": a present passive says nothing of the past
        elif label == "past" and m.group(0).lower().endswith("ed") \
                and _DETERMINER.search(text, max(0, m.start() - 30), m.start()):
            continue  # "on a still unspecified date", "the revised plan": an adjective, no tense
        return label, m.group(0).lower()
    return None, ""


def tense(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' from the tense cue nearest the expression in its sentence."""
    return tense_cue(text, start, end)[0]


# reporting verbs date the report, not the event a date names ("said ... June 10")
_REPORTING = frozenset({"said", "says", "told", "announced", "reported", "was", "were", "had", "did"})
REPORTING_VERBS = frozenset({"said", "says", "told", "announced", "reported"})


_ON_BEFORE_RE = re.compile(r"(?i)\bon\s+(?:[A-Z][\w.']*(?:\s+[A-Z][\w.']*)*,?\s+)?$")
_AUX_BEFORE_RE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|to)\s+(?:\w+\s+)?$")
_TO_INFINITIVE_RE = re.compile(r"(?i)\bto\s+[a-z]+")


def simple_past(text: str, start: int, end: int) -> bool:
    """Does a simple past event verb govern the date as its "on" complement ("exchanged
    texts on Inauguration Day, Jan. 20"), in a sentence with no future cue? Participles
    ("was extended to", "to be held on") and reporting verbs ("said") do not count.

    >>> simple_past("Flynn exchanged texts on Jan. 20.", 25, 32)
    True
    >>> simple_past("Flynn said on Jan. 20 it was over.", 14, 21)
    False
    """
    s, e = sentence_bounds(text, start, end)
    if FUTURE_CUES.search(text, s, e):
        return False
    if not _ON_BEFORE_RE.search(text[max(s, start - 40):start]):
        return False
    verbs = [m for m in PAST_CUES.finditer(text, max(s, start - 60), start) if m.group(0).lower() not in _REPORTING]
    if not verbs:
        return False
    v = verbs[-1]
    if _AUX_BEFORE_RE.search(text[max(s, v.start() - 20):v.start()]):
        return False
    return not _TO_INFINITIVE_RE.search(text[v.end():start])

