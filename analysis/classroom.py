"""Classroom agreement: students label sentences, the kit scores them.

Students label each story sentence of an article as ``denial``, ``accusation`` or
``neither`` and say who is speaking. These pure functions compare an answer
sheet with the answer key (``data/classroom/``), with the engine's own labels
and with other students: Cohen's kappa and Krippendorff's alpha come from
``nltk.metrics.agreement.AnnotationTask``; disagreements come back as tables.

Answer sheets are long CSVs with the columns of :data:`ANSWER_COLUMNS`
(one row per student and sentence), plus :data:`SHEET_COLUMNS` when the app
saved them. Writing them goes through :func:`analysis.export.write_answers`,
which never overwrites: every student has a stable id (a hash of the name as
typed, so *Zoë* and *Zoe*, 李雷 and 王芳 never collide), and saving again adds a
version. Reading them is :func:`read_answers` / :func:`collect_class`.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd
from nltk.metrics.agreement import AnnotationTask

#: What a student may answer for a sentence.
LABELS = ("denial", "accusation", "neither")

#: Who may be speaking: the article's actors, an unnamed source, or the journalist's own voice.
SPEAKERS = ("North Korea", "United States", "Russia", "unknown", "journalist")

#: Columns of the answer key file.
KEY_COLUMNS = ["sent_index", "start", "end", "text", "label", "speaker"]

#: Columns of an answer sheet (one row per student and sentence; '' = not answered).
ANSWER_COLUMNS = ["student", "sent_index", "label", "speaker"]

#: Extra columns the app writes into each saved sheet: the student's stable id, the sheet's
#: version (1 = first hand-in) and whether the student had seen the key before saving it.
SHEET_COLUMNS = ["student_id", "version", "saw_key"]

#: Name of the file in the answers folder by which the teacher releases the answer key.
RELEASE_FILE = "answer-key-released.txt"

#: Coder names used for the reference answers.
GOLD, ENGINE = "answer key", "kit"

#: Below this many answered sentences a kappa is not reported (too few to mean anything).
MIN_ITEMS = 3


def key_dir() -> Path:
    """The `data/classroom/` folder of this checkout (answer keys, one CSV per article)."""
    return Path(__file__).resolve().parent.parent / "data" / "classroom"


def key_path(doc_id: str) -> Path:
    """Path of the answer key for `doc_id`."""
    return key_dir() / f"{doc_id}.csv"


def load_key(doc_id: str) -> pd.DataFrame:
    """The shipped answer key of article `doc_id` (``data/classroom/<doc_id>.csv``)."""
    return read_key(key_path(doc_id))


#: Environment variable naming the folder where a class's answer sheets are saved.
ANSWERS_ENV = "WHO_SAID_WHAT_ANSWERS"


def answers_folder(default: str | Path = "class-answers") -> Path:
    """Where answer sheets are saved and compared: ``$WHO_SAID_WHAT_ANSWERS`` if set, else `default`.

    A teacher who serves the classroom with Voilà sets the folder when starting the server.
    """
    return Path(os.environ.get(ANSWERS_ENV) or default)


def student_id(name: str) -> str:
    """A stable 10-character id of a student's name as typed (NFC, trimmed; case and accents kept).

    File names are ASCII slugs, which lose every non-Latin name and merge *Zoë* with *Zoe*;
    the id keeps them apart, and the name itself is stored inside the sheet.
    """
    text = unicodedata.normalize("NFC", str(name).strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


_SHEET_NAME = re.compile(r"-(?P<id>[0-9a-f]{10})(?:\.v(?P<version>\d+))?\.csv$")


def sheet_version(path: Path | str) -> int:
    """The version in a sheet's file name (`…-<id>.v3.csv` -> 3; no version -> 1)."""
    match = _SHEET_NAME.search(Path(path).name)
    return int(match.group("version") or 1) if match else 1


def key_released(folder: Path | str) -> bool:
    """True when the teacher has released the answer key for the class saving into `folder`."""
    return (Path(folder) / RELEASE_FILE).is_file()


def _as_source(source) -> object:
    """A path, a CSV string's bytes or an open buffer, as something pandas reads."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(bytes(source))
    return source


def read_key(source) -> pd.DataFrame:
    """The answer key (path or bytes), validated: known labels and speakers, unique sentences."""
    key = pd.read_csv(_as_source(source), dtype=str, keep_default_na=False)
    missing = [c for c in KEY_COLUMNS if c not in key.columns]
    if missing:
        raise ValueError(f"answer key lacks columns {missing}")
    key = key[KEY_COLUMNS].copy()
    for col in ("sent_index", "start", "end"):
        key[col] = key[col].astype("int64")
    bad = sorted(set(key["label"]) - set(LABELS)) + sorted(set(key["speaker"]) - set(SPEAKERS))
    if bad:
        raise ValueError(f"answer key has unknown labels or speakers: {bad}")
    if key["sent_index"].duplicated().any():
        raise ValueError("answer key repeats a sentence")
    return key.sort_values("sent_index").reset_index(drop=True)


def validate_answers(answers: pd.DataFrame, key: pd.DataFrame | None = None) -> pd.DataFrame:
    """Answers cleaned to :data:`ANSWER_COLUMNS`; raises ValueError naming the first problem.

    Labels and speakers are lower/upper-case tolerant ('Denial' -> 'denial'); '' means
    not answered. With `key`, every sentence must be one of the key's.
    """
    missing = [c for c in ANSWER_COLUMNS if c not in answers.columns]
    if missing:
        raise ValueError(f"answer sheet lacks columns {missing} (needs {ANSWER_COLUMNS})")
    out = answers[ANSWER_COLUMNS].copy()
    out = out.astype(object).where(out.notna(), "")
    for col in ("student", "label", "speaker"):
        out[col] = out[col].astype(str).str.strip()
    out["label"] = out["label"].str.lower()
    speakers = {s.lower(): s for s in SPEAKERS}
    out["speaker"] = [speakers.get(s.lower(), s) for s in out["speaker"]]
    try:
        out["sent_index"] = out["sent_index"].astype("int64")
    except (TypeError, ValueError, OverflowError):
        bad = next((v for v in answers["sent_index"] if not str(v).strip().lstrip("-").isdigit()
                    or abs(int(str(v).strip())) >= 2 ** 63), "")
        raise ValueError(f"sent_index must be sentence numbers of the key (found {str(bad)[:20]!r})") from None
    if (out["student"] == "").any():
        raise ValueError("every row needs a student name")
    bad_labels = sorted(set(out["label"]) - set(LABELS) - {""})
    if bad_labels:
        raise ValueError(f"unknown labels {bad_labels} (use {list(LABELS)})")
    bad_speakers = sorted(set(out["speaker"]) - set(SPEAKERS) - {""})
    if bad_speakers:
        raise ValueError(f"unknown speakers {bad_speakers} (use {list(SPEAKERS)})")
    if out.duplicated(["student", "sent_index"]).any():
        raise ValueError("a student answers a sentence twice")
    if key is not None:
        unknown = sorted(set(out["sent_index"]) - set(key["sent_index"]))
        if unknown:
            raise ValueError(f"sentences {unknown} are not in the answer key")
    return out.sort_values(["student", "sent_index"]).reset_index(drop=True)


def read_answers(source, key: pd.DataFrame | None = None) -> pd.DataFrame:
    """One answer sheet (a path, bytes or a buffer), validated with :func:`validate_answers`.

    Any sheet that cannot be read raises ValueError with the reason (never another error).
    """
    try:
        sheet = pd.read_csv(_as_source(source), dtype=str, keep_default_na=False)
    except UnicodeDecodeError:
        raise ValueError("not a UTF-8 text file") from None
    except pd.errors.EmptyDataError:
        raise ValueError("the file is empty") from None
    except pd.errors.ParserError as exc:
        raise ValueError(f"not a readable CSV ({str(exc).splitlines()[0][:80]})") from None
    return validate_answers(sheet, key)


def _sheet_info(path: Path, raw: pd.DataFrame) -> dict:
    """Version and saw-key flag of a saved sheet: from its columns, else from its file name."""
    version, saw = sheet_version(path), False
    if "version" in raw.columns and len(raw):
        try:
            version = int(str(raw["version"].iloc[0]))
        except ValueError:
            pass
    if "saw_key" in raw.columns and len(raw):
        saw = str(raw["saw_key"].iloc[0]).strip().lower() == "true"
    return {"version": version, "saw_key": saw}


@dataclass
class ClassSheets:
    """A class folder read: the answers compared (one sheet per student), every sheet found, and problems.

    ``sheets`` has one row per file read: student, version, saw_key, file, used (True for the
    sheet whose answers are in ``answers``).
    """

    answers: pd.DataFrame
    sheets: pd.DataFrame
    problems: list[str] = field(default_factory=list)


def collect_class(paths: Iterable[Path | str], key: pd.DataFrame | None = None,
                  which: str = "first") -> ClassSheets:
    """Every answer sheet in `paths` (files, or folders of ``*.csv``), one per student, and what was refused.

    A student who saved several versions is compared on the ``first`` (the hand-in made
    before seeing the key: the default) or the ``latest``. Unreadable files are named in
    ``problems`` with their reason; the others are still compared.
    """
    if which not in ("first", "latest"):
        raise ValueError("which must be 'first' or 'latest'")
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(f for f in p.glob("*.csv") if f.name != RELEASE_FILE) if p.is_dir() else [p])
    found, problems = [], []
    for path in files:
        try:
            raw = pd.read_csv(path, dtype=str, keep_default_na=False)
            sheet = read_answers(path, key)
        except Exception as exc:  # any file a student or a copy left here: name it, go on
            reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else f"cannot be read ({exc})"
            if isinstance(exc, pd.errors.EmptyDataError):
                reason = "the file is empty"
            elif isinstance(exc, UnicodeDecodeError):
                reason = "not a UTF-8 text file"
            problems.append(f"{path.name}: {reason}")
            continue
        for name, one in sheet.groupby("student", sort=False):
            found.append({"student": name, **_sheet_info(path, raw), "file": path.name, "answers": one})
    found.sort(key=lambda f: (f["student"], f["version"], f["file"]))
    chosen: dict[str, dict] = {}
    for f in found:
        if which == "latest" or f["student"] not in chosen:
            chosen[f["student"]] = f
    for f in found:
        f["used"] = chosen.get(f["student"]) is f
    sheets = pd.DataFrame([{k: v for k, v in f.items() if k != "answers"} for f in found],
                          columns=["student", "version", "saw_key", "file", "used"])
    answers = pd.concat([blank_answers([], "")] + [f["answers"] for f in chosen.values()], ignore_index=True)
    return ClassSheets(answers.reset_index(drop=True), sheets, problems)


def read_class(paths: Iterable[Path | str], key: pd.DataFrame | None = None,
               which: str = "first") -> tuple[pd.DataFrame, list[str]]:
    """:func:`collect_class` as (answers, problems)."""
    result = collect_class(paths, key, which)
    return result.answers, result.problems


def blank_answers(sent_indices: Iterable[int], student: str) -> pd.DataFrame:
    """An empty answer sheet for `student` over `sent_indices`."""
    rows = [{"student": student, "sent_index": int(i), "label": "", "speaker": ""} for i in sent_indices]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS).astype({"sent_index": "int64"})


def key_answers(key: pd.DataFrame, coder: str = GOLD) -> pd.DataFrame:
    """The answer key as an answer sheet by `coder`."""
    return pd.DataFrame({"student": coder, "sent_index": key["sent_index"].astype("int64"),
                         "label": key["label"], "speaker": key["speaker"]}, columns=ANSWER_COLUMNS)


def engine_answers(statements: pd.DataFrame, key: pd.DataFrame, coder: str = ENGINE) -> pd.DataFrame:
    """The kit's own answers for the key's sentences, from the statements table.

    A sentence is a denial if any statement starting in it is a denial, else an
    accusation if any is, else neither. Its speaker is the actor of that statement
    (of the first statement for 'neither'); a sentence without statements is the
    journalist's. Actors outside :data:`SPEAKERS` count as 'unknown'.
    """
    rows = []
    for i in key["sent_index"]:
        here = statements[statements["sent_index"] == int(i)]
        label, speaker = "neither", "journalist"
        for stance in ("denial", "accusation"):
            hit = here[here["stance"] == stance]
            if len(hit):
                label, speaker = stance, str(hit.iloc[0]["actor"])
                break
        else:
            if len(here):
                speaker = str(here.iloc[0]["actor"])
        rows.append({"student": coder, "sent_index": int(i), "label": label,
                     "speaker": speaker if speaker in SPEAKERS else "unknown"})
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS).astype({"sent_index": "int64"})


def cohen_kappa(a: pd.DataFrame, b: pd.DataFrame, column: str = "label") -> tuple[float, int]:
    """Cohen's kappa between two answer sheets on `column`, over sentences both answered; and that n.

    NaN when fewer than :data:`MIN_ITEMS` sentences are shared, or when both sheets use one
    and the same label throughout (chance agreement is then 1 and kappa undefined).
    """
    both = a[["sent_index", column]].merge(b[["sent_index", column]], on="sent_index", suffixes=("_a", "_b"))
    both = both[(both[f"{column}_a"] != "") & (both[f"{column}_b"] != "")]
    n = len(both)
    if n < MIN_ITEMS:
        return math.nan, n
    if len(set(both[f"{column}_a"]) | set(both[f"{column}_b"])) == 1:
        return math.nan, n  # chance agreement is 1: kappa is 0/0 (NLTK would say 1)
    data = [("a", i, x) for i, x in zip(both["sent_index"], both[f"{column}_a"])]
    data += [("b", i, x) for i, x in zip(both["sent_index"], both[f"{column}_b"])]
    try:
        return float(AnnotationTask(data=data).kappa_pairwise("a", "b")), n
    except ZeroDivisionError:
        return math.nan, n


def krippendorff_alpha(answers: pd.DataFrame, column: str = "label") -> float:
    """Krippendorff's alpha over every coder in `answers` (unanswered sentences are missing values)."""
    data = [(s, int(i), x) for s, i, x in zip(answers["student"], answers["sent_index"], answers[column])]
    task = AnnotationTask(data=data, missing_values=[""])
    try:
        return float(task.alpha())
    except (ValueError, ZeroDivisionError):
        return math.nan


def score(answers: pd.DataFrame, reference: pd.DataFrame) -> dict:
    """How one sheet compares with a reference sheet: answered, agreement and kappa, for label and speaker."""
    both = answers.merge(reference, on="sent_index", suffixes=("", "_ref"))
    out: dict = {"sentences": int(len(reference)), "answered": int((answers["label"] != "").sum())}
    for column in ("label", "speaker"):
        done = both[both[column] != ""]
        out[f"{column}_agree"] = int((done[column] == done[f"{column}_ref"]).sum())
        out[f"{column}_answered"] = int(len(done))
        out[f"{column}_accuracy"] = out[f"{column}_agree"] / len(done) if len(done) else math.nan
        out[f"{column}_kappa"], out[f"{column}_n"] = cohen_kappa(answers, reference, column)
    return out


def disagreements(answers: pd.DataFrame, key: pd.DataFrame, engine: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences where the student differs from the key (or the kit from the key), with all three answers.

    Columns: sent_index, text, student label/speaker, key label/speaker, kit label/speaker, and
    ``who_differs`` naming which of student/kit disagree with the key.
    """
    table = key[["sent_index", "text", "label", "speaker"]].rename(
        columns={"label": "key_label", "speaker": "key_speaker"})
    mine = answers[["sent_index", "label", "speaker"]].rename(
        columns={"label": "student_label", "speaker": "student_speaker"})
    table = table.merge(mine, on="sent_index", how="left")
    if engine is not None:
        kit = engine[["sent_index", "label", "speaker"]].rename(
            columns={"label": "kit_label", "speaker": "kit_speaker"})
        table = table.merge(kit, on="sent_index", how="left")
    else:
        table["kit_label"], table["kit_speaker"] = "", ""
    table = table.fillna("")

    def differs(prefix: str, row) -> bool:
        label, speaker = row[f"{prefix}_label"], row[f"{prefix}_speaker"]
        return (label != "" and label != row["key_label"]) or (speaker != "" and speaker != row["key_speaker"])

    who = []
    for _, row in table.iterrows():
        names = [name for name in ("student", "kit") if differs(name, row)]
        who.append(" and ".join(names))
    table["who_differs"] = who
    cols = ["sent_index", "text", "student_label", "key_label", "kit_label",
            "student_speaker", "key_speaker", "kit_speaker", "who_differs"]
    return table.loc[table["who_differs"] != "", cols].reset_index(drop=True)


def sentence_split(answers: pd.DataFrame, key: pd.DataFrame, engine: pd.DataFrame | None = None) -> pd.DataFrame:
    """How the class split on each sentence, most divided first: the table a teacher picks discussions from.

    One row per key sentence: number (1, 2, ... as in the form), text, how many students
    answered, how many chose each label, the most common label and its share, the number
    of different speakers named, the key's and the kit's labels. Sorted by the majority's
    share (lowest first), then by speakers named (most first).
    """
    number = {int(i): n for n, i in enumerate(key["sent_index"], 1)}
    kit = dict(zip(engine["sent_index"], engine["label"])) if engine is not None else {}
    rows = []
    for i, text, key_label in zip(key["sent_index"], key["text"], key["label"]):
        here = answers[(answers["sent_index"] == int(i)) & (answers["label"] != "")]
        counts = {label: int((here["label"] == label).sum()) for label in LABELS}
        n = int(len(here))
        top = max(LABELS, key=lambda l: counts[l]) if n else ""
        speakers = answers[(answers["sent_index"] == int(i)) & (answers["speaker"] != "")]["speaker"]
        rows.append({"sentence": number[int(i)], "text": text, "answered": n, **counts,
                     "most chose": top, "majority": counts[top] / n if n else math.nan,
                     "speakers named": int(speakers.nunique()), "key": key_label, "kit": kit.get(int(i), "")})
    table = pd.DataFrame(rows, columns=["sentence", "text", "answered", *LABELS, "most chose", "majority",
                                        "speakers named", "key", "kit"])
    return table.sort_values(["majority", "speakers named", "sentence"], ascending=[True, False, True],
                             na_position="last", kind="stable").reset_index(drop=True)


def pairwise_kappa(answers: pd.DataFrame, column: str = "label") -> pd.DataFrame:
    """Cohen's kappa for every pair of coders in `answers` (long table: coder_a, coder_b, kappa, n)."""
    coders = list(dict.fromkeys(answers["student"]))
    rows = []
    for a, b in itertools.combinations(coders, 2):
        kappa, n = cohen_kappa(answers[answers["student"] == a], answers[answers["student"] == b], column)
        rows.append({"coder_a": a, "coder_b": b, "kappa": kappa, "n": n})
    return pd.DataFrame(rows, columns=["coder_a", "coder_b", "kappa", "n"])


def class_agreement(answers: pd.DataFrame, key: pd.DataFrame | None = None,
                    engine: pd.DataFrame | None = None) -> dict:
    """A class's agreement: students' alpha, pairwise kappas, and each student against key and kit.

    Returns ``{"students", "alpha_label", "alpha_speaker", "pairs", "per_student"}``; ``pairs``
    is :func:`pairwise_kappa` among students only; ``per_student`` has one row per student with
    kappa against the key and the kit.
    """
    students = list(dict.fromkeys(answers["student"]))
    rows = []
    for s in students:
        sheet = answers[answers["student"] == s]
        row: dict = {"student": s, "answered": int((sheet["label"] != "").sum())}
        for name, ref in (("key", key_answers(key) if key is not None else None), ("kit", engine)):
            if ref is None:
                continue
            result = score(sheet, ref)
            row[f"kappa_vs_{name}"] = result["label_kappa"]
            row[f"accuracy_vs_{name}"] = result["label_accuracy"]
        rows.append(row)
    return {
        "students": students,
        "alpha_label": krippendorff_alpha(answers, "label") if len(students) > 1 else math.nan,
        "alpha_speaker": krippendorff_alpha(answers, "speaker") if len(students) > 1 else math.nan,
        "pairs": pairwise_kappa(answers, "label"),
        "per_student": pd.DataFrame(rows),
    }


def kappa_words(kappa: float, n: int | None = None) -> str:
    """Landis & Koch's words for a kappa (a rough guide for a class, not a verdict).

    With `n` (sentences both answered), an undefined kappa says why: too few answers,
    or one label used throughout by both (chance agreement is 1 and kappa is 0/0).
    """
    if kappa is None or (isinstance(kappa, float) and math.isnan(kappa)):
        if n is not None and n >= MIN_ITEMS:
            return "no kappa: both used one label throughout (0/0)"
        return "not enough answers"
    if kappa < 0:
        return "worse than chance"
    for bound, words in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= bound:
            return words
    return "almost perfect"


def sentence_errors(key: pd.DataFrame, errors: pd.DataFrame, doc_id: str) -> dict[int, list[dict]]:
    """The article's recorded errors (``load.read_article_errors``) by the key sentence whose text quotes them."""
    out: dict[int, list[dict]] = {}
    rows = errors[(errors["doc_id"] == doc_id) & (errors["quote"] != "")] if len(errors) else errors
    for row in rows.to_dict("records"):
        for i, text in zip(key["sent_index"], key["text"]):
            if row["quote"] in str(text):
                out.setdefault(int(i), []).append(row)
                break
    return out


def answers_from_choices(student: str, choices: Mapping[int, tuple[str, str]]) -> pd.DataFrame:
    """An answer sheet from ``{sent_index: (label, speaker)}`` (the classroom widget's state)."""
    name = student.strip() or "student"
    if name[0] in "=+-@\t\r":
        name = "'" + name  # a spreadsheet would run "=..." as a formula when the teacher opens the file
    rows = [{"student": name, "sent_index": int(i), "label": lab or "", "speaker": spk or ""}
            for i, (lab, spk) in sorted(choices.items())]
    return validate_answers(pd.DataFrame(rows, columns=ANSWER_COLUMNS))
