"""Who speaks, and for which party: a source phrase resolved in its article to a :class:`Speaker`.

:func:`resolve_speaker` turns a source phrase as written ("Mr Ebbers", "REAGAN", "Lawyers for
Mr Fawcett", "Jones, who is under investigation ...", "The company") into a
:class:`Speaker`: the named speaker (a person's full name as the article gives it, an
organisation as named) and the actor, the party counted in the charts (a country for its
officials and bodies, a company for its spokesperson, the client for a lawyer, the person
otherwise). Countries, capitals and demonyms come from the gazetteer (``lexicons/actors.csv``
and ``lexicons/countries.csv``, built from the Phoenix/CAMEO dictionaries and GeoNames).
:func:`implied_agent` names who stands behind an agentless legal passive ("was charged":
prosecutors).

``unknown`` is kept for speakers nobody names ("sources said", "critics", "experts"): a named
person or organisation is always its own actor.

The steps (``_STEPS``) decide by the phrase's shape and the article around it; they ask
:mod:`analysis.entities` what kind of thing a phrase names, :mod:`analysis.actor_names` which
actor a name stands for, and :mod:`analysis.coreference` which earlier, fuller mention a
short one stands for ("Mr Fawcett" -> "Jamie Fawcett", "the company" -> "Harbour Freight").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections import OrderedDict
from functools import lru_cache

from analysis.actor_names import (INITIAL_END, _actor_mentions, _person_names, actor_reading, find_actor_mentions, home_country,
                                  party_named, party_word_in, state_actors)
from analysis.coreference import canonical_person, group_antecedent, nearest_org, title_candidates, titled_person
from analysis.entities import (_ANON, _FUNCTION_WORDS, _LEGISLATOR, _NON_NAME, _ORG_NAME, _ORG_SUFFIX, _TITLE_RX,
                               _org_name, _titlecase_if_caps, is_capitalised_name, is_proper_noun,
                               speaker_description)
from analysis.prefilter import occurrences
from analysis.words import has_word


UNKNOWN = "unknown"


@dataclass(frozen=True)
class Speaker:
    """A resolved source: ``speaker`` as named, ``actor`` the party, with the rule that decided."""

    speaker: str
    actor: str
    source_type: str
    rule: str


def resolve_speaker(phrase: str, text: str = "", pos: int | None = None, _depth: int = 0) -> Speaker:
    """The named speaker and the party of a source phrase (see the module docstring).

    The phrase is read in the case the body writes it (:func:`_as_cased`) and cut to the
    words that name the speaker (:func:`_head`); then the steps of ``_STEPS`` are asked in
    turn, each deciding (a :class:`Speaker`) or passing (None). Their order is the rules'
    priority: what the phrase's shape says ("the company", "lawyers for X") before what the
    gazetteer says, a named person before an anonymous one, and the text's own name last.

    >>> resolve_speaker("Lawyers for Mr Fawcett", "Photographer Jamie Fawcett ... Lawyers for Mr Fawcett").actor
    'Jamie Fawcett'
    >>> resolve_speaker("sources").actor
    'unknown'
    """
    return _resolved(phrase, text, pos, _depth)[0]


# Answers that read no offset, by (phrase, article, depth). An answer whose resolution never
# read the phrase's offset (see _Phrase.pos: every read of it is recorded, and a step's answer
# is all it computed from the phrase, the article and the lexicons) took the same branches and
# computed the same values as it would at any other offset, so it is the answer at every offset
# of that phrase in that article: "Trump said", "Trump added" further on are answered from here.
# Bounded (oldest first out): the article texts it keeps are the last few resolved.
_ANYWHERE: OrderedDict[tuple[str, str, int], Speaker] = OrderedDict()
_ANYWHERE_SIZE = 512


def _resolved(phrase: str, text: str, pos: int | None, depth: int) -> tuple[Speaker, bool]:
    """:func:`resolve_speaker`, and whether its answer read the offset ``pos``."""
    key = (phrase, text, depth)
    found = _ANYWHERE.get(key)
    if found is not None:
        return found, False
    found, read = _resolve_speaker(phrase, text, pos, depth)
    if not read:
        _ANYWHERE[key] = found
        if len(_ANYWHERE) > _ANYWHERE_SIZE:
            _ANYWHERE.popitem(last=False)
    return found, read


# The answer is a function of the four arguments alone (the lexicons never change in a run) and a
# Speaker is frozen, so a phrase asked again at the same place of the same article (a source two
# statements share, a target that is also a source, a client followed twice) is answered from
# here; the article texts it keeps are the last few resolved (a bounded cache, not per corpus).
@lru_cache(maxsize=256)
def _resolve_speaker(phrase: str, text: str, pos: int | None, _depth: int) -> tuple[Speaker, bool]:
    """:func:`resolve_speaker` and whether the answer read the offset, remembered for the last phrases asked."""
    raw = _strip(phrase)
    if not raw or _DATE_NAME.fullmatch(raw):  # "Feb", "Tuesday": a date taken for a speaker
        return Speaker(raw, UNKNOWN, UNKNOWN, "act.none"), False
    if pos is None:
        pos = text.find(raw) if text else -1
        pos = len(text) if pos < 0 else pos
    relative = raw.lower() in ("who", "which") and bool(text)  # (a relative pronoun reads the offset)
    if relative:
        found = _relative_clause_head(text, pos, _depth)
        if found:
            return found, True
    cased = _as_cased(raw, text)
    head, aside = _head(cased)
    ph = _Phrase(raw, cased, head, aside, text, pos, _depth)
    for step in _STEPS:
        found = step(ph)
        if found:
            return found, relative or ph.pos_read
    return Speaker(head, UNKNOWN, ph.gazetteer[1], "act.unresolved"), relative or ph.pos_read


class _Phrase:
    """A source phrase on its way through :func:`resolve_speaker`'s steps (read only)."""

    # A plain class with slots, not a frozen dataclass with a cached_property: one is made for
    # every phrase resolved, and in Python 3.11 each read of a cached_property takes a lock.
    __slots__ = ("raw", "cased", "head", "aside", "text", "_pos", "pos_read", "depth", "_gazetteer")

    def __init__(self, raw: str, cased: str, head: str, aside: str, text: str, pos: int, depth: int) -> None:
        self.raw = raw      # as written, outer punctuation stripped ("REAGAN DENIES", "Jones, who is ...")
        self.cased = cased  # ``raw`` in the case the body writes it ("Reagan Denies")
        self.head = head    # ``cased`` cut to the words that name the speaker ("Jones")
        self.aside = aside  # what the cut took off after a comma (", the White House spokesman")
        self.text = text    # the article ("" for a phrase alone)
        self._pos = pos     # the phrase's offset in ``text``: read through :attr:`pos`
        self.pos_read = False  # whether the answer may depend on the offset (see _ANYWHERE)
        self.depth = depth  # how many phrases deep (a client, author or group member is resolved again)
        self._gazetteer: tuple[str, str] | None = None

    @property
    def pos(self) -> int:
        """The phrase's offset in the article; a step that reads it makes the answer one of this place."""
        self.pos_read = True
        return self._pos

    @property
    def may_follow(self) -> bool:
        """Another phrase (a client, an author, a title's holder) may still be resolved: two levels at most."""
        return self.depth < 2

    def follow(self, phrase: str) -> Speaker:
        """``phrase`` (a client, an author, a group's first member) resolved one level deeper."""
        found, read = _resolved(phrase, self.text, self._pos, self.depth + 1)
        self.pos_read = self.pos_read or read  # (the offset passed on counts only if read there)
        return found

    @property
    def gazetteer(self) -> tuple[str, str]:
        """(actor, source type) of the head by :func:`resolve_actor`, asked once per phrase; an
        aside that names an office ("John Kirby, the White House spokesman") counts, a relative
        clause or any other description does not ("memo, which Reuters reported", "Bernice
        King, the daughter of American ...")."""
        if self._gazetteer is None:
            actor, stype, read = actor_reading(self.head, self.text, self._pos)
            if actor == UNKNOWN and self.head != self.cased and _OFFICE_APPOSITIVE.match(self.aside):
                actor, stype, read_cased = actor_reading(self.cased, self.text, self._pos)
                read = read or read_cased
            self.pos_read = self.pos_read or read
            self._gazetteer = actor, stype
        return self._gazetteer


_DATE_NAME = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|(?:January|February|March|April"
                        r"|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday"
                        r"|Friday|Saturday|Sunday)")


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # a function of the phrase alone; "he", "officials" and names come again
def _strip(phrase: str) -> str:
    """The phrase without outer punctuation, brackets and quotation marks, spaces collapsed,
    and without one final full stop unless it ends an initial ("U.S."); a stronger clean-up
    than actor_names._clean_phrase (see there)."""
    phrase = _SPACES.sub(" ", (phrase or "")).strip().strip(",;:()\"“”‘’'").strip()
    if phrase.endswith(".") and not INITIAL_END.search(phrase):  # keep "U.S."
        phrase = phrase[:-1]
    return phrase.strip(",;:()\"“”‘’' ")


def _relative_clause_head(text: str, pos: int, depth: int) -> Speaker | None:
    """"Shepherd, who accused ...", "The president, who regularly assails ...": the speaker
    is the noun phrase the relative clause hangs on, a name first."""
    lo = max(0, pos - 100)
    if not text[lo:pos].rstrip().endswith(","):
        return None  # (what both patterns below end in: a comma, then only spaces)
    named = re.search(r"((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})\s*,\s*$", text[lo:pos])
    if named and depth < 2 and named.group(1).split()[0] not in _NON_NAME:
        return resolve_speaker(named.group(1), text, lo + named.start(1), depth + 1)
    m = re.search(r"((?:[\w'’.-]+\s+){0,5}[\w'’.-]+)\s*,\s*$", text[lo:pos])
    if m and depth < 2:
        np = re.split(r"[;:.!?]|\b(?:and|but|said|says|after|when|while|as)\b", m.group(1))[-1].strip()
        if np:
            return resolve_speaker(np, text, lo + m.start(1), depth + 1)
    return None


def _as_cased(raw: str, text: str) -> str:
    """``raw`` as the body writes it: a headline in capitals in title case, unless the body
    writes the word in capitals too (an acronym)."""
    p = _titlecase_if_caps(raw)
    # (the regex asked only of a text that has the word at all; has_word is the \bWORD\b search)
    if p != raw and len(raw.split()) == 1 and text and raw in text and re.search(
            r"[a-z][,;]?\s+(?:\(|the\s+)?" + re.escape(raw) + r"\b", text):
        p = raw  # "WPPSS" written so in the body's running text: an acronym, not a headline word
    if p == raw and raw.isupper() and len(raw.split()) == 1 and text and has_word(raw.capitalize(), text):
        p = raw.capitalize()  # "ACME" in a headline, "Acme" in the body: a name, not an acronym
    return p


@lru_cache(maxsize=4096)  # a function of the phrase alone, asked again for many phrases
def _head(p: str) -> tuple[str, str]:
    """(head, aside): the words of ``p`` that name the speaker, and the aside after a comma
    the first cut took off (see :attr:`_Phrase.gazetteer`)."""
    # the appositive or relative clause after the name says who they are, not who speaks
    cut = _RELATIVE_CUT.sub("", p).strip() or p
    aside = p[len(cut):] if p.startswith(cut) else ""
    # "the Football Association over crowd trouble during ...": a passive agent ends where a
    # lower-case prepositional phrase begins
    if not _CLIENT.match(cut):
        # (but "The Committee for a Responsible Federal Budget" is one name)
        cut = _PREPOSITIONAL_TAIL.sub("", cut) or cut
    cut = _TICKER.sub("", cut).strip()  # ticker symbols: "Siemens AG <SIEG.F>"
    # a time adverb after the subject is no part of it: "The ruling GATT Council yesterday"
    cut = _TIME_ADVERB_TAIL.sub("", cut) or cut
    # a reduced relative clause describes the head: "The company named in the lawsuit"
    reduced = _REDUCED_RELATIVE.match(cut)  # (anchored at both ends: what .sub(r"\1", cut) gives)
    cut = reduced.group(1) + cut[reduced.end():] if reduced else cut
    cut = _QUANTIFIER.sub("", cut)
    # "Trump and Moore", "Mr Afzal, Mr Islam and Mr Kazi": the first named speaks first
    conj = _FIRST_CONJUNCT.match(cut)
    if conj and not _ORG_NAME.fullmatch(cut) and " of " not in cut and not _STATE_BODY.search(cut):
        cut = conj.group(1)
    return cut, aside


_PREPOSITIONAL_TAIL = re.compile(r"\s+(?:over|for|during|after|before|on|in|at|with|about|amid|following|since)\s+"
                                 r"(?!(?:a|an|the)\s+(?-i:[A-Z]))(?-i:[a-z]).*$")
_TICKER = re.compile(r"\s*<[^>]*>")
_TIME_ADVERB_TAIL = re.compile(r"\s+(?:(?:on\s+)?(?:yesterday|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
                               r"|(?:last|this|next)\s+(?:week|month|year|night)|earlier|later|also|again|now)$", re.I)
_REDUCED_RELATIVE = re.compile(r"^((?:the|a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?-i:[a-z]+(?:ed|en))\s+"
                               r"(?:in|of|by|with|for|at|on|from)\s.*$", re.I)
_QUANTIFIER = re.compile(r"^(?:some|many|several|most|other|two|three|four|five|leading|top|senior|prominent)\s+", re.I)
_FIRST_CONJUNCT = re.compile(r"^((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})(?:,\s+(?=[^,]*\band\b)|\s+and\s+)"
                             r"(?-i:[A-Z])")


# --------------------------------------------------------------------------- phrase shapes
# (those more than one step asks; the others stand before their step)
# an appositive, relative clause or aside after the name: ", who ...", ", a baker", ", 68", ", meanwhile"
_RELATIVE_CUT = re.compile(r",\s*(?:(?-i:[a-z])|\d+\b|£|\$).*$", re.S)
_CLIENT = re.compile(r"^(?:(?:a|an|the|two|three)\s+)?(?:lawyers?|attorneys?|solicitors?|counsel|barristers?"
                     r"|spokes(?:man|woman|person|men|women|people)|representatives?|agents?|aides?"
                     r"|advis[eo]rs?)\s+(?:for|of|to|representing)\s+(?P<client>.+)$", re.I)
_GROUP_NP = re.compile(r"^(?:the|these|those|both|all)\s+(?:[\w-]+\s+){0,2}?(?:men|women|pair|trio|two|three|four|five"
                       r"|companies|firms|banks|brokers|brokerages|defendants|clubs|teams|countries|nations|governments"
                       r"|parties|groups|brothers|sisters|players|manufacturers|makers|airlines|carriers|lenders"
                       r"|insurers|states|allies|suspects|accused)$", re.I)
_STATE_BODY = re.compile(r"\b(?:ministry|ministries|government|cabinet|parliament|police|army|navy|military|embassy"
                         r"|prosecutors?|courts?|grand\s+jury|authorities|regime|administration|foreign office|interior|treasury)\b", re.I)
_GOV_TITLE = (r"(?:(?:foreign|prime|defen[cs]e|interior|finance|trade|deputy|vice|chief)\s+)?(?:minister|ministry|government"
              r"|president|premier|chancellor|spokes(?:man|woman|person)|ambassador|envoy|embassy|army|military"
              r"|officials?|secretary|authorities)")
_OFFICE_APPOSITIVE = re.compile(r"\s*,\s*(?:including\s|(?!(?:who|which|that|whose)\b).*\b" + _GOV_TITLE + r"\b)",
                                re.I | re.S)
_POSSESSIVE_STATE = re.compile(r"(?-i:\b([A-Z][a-z][\w-]+))['’]s?\s+(?:[a-z]+\s+){0,2}?" + _GOV_TITLE + r"\b", re.I)


# --------------------------------------------------------------------------- the steps
# Each takes the read phrase and returns a Speaker when it decides, None to pass; _STEPS, at
# the end, lists them in resolve_speaker's order.
_ORG_HEADS = re.compile(r"(?:^|\s)(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?P<head>company|firm|bank|group|club|team|side"
                        r"|union|corporation|carrier|airline|broker|brokerage|insurer|network|channel|newspaper"
                        r"|paper|station|broadcaster|agency|association|federation|body|organi[sz]ation"
                        r"|charity|party|board|fund|retailer|maker|manufacturer|utility|lender)s?$", re.I)
_HEADLINE_ORG = re.compile(r"^(?:[\w-]+\s+)?(?:company|firm|bank|group|carrier|airline|maker|carmaker|automaker"
                           r"|retailer|insurer|lender|giant|broadcaster|network|manufacturer|utility|operator)$", re.I)


_CAPITAL = re.compile(r"[A-Z]")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_LEADING_THE = re.compile(r"^the\s+", re.I)
_LOWER_WORDS_BEFORE_NAME = re.compile(r"^(?:(?-i:[a-z])[\w-]*\s+){1,3}(?=(?-i:[A-Z]))")


def _headline_end(text: str) -> int:
    """Where the article's first line (its headline, when it has a body) ends; -1 for a
    text of one line. Found without copying the article (asked for every source)."""
    return text.find("\n")


def _organisation_noun(ph: _Phrase) -> Speaker | None:
    """"the company", or a headline's "Tech firm denies ...", "Carmaker sued ...": the
    organisation the article named last (``act.org_antecedent``)."""
    head, text = ph.head, ph.text
    if not text:
        return None
    headline_org, org_noun = _organisation_noun_shape(head)
    in_headline = headline_org and 0 <= ph.pos < _headline_end(text)
    if in_headline or org_noun:
        org = nearest_org(text, ph.pos)
        if org:
            return Speaker(org, org, "organisation", "act.org_antecedent")
    return None


@lru_cache(maxsize=4096)  # a function of the head alone; most heads come again
def _organisation_noun_shape(head: str) -> tuple[bool, bool]:
    """Whether ``head`` may be a headline's organisation noun ("Tech firm"), and whether it is
    "the company" anywhere; neither for a head with a capital past its first letter or a
    lawyer's or spokesman's phrase."""
    if _CAPITAL.search(head, 1) or _CLIENT.match(head):
        return False, False
    return bool(_HEADLINE_ORG.search(head)), bool(_ORG_HEADS.search(head) and not _GROUP_NP.match(head))


def _headline_in_capitals(ph: _Phrase) -> Speaker | None:
    """A headline in capitals ("U.S. TAX FRAUD", "SEC STAFF ADVISES FRAUD"): the country it
    names, else its first word where the body writes it the same way (an acronym)."""
    raw, text = ph.raw, ph.text
    if not (raw.isupper() and len(raw.split()) > 1):
        return None
    named = find_actor_mentions(raw) or find_actor_mentions(ph.cased)
    group = re.search(r"(?:ERS|ORS|ISTS|IANS|ANTS|ENTS|FIRMS|BANKS|COMPANIES|GROUPS|UNIONS)$", raw)
    # ("U.K. STOCKBROKERS" is a group of that country, named in the body: the usual path)
    if named and not group:
        return Speaker(named[0]["text"], named[0]["actor"], named[0]["source_type"], "act.gazetteer_in_caps")
    first = raw.split()[0]
    body = text[text.find("\n"):] if text and "\n" in text else ""
    if (not named and len(first) > 1
            and re.search(r"(?<![A-Z])" + re.escape(first) + r"(?![A-Z])", body)):
        return Speaker(first, first, "organisation", "act.acronym_in_caps")
    return None


_POSSESSIVE_AGENT = re.compile(r"^(?P<client>.+?)['’]s?\s+(?:\w+\s+)?(?:lawyers?|attorneys?|solicitors?|counsel"
                               r"|spokes(?:man|woman|person)|representatives?|agent|camp|campaign|office|team)$", re.I)
_DOC_BY = re.compile(r"^(?:(?:the|a|an|this|that)\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}"
                     r"(?P<author>(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,4}?)(?:['’]s?)?\s+"
                     r"(?:[“\"‘'][\w -]+[”\"’']\s+)?(?:complaint|memo|memorandum|report|statement|letter|lawsuit|suit"
                     r"|indictment|filing|document|release|communiqu[eé]|study|survey|ruling|order|judgment|verdict"
                     r"|motion|petition|affidavit|audit|review|analysis)s?$", re.I)


def _speaks_for_another(ph: _Phrase) -> Speaker | None:
    """A lawyer or spokesman speaks for the client ("Lawyers for Mr Fawcett", "Trump's
    campaign"), a document for its author ("The FTC complaint", "A confidential State
    Department 'dissent' memo")."""
    head = ph.head
    client_name, author_name = _client_and_author(head)
    if client_name is not None and ph.may_follow:
        client = ph.follow(client_name)
        if client.actor != UNKNOWN:
            return Speaker(head, client.actor, client.source_type, "act.client")
    if author_name is not None and ph.may_follow:
        author = ph.follow(author_name)
        if author.actor != UNKNOWN:
            return Speaker(head, author.actor, "document", "act.document_author")
    return None


@lru_cache(maxsize=4096)  # a function of the head alone; most heads come again ("he", "officials", a name)
def _client_and_author(head: str) -> tuple[str | None, str | None]:
    """Whom a lawyer or spokesman of ``head`` speaks for, and who wrote a document it names
    (None: the head is no such phrase)."""
    m = _CLIENT.match(head) or _POSSESSIVE_AGENT.match(head)
    doc = _DOC_BY.match(head)
    author = doc.group("author") if doc and doc.group("author").split()[0] not in {"The", "A", "An", "This", "That"} else None
    return (m.group("client") if m else None), author


def _party_nickname(ph: _Phrase) -> Speaker | None:
    """"The Tories", "Republicans": the party by its name (``act.party``)."""
    return _party_by_nickname(ph.head)


@lru_cache(maxsize=4096)  # a function of the head alone (a Speaker is frozen); most heads come again
def _party_by_nickname(head: str) -> Speaker | None:
    nick = party_named(head)
    return Speaker(nick, nick, "organisation", "act.party") if nick else None


_NAMED_BODY_OF = re.compile(r"^(?:the\s+)?((?-i:(?:" + _ORG_SUFFIX + r"|Campaign|Society|Centre|Center|Coalition|Alliance"
                            r"|League|Movement|Front|Council))\s+(?:for|of|on|to|against)\s+(?:(?:a|an|the)\s+)?"
                            r"(?-i:[A-Z])[\w'’.&-]*(?:\s+(?:(?:of|for|and|the|a)\s+)?(?-i:[A-Z])[\w'’.&-]*){0,5})$", re.I)


def _named_body_of(ph: _Phrase) -> Speaker | None:
    """"The Committee for a Responsible Federal Budget": an organisation's name, not a person
    called "Fair Budget"."""
    return _named_body(ph.head)


@lru_cache(maxsize=4096)  # a function of the head alone (a Speaker is frozen); most heads come again
def _named_body(head: str) -> Speaker | None:
    orgish = _NAMED_BODY_OF.match(head)
    if orgish and is_capitalised_name(orgish.group(1)) and not any(
            g["kind"] != "person" for g in find_actor_mentions(orgish.group(1))):
        return Speaker(orgish.group(1), orgish.group(1), "organisation", "act.name")
    return None


def _office_holder(ph: _Phrase) -> Speaker | None:
    """An office holder the public dictionary names ("President Reagan"): the state speaks,
    except through a legislator ("Sen. Lindsey Graham"), who is their own actor."""
    gaz_person = next((g["person"] for g in _actor_mentions(ph.head) if g.get("person")), "")  # (read only)
    if not gaz_person:
        return None
    if _LEGISLATOR.search(ph.head):
        return Speaker(gaz_person, gaz_person, "person", "act.office_holder")
    actor = ph.gazetteer[0]
    return Speaker(gaz_person, actor if actor != UNKNOWN else gaz_person, "person", "act.office_holder")


def _named_person(ph: _Phrase) -> Speaker | None:
    """A person named in the phrase, in their fullest form in the article; an official speaks
    for their state, anybody else (a company chairman, a player, a candidate, a legislator)
    is their own actor, the organisation being their affiliation."""
    actor, stype = ph.gazetteer
    return _person_speaker(ph.head, ph.text, actor, stype)


# What _named_person decides past the gazetteer is a function of these four alone (the
# lexicons never change in a run), and a Speaker is frozen: a name the article's statements
# give again ("Trump said", "Trump added") is answered from here. Bounded: the article texts
# it keeps are the last few.
@lru_cache(maxsize=256)
def _person_speaker(head: str, text: str, actor: str, stype: str) -> Speaker | None:
    """:func:`_named_person` for a head and its gazetteer (actor, source type)."""
    names = _person_names(head)
    if not (stype == "person" or names or _TITLE_RX.match(head) and is_capitalised_name(_TITLE_RX.sub("", head))):
        return None
    # the head of the phrase is its last name ("Former Guinness Plc chairman Ernest Saunders")
    named = names[-1][2] if names else head
    person = canonical_person(named, text) if text else named
    title = _title_near(text, person)
    if actor not in state_actors():
        # a country the gazetteer does not know, named in the title ("Brenland's foreign
        # minister", "Valdorian Prime Minister ..."), is still the party
        actor = _party_in_title(head + " " + title, text) or person
    if _LEGISLATOR.search(head + " " + title):
        actor = person
    return Speaker(person, actor, "person", "act.person")


_ADJ_STATE = re.compile(r"(?-i:\b([A-Z][a-z]+(?:ian|an|ese|ish|i)))\s+(?:[A-Za-z]+\s+){0,2}?" + _GOV_TITLE + r"\b", re.I)


def _party_in_title(title: str, text: str) -> str:
    """A state named in a government title but unknown to the gazetteer: "Brenland's foreign
    minister" -> Brenland; "Valdorian Prime Minister" -> Valdoria when the article names it."""
    m = _POSSESSIVE_STATE.search(title)
    if m and m.group(1) not in _NON_NAME:
        return m.group(1)
    m = _ADJ_STATE.search(title)
    if m and text:
        adj = m.group(1)
        for stem_len in range(len(adj) - 1, 3, -1):
            found = re.search(r"\b(" + re.escape(adj[:stem_len]) + r"[a-z]{0,2})\b", text)
            if found and found.group(1) != adj:
                return found.group(1)
    return ""


@lru_cache(maxsize=256)  # a function of the article and the name alone, asked for every source naming them
def _title_near(text: str, person: str) -> str:
    """The words right before a person's first full mention ("Nebraska Senator Deb Fischer")."""
    i = text.find(person) if text and person else -1
    return text[max(0, i - 40):i] if i > 0 else ""


def _gazetteer_party(ph: _Phrase) -> Speaker | None:
    """A party the gazetteer names ("West German officials", "the Kremlin")."""
    actor, stype = ph.gazetteer
    return Speaker(ph.head, actor, stype, "act.gazetteer") if actor != UNKNOWN else None


_BODY_SPOKESMAN = re.compile(r"^(?:a|an|the|one)\s+(company|firm|bank|club|group|team|ministry|government|embassy"
                             r"|agency|airline|network|party|union|board)\s+(?:spokes(?:man|woman|person)|official"
                             r"|representative|source|executive|lawyer|statement)$", re.I)
_NAMED_BODY = re.compile(r"(?-i:[A-Z])[\w'’-]+\s+(?:administration|government|ministry|department|cabinet)\b", re.I)


def _nobody_named(ph: _Phrase) -> Speaker | None:
    """An anonymous speaker ("sources", "a company spokeswoman"): unknown, unless the party,
    the body or the article's country still speaks through them."""
    head, text = ph.head, ph.text
    if not (_ANON.search(head) and (not is_capitalised_name(head) or _ANON.fullmatch(head.lower()))):
        return None
    party = party_word_in(head)
    if party:  # "the Tory spokesman": nobody named, but the party speaks
        return Speaker(head, party, "anonymous", "act.party_word")
    body = _BODY_SPOKESMAN.match(head)
    if body and text and ph.may_follow:
        # "a company spokeswoman", "a bank official": the body speaks, as "the company" would
        found = ph.follow("the " + body.group(1))
        if found.actor != UNKNOWN:
            return Speaker(head, found.actor, found.source_type, "act.body_spokesman")
    if text and _NAMED_BODY.search(head) and home_country(text):
        # "Former Obama administration officials", "Justice Department officials": nobody
        # named, but a state body of the article's country speaks
        return Speaker(head, home_country(text), "anonymous", "act.home_country")
    return Speaker(head, UNKNOWN, "anonymous", "act.anonymous")


def _group_member(ph: _Phrase) -> Speaker | None:
    """"the men", "the tobacco companies", "lawyers for the pair": the first of the group the
    article names ("Mr Afzal, Mr Islam and Mr Kazi")."""
    if not (ph.text and _GROUP_NP.match(ph.head) and ph.may_follow):
        return None
    first = group_antecedent(ph.text, ph.pos)
    if first:
        found = ph.follow(first)
        if found.actor != UNKNOWN:
            return Speaker(found.speaker, found.actor, found.source_type, "act.group")
    return None


def _title_holder(ph: _Phrase) -> Speaker | None:
    """A title ("The attorney general") or a headline's bare role ("Striker denies ...") is
    the person the article names with it (``act.title_coref``)."""
    if not (ph.text and ph.may_follow):
        return None
    # (one name, or none, the title may stand for is the answer at every offset; between
    # several, the nearest to the phrase)
    names = title_candidates(ph.head, ph.text)
    titled = (titled_person(ph.head, ph.text, ph.pos) if len(names) > 1 else "".join(names)) or _headline_role_holder(ph)
    if titled:
        found = ph.follow(titled)
        if found.actor != UNKNOWN:
            return Speaker(found.speaker, found.actor, found.source_type, "act.title_coref")
    return None


def _headline_role_holder(ph: _Phrase) -> str:
    """A headline's bare role ("Striker denies ...") is the person the story's body names with
    it in lower case ("Rovers striker Tom Ashby"), or as titles are written ("Senator Helen
    Marsh"); "" otherwise."""
    head, text = ph.head, ph.text
    # (the offset last: a head of no role's shape is passed over wherever it stands)
    if not (re.fullmatch(r"(?-i:[A-Z])[a-z]{3,}", head) and head.lower() not in _FUNCTION_WORDS | {"the"}
            and 0 <= ph.pos < _headline_end(text)):
        return ""
    body = text[text.index("\n"):]
    role = head if _TITLE_RX.match(head + " X") else head.lower()
    # what re.search(r"\b" + re.escape(role) + <_NAME_AFTER_ROLE>, body) finds, without a regex
    # compiled per role: the first place the role stands after no word character, with a name after
    for i in occurrences(role, body):
        named = None if i and _WORD_CHAR.match(body, i - 1) else _NAME_AFTER_ROLE.match(body, i + len(role))
        if named:
            return named.group(1)
    return ""


_WORD_CHAR = re.compile(r"\w")
_NAME_AFTER_ROLE = re.compile(r"\s+((?-i:[A-Z])[a-z'’-]+(?:\s+(?-i:[A-Z])[a-z'’-]+){1,2})\b")


def _capitalised_name(ph: _Phrase) -> Speaker | None:
    """A capitalised name the gazetteer does not know: a person's surname, a company, a
    fictional country - the text's own name is the actor."""
    text = ph.text
    bare, inside, is_name = _bare_name(ph.head)
    if inside and ph.raw.isupper():  # "U.S TRADE MEASURES": in a headline, the country it names
        return Speaker(inside[0]["text"], inside[0]["actor"], inside[0]["source_type"], "act.gazetteer_in_caps")
    if not is_name:
        return None
    if len(bare.split()) == 1 and text:
        full = canonical_person(bare, text)
        if full != bare:
            return Speaker(full, full, "person", "act.surname")
    if len(bare.split()) == 1 and text and not is_proper_noun(bare, text):
        # "More than a dozen women", "Plans to portray ...": a capitalised sentence start,
        # not a name the article uses
        return Speaker(ph.head, UNKNOWN, UNKNOWN, "act.unresolved")
    if text and _STATE_BODY.search(bare) and not inside and home_country(text):
        # "the International Trade and Industry Ministry": a state body, of the article's country
        return Speaker(bare, home_country(text), "government", "act.home_country")
    stype = "organisation" if _ORG_NAME.fullmatch(bare) else "unknown"
    bare = _org_name(bare)
    return Speaker(bare, bare, stype, "act.name")


@lru_cache(maxsize=4096)  # a function of the head alone; most heads come again
def _bare_name(head: str) -> tuple[str, tuple[dict, ...], bool]:
    """``head`` without its article and the lower-case words before a name ("the ruling GATT
    Council" -> "GATT Council", "former FBI Director"), the gazetteer's mentions in it (the
    shared tuple: read only), and whether it is a capitalised name of six words at most."""
    bare = _LEADING_ARTICLE.sub("", head)
    bare = _LOWER_WORDS_BEFORE_NAME.sub("", bare)
    return bare, _actor_mentions(bare), is_capitalised_name(bare) and len(bare.split()) <= 6


def _party_speaks(ph: _Phrase) -> Speaker | None:
    """"the top Democrat on the committee": the party speaks."""
    party = party_word_in(ph.head)
    return Speaker(ph.head, party, "organisation", "act.party_word") if party else None


def _state_body(ph: _Phrase) -> Speaker | None:
    """A state body nobody names the country of: the country the article is about, else the
    body as the text names it, else a state named as the owner of an office."""
    head, text = ph.head, ph.text
    if text and _STATE_BODY.search(head):
        # "the Trade and Industry Ministry", "the government" with no country in sight: the
        # country the article is about (named most often, at least twice)
        home = home_country(text)
        if home:
            return Speaker(head, home, "government", "act.home_country")
    named_body = _LEADING_ARTICLE.sub("", head)
    if _STATE_BODY.search(named_body) and len(named_body.split()) >= 2 and all(
            w[:1].isupper() or w.lower() in ("of", "for", "and", "the") for w in named_body.split()):
        # "The Transport Ministry" in a story that names no country: the body as the text names it
        return Speaker(named_body, named_body, "government", "act.name")
    owner = _POSSESSIVE_STATE.fullmatch(head) or _POSSESSIVE_STATE.fullmatch(_LEADING_THE.sub("", head))
    if owner and owner.group(1) not in _NON_NAME:
        # "Brenland's ambassador", "Valdoria's foreign ministry": a state the gazetteer does
        # not know, named as the owner of an office
        return Speaker(head, owner.group(1), "government", "act.possessive_state")
    return None


def _implied_author(ph: _Phrase) -> Speaker | None:
    """"The indictment said ...": only prosecutors indict, only a court rules."""
    implied = _IMPLIED_AUTHOR.match(ph.head)
    if not (implied and ph.may_follow):
        return None
    author = next(who for who, _, doc in _LEGAL_AUTHORITIES if doc.fullmatch(implied.group(1)))
    return Speaker(ph.head, ph.follow(author).actor, "document", "act.implied_author")


def _described(ph: _Phrase) -> Speaker | None:
    """"a federal grand jury", "European leaders": nobody named, but the text says who
    (unlike "sources", "the man", "the company" left unresolved)."""
    desc = speaker_description(ph.head)
    return Speaker(desc, desc, "description", "act.description") if desc else None


_STEPS = (_organisation_noun, _headline_in_capitals, _speaks_for_another, _party_nickname, _named_body_of,
          _office_holder, _named_person, _gazetteer_party, _nobody_named, _group_member, _title_holder,
          _capitalised_name, _party_speaks, _state_body, _implied_author, _described)


# --------------------------------------------------------------------------- implied agents
# Who stands behind a legal act or document the text names nobody for: only prosecutors
# charge and indict, only a court convicts, sentences and rules. (authority, acts, documents)
_LEGAL_AUTHORITIES = (
    ("court", re.compile(r"\b(?:convicted|sentenced|found\s+guilty|jailed|acquitted)\b", re.I),
     re.compile(r"rulings?|verdicts?|judg(?:e)?ments?", re.I)),
    ("prosecutors", re.compile(r"\b(?:charged|indicted|prosecuted)\b", re.I), re.compile(r"indictments?", re.I)),
)
_IMPLIED_AUTHOR = re.compile(r"^(?:the|an?|this|that)\s+(?:[\w-]+\s+)?("
                             + "|".join(doc.pattern for _, _, doc in _LEGAL_AUTHORITIES) + r")$", re.I)


def implied_agent(cue_text: str) -> str:
    """Who stands behind an agentless legal passive: "court" for convicted / sentenced,
    "prosecutors" for charged / indicted; "" for anything else."""
    return next((who for who, act, _ in _LEGAL_AUTHORITIES if act.search(cue_text or "")), "")
