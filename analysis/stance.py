"""Stance of attributed statements, and the markers that qualify them.

Pure functions over plain strings, each returning its evidence (rule id and offsets):

- :func:`classify_stance` / :func:`find_stance` - denial (CAMEO 016), accusation (CAMEO 112
  and its children 1121..1125) or other, by verb + object patterns with counter-examples
  (``lexicons/stance.csv``);
- :func:`resolve_actor` - canonical actor and source type of a source or target phrase
  (``lexicons/actors.csv``, plus the article text for people and "the statement");
- :func:`find_hedges`, :func:`find_scare_quotes`, :func:`find_loaded` - hedge / evidence,
  scare-quote and loaded-language spans, each with the voice it is in
  (``narration`` = the journalist, ``reported`` = an indirect report of a source,
  ``quoted`` = inside quote marks);
- :func:`verb_stance` - the stance an attribution verb carries (said / claimed / admitted / insisted).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from analysis.lexicons import inflections, load_lexicon
from analysis.prefilter import Needs, lowered, may_match, parse_needs

Span = tuple[int, int]

# ---------------------------------------------------------------------------
# Pattern macros used in lexicons/stance.csv (kept here so the CSV stays readable).

_DENY = r"den(?:y|ies|ied|ying|ial|ials)"
# A capitalised name ("North Korea", "the US", "Washington"); case-sensitive inside a
# case-insensitive pattern, so sentence words ("said", "was") never pass as a target.
_NP_TOK = r"[A-Z](?:[\w'’&-]|\.(?=[A-Za-z]))*(?:(?<=[A-Z])\.)?"  # "U.S." keeps its stop, "Pyongyang." not
_NP_CAP = r"(?-i:" + _NP_TOK + r"(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?" + _NP_TOK + r")*)"
_NP = (r"(?:(?:the|The)\s+)?(?:" + _NP_CAP
       + r"|(?-i:[Hh]im|[Hh]er|[Tt]hem|[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|us)\b"
       + r"|(?:government|ministry|regime|administration|country|company|military|army|police"
       + r"|opposition|rebels|west|president|minister|leader|authorities)\b)")
_GAP = r"(?:[\w‘’'“”\"-]+\s+){0,4}?"
_ACC = (r"[‘'“\"]?(?:accusations?|allegations?|charges?|claims?|reports?|involvement|links?|role"
        r"|rumou?rs?|responsibility|wrongdoing|suggestions?|assertions?|speculation|stor(?:y|ies)"
        r"|insinuations?|slander|smears?|lies)\b")
# a definite or possessive noun phrase in lower case ("the striker", "his employees")
_DEFNP = r"(?:(?:the|his|her|its|their|our|this|these|those)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\b(?!['’]))"
_MACROS = {"{DENY}": _DENY, "{NP}": _NP, "{GAP}": _GAP, "{ACC}": _ACC, "{DEFNP}": _DEFNP}


@lru_cache(maxsize=None)
def _term_macros() -> dict[str, str]:
    """{MACRO} -> one alternation of the rows of ``lexicons/stance_terms.csv``."""
    try:
        rows = load_lexicon("stance_terms")
    except (FileNotFoundError, OSError):
        return {}
    terms: dict[str, list[str]] = {}
    for row in rows:
        terms.setdefault(row["macro"], []).append(row["term"])
    return {"{" + k + "}": "(?:" + "|".join("(?:" + t + ")" for t in v) + ")" for k, v in terms.items()}

#: CAMEO names of the codes we emit.
CAMEO_NAMES = {"016": "Deny responsibility / reject accusation", "111": "Criticize or denounce", "112": "Accuse",
               "1121": "Accuse of crime / corruption", "1122": "Accuse of human rights abuses",
               "1123": "Accuse of aggression", "1124": "Accuse of war crimes",
               "1125": "Accuse of espionage / treason"}
# More specific children first: "war crimes" beats "war".
_CHILD_PRIORITY = ("1124", "1125", "1122", "1123", "1121")

_SPEECH_ACCUSATION = re.compile(r"rumou?r|\blie|\blying|disinformation|misinformation|propaganda"
                                r"|smear|tarnish|slander|defam|fabricat", re.I)

QUOTE_CHARS = "\"“”‘’'«»„‟‹›"


@dataclass(frozen=True)
class StanceResult:
    """One stance label with its evidence.

    ``match`` and offsets are relative to the clause passed in (``None`` when only the cue
    carried the stance); ``target_text`` is the accused actor, or the accuser whose claim is
    denied, as written (empty if the clause names none).
    """

    stance: str
    rule: str
    cameo: str
    match: Span | None
    target_text: str = ""
    speaker_text: str = ""  # who speaks, when the pattern itself names them ("condemnation from Britain")

    @property
    def cameo_name(self) -> str:
        """CAMEO name of ``cameo`` (empty for 'other')."""
        return CAMEO_NAMES.get(self.cameo, "")


OTHER = StanceResult("other", "S_none", "", None, "")


def expand_macros(pattern: str, terms: bool = True) -> str:
    """A stance.csv pattern with its {MACRO}s written out (``terms=False`` leaves the word
    classes of ``lexicons/stance_terms.csv`` in place, as ``tools/fill_needs.py`` reads them)."""
    if terms:
        for key, val in _term_macros().items():
            pattern = pattern.replace(key, val)
    for key, val in _MACROS.items():
        pattern = pattern.replace(key, val)
    return pattern


_expand = expand_macros


@lru_cache(maxsize=None)
def _stance_rules() -> tuple[tuple[dict, re.Pattern], ...]:
    return tuple((row, re.compile(_expand(row["pattern"]), re.I)) for row in load_lexicon("stance"))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@lru_cache(maxsize=None)
def _term_needs() -> dict[str, Needs]:
    """{MACRO} -> the needs of its word class: every term's ``needs`` (None if one has none)."""
    classes: dict[str, list[Needs]] = {}
    for row in load_lexicon("stance_terms"):
        classes.setdefault("{" + row["macro"] + "}", []).append(parse_needs(row.get("needs")))
    return {key: None if None in needs else tuple(dict.fromkeys(w for words in needs for w in words))
            for key, needs in classes.items()}


@lru_cache(maxsize=None)
def _stance_needs() -> tuple[Needs, ...]:
    """Per row of :func:`_stance_rules`, the words one of which the row needs (``needs`` column)."""
    return tuple(parse_needs(row.get("needs"), _term_needs()) for row, _ in _stance_rules())


@lru_cache(maxsize=None)
def _rule_requires() -> tuple[re.Pattern | None, ...]:
    """Per stance row, its ``requires`` regex (a word class the row cannot match without, e.g.
    ``\\b{WRONGV}``), checked once per text before the row's own, costlier pattern."""
    out = []
    for row, _ in _stance_rules():
        req = (row.get("requires") or "").strip()
        out.append(re.compile(_expand(req), re.I) if req else None)
    return tuple(out)


def may_match_any(text: str, rules: frozenset[str]) -> bool:
    """False when ``text`` cannot match any of the named stance rows (none of their required
    words is in it): a cheap test before running the patterns."""
    low = lowered(text)
    for (row, _), pre in zip(_stance_rules(), _stance_needs()):
        if row["rule"] in rules and may_match(pre, low):
            return True
    return False


def _child_code(clause: str, start: int, end: int) -> str:
    """Refine 112 to a CAMEO child from keywords after the accusation's start.

    Accusations of speech acts (spreading rumours, lies, smears) stay plain 112: what the
    rumour is about ("arms dealings") is not what the target is accused of doing.
    """
    if _SPEECH_ACCUSATION.search(clause[start:end]):
        return "112"
    tail = clause[start:]
    low = lowered(tail)
    found = {row["cameo"] for (row, rx), pre in zip(_stance_rules(), _stance_needs())
             if row["kind"] == "child" and may_match(pre, low) and rx.search(tail)}
    for code in _CHILD_PRIORITY:
        if code in found:
            return code
    return "112"


def find_stance(clause: str, cue: str = "", weak: bool | None = None,
                only: frozenset[str] | None = None) -> list[StanceResult]:
    """Every denial / accusation pattern in ``clause`` not vetoed by a counter-example.

    One result per non-overlapping stretch, denials first, then by lexicon order. When
    ``cue`` is given and not in the clause, it is read in front of it (offsets stay
    relative to ``clause``; a match inside the cue has ``match=None``).

    ``only`` restricts the match rows to those rule ids (blocks still apply).

    ``weak`` switches the lexicon's weak rows (generic negation, doubt, "No, ...") on or
    off; by default they apply to a bare clause or headline (no cue) and after an asserting
    cue (*insisted*, *stressed*), not after a neutral one (*said*), where "did not ..." is
    an ordinary negation.
    """
    if weak is None:
        weak = not cue or verb_stance(cue) == "assert"
    prefix = ""
    if cue and cue.lower() not in clause.lower():
        prefix = cue + " "
    text = prefix + clause
    shift = len(prefix)
    rules = _stance_rules()
    low = lowered(text)
    needs = _stance_needs()
    # a block row vetoes matches of its own stance, or of every stance when its stance is "other"
    blocks = [(m.span(), row["stance"]) for (row, rx), pre in zip(rules, needs)
              if row["kind"] == "block" and may_match(pre, low) for m in rx.finditer(text)]
    hits: list[tuple[int, int, dict, re.Match]] = []
    requires = _rule_requires()
    req_seen: dict[str, bool] = {}
    for order, (row, rx) in enumerate(rules):
        if row["kind"] != "match" or (not weak and row.get("strength") == "weak") or (
                only is not None and row["rule"] not in only):
            continue
        if not may_match(needs[order], low):
            continue
        req = requires[order]
        if req is not None:
            ok = req_seen.get(req.pattern)
            if ok is None:
                ok = req_seen[req.pattern] = req.search(text) is not None
            if not ok:
                continue
        for m in rx.finditer(text):
            # the stance word itself must not sit in a counter-example
            core = _core_span(m)
            if any(_overlaps(core, b) and bst in ("other", row["stance"]) for b, bst in blocks):
                continue
            # a denial asked as a question ("Real or hoax?", "Is the report true?") asserts nothing
            if (row["stance"] == "denial" or row["rule"] in _QUESTION_SENSITIVE) and _in_question(text, m.end()):
                continue
            hits.append((0 if row["stance"] == "denial" else 1, order, row, m))
    hits.sort(key=lambda h: (h[0], h[1], h[3].start()))
    chosen: list[tuple[dict, re.Match]] = []
    for _, _, row, m in hits:
        if any(_overlaps(_core_span(m), _core_span(c)) and crow["stance"] == row["stance"]
               for crow, c in chosen):
            continue
        chosen.append((row, m))
    results: list[StanceResult] = []
    for row, m in chosen:
        target = ""
        groups = [v for k, v in m.groupdict().items() if k.startswith("target") and v]
        if groups:
            target = groups[0].strip()
            if not re.search(r"\b[A-Z]\.$", target):  # keep "U.S.", drop a full stop
                target = target.rstrip(".,;:")
        cameo = row["cameo"]
        if row["stance"] == "accusation" and cameo == "112":
            cameo = _child_code(text, m.start(), m.end())
        s, e = m.start() - shift, m.end() - shift
        match = None if e <= 0 else (max(s, 0), e)
        rule = row["rule"] + ("+cue" if match is None or s < 0 else "")
        speaker = (m.groupdict().get("speaker") or "").strip()
        results.append(StanceResult(row["stance"], rule, cameo, match, target, speaker))
    # A denial that names no accuser takes the target of the counter-accusation it carries
    # ("Washington was spreading a groundless rumour": denial of Washington's claim).
    acc_targets = [r.target_text for r in results if r.stance == "accusation" and r.target_text]
    if acc_targets:
        results = [StanceResult(r.stance, r.rule, r.cameo, r.match, acc_targets[0], r.speaker_text)
                   if r.stance == "denial" and not r.target_text else r for r in results]
    return results


_TERMINATOR = re.compile(r"[.!?\n]")
# accusations read off wrongdoing words assert nothing when asked ("Is the deal fabricated?")
_QUESTION_SENSITIVE = frozenset({"A_reported_wrong", "A_adverb_wrong", "A_lying_quote", "A_content_wrong"})


def _in_question(text: str, pos: int) -> bool:
    """True when the sentence around ``pos`` ends with a question mark."""
    m = _TERMINATOR.search(text, pos)
    return bool(m) and m.group(0) == "?"


def _core_span(m: re.Match) -> Span:
    """The span of the stance words, without a leading target group."""
    if "target" in m.groupdict() and m.group("target") is not None and m.start("target") == m.start():
        return (m.end("target"), m.end())
    return m.span()


def classify_stance(clause: str, cue: str = "", weak: bool | None = None) -> StanceResult:
    """The stance of one clause: denial beats accusation beats other.

    >>> classify_stance("North Korea denied providing weapons").stance
    'denial'
    >>> classify_stance("The agency denied him a permit").stance
    'other'
    """
    results = find_stance(clause, cue, weak)
    return results[0] if results else OTHER


# ---------------------------------------------------------------------------
# Actors

_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "its", "his",
             "their", "this", "that", "these", "those", "who", "which"}
_ANON = re.compile(r"\b(?:experts?|officials?|sources?|analysts?|diplomats?|observers?|people|critics"
                   r"|insiders?|residents|witnesses|activists|commentators|researchers|scientists"
                   r"|spokes(?:man|woman|person)|aides?|someone|somebody|many|some|others)\b", re.I)
_DOC = re.compile(r"\b(?:statement|report|document|letter|communiqu[eé]|declaration|memo|dispatch"
                  r"|commentary|editorial|article|release|resolution|cable|transcript|notice)s?\b", re.I)
_GOV_HEAD = re.compile(r"\b(?:ministry|government|council|department|office|administration|embassy"
                       r"|army|military|cabinet|parliament|presidency|authorities|state|mission"
                       r"|navy|forces|command|regime|kremlin)\b", re.I)
_ORG_HEAD = re.compile(r"\b(?:company|firm|group|corporation|association|union|party|organi[sz]ation"
                       r"|institute|university|bank|committee|foundation)\b", re.I)
_MEDIA_HEAD = re.compile(r"\b(?:news|agency|newspaper|broadcaster|television|tv|radio|media|outlet"
                         r"|daily|tabloid|magazine)\b", re.I)
_NON_NAME = {"The", "A", "An", "According", "Ministry", "Foreign", "Council", "Department", "Director",
             "Communications", "Security", "National", "Government", "Agency", "Office", "Minister",
             "President", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Chief", "General",
             "Committee", "Party", "Army", "Forces", "News", "State", "Defence", "Defense", "Deputy",
             "Vice", "Prime", "Press", "White", "House", "Affairs", "Central", "Public", "Information",
             "Commander", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Mr.", "Mrs.",
             "Ms.", "Dr.", "It", "He", "She", "They", "We", "I", "In", "On", "At", "Though", "But",
             "And", "This", "That", "Kirby's", "Mayor", "Governor", "Senator", "Chancellor", "King",
             "Queen", "Prince", "Premier", "Envoy", "Official", "Officials", "Leader", "Chairman", "Chair",
             "Speaker", "Judge", "Prosecutor", "Admiral", "Colonel", "Navy", "Air", "Force", "Police",
             "Embassy", "Consulate", "Parliament", "Congress", "Senate", "Court", "Supreme", "Federal",
             "Republic", "Democratic", "Interior", "Justice", "Finance", "Trade", "Health", "Energy",
             "Intelligence", "Service", "Services", "Authority", "Authorities", "Troops", "Military",
             "Spokesmen", "Agency's", "Media", "Television", "TV", "Radio", "Times", "Post", "Daily",
             # capitalised at a sentence start, never part of a name
             "Wherever", "When", "Whenever", "While", "After", "Before", "If", "As", "Since", "Although",
             "So", "Yet", "Meanwhile", "However", "Still", "Also", "Now", "Then", "Here", "There", "Today",
             "Yesterday", "Last", "For", "With", "By", "From", "Under", "During", "Despite", "Asked",
             "Speaking", "Like", "Unlike", "Instead", "Even", "Only", "Just", "What", "Why", "How", "Who",
             "Where", "Many", "Some", "Both", "All", "Each", "Every", "Several", "Most", "Other", "Another",
             "Former", "Sen", "Gov", "Rep", "Won", "Says", "Said", "Tells", "Told", "Calls", "Slams",
             # titles and roles that stand before a name ("Republican Representative Devin Nunes")
             "Representative", "Republican", "Republicans", "Democrat", "Democrats", "Congressman",
             "Congresswoman", "Lawmaker", "Majority", "Minority", "Whip", "Attorney", "Counsel", "Special",
             "Commissioner", "Inspector", "Sheriff", "Detective", "Officer", "Coach", "Manager", "Captain",
             "Striker", "Midfielder", "Defender", "Goalkeeper", "Tory", "Labour", "Conservative", "Liberal",
             "Shadow", "Home", "Economics", "Executive", "Founder", "President-elect", "Lord", "Lady",
             "Sir", "Dame", "Baroness", "Economic", "Transport", "Environment", "Culture", "Sports",
             "Education", "Labor", "Commerce", "Treasury", "Homeland", "Acting", "Assistant", "Associate",
             "Senior", "Top", "Lead", "Managing", "Head", "Board", "Member", "Professor", "Prof",
             # organisation suffixes: "Guinness Plc" is no person
             "Plc", "PLC", "Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "Group", "Holdings", "Bank",
             "Securities", "Association", "Federation", "Union", "Club", "Airlines", "Motors", "Industries",
             "Institute", "University", "Foundation", "Trust", "Fund", "Partners", "Capital", "Systems",
             "Technologies", "Communications", "Entertainment", "Records", "Magazine", "Newspaper",
             "Under-Secretary", "Secretary-General", "Vice-President", "Vice-Chairman", "Co-Chairman",
             "Chief-Executive", "Spokesman", "Attorney-General",
             # roles news puts before a name ("Rapper Snoop Dogg", "Balco boss Victor Conte")
             "Rapper", "Singer", "Actress", "Actor", "Star", "Boss", "Keeper", "Player", "Skipper", "Owner",
             "Billionaire", "Tycoon", "Businessman", "Businesswoman", "Producer", "Writer", "Author",
             "Comedian", "Presenter", "Host", "Pop", "Sprinter", "Athlete", "Champion", "Winger", "Forward",
             "Undersecretary", "Charge", "Affaires", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday",
             "Tobacco", "Oil", "Energy", "Telecom", "Pharmaceuticals", "Insurance", "Investments"}
# a capitalised word, hyphenated parts included ("Van-Thinh"), and name particles ("al-Shaheen")
_NAME_WORD = (r"(?:\b(?:al|el|bin|ibn|de|da|di|van|von|der|du|le|la)[- ])?"
              r"(?:[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?|[A-Z]['’][A-Z][a-z]+)(?:-[A-Z]?[a-z'’]+)*")  # McGrath, O'Neill
_NAME_RX = re.compile(r"(?-i:" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")+)")  # never across lines
_NAME_MAX_WORDS = 3
# last words that make a capitalised run an organisation's name
_ORG_END = {"Plc", "PLC", "Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "Group", "Holdings", "Bank",
            "Securities", "Association", "Federation", "Union", "Club", "Airlines", "Motors", "Industries",
            "Institute", "University", "Foundation", "Trust", "Fund", "Partners", "Capital", "Systems",
            "Technologies", "Communications", "Entertainment", "Records", "Committee", "Commission",
            "Council", "Agency", "Authority", "Party", "Ministry", "Department", "Office", "Court", "Board",
            "Service", "Services", "News", "Times", "Post", "Journal", "Telegraph", "Herald", "Tribune"}  # longer capitalised runs are headlines or titles, not names
_SENT_END = re.compile(r"[.!?]\s|\n")


@lru_cache(maxsize=None)
def _actor_index() -> tuple[re.Pattern, tuple[tuple[re.Pattern, dict], ...]]:
    """One regex over every gazetteer name (longest first, then row order) and the
    (name, row) pairs to tell which row a match came from - one pass per text, not one per row."""
    alts: list[tuple[int, int, str, dict]] = []
    for order, row in enumerate(load_lexicon("actors")):
        for alt in row["pattern"].split("|"):  # the names are plain alternatives
            if alt:
                alts.append((-len(alt), order, alt, row))
    alts.sort(key=lambda a: (a[0], a[1]))
    big = re.compile(r"(?<![\w.])(?:" + "|".join(a[2] for a in alts) + r")(?![\w])")
    return big, tuple((re.compile(a[2]), a[3]) for a in alts)


@lru_cache(maxsize=4096)  # the lexicon's own row (shared, never modified) for a name
def _actor_row(name: str) -> dict:
    for rx, row in _actor_index()[1]:
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
def _country_index() -> tuple[re.Pattern | None, dict[str, dict]]:
    """Names of ``lexicons/countries.csv`` (Phoenix/CAMEO and GeoNames): one trie regex and the
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


class _NameScanner:
    """Every name of ``names`` in a text, as ``re.finditer`` over one alternation of them
    would give (leftmost; at one position the longest; not inside a word, not after a full
    stop), found by dictionary look-ups: compiling a regex over 7,800 names cost 0.17 s in
    every process, a sixth of a one-article run."""

    _NOT_WORD = re.compile(r"\W")  # where a name may end

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)
        self.longest = max((len(n) for n in self.names), default=0)
        initials = "".join(sorted({re.escape(n[0]) for n in self.names}))
        # a name's first character, not inside a word, not after a full stop
        self.starts = re.compile(r"(?<![\w.])[" + initials + "]") if initials else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.starts is None:
            return
        n, last_end = len(text), 0
        stops = [m.start() for m in self._NOT_WORD.finditer(text)] + [n]
        for s in self.starts.finditer(text):
            start = s.start()
            if start < last_end:
                continue
            lo, hi = bisect_right(stops, start), bisect_right(stops, start + self.longest)
            for k in range(hi - 1, lo - 1, -1):  # the longest name first
                end = stops[k]
                if text[start:end] in self.names:
                    last_end = end
                    yield _NAME_AT.match(text, start, end)
                    break


_NAME_AT = re.compile(r".+", re.S)  # a Match object for a span found without a regex


@lru_cache(maxsize=512)  # the same article text is scanned for every source it resolves
def _actor_mentions(text: str) -> tuple[dict, ...]:
    out: list[dict] = []
    rows: dict[str, dict] = {}
    for m in _actor_index()[0].finditer(text):
        name = m.group(0)
        if name not in rows:
            rows[name] = _actor_row(name)
        row = rows[name]
        if row:
            out.append({"start": m.start(), "end": m.end(), "text": name, "actor": row["actor"],
                        "kind": row["kind"], "source_type": row["source_type"], "rule": row["rule"], "person": ""})
    # the public dictionaries fill in what the hand-made rows do not name
    crx, by_name = _country_index()
    if crx is not None:
        taken = [(d["start"], d["end"]) for d in out]
        for m in crx.finditer(text):
            hit = [t for t in taken if _overlaps(m.span(), t)]
            if hit and not all(m.start() <= t[0] and t[1] <= m.end() and t != m.span() for t in hit):
                continue
            if hit:  # "West German" beats the "German" it contains
                out = [d for d in out if (d["start"], d["end"]) not in hit]
            row = by_name[m.group(0)]
            out.append({"start": m.start(), "end": m.end(), "text": m.group(0), "actor": row["actor"],
                        "kind": row["kind"], "source_type": row["source_type"], "rule": row["rule"],
                        "person": row["person"]})
        out.sort(key=lambda d: d["start"])
    # sets of starts and ends: a membership test per mention, not a pass over all of them
    starts, ends = {d["start"] for d in out}, {d["end"] for d in out}
    return tuple(d for d in out if not _inside_longer_name(text, d, starts, ends))


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
    m = re.search(r"([A-Z][a-z'’-]+)\s+$", before_text)
    if m and m.group(1) not in _NON_NAME:
        # a capitalised word right before, unless it starts the sentence
        lead = before_text[:m.start()].rstrip(" \t")
        if lead and lead[-1] not in ".!?\n\"“‘'(:" and (d["start"] - len(before_text) + m.end() - len(m.group(0)) + len(m.group(1))) not in gaz_ends:
            return True
    return False


@lru_cache(maxsize=512)
@lru_cache(maxsize=512)  # the article text is scanned again for every one-word source
def _person_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """Capitalised multi-word sequences that are not gazetteer entries or titles."""
    gaz = _actor_mentions(text)
    # Gazetteer mentions come leftmost first: a name overlaps one iff, among the mentions
    # starting before the name ends, the furthest end lies past the name's start (a bisect,
    # not a pass over every mention per name, which was quadratic in a long article).
    gaz_starts = [g["start"] for g in gaz]
    gaz_reach: list[int] = []
    for g in gaz:
        gaz_reach.append(max(g["end"], gaz_reach[-1]) if gaz_reach else g["end"])
    names = []
    for m in _NAME_RX.finditer(text):
        words = m.group(0).split()
        poss = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
        if poss:  # "Arsenal's Patrick Vieira": the name follows the possessive
            words = words[poss[-1] + 1:]
        words[-1] = re.sub(r"['’]s?$", "", words[-1])  # "Robert Mueller's" -> "Robert Mueller"
        if words[-1] in _ORG_END:  # "Spanish Football Federation", "Guinness Plc": an organisation
            continue
        if len(words) >= 3 and re.search(r"(?:ers|ors|ists|ians|ants|ents|ives)$", words[0]):
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
def _sentence_ends(context: str) -> tuple[int, ...]:
    """End offsets of every sentence break in ``context``, in order (one scan per article, not per mention)."""
    return tuple(m.end() for m in _SENT_END.finditer(context))


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
    mentions = find_actor_mentions(context[lo:s])
    if mentions:
        return mentions[-1]["actor"]  # the one nearest the name
    m = re.match(r",\s+(?:an?\s+|the\s+)?([^,.;]{0,80})[,.;]", context[e:min(we, e + 90)])
    if m and _APPOS_TITLE.search(m.group(1)):
        mentions = find_actor_mentions(m.group(1))
        if mentions:
            return mentions[0]["actor"]
    return ""


def _actor_beside(context: str, ms: int, me: int) -> str:
    """The actor named nearest a mention at [ms, me), 35 characters around it in its sentence."""
    ws, we = _sentence_window(context, ms)
    lo, hi = max(ws, ms - 35), min(we, me + 35)
    best, dist = "", 10**9
    for g in find_actor_mentions(context[lo:hi]):
        gs, ge = g["start"] + lo, g["end"] + lo
        d = ms - ge if ge <= ms else gs - me
        if d < dist:
            best, dist = g["actor"], d
    return best


@lru_cache(maxsize=64)
def _mentions_of(word: str, context: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[int, ...]]:
    """Every mention of ``word`` in ``context`` (starts, ends, the actor beside each) and, per
    mention, the index of the last mention up to it with an actor beside it (-1 if none)."""
    starts, ends, actors, last = [], [], [], []
    for m in re.finditer(r"\b" + re.escape(word) + r"\w*", context, re.I):
        starts.append(m.start())
        ends.append(m.end())
        actors.append(_actor_beside(context, m.start(), m.end()))
        last.append(len(actors) - 1 if actors[-1] else (last[-1] if last else -1))
    return tuple(starts), tuple(ends), tuple(actors), tuple(last)


def _antecedent_actor(word: str, context: str, pos: int) -> str:
    """Actor named next to the last earlier mention of ``word`` ("the ministry" -> "Foreign
    Ministry in Pyongyang" -> North Korea), looking 35 characters around it in its sentence."""
    # The mentions and their actors are found once per article (scanning context[:pos] for
    # every phrase was quadratic). A mention the old scan of context[:pos] saw is one whose
    # word ends by pos; the one running past pos was seen cut at pos.
    pos = max(0, len(context) + pos) if pos < 0 else min(pos, len(context))
    starts, ends, actors, last = _mentions_of(word, context)
    k = bisect_right(starts, pos - len(word))
    if k and ends[k - 1] > pos:
        k -= 1
        best = _actor_beside(context, starts[k], pos)
        if best:
            return best
    i = last[k - 1] if k else -1
    return actors[i] if i >= 0 else ""


def resolve_actor(text: str, context: str = "", pos: int | None = None) -> tuple[str, str]:
    """Canonical actor and source type of a source / target phrase.

    ``context`` is the article text (and ``pos`` the phrase's offset in it): it resolves a
    person to the country of the organisation in their title ("National Security Council ...
    John Kirby" -> United States; a later "Kirby" -> the same), and "the statement" /
    "the ministry" to the actor named where the article first mentions it.
    Returns ``(actor, source_type)``; ``("unknown", "unknown")`` when nothing resolves.
    """
    phrase = (text or "").strip().strip(",;:")
    if phrase.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", phrase):  # keep "the U.S."
        phrase = phrase.rstrip(".")
    if not phrase:
        return "unknown", "unknown"
    if pos is None:
        pos = context.find(phrase) if context else -1
        pos = len(context) if pos < 0 else pos
    low = phrase.lower()
    if low in _PRONOUNS:
        return "unknown", "unknown"
    gaz = find_actor_mentions(phrase)
    names = _person_names(phrase)
    bare = re.sub(r"^(?:the|a|an)\s+", "", low)
    # person: a name in the phrase, or a surname/first name of a person named earlier
    person_name = names[0][2] if names else ""
    if not person_name and context and re.fullmatch(r"(?-i:[A-Z][a-z'’-]+)", phrase):
        for s, name in _names_by_word(context).get(phrase, ()):
            if s < pos + len(phrase):
                person_name = name
                break
    if person_name and names and _ANON.search(phrase[names[0][1]:]):
        # "Georgia Tech researchers": unnamed people of a named body
        return (gaz[0]["actor"] if gaz else person_name), "anonymous"
    if person_name and not (gaz and gaz[0]["kind"] == "person"):
        actor = gaz[0]["actor"] if gaz else ""
        if not actor and context:
            i = context.find(person_name)
            if i >= 0:
                actor = _actor_near(context, i, i + len(person_name))
        # a named person with no country in sight is their own actor (never "unknown":
        # that category is for unnamed speakers)
        return (actor or person_name), "person"
    if gaz:
        people = [x for x in gaz if x["kind"] == "person"]
        if people:  # "Russian President Vladimir Putin": a person, whatever comes first
            return people[0]["actor"], "person"
        g = gaz[0]
        if g["kind"] == "media" or _MEDIA_HEAD.search(phrase) and g["kind"] == "media":
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
    if _DOC.search(bare) and len(bare.split()) <= 4:
        head = _DOC.search(bare).group(0).rstrip("s")
        return (_antecedent_actor(head, context, pos) or "unknown"), "document"
    if _ANON.search(bare):
        return "unknown", "anonymous"
    for head_rx, stype in ((_GOV_HEAD, "government"), (_MEDIA_HEAD, "media"), (_ORG_HEAD, "organisation")):
        m = head_rx.search(bare)
        if m and len(bare.split()) <= 4:
            return (_antecedent_actor(m.group(0), context, pos) or "unknown"), stype
    return "unknown", "unknown"


# ---------------------------------------------------------------------------
# Voice, hedges, evidence, scare quotes, loaded words


class _Covering:
    """Spans (quotes, contents) indexed to answer "does one of them cover [s, e)?" by bisect:
    among the spans starting at or before s, does the furthest end reach e? Testing every
    span per marker was quadratic in a long article."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((int(a), int(b)) for a, b in spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def covers(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s)
        return bool(k) and self.reach[k - 1] >= e


def _covers(spans, s: int, e: int) -> bool:
    if isinstance(spans, _Covering):
        return spans.covers(s, e)
    return any(a <= s and e <= b for a, b in spans)


def voice_of(span: Span, quotes: Iterable[Span] = (), contents: Iterable[Span] = ()) -> str:
    """``quoted`` inside quote marks, ``reported`` inside an indirect report, else ``narration``."""
    s, e = span
    if _covers(quotes, s, e):
        return "quoted"
    if _covers(contents, s, e):
        return "reported"
    return "narration"


def _in_skip(span: Span, skip: Iterable[Span]) -> bool:
    return any(_overlaps(span, tuple(k)) for k in skip)


@lru_cache(maxsize=None)
def _hedge_rules() -> tuple[tuple[dict, re.Pattern], ...]:
    return tuple((row, re.compile(row["pattern"], 0 if row.get("case") == "exact" else re.I))
                 for row in load_lexicon("hedges"))


@lru_cache(maxsize=None)
def _hedge_needs() -> tuple[Needs, ...]:
    return tuple(parse_needs(row.get("needs")) for row, _ in _hedge_rules())


def find_hedges(text: str, quotes: Sequence[Span] = (), contents: Sequence[Span] = (),
                skip: Sequence[Span] = ()) -> list[dict]:
    """Hedge and evidence-marker spans: dicts with layer, label (voice), start, end, text, value (category), rule.

    Overlapping matches in one layer keep the earliest, then the longest ("could potentially"
    rather than "potentially"). "what it called" is the journalist's distancing wherever it sits.
    """
    found = []
    low = lowered(text)
    for (row, rx), pre in zip(_hedge_rules(), _hedge_needs()):
        if not may_match(pre, low):
            continue
        for m in rx.finditer(text):
            found.append((row, m.start(), m.end()))
    found.sort(key=lambda f: (f[0]["layer"], f[1], -(f[2] - f[1])))
    out: list[dict] = []
    # Within a layer, matches come by start and those kept never overlap, so a match overlaps
    # a kept one iff it starts before the furthest kept end (no pass over all kept per match).
    reach: dict[str, int] = {}
    quotes, contents = _Covering(quotes), _Covering(contents)
    for row, s, e in found:
        if _in_skip((s, e), skip):
            continue
        if s < e and s < reach.get(row["layer"], -1):
            continue
        if s >= e and any(o["layer"] == row["layer"] and _overlaps((s, e), (o["start"], o["end"])) for o in out):
            continue
        reach[row["layer"]] = max(e, reach.get(row["layer"], -1))
        voice = "narration" if row["category"] == "distancing" and not quotes.covers(s, e) \
            else voice_of((s, e), quotes, contents)
        out.append({"layer": row["layer"], "label": voice, "start": s, "end": e, "text": text[s:e],
                    "value": row["category"], "rule": row["rule"]})
    return sorted(out, key=lambda d: (d["start"], d["layer"]))


_CALLED = re.compile(r"(?:\bwhat\s+(?:\w+\s+){1,2}?(?:called|calls|termed|terms|dubbed|described\s+as|labell?ed)"
                     r"|\bso[- ]called"
                     r"|\b(?:dubbed|termed|branded|labell?ed|called|calls|described)"
                     r"(?:\s+(?:it|them|him|her|this|that|these|those|the\s+\w+))?(?:\s+as)?(?:\s+(?:an?|the))?"
                     r"|\bthe\s+(?:term|word|phrase|label|slogan|expression|epithet|nickname))\s*$",
                     re.I)
_WORD = re.compile(r"[\w'’-]+")
# Signs that a short quote is somebody's speech, a title or markup, not a scare quote.
_SPEECH_BEFORE = re.compile(r"(?:\b(?:said|says|say|saying|told|tweeted|wrote|writes|asked|asks|added|adds|replied"
                            r"|answered|declared|shouted|yelled|exclaimed|quipped|joked)\b[^\w\n]{0,4}|[:=]\s*)$", re.I)
_SPEECH_AFTER = re.compile(r"^[\s,]*(?:(?:he|she|they|it|I|we)\s+|(?:[A-Z][\w.'’-]*\s+){1,3})?"
                           r"(?:said|says|told|added|adds|asked|wrote|tweeted|continued|replied)\b")
_FIRST_SECOND = re.compile(r"\b(?:I|I'm|I’m|we|We|you|You|my|My|our|Our|me|us)\b")


def find_scare_quotes(text: str, quotes: Sequence[Span], attributed: Sequence[Span] = (),
                      contents: Sequence[Span] = (), skip: Sequence[Span] = (),
                      max_words: int = 5) -> list[dict]:
    """Quoted words that nobody is quoted as saying: distancing / scare quotes.

    ``quotes`` are quote spans (marks included or not); ``attributed`` the ones an attribution
    reports as a speaker's direct words. A quote is a scare quote when it follows "what it
    called" / "so-called" / "dubbed" (SQ_called), sits inside a longer quote (SQ_nested, the
    speaker's own distancing, voice ``quoted``), or is a short fragment (<= ``max_words``
    words) that is not a speaker's direct words (SQ_fragment), e.g. a ‘rumour of arms
    dealings’ inside an indirect report.
    """
    out = []
    spans = sorted({(int(s), int(e)) for s, e in quotes})
    # An enclosing quote starts at or before s and ends at or after e: only quotes between the
    # first whose running end reaches e and the last starting at s can be one (bisect; testing
    # every quote per quote was quadratic in a long article).
    starts = [q[0] for q in spans]
    reach: list[int] = []
    for q in spans:
        reach.append(max(q[1], reach[-1]) if reach else q[1])
    for s, e in spans:
        if _in_skip((s, e), skip) or e <= s:
            continue
        inner = text[s:e].strip(QUOTE_CHARS + " ")
        nwords = len(_WORD.findall(inner))
        if nwords == 0:
            continue
        outer = [q for q in spans[bisect_left(reach, e):bisect_right(starts, s)]
                 if q != (s, e) and q[0] <= s and e <= q[1]]
        before = text[max(0, s - 40):s]
        if _CALLED.search(before):
            rule = "SQ_called"
        elif outer:
            rule = "SQ_nested"
        elif (nwords <= max_words and (s, e) not in set(map(tuple, attributed))
              and not _looks_like_speech_or_title(text, s, e, inner)):
            rule = "SQ_fragment"
        else:
            continue
        voice = "quoted" if outer else voice_of((s, e), (), contents)
        out.append({"layer": "scare_quote", "label": voice, "start": s, "end": e, "text": text[s:e],
                    "value": rule.split("_", 1)[1], "rule": rule})
    return out


def _looks_like_speech_or_title(text: str, s: int, e: int, inner: str) -> bool:
    """A quoted fragment that is speech ("I'm sorry," he said), a title (“The View”) or markup."""
    if re.search(r"[,.!?;:]\W*$", inner):  # punctuation inside the marks: quoted speech
        return True
    if _SPEECH_BEFORE.search(text[max(0, s - 25):s]) or _SPEECH_AFTER.match(text[e:e + 40]):
        return True
    if _FIRST_SECOND.search(inner):  # "I", "we", "you": somebody speaking
        return True
    words = _WORD.findall(inner)
    if re.search(r"[\d@#/<>=]", inner):  # dates, handles, ids, markup
        return True
    # Every word capitalised: a title or a name ("The View", "Hannity")
    return all(w[:1].isupper() for w in words if len(w) > 3 or w.lower() not in {"the", "of", "a", "an", "and", "on", "in"})


@lru_cache(maxsize=None)
def _loaded_rules() -> tuple[tuple[dict, re.Pattern, re.Pattern | None, re.Pattern | None], ...]:
    rows = []
    for row in load_lexicon("loaded"):
        rx = re.compile(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w-])", re.I)
        # not_before is anchored at the end of the left context, not_after at the start of the right
        nb = re.compile("(?:" + row["not_before"] + r")\s*$", re.I) if row.get("not_before") else None
        na = re.compile("(?:" + row["not_after"] + ")", re.I) if row.get("not_after") else None
        rows.append((row, rx, nb, na))
    return tuple(rows)


@lru_cache(maxsize=None)
def _loaded_needs() -> tuple[Needs, ...]:
    return tuple(parse_needs(row.get("needs")) for row, *_ in _loaded_rules())


def find_loaded(text: str, quotes: Sequence[Span] = (), contents: Sequence[Span] = (),
                skip: Sequence[Span] = (), bare: bool = False) -> list[dict]:
    """Loaded-language spans from ``lexicons/loaded.csv`` (label = voice, value = category).

    ``bare=True`` ignores the context columns (not_before / not_after): the bare-list
    baseline the evaluation compares against.
    """
    out: list[dict] = []
    # Kept matches never overlap one another: kept as sorted starts and ends, a new match
    # overlaps one iff the last kept match starting before its end reaches past its start
    # (bisect, not a pass over all kept matches per match). Empty matches take the old path.
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    empty = False
    quotes, contents = _Covering(quotes), _Covering(contents)
    low = lowered(text)
    for (row, rx, nb, na), pre in zip(_loaded_rules(), _loaded_needs()):
        if not may_match(pre, low):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if _in_skip((s, e), skip):
                continue
            if not bare:
                if nb is not None and nb.search(text[max(0, s - 30):s]):
                    continue
                if na is not None and na.match(text, e):
                    continue
            if empty or s >= e:
                if any(_overlaps((s, e), (o["start"], o["end"])) for o in out):
                    continue
            else:
                k = bisect_left(kept_starts, e)
                if k and kept_ends[k - 1] > s:
                    continue
            empty = empty or s >= e
            k = bisect_right(kept_starts, s)
            kept_starts.insert(k, s)
            kept_ends.insert(k, e)
            out.append({"layer": "loaded", "label": voice_of((s, e), quotes, contents), "start": s,
                        "end": e, "text": text[s:e], "value": row["category"], "rule": row["rule"]})
    return sorted(out, key=lambda d: d["start"])


# ---------------------------------------------------------------------------
# Attribution verbs

_VERB_STANCE_FALLBACK = {
    "doubt": ("claim", "allege", "purport", "contend", "assert that without"),
    "concede": ("admit", "concede", "acknowledge", "confess", "grant", "allow"),
    "assert": ("insist", "stress", "emphasi", "maintain", "declare", "affirm", "assert", "vow",
               "reiterate", "make clear", "underline", "warn"),
}


@lru_cache(maxsize=None)
def _cue_stances() -> tuple[tuple[frozenset, tuple[str, ...], str], ...]:
    """(first-word forms, rest of phrase, verb_stance) from the attribution engine's cues.csv."""
    try:
        rows = load_lexicon("cues")
    except (FileNotFoundError, OSError):
        return ()
    out = []
    for row in rows:
        words = (row.get("pattern") or "").lower().split()
        vs = (row.get("verb_stance") or "").strip()
        if not words or not vs:
            continue
        forms = inflections(words[0], double_final=True) | set((row.get("forms") or "").lower().split())
        out.append((frozenset(forms), tuple(words[1:]), vs))
    return tuple(out)


def verb_stance(cue: str) -> str:
    """neutral | doubt | concede | assert for an attribution cue ("claimed" -> doubt).

    Read from the ``verb_stance`` column of ``lexicons/cues.csv``; a small built-in list
    covers cues that file does not have.
    """
    try:
        return _verb_stance_cached(cue)
    except TypeError:  # not hashable
        return _verb_stance(cue)


@lru_cache(maxsize=4096)
def _verb_stance_cached(cue: str) -> str:
    return _verb_stance(cue)


def _verb_stance(cue: str) -> str:
    """neutral | doubt | concede | assert for an attribution cue ("claimed" -> doubt).

    Read from the ``verb_stance`` column of ``lexicons/cues.csv``; a small built-in list
    covers cues that file does not have.
    """
    words = (cue or "").strip().lower().split()
    if not words:
        return "neutral"
    for forms, rest, vs in _cue_stances():
        if words[0] in forms and tuple(words[1:1 + len(rest)]) == rest:
            return vs
    c = " ".join(words)
    for vs, stems in _VERB_STANCE_FALLBACK.items():
        if any(c.startswith(stem) for stem in stems):
            return vs
    return "neutral"
