"""Coreference: which earlier, fuller mention a short mention of an actor stands for.

In the article as a whole, for the speaker resolver (:mod:`analysis.actors`) and the target
finder: a surname, titled or not, is the fullest name the article gives
(:func:`canonical_person`: "Mr Ebbers" -> "Bernard Ebbers"); a title is the person named
with it (``titled_person``: "the attorney general" -> "Lord Goldsmith"); a group is its
first named member (``group_antecedent``: "the men" -> "Mr Afzal"); "the company" is the
organisation named last (``nearest_org``); :func:`surname_count` says how often a name has
come up so far.

Among the sources named so far, for the attribution stage: :func:`resolve_source` resolves a
pronoun ("he", "it"), a definite noun phrase ("the ministry") or a bare surname ("Kirby") to
the last compatible named source, and fills ``Attribution.source_text`` and the ``res.*``
rule ids. It is cruder on purpose: it knows only the sources, typed by the quick tests of
:mod:`analysis.entities`. Its surname match (``_fuller_name``: an earlier source that *ends*
in the surname) and :func:`canonical_person` (any person the article names whose last word
is the surname, particles dropped as in "al-Shaheen", or a family name written first) were
compared for a merge: they differ on many inputs, and a merge would change the output.

What kind of thing a phrase names is :mod:`analysis.entities`; which actor a name stands
for, :mod:`analysis.actor_names`; who speaks and for which party, :mod:`analysis.actors`.

>>> canonical_person("Mr Fawcett", "Photographer Jamie Fawcett sued. Mr Fawcett said so.")
'Jamie Fawcett'
>>> resolve_source("John Kirby spoke. Kirby said so.", (18, 23), [("John Kirby", 0)], 1)
('John Kirby', 'res.surname')
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterator

from analysis.actor_names import _person_names, find_actor_mentions
from analysis.entities import (PRONOUNS_PERSON, _NON_NAME, _ORG_NAME, _PEERAGE, _TITLE_RX, _org_name, gender_of,
                               is_named_source, is_org, is_person, is_plural, is_proper_noun)
from analysis.spans import Span
from analysis.words import has_word, literal_matches, word_starts


# --------------------------------------------------------------------------- in the article
_ADVERB = re.compile(r"\w+(?:ally|ingly|ately|ently|ously|ively|edly|fully|lessly|ntly)\s")


@lru_cache(maxsize=256)
def _full_names(text: str) -> tuple[str, ...]:
    """Person names of 2-3 capitalised words in the article, in text order, each once; office
    holders the public dictionary knows by title ("President Reagan" -> "Ronald Reagan") too."""
    seen: dict[str, None] = {}
    for _, _, name in _person_names(text):
        if _ADVERB.match(name):  # "Interestingly Blocher" is a sentence start, not a name
            continue
        words = name.split()
        if len(words) >= 3 and re.fullmatch(r"[A-Z][a-z]{2,}(?:er|or|ist|ian|ant)", words[0]) \
                and not is_proper_noun(words[0], text):
            # "Photographer Jamie Fawcett" opening a sentence: a role, capitalised, then the name
            name = " ".join(words[1:])
        seen.setdefault(name, None)
    for g in find_actor_mentions(text):
        if g.get("person"):
            seen.setdefault(g["person"], None)
        elif g["kind"] == "person" and len(g["text"].split()) >= 2:  # "Donald Trump" in the gazetteer
            seen.setdefault(g["text"], None)
    return tuple(seen)


# a function of the name and the article alone, asked again for every source, target and
# mention that names the person (7 of 10 asks in PolNeAR repeat one); bounded, so it keeps
# the last few articles only
@lru_cache(maxsize=256)
def canonical_person(name: str, text: str) -> str:
    """The fullest form of a person's name in the article: "Mr Ebbers" / "Ebbers" -> "Bernard Ebbers"."""
    if _PEERAGE.match(name):
        return name
    # a full name the article gives inside the phrase ("Republican Representative Devin Nunes")
    inside = [full for full in _full_names(text) if full in name] if text else []
    if inside:
        return max(inside, key=len)
    bare = _TITLE_RX.sub("", name).strip()
    words = bare.split()
    if not words:
        return name
    last = _unparticle(words[-1])
    best = ""
    people = _full_name_keys(text)
    for full, full_last, full_first in people:
        if full_last == last and (len(words) == 1 or full_first == words[0].lower()):
            if len(full) > len(best):
                best = full
    if not best and len(words) == 1:
        # family name first ("Tran" -> "Tran Van-Thinh"), when only one person starts so
        firsts = {full for full, _, full_first in people if full_first == last}
        if len(firsts) == 1:
            best = firsts.pop()
    return best or bare


@lru_cache(maxsize=256)  # as _full_names: canonical_person asks for every name it is given
def _full_name_keys(text: str) -> tuple[tuple[str, str, str], ...]:
    """:func:`_full_names` with what canonical_person compares of each: the last word
    without its particle, and the first word, both in lower case."""
    return tuple((full, _unparticle(full.split()[-1]), full.split()[0].lower()) for full in _full_names(text))


_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|da|di|van|von|der|du|le|la)[- ]", re.I)


def _unparticle(word: str) -> str:
    """A surname without its particle, lower case: "al-Shaheen" -> "shaheen"."""
    return _PARTICLE.sub("", word).lower()


@lru_cache(maxsize=256)
def _surname_ends(text: str, surname: str) -> tuple[int, ...]:
    return tuple(s + len(surname) for s in word_starts(surname, text))


def surname_count(text: str, surname: str, pos: int) -> int:
    """How often ``surname`` stands in ``text`` before ``pos`` (indexed once per article and
    name, so asking at every statement stays linear): the salience of a person so far."""
    return bisect_right(_surname_ends(text, surname), pos)


_TITLE_WORDS = re.compile(r"^(?:the|a|an|his|her|its|their)\s+(?P<title>(?:[\w-]+\s+){0,3}?(?P<head>[a-z][\w-]*(?:\s+general)?))"
                          r"(?:\s+(?:of|for|at|on)\s+.*)?$", re.I)


def titled_person(phrase: str, text: str, pos: int) -> str:
    """The named person a title refers to ("The attorney general" -> "Lord Goldsmith" where the
    article says "Attorney General Lord Goldsmith"; "the Tory co-chairman" -> "Liam Fox"):
    the nearest mention of the title's head word next to a capitalised name."""
    head = _title_head(phrase)
    if not head:
        return ""
    best, dist = "", 10 ** 9
    for start, cand in _title_mentions(head, text):
        d = abs(start - pos)
        if d < dist:
            best, dist = cand, d
    return best


def title_candidates(phrase: str, text: str) -> tuple[str, ...]:
    """The names :func:`titled_person` chooses among, each once in article order: with one (or
    none) its answer is the same wherever the phrase stands.

    >>> title_candidates("the senator", "Senator Helen Marsh spoke. The senator, Helen Marsh, left.")
    ('Helen Marsh',)
    """
    head = _title_head(phrase)
    return tuple(dict.fromkeys(cand for _, cand in _title_mentions(head, text))) if head else ()


_NOT_TITLES = {"office", "department", "agency", "committee", "commission", "court", "council", "bureau",
               "panel", "board", "company", "firm", "group", "government", "ministry", "statement", "report", "men",
               "women", "people", "pair", "trio", "man", "woman", "couple", "team", "side", "club"}


def _title_head(phrase: str) -> str:
    """The lower-cased title word of a phrase that may name a person by their title ("" for none)."""
    m = _TITLE_WORDS.match(phrase)
    if not m:
        return ""
    head = m.group("head")
    if not re.search(r"[a-z]", head):  # "the FTC" is a name, not a title
        return ""
    return "" if head.lower() in _NOT_TITLES else head.lower()


_TITLED_NAME = re.compile(r"\s*,?\s+((?:(?:Lord|Lady|Sir|Dame|Baroness)\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})")
_NAME_BEFORE = re.compile(r"((?:(?:Lord|Lady|Sir|Dame|Baroness)\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2}),\s+"
                          r"(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?$")


@lru_cache(maxsize=1024)
def _title_mentions(head: str, text: str) -> tuple[tuple[int, str], ...]:
    """(offset, name) of every person the article names with the title ``head`` ("Attorney
    General Lord Goldsmith", "Liam Fox, the Tory co-chairman"); computed once per article,
    looking only where the title's word occurs."""
    low = _lower(text)
    out = []
    i = low.find(head)
    while i >= 0:
        j = i + len(head)
        if (i == 0 or not low[i - 1].isalnum()) and (j >= len(low) or not low[j].isalnum() or low[j] == "s"):
            after = _TITLED_NAME.match(text, j + (1 if low[j:j + 1] == "s" else 0))
            window = text[max(0, i - 90):i]
            before = _NAME_BEFORE.search(window) if "," in window else None  # (its matches hold a comma)
            for mm, at in ((after, i), (before, i)):
                if mm:
                    cand = mm.group(1)
                    if not (cand.split()[0] in _NON_NAME and not _PEERAGE.match(cand)):
                        out.append((at, cand))
        i = low.find(head, j)
    return tuple(out)


@lru_cache(maxsize=4)  # the article, asked for every title word looked for in it
def _lower(text: str) -> str:
    return text.lower()


_LIST_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+(?:de\s+|of\s+|and\s+(?-i:[A-Z]))?(?-i:[A-Z])[\w'’.&-]*){0,3}"
_NAME_LIST = re.compile(r"(" + _LIST_NAME + r")(?:,\s+" + _LIST_NAME + r")*,?\s+and\s+" + _LIST_NAME)


@lru_cache(maxsize=64)
def _name_lists(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, first name) of every coordinated list of names ("A, B and C") in the article."""
    out = []
    for m in _NAME_LIST.finditer(text):
        first = m.group(1)
        titled = first.split()[0] in {"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady"}
        # a list of people or organisations: titled, or names of two words or more (not "Birmingham, ...")
        if titled or (len(first.split()) >= 2 and first.split()[0] not in _NON_NAME):
            out.append((m.start(), first))
    return tuple(out)


def group_antecedent(text: str, pos: int) -> str:
    """The first name of the nearest list of names before ``pos`` (else the first after it)."""
    lists = _name_lists(text)
    k = bisect_right([s for s, _ in lists], pos - 1)
    first = lists[k - 1][1] if k else (lists[0][1] if lists else "")
    inside = [full for full in _full_names(text) if full in first]
    return max(inside, key=len) if inside else first  # "Photographers Jamie Fawcett" -> "Jamie Fawcett"


def nearest_org(text: str, pos: int) -> str:
    """The last organisation named before ``pos`` (for "the company", "the firm")."""
    orgs = _org_mentions(text)
    k = bisect_right([s for s, _ in orgs], pos - 1)
    if k:
        return _org_name(orgs[k - 1][1])
    # none named yet: a lead's "The company named in the lawsuit denied ..." is named soon after
    return _org_name(orgs[0][1]) if orgs and orgs[0][0] - pos < 400 else ""


@lru_cache(maxsize=64)
def _org_mentions(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, name) of every organisation-shaped name in the article (one scan)."""
    out = []
    for m in _ORG_NAME.finditer(text):
        name = m.group(0).strip()
        if name.split()[0] in {"The", "A", "An"}:
            name = " ".join(name.split()[1:])
        if name and name not in _NON_NAME and len(name.split()) + (len(name) > 3) >= 2:  # not a bare "SA", "Co"
            out.append((m.start(), name))
    # a name after the noun that says it is a company: "building products group James Hardie"
    out += [(m.start(1), m.group(1)) for m in literal_matches(_DESCRIBED_ORG, _ORG_NOUNS, text)
            if m.group(1).split()[0] not in _NON_NAME]
    return tuple(sorted(out))


_ORG_NOUNS = ("group", "company", "firm", "bank", "maker", "giant", "retailer", "carrier", "airline", "insurer", "lender",
              "manufacturer", "conglomerate", "chain", "operator", "producer", "supplier", "broker", "brokerage")
# (every match starts with a noun of _ORG_NOUNS as written: looked for with str.find first, see
# words.literal_matches; a regex scan of the article was the slower part of _org_mentions)
_DESCRIBED_ORG = re.compile(r"(?-i:\b(?:" + "|".join(_ORG_NOUNS) + r")\s+((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’-]*))")


# --------------------------------------------------------------------------- among the sources named so far
# `history` is the article's sources so far: (resolved source text, sentence index), most
# recent last; sentence indices never decrease along it.
_DOC_HEADS = {"statement", "report", "letter", "memo", "document", "release", "communique", "post",
              "tweet", "article", "study", "survey", "poll", "analysis", "message", "notice", "filing"}
_FEMALE = {"she", "her"}
_PRONOUN_REACH = 3  # sentences back a pronoun may look for its antecedent
# an adverb before a pronoun is no part of it: "Later he said", "Then she added"
_ADVERB_BEFORE_PRONOUN = re.compile(r"^(?:later|then|earlier|also|but|and|so|now|still|meanwhile|afterwards|\w+ly),?\s+"
                                    r"(?=(?:he|she|they|it|we|i)$)", re.I)
_DEFINITE_NP = re.compile(r"^(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}([\w\-]+)$", re.I)
_SURNAME = re.compile(r"[A-Z][\w’'\-]+")


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
        if has_word(head, h.lower()) and h.lower() != low:
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
    for h in _named_newest_first(history):
        # (a source without the surname in it has no part ending in it: most are passed over so)
        if h != surname and surname in h and any(ends_in_name(part.strip(), surname) for part in h.split(",")[:2]):
            return h  # "Director, John Kirby"
    return ""


# a capitalised word, not a sentence adverb ("Interestingly"), and the space after it
_WORD_BEFORE_SURNAME = re.compile(r"(?-i:[A-Z])[\w’'.\-]*(?<!ly)\s+$")


def ends_in_name(phrase: str, surname: str) -> bool:
    """``phrase`` ends in ``surname`` after a capitalised word ("John Kirby"), not after a
    sentence adverb ("Interestingly Blocher").

    What ``re.search(<word> + re.escape(surname) + "$", phrase)`` says for a phrase with no
    line break at its end, without a regex compiled per surname (a third of a millisecond
    each, for every new surname of a corpus): the surname is the phrase's end, and the word
    and space before it end where it starts.

    >>> ends_in_name("Director John Kirby", "Kirby"), ends_in_name("Interestingly Kirby", "Kirby")
    (True, False)
    """
    cut = len(phrase) - len(surname)
    return phrase.endswith(surname) and _WORD_BEFORE_SURNAME.search(phrase, 0, cut) is not None
