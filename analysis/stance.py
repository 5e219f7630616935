"""Stance of a clause: denial (CAMEO 016), accusation (CAMEO 112 and its children
1121..1125) or other, by verb + object patterns with counter-examples (``lexicons/stance.csv``).

:func:`find_stance` returns every label with its evidence (rule id, offsets, the target
named); :func:`classify_stance` the one that leads. The markers that qualify a statement
live in :mod:`analysis.markers`, actor resolution in :mod:`analysis.actor_names`, the
stance of a reporting verb in :mod:`analysis.verb_stance`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator

from analysis.lexicons import load_lexicon
from analysis.prefilter import (HeldStarts, Needs, StartFinder, TriggerIndex, WordPlaces, derive_needs, derive_starts,
                                finditer_from, found_from, lowered, parse_needs, share_vocabulary)
from analysis.spans import overlaps
from analysis.verb_stance import verb_stance


Span = tuple[int, int]

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


@lru_cache(maxsize=None)
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name for the codes the kit emits (the cameo / cameo_name columns of stance.csv).

    >>> cameo_names()["016"]
    'Deny responsibility / reject accusation'
    """
    return {row["cameo"]: row["cameo_name"] for row in load_lexicon("stance")
            if row.get("cameo") and row.get("cameo_name")}


# More specific children first: "war crimes" beats "war".
_CHILD_PRIORITY = ("1124", "1125", "1122", "1123", "1121")

_SPEECH_ACCUSATION = re.compile(r"rumou?r|\blie|\blying|disinformation|misinformation|propaganda"
                                r"|smear|tarnish|slander|defam|fabricat", re.I)


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
        return cameo_names().get(self.cameo, "")


OTHER = StanceResult("other", "S_none", "", None, "")


def expand_macros(pattern: str, terms: bool = True) -> str:
    """A stance.csv pattern with its {MACRO}s written out (``terms=False`` leaves the word
    classes of ``lexicons/stance_terms.csv`` in place).

    >>> print(expand_macros("they {DENY}"))
    they den(?:y|ies|ied|ying|ial|ials)
    """
    if terms:
        for key, val in _term_macros().items():
            pattern = pattern.replace(key, val)
    for key, val in _MACROS.items():
        pattern = pattern.replace(key, val)
    return pattern


@lru_cache(maxsize=None)
def _stance_rows() -> tuple[dict, ...]:
    """The rows of ``lexicons/stance.csv``, in lexicon order."""
    return tuple(load_lexicon("stance"))


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    """A stance.csv pattern (or ``requires``) compiled with its {MACRO}s written out; rows
    sharing a ``requires`` share one object (bounded by the lexicon's size)."""
    return re.compile(expand_macros(pattern), re.I)


# ---------------------------------------------------------------------------
# Which rows a text can match (the needs and requires columns)


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
    """Per row of :func:`_stance_rows`, the words one of which the row needs (``needs`` column)."""
    return tuple(parse_needs(row.get("needs"), _term_needs()) for row in _stance_rows())


def derived_needs(lexicon: str, row: dict) -> Needs:
    """Development time: the ``needs`` of a stance.csv or stance_terms.csv row, read from its
    pattern (written by ``tools/fill_needs.py``, checked by ``tests/test_prefilter.py``; never
    called at run time). A word class a pattern uses is named, not spelled out, so the row
    follows when the class is edited."""
    if lexicon == "stance_terms":
        return derive_needs(expand_macros(row["term"], terms=False), re.I)
    return derive_needs(expand_macros(row["pattern"], terms=False), re.I, held=_term_macros())


def derived_starts(row: dict) -> Needs:
    """Development time: the ``starts`` of a stance.csv row, read from its pattern as
    compiled (word classes written out: the tests check the column after a class is edited)."""
    return derive_starts(expand_macros(row["pattern"]), re.I)


def derived_requires_starts(row: dict) -> Needs:
    """Development time: the ``requires_starts`` of a stance.csv row (None without ``requires``)."""
    req = (row.get("requires") or "").strip()
    return derive_starts(expand_macros(req), re.I) if req else None


@lru_cache(maxsize=None)
def fallback_rules() -> frozenset[str]:
    """The rows that may make a statement of their own in a sentence no attribution covers
    (``fallback`` = yes in stance.csv): the speech-act verbs, not a narrated "was not" or
    "a hoax", which are the journalist's voice rather than somebody's denial.

    >>> {"D_deny_acc", "A_accuse"} <= fallback_rules(), "D_bare_not" in fallback_rules()
    (True, False)
    """
    return frozenset(row["rule"] for row in load_lexicon("stance") if (row.get("fallback") or "").strip() == "yes")


@lru_cache(maxsize=None)
def _index() -> TriggerIndex:
    """The trigger index of the stance rows (their ``needs``): one scan of a clause tells
    which rows may match it."""
    return TriggerIndex(_stance_needs())


class _Rule:
    """A stance row with the fields the matching loop reads, looked up once per lexicon
    rather than per row per clause.

    Its regexes are compiled when first tried (``rx``, ``requires``): a row whose needed
    words a text lacks is never tried, so a short run (one article) compiles only the rows
    its clauses may match. The pattern compiled is the same whenever that happens."""

    def __init__(self, row: dict) -> None:
        self.row = row
        self.kind: str = row["kind"]
        self.stance: str = row["stance"]
        self.rule: str = row["rule"]
        self.weak = row.get("strength") == "weak"
        self.asks = row["stance"] == "denial" or row["rule"] in _QUESTION_SENSITIVE  # a question asserts nothing
        self.starts: Needs = parse_needs(row.get("starts"))  # strings one of which every match begins with
        self.requires_starts: Needs = parse_needs(row.get("requires_starts"))  # the same for ``requires``
        self.has_requires = bool((row.get("requires") or "").strip())

    @cached_property
    def rx(self) -> re.Pattern:
        """The row's pattern."""
        return _compiled(self.row["pattern"])

    @cached_property
    def requires(self) -> re.Pattern | None:
        """The row's ``requires`` regex (a word class the row cannot match without, e.g.
        ``\\b{WRONGV}``, or the verb part of a pattern that begins with a noun phrase, which
        would otherwise be tried at every offset), checked once per text before the row's own,
        costlier pattern."""
        return _compiled(self.row["requires"].strip()) if self.has_requires else None

    def matches(self, text: str, low: str | None, held: HeldStarts | None = None) -> Iterator[re.Match]:
        """``self.rx.finditer(text)``, tried only where a declared start begins in ``low``
        (``lowered(text)``; see :func:`analysis.prefilter.finditer_from`), compiled only then;
        ``held``: the starts of the article ``text`` was cut from (None: any)."""
        return finditer_from(lambda: self.rx, text, low, self.starts if held is None else held.of(self.starts))

    def requires_found(self, text: str, low: str | None, held: HeldStarts | None = None) -> bool:
        """``self.requires.search(text) is not None``, tried only at its declared starts."""
        starts = self.requires_starts if held is None else held.of(self.requires_starts)
        return found_from(lambda: self.requires, text, low, starts)


@lru_cache(maxsize=None)
def _rules() -> tuple[_Rule, ...]:
    """The rows of ``lexicons/stance.csv`` as :class:`_Rule`, in lexicon order."""
    return tuple(_Rule(row) for row in _stance_rows())


@lru_cache(maxsize=256)
def _rows_of(low: str | None, within: tuple[WordPlaces, int] | None = None) -> tuple[int, ...]:
    """The stance rows ``low`` may match (a clause is read several times: by the candidate
    step, then by its statement's stretch); ``within``: the places of the rows' words in
    the article it was cut from, and where (see :meth:`analysis.prefilter.TriggerIndex.rows`)."""
    return _index().rows(low, within)


@lru_cache(maxsize=None)
def _finder() -> StartFinder:
    """Which of the stance rows' starts (of their patterns and ``requires``) a text holds."""
    return StartFinder([rule.starts for rule in _rules()] + [rule.requires_starts for rule in _rules()])


class _Article:
    """Where one article holds the stance rows' needed words, and which of their starts it
    holds: a clause cut from it reads its words off the article's, and holds no start the
    article lacks."""

    def __init__(self, low: str) -> None:
        self.low = low
        self.words = _index().places(low)
        self.starts = HeldStarts(_finder().present(low))

    def lowered(self, text: str, at: int) -> str:
        """``lowered(text)`` of the clause ``text`` cut from the article at ``at``, sliced from
        the article's: the article has no character :func:`analysis.prefilter.lowered`
        refuses, so neither has the clause, and lower case maps each character alone, save a
        capital sigma (final or not by its neighbours), for which the clause is lowered itself."""
        return lowered(text) if "Σ" in text else self.low[at:at + len(text)]


share_vocabulary(_index, _finder)


@lru_cache(maxsize=2)
def _article(article: str) -> _Article | None:
    """The article being annotated, read once (None: not known, see
    :func:`analysis.prefilter.lowered`); a function of its text alone, the last two kept."""
    low = lowered(article)
    return None if low is None else _Article(low)


def _cut_from(text: str, clause: str, article: str | None, at: int) -> _Article | None:
    """``article`` read, when ``text`` is the clause cut from it at ``at``; else None."""
    if article is None or text is not clause or not article.startswith(clause, at):
        return None
    return _article(article)


def may_match_any(text: str, rules: frozenset[str], article: str | None = None, at: int = 0) -> bool:
    """False when ``text`` cannot match any of the named stance rows (none of their needed
    words is in it): a cheap test before running the patterns. ``article``: the text ``text``
    was cut from, at offset ``at`` (only the words the article holds are then looked for).

    >>> deny = frozenset({"D_deny_acc"})
    >>> may_match_any("They denied it", deny), may_match_any("They said it", deny)
    (True, False)
    """
    read = _cut_from(text, text, article, at)
    table, low = _rules(), lowered(text) if read is None else read.lowered(text, at)
    return any(table[k].rule in rules for k in _rows_of(low, (read.words, at) if read else None))


# ---------------------------------------------------------------------------
# Finding the stance of a clause


def find_stance(clause: str, cue: str = "", weak: bool | None = None,
                only: frozenset[str] | None = None, article: str | None = None, at: int = 0) -> list[StanceResult]:
    """Every denial / accusation pattern in ``clause`` not vetoed by a counter-example.

    One result per non-overlapping stretch, denials first, then by lexicon order. When
    ``cue`` is given and not in the clause, it is read in front of it (offsets stay
    relative to ``clause``; a match inside the cue has ``match=None``).

    ``only`` restricts the match rows to those rule ids (blocks still apply).

    ``article``: the text ``clause`` was cut from, at offset ``at``: a start of a row the
    article lacks is then not searched for in the clause (the same results, sooner).

    ``weak`` switches the lexicon's weak rows (generic negation, doubt, "No, ...") on or
    off; by default they apply to a bare clause or headline (no cue) and after an asserting
    cue (*insisted*, *stressed*), not after a neutral one (*said*), where "did not ..." is
    an ordinary negation.

    >>> [(r.stance, r.rule, r.target_text) for r in find_stance("Washington was spreading a groundless rumour")]
    [('denial', 'D_baseless_acc', 'Washington'), ('accusation', 'A_wrongdoing', 'Washington')]
    """
    if weak is None:
        weak = not cue or verb_stance(cue) == "assert"
    prefix = cue + " " if cue and cue.lower() not in clause.lower() else ""
    text = prefix + clause if prefix else clause
    read = _cut_from(text, clause, article, at)
    low = lowered(text) if read is None else read.lowered(text, at)
    rows = _rows_of(low, (read.words, at) if read else None)
    hits = _unvetoed_matches(text, low, rows, weak, only, read.starts if read else None)
    results = [_result(row, m, text, len(prefix)) for row, m in _one_per_stretch(hits)]
    return _lend_counter_accused(results)


def _blocks(text: str, low: str | None, rows: tuple[int, ...], held: HeldStarts | None) -> list[tuple[Span, str]]:
    """Spans of the block rows (counter-examples) in ``text`` and the stance each vetoes
    (its own, or every stance when it is "other"); ``rows``: those ``text`` may match,
    ``low``: ``lowered(text)``, ``held``: the starts it may hold (None: any)."""
    rules = _rules()
    return [(m.span(), rules[k].stance) for k in rows if rules[k].kind == "block"
            for m in rules[k].matches(text, low, held)]


def _unvetoed_matches(text: str, low: str | None, rows: tuple[int, ...], weak: bool, only: frozenset[str] | None,
                      held: HeldStarts | None = None) -> list[tuple[int, int, dict, re.Match]]:
    """Matches of the match rows that apply, as (0 for a denial else 1, row order, row, match),
    without those a block row vetoes or a question asks; ``rows``: those ``text`` may match,
    ``low``: ``lowered(text)``, ``held``: the starts it may hold (None: any)."""
    hits: list[tuple[int, int, dict, re.Match]] = []
    rules = _rules()
    # the block rows' matches only veto a match: most clauses have none, so they are
    # searched (all of them, once) at the first match rather than for every clause
    blocks: list[tuple[Span, str]] | None = None
    req_seen: dict[str, bool] = {}  # a requires pattern several rows share is searched once
    for order in rows:
        rule = rules[order]
        if rule.kind != "match" or (rule.weak and not weak) or (only is not None and rule.rule not in only):
            continue
        if rule.has_requires:
            ok = req_seen.get(rule.row["requires"])
            if ok is None:
                ok = req_seen[rule.row["requires"]] = rule.requires_found(text, low, held)
            if not ok:
                continue
        for m in rule.matches(text, low, held):
            # the stance word itself must not sit in a counter-example
            if blocks is None:
                blocks = _blocks(text, low, rows, held)
            if blocks:
                core = _core_span(m)
                if any(overlaps(core, b) and bst in ("other", rule.stance) for b, bst in blocks):
                    continue
            # a denial asked as a question ("Real or hoax?", "Is the report true?") asserts nothing
            if rule.asks and _in_question(text, m.end()):
                continue
            hits.append((0 if rule.stance == "denial" else 1, order, rule.row, m))
    return hits


def _one_per_stretch(hits: list[tuple[int, int, dict, re.Match]]) -> list[tuple[dict, re.Match]]:
    """Denials first, then by lexicon order and position: a match whose stance words overlap
    those of one already kept with the same stance is dropped."""
    chosen: list[tuple[dict, re.Match]] = []
    for _, _, row, m in sorted(hits, key=lambda h: (h[0], h[1], h[3].start())):
        if any(overlaps(_core_span(m), _core_span(c)) and crow["stance"] == row["stance"]
               for crow, c in chosen):
            continue
        chosen.append((row, m))
    return chosen


def _result(row: dict, m: re.Match, text: str, shift: int) -> StanceResult:
    """The label of one kept match; offsets relative to the clause (``shift`` = the cue read in front)."""
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
    return StanceResult(row["stance"], rule, cameo, match, target, speaker)


def _lend_counter_accused(results: list[StanceResult]) -> list[StanceResult]:
    """A denial that names no accuser takes the target of the counter-accusation it carries
    ("Washington was spreading a groundless rumour": denial of Washington's claim)."""
    acc_targets = [r.target_text for r in results if r.stance == "accusation" and r.target_text]
    if not acc_targets:
        return results
    return [StanceResult(r.stance, r.rule, r.cameo, r.match, acc_targets[0], r.speaker_text)
            if r.stance == "denial" and not r.target_text else r for r in results]


def _child_code(clause: str, start: int, end: int) -> str:
    """Refine 112 to a CAMEO child from keywords after the accusation's start.

    Accusations of speech acts (spreading rumours, lies, smears) stay plain 112: what the
    rumour is about ("arms dealings") is not what the target is accused of doing.
    """
    if _SPEECH_ACCUSATION.search(clause[start:end]):
        return "112"
    tail = clause[start:]
    rules, low = _rules(), lowered(tail)
    found = {rules[k].row["cameo"] for k in _index().rows(low)
             if rules[k].kind == "child" and next(rules[k].matches(tail, low), None) is not None}
    for code in _CHILD_PRIORITY:
        if code in found:
            return code
    return "112"


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
