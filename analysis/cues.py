"""Attribution cues: the reporting verbs and phrases of ``lexicons/cues.csv`` found in a sentence.

A cue is the word or phrase that reports speech or thought ("said", "has also warned",
"according to", "went on to accuse"). :func:`find_cues` finds them token by token from an
index of every inflected form; :func:`cue_stance` gives the stance each cue's verb carries.
Conventions are PolNeAR's: a cue includes its auxiliaries and adverbs ("has also said") and
a particle or colon that follows it ("talked about", "said:").

>>> from analysis.segment import find_tokens
>>> text = "Kirby has also said: no."
>>> toks = find_tokens(text)
>>> low = [text[a:b].lower() for a, b in toks]
>>> [(low[c.first_tok], c.row["rule"]) for c in find_cues(text, toks, low)]
[('said', 'cue.say')]
>>> low[cue_start(text, toks, low, 3, 0)], text[toks[3][0]:extend_cue(toks, low, 4, toks[3][1], "cue.say", len(toks))]
('has', 'said:')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from .lexicons import inflections, load_lexicon
from .spans import Span


# (read-only by convention, not frozen: a frozen __init__ costs ~3x and one is made per cue
# found; its row is a dict, so it was never hashable anyway)
@dataclass(slots=True)
class CueHit:
    """A cue in a sentence: its tokens ``first_tok .. end_tok - 1`` and its ``cues.csv`` row."""

    first_tok: int
    end_tok: int
    row: dict


DET = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
        "no", "any", "some", "every", "each", "of", "for", "with", "in", "on", "at", "by", "from",
        "into", "about", "against", "over", "under", "without", "and", "or", "than", "such", "more",
        "much", "whose", "what", "which", "as", "own", "new", "strong", "public", "broad", "wide",
        "first", "last", "full", "that", "another", "many", "most", "less", "little", "great"}
_IDIOMS = {("all", "told"), ("to", "mention"), ("that", "said"), ("having", "said"),
           ("so-called", "called"), ("to", "speak")}
_DET_STRICT = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these",
               "those", "no", "every", "each", "whose"}
AUX = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "may",
        "might", "must", "can", "do", "does", "did", "be", "been", "being", "not", "n't", "never",
        "also", "still", "later", "again", "often", "already", "even", "just", "then", "once",
        "first", "previously", "repeatedly", "recently", "reportedly", "always", "now", "had",
        "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "wasn't",
        "aren't", "weren't", "hasn't", "haven't", "hadn't", "don’t", "doesn’t", "didn’t", "won’t",
        "wouldn’t", "can’t", "couldn’t", "isn’t", "wasn’t", "aren’t", "weren’t", "hasn’t",
        "haven’t", "hadn’t", "’s", "'s", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "’re", "'re",
        "ever", "long", "quickly", "immediately", "further", "too", "only", "widely", "openly",
        "privately", "publicly", "strongly", "flatly", "explicitly", "clearly", "simply"}
# words that may sit between a phrasal cue's verb and its particle ("talked proudly of")
_INNER_ADVERBS = {"much", "even", "more", "further", "again", "also", "up", "back", "out"}
# a capitalised cue word counts only after these (a quote's start, a colon, a dash)
_OPENERS = {"“", '"', "‘", "'", ":", "—", "–", "("}
_LIKE_SUBJECTS = {"i", "we", "they", "you", "would", "'d", "’d", "not", "don't", "don’t", "didn't", "didn’t",
                  "really", "doesn't", "doesn’t", "also", "do", "does", "did"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"}
_PARTICLES = {"about", "for", "on", "of", "as", "with", "against", "at"}
_SPEECH_CORE = {"cue.say", "cue.tell", "cue.add", "cue.write", "cue.report", "cue.according_to", "cue.ask"}
_MEDIUM = {"statement", "interview", "email", "e-mail", "letter", "tweet", "speech"}


@lru_cache(maxsize=1)
def cue_index() -> dict[str, list[tuple[tuple[str, ...], dict, bool]]]:
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


def cue_candidates(low: list[str]) -> list[int]:
    """Indices of the words of `low` (lower-case tokens) that are cue forms: only those can
    start a cue. Found for a whole article at once, a sentence's are those in its range.

    >>> cue_candidates(["kirby", "said", "he", "told", "them"])
    [1, 3]
    """
    return list(compress(count(), map(cue_index().__contains__, low)))


def find_cues(text: str, toks: list[Span], low: list[str], starts: list[int] | None = None) -> list[CueHit]:
    """Cue matches among a sentence's tokens (`low`: their lower-case words), left to right
    (`starts`: :func:`cue_candidates` of `low`, if at hand)."""
    index = cue_index()
    out: list[CueHit] = []
    # only a token that is a cue form can start a cue: visit those (in order), not every token
    if starts is None:
        starts = cue_candidates(low)
    if not starts:
        return out
    # Headline Style Capitalises Verbs Too ("Beck Blasts Drudge"): capitals mean nothing there.
    # Only a capitalised cue word after the first token asks (most sentences have none).
    title_case = any(text[toks[k][0]].isupper() for k in starts if k) and _title_case(text, toks)
    i = 0  # the first token a new cue may start at (after the last cue found)
    for at in starts:
        if at < i:
            continue
        hit = None
        for rest, row, nounish in index[low[at]]:
            end = _match_entry(text, toks, low, at, rest, row, nounish, title_case)
            if end is not None:
                hit = CueHit(at, end, row)
                break
        if hit is None:
            continue
        prev = out[-1] if out else None
        between = low[prev.end_tok:hit.first_tok] if prev is not None else ()
        if prev is not None and hit.first_tok - prev.end_tok <= 2 and all(
                w == "to" or w.endswith("ly") for w in between) and "to" in between:
            # "is expected to endorse", "appeared to imply": one cue, not two
            out[-1] = CueHit(prev.first_tok, hit.end_tok, prev.row)
        else:
            out.append(hit)
        i = hit.end_tok
    return out


def _title_case(text: str, toks: list[Span]) -> bool:
    """Whether four in five of the sentence's words of four letters or more are capitalised."""
    words = [text[a:b] for a, b in toks if text[a].isalpha() and b - a > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _match_entry(text: str, toks: list[Span], low: list[str], at: int, rest: tuple[str, ...], row: dict,
                 nounish: bool, title_case: bool) -> int | None:
    """One past the last token of the cue `row` read from token `at`, or None where it does not apply."""
    n = len(toks)
    gap = 0
    if rest:
        # adverbs may sit inside a phrasal cue: "talked proudly of", "spoke even more about"
        while at + 1 + gap < n and gap < 3 and (low[at + 1 + gap].endswith("ly") or low[at + 1 + gap] in _INNER_ADVERBS) \
                and low[at + 1 + gap] != rest[0]:
            gap += 1
        if tuple(low[at + 1 + gap:at + 1 + gap + len(rest)]) != rest:
            return None  # (a one-word cue has no rest to compare)
    if nounish and row.get("ambiguous") == "yes":
        if at > 0 and low[at - 1] in DET:
            return None  # "the support", "his plans": a noun
        nxt = low[at + 1] if at + 1 < n else ""
        if nxt in {"of", "'s", "’s"} and not rest:
            return None
    word = text[toks[at][0]:toks[at][1]]
    if at > 0 and word[:1].isupper() and not title_case and text[toks[at - 1][0]:toks[at - 1][1]] not in _OPENERS:
        return None  # capitalised mid-sentence: a name ("ACE Cash Express") or a title
    if at > 0 and (low[at - 1], low[at]) in _IDIOMS:
        return None  # "all told", "not to mention"
    if low[at].endswith(("ed", "ing")) and not rest and at > 0 and low[at - 1] in _DET_STRICT:
        return None  # "the disputed territory", "the opposing team": adjectives
    rule = row["rule"]
    if rule == "cue.decline" and (at + 1 >= n or low[at + 1] not in {"to", "comment", "comments"}):
        return None  # "emissions declined": only "declined to comment/answer" reports speech
    if rule == "cue.like" and (at == 0 or low[at - 1] not in _LIKE_SUBJECTS) and low[at] == "like":
        return None
    end = at + 1 + gap + len(rest)
    if len(word) > 1 and word.isupper():
        return None  # ALL-CAPS lines are headlines or site furniture ("LEAVE A REPLY")
    if rule == "cue.continue":
        # "the statement continued", "continued to insist"; not "prices continued to rise"
        nxt = low[end] if end < n else "."
        if nxt == "to" and not (end + 1 < n and low[end + 1] in cue_index()):
            return None
        if low[at] != "continued" and nxt not in {",", ".", ":", "“", '"', "that", ";", "”"}:
            return None
    if rule == "cue.go_on_to" and end < n and low[end] in cue_index():
        end += 1  # "went on to accuse"
    return end


def cue_start(text: str, toks: list[Span], low: list[str], first_tok: int, floor: int) -> int:
    """First token of the cue with the auxiliaries and adverbs just left of it ("has also
    said"), reaching no further left than token `floor` (the end of the previous cue)."""
    start = first_tok
    while start > floor and (low[start - 1] in AUX or (
            low[start - 1].endswith("ly") and len(low[start - 1]) > 4 and text[toks[start - 1][0]].islower())):
        start -= 1
    return start


def extend_cue(toks: list[Span], low: list[str], end_tok: int, end: int, rule: str, limit: int) -> int:
    """Annotators' cue extent: "said:", "said Tuesday", "said in a statement", "voted for".

    `end_tok` is one past the cue's last token, `end` its end offset, `limit` the first token
    the cue may not take (the next cue's)."""
    if rule == "cue.according_to" or end_tok >= min(limit, len(low)):
        return end
    nxt = low[end_tok]
    if nxt == ":" or nxt in _WEEKDAYS:
        return toks[end_tok][1]
    if rule in _SPEECH_CORE:
        if nxt == "in" and end_tok + 2 < len(low) and low[end_tok + 1] in {"a", "an"} and low[end_tok + 2] in _MEDIUM:
            return toks[end_tok + 2][1]
        return end
    if nxt in _PARTICLES and end_tok + 1 < len(low) and low[end_tok + 1] not in _WEEKDAYS and low[end_tok + 1] not in {
            "behalf", "condition", "monday", "tuesday"}:
        return toks[end_tok][1]
    return end
