import re

import pytest

from analysis.prefilter import lowered, required_words


@pytest.mark.parametrize("pattern, expected", [
    (r"\bdenied\s+\w+", ("denied",)),
    (r"\b(?:groundless|baseless)\s+rumou?r", ("groundless", "baseless")),
    (r"last\s+(week|month)", ("last",)),
    (r"\d{4}", None),                  # nothing literal: no prefilter
    (r"(?:a|an)?\s*x", None),          # optional or one-letter parts never count
])
def test_required_words(pattern, expected):
    words = required_words(re.compile(pattern, re.I))
    assert (set(words) if words else None) == (set(expected) if expected else None)


@pytest.mark.parametrize("pattern, text", [
    (r"\b(?:groundless|baseless)\s+rumou?r", "a Baseless rumour"),
    (r"last\s+(week|month)", "LAST   week"),
])
def test_a_matching_text_always_has_a_required_word(pattern, text):
    rx = re.compile(pattern, re.I)
    assert rx.search(text) and any(w in lowered(text) for w in required_words(rx))


def test_odd_case_folds_disable_the_filter():
    assert lowered("Kelvin \u212a") is None and lowered("ABC") == "abc"


# --- the needs column of every regex lexicon ------------------------------------------

from analysis import markers, stance  # noqa: E402
from analysis.lexicons import load_lexicon  # noqa: E402
from analysis.prefilter import implied, may_match, parse_needs  # noqa: E402

#: the lexicons whose rows declare needs, and the module that compiles (and reads) their patterns
NEEDS_LEXICONS = {"stance_terms": stance, "stance": stance, "hedges": markers, "loaded": markers}


def _rows():
    for name in NEEDS_LEXICONS:
        for row in load_lexicon(name):
            yield pytest.param(name, row, id=f"{name}:{row['rule']}")


def _examples(row: dict) -> list[str]:
    """The row's examples, several per cell separated by ';' (as test_lexicon_examples reads them)."""
    cell = row.get("example") or row.get("note") or ""
    return [t.replace("(in a speaker's words) ", "").replace("...", "").strip() for t in cell.split(";") if t.strip()]


@pytest.mark.parametrize("lexicon, row", list(_rows()))
def test_declared_needs_are_necessary(lexicon, row):
    """Every word the pattern is read to need contains a declared one, so a text holding a
    match holds a declared word and skipping the row never loses a match."""
    declared = [w.strip() for w in (row.get("needs") or "").split("|") if w.strip()]
    derived = NEEDS_LEXICONS[lexicon].derived_needs(lexicon, row)
    if derived is None:  # nothing can be read off the pattern: the row must be tried everywhere
        assert not declared, f"{row['rule']}: needs {declared} cannot be checked against the pattern"
        return
    assert declared, f"{row['rule']}: no needs; run tools/fill_needs.py"
    assert implied(declared, derived), f"{row['rule']}: needs {declared}, the pattern needs one of {derived}"


@pytest.mark.parametrize("lexicon, row", list(_rows()))
def test_example_passes_the_filter(lexicon, row):
    needs = parse_needs(row.get("needs"), stance._term_needs())
    for text in _examples(row):
        assert may_match(needs, lowered(text)), f"{row['rule']}: example {text!r} holds none of {needs}"


def test_word_class_needs_follow_an_edit():
    """A row that names a word class ({WRONGV}) needs whatever the class's terms need."""
    classes = stance._term_needs()
    rows = {row["rule"]: row for row in load_lexicon("stance")}
    needs = parse_needs(rows["A_reported_wrong"]["needs"], classes)
    assert "{WRONGV}" in rows["A_reported_wrong"]["needs"] and needs == classes["{WRONGV}"]
    assert parse_needs("{WRONGV}", {**classes, "{WRONGV}": None}) is None  # a term without needs: no filter


# --- the trigger index: one scan per text selects exactly the rows may_match would ------

from analysis import timex  # noqa: E402
from analysis.prefilter import TriggerIndex  # noqa: E402

#: every needs column the run-time code filters on, as the modules parse it
INDEXED_NEEDS = {
    "stance": lambda: stance._stance_needs(),
    "hedges": lambda: markers._hedge_needs(),
    "loaded": lambda: markers._loaded_needs(),
    "timex": lambda: tuple(rule[3] or None for rule in timex._RULES),
}


def _index_texts() -> list[str]:
    """Every lexicon example, a cue read in front of a clause as find_stance joins them,
    and texts that stress the scan: no whitespace, odd whitespace, a long piece, odd case."""
    texts = [t for name in NEEDS_LEXICONS for row in load_lexicon(name) for t in _examples(row)]
    texts += ["denied " + t for t in texts[:50]] + [t.replace(" ", "\u00a0") for t in texts[:50]]
    texts += ["", "   ", "DENIED", "de nied", "fake\tnews", "last\nnight", "last  night", "the weekend.",
              "http://example.com/" + "-".join(t.replace(" ", "-") for t in texts[:40]),
              "It was a \u212aelvin-scale hoax", "years ago,the weeks ahead"]
    return texts


@pytest.mark.parametrize("lexicon", sorted(INDEXED_NEEDS))
@pytest.mark.parametrize("cache_size", [1 << 16, 3])
def test_index_selects_the_rows_may_match_would(lexicon, cache_size, monkeypatch):
    from analysis import prefilter

    # the shared piece cache at its size, and tiny (emptied every few pieces)
    monkeypatch.setattr(prefilter._PIECE_WORDS, "_cache_size", cache_size)
    needs = INDEXED_NEEDS[lexicon]()
    index = TriggerIndex(needs)
    for text in _index_texts():
        low = lowered(text)
        assert index.rows(low) == tuple(k for k, n in enumerate(needs) if may_match(n, low)), text


@pytest.mark.parametrize("needs, text, rows", [
    ([("den",), ("deny",), ("nied",)], "he denied it", (0, 2)),     # words inside a longer word
    ([("a b",), ("ab",)], "a  b ab", (1,)),                          # a spaced word is searched as written
    ([("",), ("x",)], "", (0,)),                                     # the empty word is in every text
    ([None, ("q",)], "nothing", (0,)),                               # a row without needs always runs
    ([("night",)], "last\u2003night", (0,)),                         # any whitespace splits
])
def test_index_cases(needs, text, rows):
    assert TriggerIndex(needs).rows(lowered(text)) == rows


def test_stance_reads_a_cue_joined_in_front():
    """find_stance reads a cue absent from the clause in front of it: a row needing a word of
    the cue is tried (the scan is of the joined text)."""
    from analysis.stance import find_stance

    assert [r.rule for r in find_stance("that it had any role", cue="denied")] == ["D_deny_acc+cue"]
    assert find_stance("that it had any role") == []


# --- declared starts: a hedges / loaded row is tried only where a start begins --------

from pathlib import Path  # noqa: E402

from analysis.prefilter import finditer_from  # noqa: E402

STARTS_LEXICONS = ("hedges", "loaded", "stance")


def _starts_rows():
    for name in STARTS_LEXICONS:
        for row in load_lexicon(name):
            yield pytest.param(name, row, "starts", id=f"{name}:{row['rule']}")
            if row.get("requires"):
                yield pytest.param(name, row, "requires_starts", id=f"{name}:{row['rule']}:requires")


def _derived_starts(lexicon: str, row: dict, column: str):
    if lexicon != "stance":
        return markers.derived_starts(lexicon, row)
    return stance.derived_starts(row) if column == "starts" else stance.derived_requires_starts(row)


@pytest.mark.parametrize("lexicon, row, column", list(_starts_rows()))
def test_declared_starts_are_necessary(lexicon, row, column):
    """Every start read off the pattern begins with a declared one, so a match begins where
    a declared start begins and trying the row only there loses no match."""
    declared = [w.strip() for w in (row.get(column) or "").split("|") if w.strip()]
    derived = _derived_starts(lexicon, row, column)
    if derived is None:
        assert not declared, f"{row['rule']}: starts {declared} cannot be checked against the pattern"
        return
    assert declared, f"{row['rule']}: no starts; run tools/fill_needs.py"
    assert all(any(d.startswith(s) for s in declared) for d in derived), \
        f"{row['rule']}: starts {declared}, matches begin with one of {derived}"


def _starts_texts() -> list[str]:
    """Every example of the lexicons, in upper case too and after punctuation, and the shipped articles."""
    examples = [t for name in STARTS_LEXICONS for row in load_lexicon(name) for t in _examples(row)]
    texts = examples + [t.upper() for t in examples] + ['"(' + t + ')"' for t in examples]
    texts += [" ".join(examples), "-".join(examples), "", "so-so-called", "Ssso called \u017fo-called"]
    articles = Path(__file__).resolve().parents[1] / "data" / "articles"
    return texts + [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.md"))]


def _compiled_with_starts(lexicon: str) -> list[tuple[str, re.Pattern, tuple[str, ...] | None]]:
    """(rule, compiled regex, its declared starts) for every regex of a lexicon the kit runs."""
    if lexicon == "hedges":
        return [(row["rule"], rx, st) for (row, rx), st in zip(markers._hedge_rules(), markers._hedge_starts())]
    if lexicon == "loaded":
        return [(row["rule"], rx, st) for (row, rx, *_), st in zip(markers._loaded_rules(), markers._loaded_starts())]
    rules = stance._rules()
    return [(r.rule, r.rx, r.starts) for r in rules] + \
        [(r.rule + ":requires", r.requires, r.requires_starts) for r in rules if r.requires is not None]


@pytest.mark.parametrize("lexicon", STARTS_LEXICONS)
def test_trying_a_row_at_its_starts_finds_what_finditer_finds(lexicon):
    compiled = _compiled_with_starts(lexicon)
    assert sum(st is not None for *_, st in compiled) > 0.75 * len(compiled), "most rows declare starts"
    for text in _starts_texts():
        low = lowered(text)
        for rule, rx, starts in compiled:
            assert [m.span() for m in finditer_from(rx, text, low, starts)] == \
                [m.span() for m in rx.finditer(text)], (rule, text[:80])


# --- requires: a stance row is tried only on a text that holds its requires regex ------

_BLANK_AFTER = r"(?<=\s)"


def _top_level_bar(pattern: str) -> bool:
    """True when ``pattern`` has a ``|`` outside every group and character class."""
    depth, in_class, k = 0, False, 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            k += pattern.startswith("^", k + 1)
            k += pattern.startswith("]", k + 1)  # a ] first in a class is a member of it
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
        k += 1
    return False


def _ends_in_blank(items) -> bool:
    """True when every match of the parsed sequence ``items`` ends with a whitespace
    character (False when that cannot be read off it)."""
    from re import _constants as sre

    for op, av in reversed(list(items)):
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character
        if op is sre.IN:
            return av == [(sre.CATEGORY, sre.CATEGORY_SPACE)]
        if op is sre.SUBPATTERN:
            return _ends_in_blank(av[-1])
        if op is sre.BRANCH:
            return all(_ends_in_blank(alt) for alt in av[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and _ends_in_blank(av[2]):
            if av[0] >= 1:
                return True
            continue  # may be left out: what comes before decides
        return False
    return False


def _tail_rows():
    for row in load_lexicon("stance"):
        if (row.get("requires") or "").startswith(_BLANK_AFTER):
            yield pytest.param(row, id=row["rule"])


@pytest.mark.parametrize("row", list(_tail_rows()))
def test_a_requires_read_off_the_pattern_holds_in_every_match(row):
    """A ``requires`` written as (?<=\\s) + a tail of the pattern: the pattern is a head that
    every match of which ends with a blank, then that tail (then maybe \\w*), with no top-level
    ``|`` (which would split the sequence). So in a match the tail matches right after a
    blank, and the requires regex with it."""
    from re import _parser as sre_parse

    tail = row["requires"][len(_BLANK_AFTER):]
    pattern = row["pattern"]
    for rest in ("", r"\w*"):
        if pattern.endswith(tail + rest):
            head = pattern[:len(pattern) - len(tail + rest)]
            break
    else:
        pytest.fail(f"{row['rule']}: requires is not (?<=\\s) + a tail of the pattern")
    assert not _top_level_bar(stance.expand_macros(pattern)) and not _top_level_bar(stance.expand_macros(tail))
    assert _ends_in_blank(sre_parse.parse(stance.expand_macros(head), re.I).data), row["rule"]


def test_a_row_never_matches_a_text_its_requires_misses():
    """Every text a row's pattern matches holds its requires (the examples, in upper case,
    after punctuation, and the shipped articles)."""
    rules = [rule for rule in stance._rules() if rule.requires is not None]
    for text in _starts_texts():
        for rule in rules:
            if rule.rx.search(text):
                assert rule.requires.search(text), (rule.rule, text[:80])


def test_top_level_bar_and_blank_end():
    from re import _parser as sre_parse

    assert [_top_level_bar(p) for p in (r"a|b", r"(?:a|b)c", r"[|]a", r"\|a", r"[]|]", r"[^]|]", r"[^a]|b")] == \
        [True, False, False, False, False, False, True]
    ends = [_ends_in_blank(sre_parse.parse(p).data) for p in
            (r"\w+\s+", r"\w+\s+(?:to\s+)?", r"\w+(?:\s+to)?", r"\w+\s+(?!x)", r"\w\s*", r"(?:a\s|b\s+)")]
    assert ends == [True, True, False, True, False, True]


def test_lower_case_keeps_offsets():
    """finditer_from reads offsets in the lower-cased text as offsets in the text: only
    U+0130 lower-cases to two characters, and lowered refuses it."""
    assert [c for c in range(0x110000) if len(chr(c).lower()) != 1] == [0x130]
    assert lowered("\u0130stanbul") is None


def test_start_finder_gives_the_starts_a_text_holds():
    """StartFinder.present(low) is exactly the declared starts found in ``low``, so
    HeldStarts drops only starts that are nowhere in the text (nor in a stretch of it)."""
    from analysis.prefilter import HeldStarts, StartFinder, start_places

    finders = {"loaded": markers._loaded_finder(), "stance": stance._finder()}
    starts = {name: {s for *_, st in _compiled_with_starts(name) for s in st or ()} for name in finders}
    for text in _starts_texts() + ["x" * 40 + " deniedX 123abc", "ab\u00e9deny\u2019s"]:
        low = lowered(text)
        if low is None:
            continue
        for name, finder in finders.items():
            present = finder.present(low)
            assert present == {s for s in starts[name] if s in low}, (name, text[:80])
            for *_, st in _compiled_with_starts(name):
                if st:
                    assert start_places(low, HeldStarts(present).of(st)) == start_places(low, st)
    tiny = StartFinder([("ab", "b-c")])  # a start of another form is always held
    assert tiny.present("xyz") == {"b-c"} and tiny.present("ab cd ab") == {"ab", "b-c"}


from analysis.prefilter import Substrings  # noqa: E402


def test_substrings_finds_what_a_search_per_word_finds():
    """`Substrings.held` (candidates by their first two characters) against `w in piece` for
    every word: lexicon words, one-character words, words inside words, repeats, long pieces."""
    import random

    rng = random.Random(11)
    words = {"a", "it", "is", "deni", "denied", "denial", "hoax", "ho", "oax", "xx", "xxx", "fake", "n't"}
    words |= {w for w in stance._index()._plain}  # the stance lexicon's needed words
    alphabet = "adehinostx'-.,xo"
    pieces = ["undeniable;it", "xxxx", "hoaxhoax", "a", "", "n't", "https://fake.example/denied-it" * 5]
    pieces += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    pieces += [rng.choice(sorted(words)) + rng.choice(sorted(words)) for _ in range(1000)]
    finder = Substrings(words)
    for piece in pieces:
        assert finder.held(piece) == {w for w in words if w in piece}, piece


def test_an_index_built_later_still_finds_its_words_in_cached_pieces():
    """The pieces' words are shared by every index: a vocabulary added after a piece was
    read must still be found in it (the shared cache is emptied when words are added)."""
    first = TriggerIndex([("qqdenyqq",)])
    assert first.rows("zzhoaxzz qqdenyqq") == (0,)
    later = TriggerIndex([("zzhoaxzz",), ("hoax",)])  # built after "zzhoaxzz" was read
    assert later.rows("zzhoaxzz qqdenyqq") == (0, 1)
    assert first.rows("zzhoaxzz qqdenyqq") == (0,)  # and the first index sees only its own words


@pytest.mark.parametrize("lexicon", sorted(INDEXED_NEEDS))
def test_rows_of_a_stretch_read_off_the_whole_text(lexicon):
    """`rows(low, (places, at))` of a stretch of a text, read off the text's `WordPlaces`,
    is `rows(low)` of the stretch: every cut of a joined text of the lexicon examples,
    including cuts inside words and a Greek capital sigma whose lower case the cut changes."""
    import random

    rng = random.Random(5)
    needs = [*INDEXED_NEEDS[lexicon](), ("ας",), ("σα",)]
    index = TriggerIndex(needs)
    text = " ".join(_index_texts()[:300]) + " ΣΑΣ αΣα Σ, they ΟΔΟΣ denied"
    low = lowered(text.replace("\u212a", "K"))
    places = index.places(low)
    cuts = [(a, a + n) for a in range(0, len(text), 7) for n in (1, 5, 40, 200)]
    cuts += [(len(text) - 30 + a, len(text) - 30 + b) for a in range(30) for b in range(a, 31)]
    for a, b in rng.sample(cuts, 1500) + cuts[-500:]:
        stretch = lowered(text.replace("\u212a", "K")[a:b])
        assert index.rows(stretch, (places, a)) == index.rows(stretch), (a, b)
