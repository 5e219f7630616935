"""Speech acts and pairing: which statements report the same act, which denial answers which accusation.

A post-processing stage over the dated statements table (after
:func:`analysis.events.assign_event_times`); everything happens inside one
article. Pure functions: frames in, new frames out.

**Speech acts** (:func:`group_acts`, column ``act_id`` = ``<doc_id>:a<n>``,
numbered in text order of each act's first statement). An article often reports
one act several times: the shipped article gives one KCNA statement as the
headline, a paraphrase and a direct quote. Denials and accusations are grouped
into one act when, in one article, they have

- the same ``actor`` (the party: *The US government* and *John Kirby* are both
  "United States"); statements with actor ``unknown`` (or empty) are grouped only
  when their ``source`` is written the same way, since two anonymous sources are
  not known to be one;
- the same ``stance``;
- compatible speakers: two different named persons (``source_type`` person,
  ``speaker``) are two acts even for one party (*Ebbers denied ... Sullivan also
  denied ...*); a person and the party's institutional voice (*The US government
  ... John Kirby said ...*) are one;
- compatible targets: equal, or one of them empty (*North Korea denies ...* and
  *... Washington's groundless rumour* are one denial); two different named
  targets are two acts;
- the same date: their ``event_start``..``event_end`` ranges overlap. An act keeps
  the intersection of its members' ranges, so a report dated "in 2022" cannot
  chain September and November into one act.
- **Undated** statements (empty ``event_start``: no date in the text and no
  publication date) join the one dated act with the same actor, stance and a
  compatible target when there is exactly one; otherwise the undated ones form
  one act among themselves (they cannot be told apart).

``other`` statements are never grouped: each is its own act, so counting distinct
``act_id`` works the same for every stance (a share's denominator included).

**Pairing** (:func:`pair_denials`, columns ``answers`` and ``answer_lag_days``).
A denial answers an accusation of the same article when

- the accusation's ``target`` is the denial's actor or its named speaker
  (:data:`PARTY_COLUMNS`), and, when the denial names a ``target`` (the accuser),
  the accusation's actor or speaker is that target; an accusation by the denier
  itself is never what it answers;
- the accusation comes *before* the denial: earlier in the text or in the same
  sentence, **or dated before it** (its range starts before the denial's and does
  not end after it). News puts the denial first and the accusation it answers
  after ("North Korea denies ... The US last week accused North Korea ..."), so
  text order alone would miss the commonest case; an accusation later in the text
  and not dated earlier is not what the denial answers;
- it is not dated after the denial (its range starting after the denial's ends).

When several accusations qualify: the nearest one dated on or before the denial's
date (smallest lag), then the nearest in the text (earlier ones first). All
statements of one denial act answer the same accusation (the best pair over the
act's statements; an accuser named by one report binds them all). ``answers`` is
that accusation's ``statement_id``; ``answer_lag_days`` = days from its
``event_start`` to the denial's
``event_start`` (never negative: overlapping dates count as the same time), NaN
when either is undated or nothing is answered.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import TYPE_CHECKING, Iterable

from .schema import is_missing

if TYPE_CHECKING:  # pandas is imported where a frame is read or built: `statements` passes rows
    import pandas as pd

#: Columns added by this stage.
ACT_COLUMNS = ("act_id", "answers", "answer_lag_days")
#: Stances grouped into acts and paired.
GROUPED = ("denial", "accusation")
#: Columns naming who made a statement: the party (``actor``, the grouping key) and the named
#: speaker; pairing accepts a match on either (an accusation of *Bernard Ebbers* is answered by
#: Ebbers' denial whatever his company's actor is).
PARTY_COLUMNS = ("actor", "speaker")

_UNKNOWN = {"", "unknown"}


# ------------------------------------------------------------------ helpers

def _text(value) -> str:
    if value.__class__ is str:  # the pipeline's cells: no str is a missing value (pd.isna("") is False)
        return value.strip()
    if is_missing(value):
        return ""
    return str(value).strip()


def _date(value) -> date | None:
    s = _text(value)
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _range(row: dict) -> tuple[date, date] | None:
    """The statement's (event_start, event_end), or None when undated."""
    start = _date(row.get("event_start"))
    if start is None:
        return None
    end = _date(row.get("event_end")) or start
    return (start, end) if end >= start else (start, start)


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _order(rows: list[dict]) -> list[int]:
    """Indices of `rows` in text order (start, end, then input order)."""
    return sorted(range(len(rows)), key=lambda i: (_int(rows[i].get("start"), -1), _int(rows[i].get("end"), -1), i))


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


def _norm(value) -> str:
    return _LEADING_ARTICLE.sub("", _text(value).lower())


def _speaker_key(row: dict) -> str:
    """Who made the act: the actor; for an unknown actor the source as written ('' = nobody)."""
    actor = _text(row.get("actor"))
    if actor.lower() not in _UNKNOWN:
        return "actor:" + actor
    source = _norm(row.get("source"))
    return "source:" + source if source else ""


def _by_doc(rows: list[dict]) -> dict[str, list[int]]:
    docs: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        docs.setdefault(_text(row.get("doc_id")), []).append(i)
    return docs


def _records(statements: pd.DataFrame) -> list[dict]:
    return statements.to_dict("records")


def _to_frame(statements: pd.DataFrame, rows: list[dict], cols: Iterable[str]) -> pd.DataFrame:
    import pandas as pd

    out = statements.copy()
    for col in cols:
        values = [r[col] for r in rows]
        out[col] = pd.array(values, dtype="float64") if col == "answer_lag_days" else pd.array(values, dtype="str")
    return out


# ------------------------------------------------------------------ speech acts

def group_act_rows(rows: Iterable[dict]) -> list[dict]:
    """Copies of the statement rows with ``act_id`` set (see the module docstring)."""
    rows = [dict(r) for r in rows]
    for doc_id, idx in _by_doc(rows).items():
        _group_doc(doc_id, [rows[i] for i in idx])
    return rows


def _person(row: dict) -> str:
    """The named person who spoke (speaker of a ``person`` source), else ''."""
    if _text(row.get("source_type")) != "person":
        return ""
    return _text(row.get("speaker")) or _text(row.get("source"))


def _fits(act: dict, key: str, stance: str, target: str, person: str) -> bool:
    """Can a statement (speaker key, stance, target, person) report the same act as `act`?"""
    return (act["key"] == key and act["stance"] == stance
            and not (target and act["target"] and target != act["target"])
            and not (person and act["person"] and person != act["person"]))


def _join(act: dict, target: str, person: str) -> None:
    act["target"] = act["target"] or target
    act["person"] = act["person"] or person


def _group_doc(doc_id: str, rows: list[dict]) -> None:
    # acts: dicts {key, stance, target, person, range (intersection of the members' ranges) | None}
    acts: list[dict] = []
    act_of: list[int] = [-1] * len(rows)
    undated: list[int] = []
    order = _order(rows)
    for i in order:
        row = rows[i]
        stance = _text(row.get("stance"))
        key = _speaker_key(row) if stance in GROUPED else ""  # who spoke matters to grouped stances only
        if not key:
            act_of[i] = len(acts)
            acts.append({"key": None, "stance": stance, "target": "", "person": "", "range": None})
            continue
        rng = _range(row)
        if rng is None:
            undated.append(i)
            continue
        target, person = _text(row.get("target")), _person(row)
        chosen = None
        for n in range(len(acts) - 1, -1, -1):  # the latest act that fits
            act = acts[n]
            if act["range"] is None or not _fits(act, key, stance, target, person):
                continue
            if max(act["range"][0], rng[0]) <= min(act["range"][1], rng[1]):
                chosen = n
                break
        if chosen is None:
            act_of[i] = len(acts)
            acts.append({"key": key, "stance": stance, "target": target, "person": person, "range": rng})
        else:
            act = acts[chosen]
            act["range"] = (max(act["range"][0], rng[0]), min(act["range"][1], rng[1]))
            _join(act, target, person)
            act_of[i] = chosen
    # undated statements: the one dated act that fits, else an undated act of their own
    n_dated = len(acts)
    for i in undated:  # already in text order
        row = rows[i]
        key, stance, target, person = _speaker_key(row), _text(row.get("stance")), _text(row.get("target")), _person(row)
        fits = [n for n in range(n_dated) if acts[n]["range"] is not None and _fits(acts[n], key, stance, target, person)]
        if len(fits) != 1:
            fits = [n for n in range(n_dated, len(acts)) if _fits(acts[n], key, stance, target, person)][:1]
        if fits:
            act_of[i] = fits[0]
            _join(acts[fits[0]], target, person)
        else:
            act_of[i] = len(acts)
            acts.append({"key": key, "stance": stance, "target": target, "person": person, "range": None})
    # number acts in text order of their first statement
    names: dict[int, str] = {}
    for i in order:
        names.setdefault(act_of[i], f"{doc_id}:a{len(names) + 1}")
    for i, row in enumerate(rows):
        row["act_id"] = names[act_of[i]]


def group_acts(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements with ``act_id``: statements that report the same speech act share one id.

    Ids are ``<doc_id>:a<n>``, numbered in text order within each article. Only
    denials and accusations are grouped (same actor, stance, compatible target and
    overlapping dates, in one article); every ``other`` statement is its own act.
    """
    rows = group_act_rows(_records(statements))
    return _to_frame(statements, rows, ["act_id"])


# ------------------------------------------------------------------ pairing

def _names(row: dict, columns: Iterable[str]) -> set[str]:
    return {v for v in (_text(row.get(c)) for c in columns) if v.lower() not in _UNKNOWN}


def _sent(row: dict) -> int:
    return _int(row.get("sent_index"), 0)


def _candidate_key(den: dict, acc: dict, party_cols: tuple[str, ...], den_target: str) -> tuple | None:
    """How well `acc` fits as the accusation `den` answers (smaller is better), or None if it cannot be.
    `den_target` is the accuser the denial's act names ('' when none)."""
    den_names = _names(den, party_cols)
    if not den_names or _text(acc.get("target")) not in den_names:
        return None
    acc_names = _names(acc, party_cols)
    if den_target and den_target not in acc_names:
        return None
    if acc_names & den_names:  # one does not answer oneself
        return None
    d_rng, a_rng = _range(den), _range(acc)
    dated = d_rng is not None and a_rng is not None
    if dated and a_rng[0] > d_rng[1]:
        return None  # dated after the denial
    dated_before = dated and a_rng[0] < d_rng[0] and a_rng[1] <= d_rng[1]
    earlier_in_text = _sent(acc) <= _sent(den)
    if not (earlier_in_text or dated_before):
        return None
    lag = (d_rng[0] - a_rng[0]).days if dated else None
    on_or_before = lag is not None and lag >= 0
    distance = abs(_int(den.get("start")) - _int(acc.get("start")))
    return (0 if on_or_before else 1, lag if on_or_before else 0, 0 if earlier_in_text else 1, distance)


def pair_denial_rows(rows: Iterable[dict]) -> list[dict]:
    """Copies of the statement rows with ``answers`` and ``answer_lag_days`` set."""
    rows = [dict(r) for r in rows]
    party_cols = tuple(c for c in PARTY_COLUMNS if rows and c in rows[0]) or ("actor",)
    for row in rows:
        row["answers"] = ""
        row["answer_lag_days"] = math.nan
    for idx in _by_doc(rows).values():
        doc = [rows[i] for i in idx]
        accusations = [r for r in doc if _text(r.get("stance")) == "accusation"]
        if not accusations:
            continue
        units: dict[str, list[dict]] = {}
        for r in doc:
            if _text(r.get("stance")) == "denial":
                units.setdefault(_text(r.get("act_id")) or "stmt:" + _text(r.get("statement_id")), []).append(r)
        for members in units.values():
            # the accuser named by any report of the act binds them all
            act_target = next((t for t in (_text(m.get("target")) for m in members) if t), "")
            candidates = []
            for den in members:
                for k, acc in enumerate(accusations):
                    key = _candidate_key(den, acc, party_cols, act_target)
                    if key is not None:
                        candidates.append((key, k, acc))
            # the best accusation that no dated report of the act precedes: an undated report
            # must not pair the act with an accusation made after its dated reports
            best = None
            for _, _, acc in sorted(candidates, key=lambda c: (c[0], c[1])):
                a_rng = _range(acc)
                if a_rng is None or all(_range(m) is None or a_rng[0] <= _range(m)[1] for m in members):
                    best = acc
                    break
            if best is None:
                continue
            acc = best
            a_rng = _range(acc)
            for den in members:
                den["answers"] = _text(acc.get("statement_id"))
                d_rng = _range(den)
                if a_rng is not None and d_rng is not None:
                    den["answer_lag_days"] = float(max(0, (d_rng[0] - a_rng[0]).days))
    return rows


def pair_denials(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements with ``answers`` (for a denial, the statement_id of the accusation it
    answers, else empty) and ``answer_lag_days`` (days from that accusation's event_start to
    the denial's, NaN when either is undated). Run after :func:`group_acts` so a denial act
    answers as one; without ``act_id`` each denial is paired on its own."""
    rows = pair_denial_rows(_records(statements))
    return _to_frame(statements, rows, ["answers", "answer_lag_days"])


def link_rows(rows: list[dict]) -> list[dict]:
    """Both steps on statement rows, as the pipeline runs them: acts, then pairing."""
    return pair_denial_rows(group_act_rows(rows))


# ------------------------------------------------------------------ summary

def pairing_summary(statements: pd.DataFrame) -> dict:
    """How denials answer accusations, counted in speech acts (a statement is its own act without ``act_id``).

    ``{"denials": denial acts, "answering": those that answer an accusation of their article,
    "share": answering / denials (None without denials), "median_lag_days": median over the
    answering acts with a lag (None when none has one), "lags": number of acts with a lag}``.
    An act's lag is the smallest lag among its statements.
    """
    import pandas as pd

    out = {"denials": 0, "answering": 0, "share": None, "median_lag_days": None, "lags": 0}
    if statements is None or len(statements) == 0 or "stance" not in statements.columns:
        return out
    den = statements[statements["stance"].astype(str) == "denial"]
    if den.empty:
        return out
    ids = den["statement_id"].astype(str)
    if "act_id" in den.columns:
        act = den["act_id"].astype(object).where(den["act_id"].notna(), "").astype(str)
        ids = act.where(act.str.strip() != "", ids)
    answers = (den["answers"].astype(object).where(den["answers"].notna(), "").astype(str).str.strip()
               if "answers" in den.columns else pd.Series("", index=den.index))
    lags = (pd.to_numeric(den["answer_lag_days"], errors="coerce") if "answer_lag_days" in den.columns
            else pd.Series(math.nan, index=den.index))
    frame = pd.DataFrame({"act": ids, "answered": answers != "", "lag": lags.where(answers != "")})
    per_act = frame.groupby("act", sort=False).agg(answered=("answered", "any"), lag=("lag", "min"))
    out["denials"] = int(len(per_act))
    out["answering"] = int(per_act["answered"].sum())
    out["share"] = out["answering"] / out["denials"]
    act_lags = per_act.loc[per_act["answered"], "lag"].dropna()
    out["lags"] = int(len(act_lags))
    out["median_lag_days"] = float(act_lags.median()) if len(act_lags) else None
    return out
