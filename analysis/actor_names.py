"""Naming: which actor a name or a phrase stands for, by the gazetteer and the article's own names.

:func:`find_actor_mentions` lists the gazetteer names in a text (``lexicons/actors.csv``, made
by hand, and ``lexicons/countries.csv``, from the Phoenix/CAMEO dictionaries and GeoNames);
``_person_names`` the capitalised runs that are people's names. :func:`resolve_actor` reads a
source or target phrase ("North Korea's foreign ministry", "Kirby", "the statement") against
both and the article around it (people named earlier, the body in a person's title, the
actor beside an earlier mention of "the ministry") and returns the canonical actor and the
kind of source. :func:`state_counts` and :func:`home_country` say which states an article
names; :func:`party_named` and :func:`party_word_in` name the parties news calls by a nickname.

What kind of thing a phrase names is :mod:`analysis.entities`; which earlier, fuller mention
a short one stands for, :mod:`analysis.coreference`; who speaks and for which party,
:mod:`analysis.actors`, which asks :func:`resolve_actor` for the party. (resolve_actor follows
a lone surname back by itself: to the first person named up to the phrase with it as first
or last word, where coreference.canonical_person takes the longest name anywhere in the
article that ends in it. They were compared and differ; the output rests on both.)
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from analysis.entities import _ANON, _NON_NAME
from analysis.lexicons import load_lexicon
from analysis.spans import Span
from analysis.words import word_matches



# --------------------------------------------------------------------------- gazetteer mentions
_PLAIN_NAME = re.compile(r"(?:[^\\.^$*+?{}\[\]()|]|\\\W)+")  # no regex syntax but escaped punctuation ("U\.S\.")


@lru_cache(maxsize=None)
def _actor_index() -> tuple[_NameScanner | re.Pattern, dict[str, dict], tuple[tuple[re.Pattern, dict], ...]]:
    """How the gazetteer's names are found in a text, the row of each plain name, and the
    (pattern, row) pairs to tell which row a match came from when a name is a real regex.

    The names are plain in practice, and a :class:`_NameScanner` over them finds what one
    regex alternation of them (longest pattern first, then row order) finds: two names that
    match at one place are a name and its prefix, so the longer pattern is the longer name,
    and a name two rows give is the first row's. A pattern with regex syntax in it makes the
    whole index that one alternation regex again."""
    alts: list[tuple[int, int, str, dict]] = []
    rows: dict[str, dict] = {}
    for order, row in enumerate(load_lexicon("actors")):
        for alt in row["pattern"].split("|"):  # the names are alternatives
            if alt:
                alts.append((-len(alt), order, alt, row))
                rows.setdefault(re.sub(r"\\(\W)", r"\1", alt), row)
    if all(_PLAIN_NAME.fullmatch(a[2]) for a in alts):
        return _NameScanner(rows), rows, ()
    alts.sort(key=lambda a: (a[0], a[1]))
    big = re.compile(r"(?<![\w.])(?:" + "|".join(a[2] for a in alts) + r")(?![\w])")
    return big, {}, tuple((re.compile(a[2]), a[3]) for a in alts)


@lru_cache(maxsize=4096)  # the lexicon's own row (shared, never modified) for a name
def _actor_row(name: str) -> dict:
    _, rows, patterns = _actor_index()
    if name in rows:
        return rows[name]
    for rx, row in patterns:
        if rx.fullmatch(name):
            return row
    return {}


def find_actor_mentions(text: str) -> list[dict]:
    """Gazetteer mentions in ``text``: dicts with start, end, text, actor, kind, source_type, rule.

    Leftmost first; at one position the longest mention wins (so "North Korea" beats "Korea").
    """
    return [dict(d) for d in _actor_mentions(text)]


_COUNTRY_KIND_TYPE = {"country": "government", "capital": "government", "demonym": "government",
                      "synonym": "government", "person": "person"}


@lru_cache(maxsize=None)
def _country_index() -> tuple[_NameScanner | None, dict[str, dict]]:
    """Names of ``lexicons/countries.csv`` (Phoenix/CAMEO and GeoNames): their scanner and the
    row of each name, as written and in capitals (headlines: "KUWAIT REJECTS ...")."""
    try:
        rows = load_lexicon("countries")
    except (FileNotFoundError, OSError):
        return None, {}
    by_name: dict[str, dict] = {}
    for row in rows:
        entry = {"actor": row["actor"], "kind": "country" if row["kind"] == "synonym" else row["kind"],
                 "source_type": _COUNTRY_KIND_TYPE.get(row["kind"], "government"), "rule": row["rule"],
                 "person": row.get("person") or ""}
        for name in (row["name"], row["name"].upper() if len(row["name"]) > 4 else ""):
            if name and name not in by_name:
                by_name[name] = entry
    return _NameScanner(by_name), by_name


_NOT_WORD = re.compile(r"\W")  # where a name may end: before a non-word character, or at the end


class _NameScanner:
    """Every name of ``names`` in a text, as ``re.finditer`` over one alternation of them
    would give (leftmost; at one position the longest; not inside a word, not after a full
    stop), found by dictionary look-ups: compiling a regex over 7,800 names cost 0.17 s in
    every process, a sixth of a one-article run, and a regex alternation of the gazetteer's
    600 names tried every one of them at every capital letter."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)
        self.longest = max((len(n) for n in self.names), default=0)
        # the beginnings of names that stop before a non-word character: a longer name can only
        # go on from one of them, so the look-ups at one position stop at the first that is none
        self.prefixes = frozenset(n[:m.start()] for n in self.names for m in _NOT_WORD.finditer(n))

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The names in ``text``."""
        for start, end in _name_spans(text, (self,))[0]:
            yield _NAME_AT.match(text, start, end)

    def name_end(self, text: str, start: int, stop: int) -> int:
        """Where the longest name starting at ``start`` ends (0: none starts there); ``stop``
        is the end of the word the name's first character begins."""
        # the places where a name may end after ``start``, one search at a time: most starts
        # stop at the first (a word no name begins with), so listing every non-word character
        # of the article first cost more than the look-ups
        names, prefixes, n = self.names, self.prefixes, len(text)
        limit, end = start + self.longest, 0
        while stop <= limit:
            piece = text[start:stop]
            if piece in names:  # the longest name wins
                end = stop
            if stop == n or piece not in prefixes:
                break
            found = _NOT_WORD.search(text, stop + 1)
            stop = found.start() if found else n
        return end


_FEW_NAMES = 20  # (at most) the names of a first character looked ahead for in full (see _starts_of)


@lru_cache(maxsize=8)  # one per set of scanners asked together (the gazetteer's two, each alone)
def _starts_of(scanners: tuple[_NameScanner, ...]) -> tuple[re.Pattern | None, frozenset[str]]:
    """Where a name of any of ``scanners`` may start, and the words a name of any begins with.

    The regex finds a name's first character, not inside a word, not after a full stop: the
    character first and the look back after it (the two characters before the end of the
    match), so that the regex engine skips to the next such character instead of trying the
    look-behind everywhere; the group is the rest of its word (the lookahead consumes nothing:
    " Obama" starts at the space and at "O"), its end the first place after the start where a
    name may end. The words are every scanner's names and prefixes: a name can only start with
    a word that is one of them.

    A first character few names have ("the Kremlin", " Willemstad", "'Oman": a lower-case
    letter, a space, an apostrophe, against hundreds of names per capital) is a start only
    where one of those names follows in full, which the regex looks ahead for: the many "to",
    "that" and spaces after commas are passed over in C, not looked up one by one. A start
    passed over so is one where no name begins, so no scanner finds one there."""
    words = frozenset().union(*(sc.names for sc in scanners), *(sc.prefixes for sc in scanners))
    names = frozenset().union(*(sc.names for sc in scanners))
    if not names:
        return None, words
    count = Counter(n[0] for n in names)
    initials = "".join(re.escape(c) for c in sorted(count))
    common = "".join(re.escape(c) for c in sorted(count) if count[c] > _FEW_NAMES)
    few: dict[str, list[str]] = {}
    for n in sorted(n for n in names if count[n[0]] <= _FEW_NAMES):
        few.setdefault(n[0], []).append(n)
    where = ["(?<=[" + common + "])"] if common else []
    where += ["(?<=" + re.escape(c) + ")(?=" + "|".join(re.escape(n[1:]) for n in ns) + ")" for c, ns in few.items()]
    where_rx = "(?:" + "|".join(where) + ")"
    return re.compile("[" + initials + r"](?<![\w.][" + initials + "])" + where_rx + r"(?=(\w*))"), words


def _name_spans(text: str, scanners: Sequence[_NameScanner]) -> list[list[Span]]:
    """The names of each scanner in ``text`` (each as its own ``finditer`` gives them), in one
    pass over the places where a name of any of them may start: whether one starts at a place
    depends only on the character there and the one before it, the same for every scanner,
    and each scanner goes on from where its last name ended, as alone."""
    found: list[list[Span]] = [[] for _ in scanners]
    starts, words = _starts_of(tuple(scanners))
    if starts is None:
        return found
    state = list(zip(scanners, found))
    last_end = [0] * len(scanners)
    for s in starts.finditer(text):
        start, first = s.start(), s.end(1)
        piece = text[start:first]
        if piece not in words:
            continue  # a word no name of any scanner is or begins with: most of them (one look-up)
        for k, (sc, out) in enumerate(state):
            if start >= last_end[k] and (piece in sc.names or piece in sc.prefixes):
                end = sc.name_end(text, start, first)
                if end:
                    out.append((start, end))
                    last_end[k] = end
    return found


_NAME_AT = re.compile(r".+", re.S)  # a Match object for a span found without a regex


def _gazetteer_spans(text: str) -> tuple[list[Span], list[Span] | None]:
    """The spans of the hand-made gazetteer's names and of the public dictionaries' names (None
    without ``countries.csv``) in ``text``: one pass for both when both are plain names."""
    finder, crx = _actor_index()[0], _country_index()[0]
    if isinstance(finder, _NameScanner):
        if crx is None:
            return _name_spans(text, (finder,))[0], None
        actor_spans, country_spans = _name_spans(text, (finder, crx))
        return actor_spans, country_spans
    actor_spans = [m.span() for m in finder.finditer(text)]  # the one regex
    return actor_spans, (_name_spans(text, (crx,))[0] if crx is not None else None)


@lru_cache(maxsize=512)  # the same article text is scanned for every source it resolves
def _actor_mentions(text: str) -> tuple[dict, ...]:
    actor_spans, country_spans = _gazetteer_spans(text)
    if not actor_spans and not country_spans:
        return ()  # no name ("he", "officials", "the company"): nothing to type or filter
    out: list[dict] = []
    rows: dict[str, dict] = {}
    for s, e in actor_spans:
        name = text[s:e]
        if name not in rows:
            rows[name] = _actor_row(name)
        row = rows[name]
        if row:
            out.append({"start": s, "end": e, "text": name, "actor": row["actor"],
                        "kind": row["kind"], "source_type": row["source_type"], "rule": row["rule"], "person": ""})
    # the public dictionaries fill in what the hand-made rows do not name
    if country_spans is not None:
        by_name = _country_index()[1]
        taken = [(d["start"], d["end"]) for d in out]
        for s, e in country_spans:
            hit = [t for t in taken if t[0] < e and s < t[1]]  # overlapping ones
            if hit and not all(s <= t[0] and t[1] <= e and t != (s, e) for t in hit):
                continue
            if hit:  # "West German" beats the "German" it contains
                out = [d for d in out if (d["start"], d["end"]) not in hit]
            row = by_name[text[s:e]]
            out.append({"start": s, "end": e, "text": text[s:e], "actor": row["actor"],
                        "kind": row["kind"], "source_type": row["source_type"], "rule": row["rule"],
                        "person": row["person"]})
        out.sort(key=lambda d: d["start"])
    # sets of starts and ends: a membership test per mention, not a pass over all of them
    starts, ends = {d["start"] for d in out}, {d["end"] for d in out}
    return tuple(d for d in out if not _inside_longer_name(text, d, starts, ends))


_CAP_WORD_BEFORE = re.compile(r"([A-Z][a-z'’-]+)\s+$")  # a capitalised word ending the text
_NEXT_CAP = re.compile(r"^\s+([A-Z][a-z'’-]+)\b")
# "Hungarian Bank", "Russian Embassy": a body of the country, not a longer name
_STATE_BODY_WORDS = {"Bank", "Embassy", "Consulate", "Ministry", "Government", "Navy", "Army", "Parliament",
                     "Cabinet", "Senate", "Police", "Officials", "Authorities", "Troops", "Forces", "Leaders",
                     "Diplomats", "Prosecutors", "Regulators", "Court", "Bank's", "Banks"}


def _inside_longer_name(text: str, d: dict, gaz_starts: set[int], gaz_ends: set[int]) -> bool:
    """A place name that is part of a person's or institution's name ("Michael Jordan",
    "Jordan Peterson", "Georgia Tech") does not stand for the country."""
    if d["kind"] not in ("country", "capital", "demonym", "metonym"):
        return False
    after = _NEXT_CAP.match(text[d["end"]:d["end"] + 30])
    if (after and after.group(1) not in _NON_NAME and after.group(1) not in _STATE_BODY_WORDS
            and (d["end"] + after.start(1)) not in gaz_starts):
        return True
    before_text = text[max(0, d["start"] - 30):d["start"]]
    m = _CAP_WORD_BEFORE.search(before_text)
    if m and m.group(1) not in _NON_NAME:
        # a capitalised word right before, unless it starts the sentence
        lead = before_text[:m.start()].rstrip(" \t")
        if lead and lead[-1] not in ".!?\n\"“‘'(:" and (d["start"] - len(before_text) + m.end() - len(m.group(0)) + len(m.group(1))) not in gaz_ends:
            return True
    return False


# --------------------------------------------------------------------------- person names
# a capitalised word, hyphenated parts included ("Van-Thinh"), and name particles ("al-Shaheen")
_PARTICLES = ("al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "du", "le", "la")
_PARTICLE = r"\b(?:" + "|".join(_PARTICLES) + r")[- ]"
# (the capital outside the alternation, so that a regex may begin with it: see _NAME_RX_NO_PARTICLE)
# (the runs of lower-case letters are possessive, ++: what follows one is a capital, a hyphen,
# a space or the match's end, never a letter it could give back, so the matches are those of
# plain +; only the engine's vain retries of every shorter run at each capital are gone)
_CAPITAL_WORD = r"[A-Z](?:[a-z'’]++(?:[A-Z][a-z'’]++)?|['’][A-Z][a-z]++)(?:-[A-Z]?[a-z'’]++)*"  # McGrath, O'Neill
_NAME_WORD = r"(?:" + _PARTICLE + r")?" + _CAPITAL_WORD
# never across lines; a name starts with a capital or a particle's first letter, which the
# lookahead tells the regex engine (a third less time over an article)
_NAME_RX = re.compile(r"(?-i:(?=[A-Zabdeilv])" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")+)")
# _NAME_RX in a text where no name starts with a particle (nearly every article): its first
# word then starts with a capital, and a pattern starting with a character set lets the regex
# engine skip to the next capital in C instead of trying the pattern at every letter (half the
# time). A name starting with a particle has the particle, a space or hyphen and a capital:
# _PARTICLE_NAME finds such a capital the same quick way, else _NAME_RX_NO_PARTICLE is used.
_NAME_RX_NO_PARTICLE = re.compile(r"(?-i:" + _CAPITAL_WORD + r"(?:[ \t]+" + _NAME_WORD + r")+)")
_PARTICLE_NAME = re.compile(r"(?-i:[A-Z](?:" + "|".join(  # (a look-behind has one width: one per length)
    r"(?<=\b(?:" + "|".join(p for p in _PARTICLES if len(p) == n) + r")[- ][A-Z])"
    for n in sorted({len(p) for p in _PARTICLES})) + "))")
_NAME_MAX_WORDS = 3
_TWO_CAPITALS = re.compile(r"[A-Z][^A-Z]*[A-Z]")  # in every match of _NAME_RX (two words of _NAME_WORD)
_POSSESSIVE_END = re.compile(r"['’]s?$")  # "Mueller's" -> "Mueller"
_PLURAL_ROLE = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ives)$")
# last words that make a capitalised run an organisation's name
_ORG_END = {"Plc", "PLC", "Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "Group", "Holdings", "Bank",
            "Securities", "Association", "Federation", "Union", "Club", "Airlines", "Motors", "Industries",
            "Institute", "University", "Foundation", "Trust", "Fund", "Partners", "Capital", "Systems",
            "Technologies", "Communications", "Entertainment", "Records", "Committee", "Commission",
            "Council", "Agency", "Authority", "Party", "Ministry", "Department", "Office", "Court", "Board",
            "Service", "Services", "News", "Times", "Post", "Journal", "Telegraph", "Herald", "Tribune"}  # longer capitalised runs are headlines or titles, not names


@lru_cache(maxsize=512)  # the article text is scanned again for every one-word source
def _person_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """Capitalised multi-word sequences that are not gazetteer entries or titles."""
    if not _TWO_CAPITALS.search(text):
        return ()  # every word of a name has a capital: "he", "officials", "Trump" name nobody here
    gaz = _actor_mentions(text)
    # Gazetteer mentions come leftmost first: a name overlaps one iff, among the mentions
    # starting before the name ends, the furthest end lies past the name's start (a bisect,
    # not a pass over every mention per name, which was quadratic in a long article).
    gaz_starts = [g["start"] for g in gaz]
    gaz_reach: list[int] = []
    for g in gaz:
        gaz_reach.append(max(g["end"], gaz_reach[-1]) if gaz_reach else g["end"])
    names = []
    for m in (_NAME_RX if _PARTICLE_NAME.search(text) else _NAME_RX_NO_PARTICLE).finditer(text):
        run = m.group(0)
        words = run.split()
        if "'" in run or "’" in run:  # (a possessive has an apostrophe: most runs have none)
            poss = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
            if poss:  # "Arsenal's Patrick Vieira": the name follows the possessive
                words = words[poss[-1] + 1:]
            words[-1] = _POSSESSIVE_END.sub("", words[-1])  # "Robert Mueller's" -> "Robert Mueller"
        if words[-1] in _ORG_END:  # "Spanish Football Federation", "Guinness Plc": an organisation
            continue
        if len(words) >= 3 and _PLURAL_ROLE.search(words[0]):
            words = words[1:]  # "Photographers Jamie Fawcett": a plural role, not a first name
        # trim title / org words at both ends ("Communications Director" is not a name)
        while words and words[0] in _NON_NAME:
            words = words[1:]
        while words and words[-1] in _NON_NAME:
            words = words[:-1]
        inner = [i for i, w in enumerate(words) if w in _NON_NAME]
        if inner:
            # a title inside the run names the person after it ("Massachusetts Senate President
            # Stanley Rosenberg", "Facebook General Counsel Colin Stretch")
            words = words[inner[-1] + 1:]
        if len(words) < 2 or len(words) > _NAME_MAX_WORDS:
            continue
        name = " ".join(words)
        s = text.find(name, m.start())
        if s < 0:
            continue
        k = bisect_left(gaz_starts, s + len(name))
        if k and gaz_reach[k - 1] > s:
            continue
        names.append((s, s + len(name), name))
    return tuple(names)


@lru_cache(maxsize=4)
def _names_by_word(context: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """The article's person names by their first and by their last word, in article order
    (a lone "Kirby" looks up its full name here instead of going through every name)."""
    index: dict[str, list[tuple[int, str]]] = {}
    for s, _, name in _person_names(context):
        words = name.split()
        for word in dict.fromkeys((words[0], words[-1])):
            index.setdefault(word, []).append((s, name))
    return {word: tuple(entries) for word, entries in index.items()}


# --------------------------------------------------------------------------- a phrase's actor
# a phrase that is only a pronoun names nobody; a wider set than entities.PRONOUNS_PERSON |
# _PRONOUNS_OTHER (object, possessive and demonstrative forms too), with which the attribution
# stage tells a named source from a pronoun
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "its", "his",
             "their", "this", "that", "these", "those", "who", "which"}
_DOC = re.compile(r"\b(?:statement|report|document|letter|communiqu[eé]|declaration|memo|dispatch"
                  r"|commentary|editorial|article|release|resolution|cable|transcript|notice)s?\b", re.I)
_GOV_HEAD = re.compile(r"\b(?:ministry|government|council|department|office|administration|embassy"
                       r"|army|military|cabinet|parliament|presidency|authorities|state|mission"
                       r"|navy|forces|command|regime|kremlin)\b", re.I)
_ORG_HEAD = re.compile(r"\b(?:company|firm|group|corporation|association|union|party|organi[sz]ation"
                       r"|institute|university|bank|committee|foundation)\b", re.I)
_MEDIA_HEAD = re.compile(r"\b(?:news|agency|newspaper|broadcaster|television|tv|radio|media|outlet"
                         r"|daily|tabloid|magazine)\b", re.I)


def resolve_actor(text: str, context: str = "", pos: int | None = None) -> tuple[str, str]:
    """Canonical actor and source type of a source / target phrase.

    ``context`` is the article text (and ``pos`` the phrase's offset in it): it resolves a
    person to the country of the organisation in their title ("National Security Council ...
    John Kirby" -> United States; a later "Kirby" -> the same), and "the statement" /
    "the ministry" to the actor named where the article first mentions it.
    Returns ``(actor, source_type)``; ``("unknown", "unknown")`` when nothing resolves.

    >>> resolve_actor("North Korea's foreign ministry")
    ('North Korea', 'government')
    >>> resolve_actor("experts")
    ('unknown', 'anonymous')
    """
    actor, stype, _ = actor_reading(text, context, pos)
    return actor, stype


def actor_reading(text: str, context: str = "", pos: int | None = None) -> tuple[str, str, bool]:
    """:func:`resolve_actor`'s (actor, source type), and whether the answer read ``pos``: when
    it did not, no branch taken depended on the offset, so the answer is the same at every
    offset of the phrase in ``context`` (what lets actors remember a phrase's speaker per article).

    >>> actor_reading("Kirby", "John Kirby spoke. Kirby said no.", 18)
    ('John Kirby', 'person', True)
    >>> actor_reading("John Kirby", "John Kirby spoke. Kirby said no.", 18)
    ('John Kirby', 'person', False)
    """
    phrase = _clean_phrase(text)
    if not phrase or phrase.lower() in _PRONOUNS:
        return "unknown", "unknown", False
    if pos is None:
        pos = context.find(phrase) if context else -1
        pos = len(context) if pos < 0 else pos
    gaz = _actor_mentions(phrase)  # (read only here and below: the shared tuple, no copies)
    names = _person_names(phrase)
    person = _resolve_person(phrase, gaz, names, context, pos)
    # _resolve_person reads pos only in looking back for a lone name word the article gives in
    # full (its loop runs over the full names that word begins or ends: none, no read)
    read = not names and bool(context) and bool(_ONE_NAME_WORD.fullmatch(phrase)) and phrase in _names_by_word(context)
    if person is not None:
        return person[0], person[1], read
    if gaz:
        actor, stype = _resolve_named_body(phrase, gaz)
        return actor, stype, read
    bare = _LOWER_ARTICLE.sub("", phrase.lower())
    actor, stype = _resolve_by_head(bare, context, pos)
    # (_resolve_by_head reads pos only to look back for a head noun)
    return actor, stype, read or _head_noun(bare)[0] is not None


_LOWER_ARTICLE = re.compile(r"^(?:the|a|an)\s+")  # of a lower-cased phrase
_ONE_NAME_WORD = re.compile(r"(?-i:[A-Z][a-z'’-]+)")
INITIAL_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # a phrase ending in an initial ("the U.S.")


def _clean_phrase(text: str) -> str:
    """The phrase without surrounding punctuation (a final full stop only when it ends no initial).

    Not actors._strip, which resolve_speaker reads a phrase with: that one also takes off
    brackets and quotation marks and runs of spaces, and only one final full stop ("etc.."
    keeps one); resolve_actor is asked about phrases resolve_speaker has cleaned, and by
    annotate about a source as the text writes it.
    """
    phrase = (text or "").strip().strip(",;:")
    if phrase.endswith(".") and not INITIAL_END.search(phrase):  # keep "the U.S."
        phrase = phrase.rstrip(".")
    return phrase


def _resolve_person(phrase: str, gaz: Sequence[dict], names: Sequence[tuple[int, int, str]], context: str,
                    pos: int) -> tuple[str, str] | None:
    """A person's actor: a name in the phrase, or a surname / first name of a person the
    article named earlier; None when the phrase names nobody (or a person the gazetteer knows)."""
    person_name = names[0][2] if names else ""
    if not person_name and context and _ONE_NAME_WORD.fullmatch(phrase):
        for s, name in _names_by_word(context).get(phrase, ()):
            if s < pos + len(phrase):
                person_name = name
                break
    if not person_name:
        return None
    if names and _ANON.search(phrase[names[0][1]:]):
        # "Georgia Tech researchers": unnamed people of a named body
        return (gaz[0]["actor"] if gaz else person_name), "anonymous"
    if gaz and gaz[0]["kind"] == "person":
        return None
    actor = gaz[0]["actor"] if gaz else ""
    if not actor and context:
        actor = _actor_at_first_mention(context, person_name)
    # a named person with no country in sight is their own actor (never "unknown":
    # that category is for unnamed speakers)
    return (actor or person_name), "person"


@lru_cache(maxsize=256)  # a function of the article and the name alone, asked for every source naming them
def _actor_at_first_mention(context: str, person_name: str) -> str:
    """:func:`_actor_near` the article's first mention of ``person_name`` ("" when it has none)."""
    i = context.find(person_name)
    return _actor_near(context, i, i + len(person_name)) if i >= 0 else ""


def _resolve_named_body(phrase: str, gaz: Sequence[dict]) -> tuple[str, str]:
    """The actor of the first gazetteer mention, typed by the phrase around it."""
    people = [x for x in gaz if x["kind"] == "person"]
    if people:  # "Russian President Vladimir Putin": a person, whatever comes first
        return people[0]["actor"], "person"
    g = gaz[0]
    if g["kind"] == "media":
        return g["actor"], "media"
    if _ANON.search(phrase) and not _GOV_HEAD.search(phrase):
        return g["actor"], "anonymous"  # "US officials": a country, nobody named
    if _DOC.search(phrase):
        return g["actor"], "document"
    if g["kind"] == "intl":
        return g["actor"], "organisation"
    if _ORG_HEAD.search(phrase) and not _GOV_HEAD.search(phrase):
        return g["actor"], "organisation"
    return g["actor"], g["source_type"] or "government"


def _resolve_by_head(bare: str, context: str, pos: int) -> tuple[str, str]:
    """A phrase that names no actor ("the statement", "the ministry", "officials"), typed by
    its head noun and resolved to the actor beside the article's earlier mention of it."""
    word, stype = _head_noun(bare)
    if word is None:
        return "unknown", stype
    return (_antecedent_actor(word, context, pos) or "unknown"), stype


@lru_cache(maxsize=4096)  # a function of the phrase alone ("officials", "the statement" come again and again)
def _head_noun(bare: str) -> tuple[str | None, str]:
    """(the head noun to look back for, source type) of a phrase that names no actor; the
    noun None when there is nothing to look back for (the answer is unknown)."""
    if _DOC.search(bare) and len(bare.split()) <= 4:
        return _DOC.search(bare).group(0).rstrip("s"), "document"
    if _ANON.search(bare):
        return None, "anonymous"
    for head_rx, stype in ((_GOV_HEAD, "government"), (_MEDIA_HEAD, "media"), (_ORG_HEAD, "organisation")):
        m = head_rx.search(bare)
        if m and len(bare.split()) <= 4:
            return m.group(0), stype
    return None, "unknown"


# "[.!?]\s|\n" with the break's first character first, a character set the regex engine skips to
# (a pattern that starts with an alternation is tried at every character): the same matches
_SENT_END = re.compile(r"[.!?\n](?:(?<=\n)|\s)")


@lru_cache(maxsize=4)
def _sentence_ends(context: str) -> tuple[int, ...]:
    """End offsets of every sentence break in ``context``, in order (one scan per article, not per mention)."""
    return tuple(m.end() for m in _SENT_END.finditer(context))


def _sentence_window(context: str, pos: int) -> Span:
    """Start and end of the sentence of ``context`` around ``pos`` (a cheap splitter)."""
    # The last break ending at or before ``pos``: the breaks are one- or two-character matches
    # that never overlap, so those of a scan up to ``pos`` are the full scan's ending <= pos.
    # Looking them up keeps a long article linear (a scan from 0 per mention was quadratic).
    ends = _sentence_ends(context)
    i = bisect_right(ends, pos)
    start = ends[i - 1] if i else 0
    m = _SENT_END.search(context, pos)
    return start, (m.start() + 1 if m else len(context))


_CLAUSE_CUT = re.compile(r"[;:]|\b(?:said|says|told|and|but|who|that|which|while|after|when|criticized"
                         r"|criticised|accused|blamed|attacked|praised|met|called)\b", re.I)
_APPOS_TITLE = re.compile(r"\b(?:spokes\w+|minister|official|director|secretary|ambassador|president|chief"
                          r"|head|leader|advis[eo]r|member|envoy|adviser|general|commander|chairman|deputy)\b", re.I)


_APPOSITIVE = re.compile(r",\s+(?:an?\s+|the\s+)?([^,.;]{0,80})[,.;]")


def _actor_near(context: str, s: int, e: int) -> str:
    """Country of the organisation in a person's title: in the words just before the name
    ("National Security Council Communications Director, John Kirby") back to the last clause
    break, or in an appositive right after it ("Zhao, a spokesman for the Chinese ministry,")."""
    ws, we = _sentence_window(context, s)
    lo = max(ws, s - 90)
    before = context[lo:s]
    cuts = list(_CLAUSE_CUT.finditer(before))
    if cuts:
        lo += cuts[-1].end()
    mentions = _actor_mentions(context[lo:s])  # (read only)
    if mentions:
        return mentions[-1]["actor"]  # the one nearest the name
    m = _APPOSITIVE.match(context[e:min(we, e + 90)])
    if m and _APPOS_TITLE.search(m.group(1)):
        mentions = _actor_mentions(m.group(1))
        if mentions:
            return mentions[0]["actor"]
    return ""


def _actor_beside(context: str, ms: int, me: int) -> str:
    """The actor named nearest a mention at [ms, me), 35 characters around it in its sentence."""
    ws, we = _sentence_window(context, ms)
    lo, hi = max(ws, ms - 35), min(we, me + 35)
    best, dist = "", 10**9
    for g in _actor_mentions(context[lo:hi]):  # (read only)
        gs, ge = g["start"] + lo, g["end"] + lo
        d = ms - ge if ge <= ms else gs - me
        if d < dist:
            best, dist = g["actor"], d
    return best


@lru_cache(maxsize=64)
def _mentions_of(word: str, context: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Every mention of ``word`` in ``context``: their starts and ends."""
    found = [m.span() for m in word_matches(re.compile(r"\b" + re.escape(word) + r"\w*", re.I), word, context)]
    return tuple(s for s, _ in found), tuple(e for _, e in found)


@lru_cache(maxsize=256)  # a function of its arguments alone; the walk back asks it again for each later phrase
def _actor_beside_mention(context: str, ms: int, me: int) -> str:
    """:func:`_actor_beside` a whole mention of a word (the walk back of :func:`_antecedent_actor`)."""
    return _actor_beside(context, ms, me)


def _antecedent_actor(word: str, context: str, pos: int) -> str:
    """Actor named next to the last earlier mention of ``word`` ("the ministry" -> "Foreign
    Ministry in Pyongyang" -> North Korea), looking 35 characters around it in its sentence."""
    # The mentions are found once per article (scanning context[:pos] for every phrase was
    # quadratic), the actor beside one only when it is asked for. A mention the old scan of
    # context[:pos] saw is one whose word ends by pos; the one running past pos was seen cut at pos.
    pos = max(0, len(context) + pos) if pos < 0 else min(pos, len(context))
    starts, ends = _mentions_of(word, context)
    k = bisect_right(starts, pos - len(word))
    if k and ends[k - 1] > pos:
        k -= 1
        best = _actor_beside(context, starts[k], pos)
        if best:
            return best
    # the last whole mention before with an actor beside it: looked at from the nearest back,
    # only as far as needed (finding the actor beside every mention of the article first cost more)
    for i in range(k - 1, -1, -1):
        best = _actor_beside_mention(context, starts[i], ends[i])
        if best:
            return best
    return ""


# --------------------------------------------------------------------------- states and parties
@lru_cache(maxsize=1)
def state_actors() -> frozenset[str]:
    """Actors that are states or international bodies (a person speaking for one is an official)."""
    out = {row["actor"] for row in load_lexicon("actors") if row["kind"] != "person" and row["kind"] != "media"}
    try:
        out |= {row["actor"] for row in load_lexicon("countries")}
    except (FileNotFoundError, OSError):
        pass
    return frozenset(out)


_PLACE_KINDS = frozenset({"country", "capital", "demonym", "metonym", "synonym"})


def state_counts(text: str, before: int | None = None, kinds: frozenset[str] = _PLACE_KINDS) -> dict[str, int]:
    """How often the article names each state (countries, capitals, demonyms ...), in mentions
    ending at or before ``before`` (the whole text by default); the gazetteer is run once per
    article, not once per prefix."""
    counts: dict[str, int] = {}
    for g in _actor_mentions(text):  # (read only)
        if g["kind"] in kinds and (before is None or g["end"] <= before):
            counts[g["actor"]] = counts.get(g["actor"], 0) + 1
    return counts


@lru_cache(maxsize=64)
def home_country(text: str) -> str:
    """The country an article names most often (at least twice), or ""."""
    counts = state_counts(text)
    if not counts:
        return ""
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 2 else ""


# Parties and groups that news names by a nickname: the party as named in gold-standard
# practice (the kit's codebook §3). Short on purpose: other groups keep the name the text gives.
_PARTY_WORD = re.compile(r"(?-i:\b(?:Tory|Tories|Conservatives?|Labour|Republicans?|Democrats?|GOP|Lib\s+Dems?))\b")
_PARTY_NICKNAMES = {"tories": "Conservative Party", "tory": "Conservative Party", "conservatives": "Conservative Party",
                    "labour": "Labour Party", "lib dems": "Liberal Democrats", "republicans": "Republican Party",
                    "gop": "Republican Party", "democrats": "Democratic Party", "republican": "Republican Party",
                    "democrat": "Democratic Party", "conservative": "Conservative Party", "lib dem": "Liberal Democrats"}


_LEADING_THE = re.compile(r"^the\s+")


def _party_name(word: str) -> str:
    return _PARTY_NICKNAMES.get(re.sub(r"\s+", " ", word.lower()), "")


def party_named(phrase: str) -> str:
    """The party a phrase names by its nickname alone ("The Tories" -> "Conservative Party"), or ""."""
    return _PARTY_NICKNAMES.get(_LEADING_THE.sub("", phrase.lower())) or ""


def party_word_in(phrase: str) -> str:
    """The party a word of ``phrase`` names by a nickname ("Tory", "Democrats"), or ""."""
    party = _PARTY_WORD.search(phrase)
    return _party_name(party.group(0)) if party else ""
