"""Entity typing and coreference of source phrases as the attribution stage meets them.

What kind of speaker a phrase names as written (a person, an organisation, a plural group;
the gender a title shows), and which earlier named source a pronoun ("he", "it"), a definite
noun phrase ("the ministry") or a bare surname ("Kirby") stands for. :func:`resolve_source`
fills ``Attribution.source_text`` and the ``res.*`` rule ids.

This is deliberately cruder than :mod:`analysis.actors` (``resolve_speaker``) and
``stance.resolve_actor``, which read the gazetteer (``lexicons/actors.csv``) to name the
*party* a speaker stands for; the two were compared for a merge and differ on many inputs,
so both stay (a merge would change the statements output):

- :func:`is_person` says "person" for any title word (``_PERSON_TITLES``, which includes
  "who", "he", "she") or a short capitalised run free of ``_PLACE_WORDS`` and ``_ORG_WORDS``;
  ``resolve_actor`` calls a phrase a person only when the gazetteer or its name finder does,
  and ``actors._TITLE_RX`` knows another title list (with "Lord", "Sheikh"; without "who").
- :func:`is_org` is a word list (``_ORG_WORDS``: "ministry", "statement", "officials" ...);
  ``actors._ORG_NAME`` / ``_ORG_HEADS`` look for a company suffix or a head noun.
- ``_PLACE_WORDS`` is a short fixed list; the gazetteer has every country, capital and demonym.
- :func:`name_ending` matches a surname at the end of an earlier named source in the
  attribution history; ``actors.canonical_person`` matches it among all the article's
  person names, particles dropped ("al-Shaheen").

>>> is_person("John Kirby"), is_person("North Korea"), is_org("the Foreign Ministry")
(True, False, True)
>>> gender_of("Ms. Lee Epstein"), gender_of("Lee Epstein")
('f', '')
>>> text = "John Kirby spoke. Kirby said so."
>>> resolve_source(text, (18, 23), [("John Kirby", 0)], 1)
('John Kirby', 'res.surname')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .spans import Span

PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"it", "they", "we", "i", "you", "who", "which", "that"}
_ORG_WORDS = {"ministry", "government", "agency", "council", "department", "office", "party",
              "committee", "campaign", "statement", "report", "administration", "house", "court",
              "group", "company", "organization", "organisation", "commission", "embassy", "army",
              "military", "police", "spokesman", "spokeswoman", "spokesperson", "state", "news",
              "newspaper", "paper", "network", "board", "union", "senate", "congress", "parliament",
              "foundation", "institute", "center", "centre", "firm", "bank", "officials", "pentagon",
              "kremlin", "letter", "memo", "document", "poll", "survey", "study", "analysis"}
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
_DOC_HEADS = {"statement", "report", "letter", "memo", "document", "release", "communique", "post",
              "tweet", "article", "study", "survey", "poll", "analysis", "message", "notice", "filing"}
_FEMALE = {"she", "her"}
_TITLE_GENDER = re.compile(r"\b(?:(Mrs|Ms|Miss|Madam|Lady|Baroness|Dame)|(Mr|Sir|Lord))\.?\s+(?-i:[A-Z])")
_PRONOUN_REACH = 3  # sentences back a pronoun may look for its antecedent
# an adverb before a pronoun is no part of it: "Later he said", "Then she added"
_ADVERB_BEFORE_PRONOUN = re.compile(r"^(?:later|then|earlier|also|but|and|so|now|still|meanwhile|afterwards|\w+ly),?\s+"
                                    r"(?=(?:he|she|they|it|we|i)$)", re.I)
_DEFINITE_NP = re.compile(r"^(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}([\w\-]+)$", re.I)
_DEMONSTRATIVE_NP = re.compile(r"^(the|this|that|its|their)\s+\S+$", re.I)
_SURNAME = re.compile(r"[A-Z][\w’'\-]+")


def is_org(phrase: str) -> bool:
    """A word of ``_ORG_WORDS`` in the phrase ("the ministry", "officials", "a statement")."""
    return any(w in _ORG_WORDS for w in re.findall(r"\w+", phrase.lower()))


def is_person(phrase: str) -> bool:
    """Crude: a title, or a short capitalised name that is no place or organisation."""
    words = re.findall(r"[\w’'.\-]+", phrase)
    lows = {w.lower().rstrip(".") for w in words}
    if lows & _PERSON_TITLES:
        return True
    for part in phrase.split(","):
        ws = part.split()
        lead = 0
        while lead < len(ws) - 2 and ws[lead][:1].islower():
            lead += 1
        if 0 < lead <= 3 and not {w.lower() for w in ws[:lead]} & _NOT_A_ROLE:
            ws = ws[lead:]  # "coach Ines Varga", "his colleague David French": a role, then the name
        if ws and ws[0] in ("The", "A", "An"):  # "The Daily Courier": a person's name has no article
            continue
        if 1 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws) and not (
                {w.lower().strip(".’'s") for w in ws} & _PLACE_WORDS) and not is_org(" ".join(ws)):
            return True
    return False


def is_plural(phrase: str) -> bool:
    """'military experts', 'officials' (a lowercase head ending in -s), not 'the ministry' or 'News'."""
    head = phrase.split(",")[0].split()[-1] if phrase.split() else ""
    return head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))


@lru_cache(maxsize=4096)
def name_ending(surname: str) -> re.Pattern:
    """A name that ends in ``surname`` after a capitalised word ("John Kirby"), not after a
    sentence adverb ("Interestingly Blocher"); compiled once per surname."""
    return re.compile(r"(?-i:[A-Z])[\w’'.\-]*(?<!ly)\s+" + re.escape(surname) + r"$")


@lru_cache(maxsize=4096)
def is_named_source(phrase: str) -> bool:
    """A history entry that names someone (not a pronoun, not 'the ministry'-like)."""
    return bool(phrase) and phrase.lower() not in PRONOUNS_PERSON | _PRONOUNS_OTHER \
        and not _DEMONSTRATIVE_NP.match(phrase)


def gender_of(name: str) -> str:
    """'f', 'm' or '' for a name as written, from the title before it ("Ms. Lee Epstein")."""
    m = _TITLE_GENDER.search(name)
    return ("f" if m.group(1) else "m") if m else ""


# --------------------------------------------------------------------------- coreference
# `history` is the article's sources so far: (resolved source text, sentence index), most
# recent last; sentence indices never decrease along it.

def resolve_source(text: str, source: Span | None, history: list[tuple[str, int]],
                   sentence_index: int = 0) -> tuple[str, str]:
    """(source text, res.* rule): pronouns, definite NPs and surnames resolved to the last
    compatible named source in `history`; the phrase as written otherwise."""
    if source is None:
        return "", ""
    raw = _ADVERB_BEFORE_PRONOUN.sub("", text[source[0]:source[1]].strip(" ,"))
    low = raw.lower()
    if low in PRONOUNS_PERSON or low in {"it", "they", "its", "their"}:
        return _resolve_pronoun(raw, low, _named_within_reach(history, sentence_index))
    m = _DEFINITE_NP.match(raw)
    if m and raw[:1].islower() or (m and len(raw.split()) == 2):
        return _resolve_definite(raw, low, m.group(1).lower(), history)
    if _SURNAME.fullmatch(raw):
        full = _fuller_name(raw, history)
        if full:
            return full, "res.surname"
    return raw, ""


def _named_newest_first(history: list[tuple[str, int]]) -> Iterator[str]:
    # Newest first and lazily: history grows with the article, and filtering all of it for
    # every source was quadratic.
    return (h for h, _ in reversed(history) if is_named_source(h))


def _named_within_reach(history: list[tuple[str, int]], sentence_index: int) -> list[str]:
    """Named sources of the last ``_PRONOUN_REACH`` sentences, oldest first (a tail of history)."""
    near = []
    for h, at in reversed(history):
        if sentence_index - at > _PRONOUN_REACH:
            break
        if is_named_source(h):
            near.append(h)
    near.reverse()
    return near


def _resolve_pronoun(raw: str, low: str, near: list[str]) -> tuple[str, str]:
    if low in PRONOUNS_PERSON:
        want = "f" if low in _FEMALE else "m"
        for h in reversed(near):
            # "he" is not the mayor the article has called "she"
            if is_person(h) and gender_of(h) in ("", want):
                return h, "res.pronoun"
        return raw, "res.unresolved"
    for h in reversed(near):
        if is_org(h) and not is_person(h) and (low in {"they", "their"}) == is_plural(h):
            return h, "res.pronoun"
    if low in {"they", "their"}:  # "it" is often the situation itself: only organisations
        for h in reversed(near):
            if not is_person(h):
                return h, "res.pronoun"
    return raw, "res.unresolved"  # deliberately left as written ("It revealed ..." = the situation)


def _resolve_definite(raw: str, low: str, head: str, history: list[tuple[str, int]]) -> tuple[str, str]:
    """"the ministry" -> the last named source with that head word; "the statement" -> the
    last organisation (else non-person) named."""
    for h in _named_newest_first(history):
        if re.search(r"\b" + re.escape(head) + r"\b", h.lower()) and h.lower() != low:
            return h, "res.definite_np"
    if head in _DOC_HEADS:
        for h in _named_newest_first(history):
            if is_org(h) and not is_person(h):
                return h, "res.definite_np"
        for h in _named_newest_first(history):
            if not is_person(h):
                return h, "res.definite_np"
    return raw, ""


def _fuller_name(surname: str, history: list[tuple[str, int]]) -> str:
    """The fuller name mentioned before ("Kirby" -> "John Kirby"), or ""."""
    # only a name that ends in it ("Bernard Ebbers", "Kremlin spokesman Dmitry Peskov"),
    # not one that mentions it ("Conyers' great-nephew", "a lawyer for Prevezon")
    ends = name_ending(surname)
    for h in _named_newest_first(history):
        if h != surname and any(ends.search(part.strip()) for part in h.split(",")[:2]):  # "Director, John Kirby"
            return h
    return ""
