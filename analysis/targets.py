"""Whom a statement is about: the accused of an accusation, the accuser a denial answers.

A stance pattern names a target only where its row has a ``(?P<target>...)`` group. The
functions here find it from the sentence's structure instead, for any row:

- the object of an accusing verb (*accused* **Mr Blair and other ministers** *of*, *criticised*
  **the government** *for*, *condemned* **missile attacks by Yemen's Houthis**: the agent of the
  condemned act);
- the subject of a passive (**Millwall** *have been charged*, **Nancy Pelosi** *was criticised*);
- *against* / *by* phrases (*a lawsuit against* **Balco boss Victor Conte**);
- the subject of reported wrongdoing (*said* **the messages sent by the pair** *broke laws*);
- for a denial, the owner of the rejected claim (**U.S.** *accusations*, *charges by* **Iran**).

Each returns the phrase as written and its offset; :func:`analysis.actors.resolve_speaker`
turns it into an actor.
"""
from __future__ import annotations

import re

_ACCUSING_VERB = re.compile(
    r"\b(?:accus|blam|charg|criticis|criticiz|condemn|denounc|su(?=e\b|ed\b|es\b|ing\b)|indict|fin(?=ed\b|es\b)"
    r"|convict|prosecut|lambast|slamm?|blast|hammer|attack|chastis|rebuk|castigat|censur|reprimand|scold|deplor"
    r"|decr(?=y|ie)|excoriat|upbraid|vilif|assail|berat|derid|ridicul|mock|fault|protest)"
    r"(?:e|es|ed|d|s|ing|ies|ied|y)?\b", re.I)  # verb forms only: "prosecutor" is no verb
_BE = r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been|will\s+be|got|get|gets)"
_OBJECT_END = re.compile(r"\s+(?:of|for|over|with|as|after|in|on|at|to|from|about|amid|before|during|because|while"
                         r"|who|which|that|and\s+(?:said|called|asked|urged|demanded))\b|[,;:!?\"“”(]|\.(?=\s*$)|$",
                         re.I)
_SKIP_OBJECT = re.compile(r"^(?:that|of|for|by|in|on|as|to|with|over|a|an|it|this|its|their|his|her)$", re.I)
_AGENT = re.compile(r"\bby\s+((?:the\s+)?(?:[\w'’.&-]+\s+){0,4}?[\w'’.&-]+?)(?=\s+(?:of|for|over|with|as|after|in|on|at"
                    r"|to|from|about|during|because|while|who|which|that)\b|[,;:!?\"“”]|\.(?=\s*$)|$)", re.I)
_AGAINST = re.compile(r"\bagainst\s+((?:the\s+)?(?:[\w'’.&-]+\s+){0,5}?[\w'’.&-]+?)(?=\s+(?:of|for|over|with|as|after|in"
                      r"|on|at|to|from|about|during|because|while|who|which|that|following)\b|[,;:!?\"“”]|\.(?=\s*$)|$)", re.I)
_CLAIM = (r"(?:accusations?|allegations?|charges?|claims?|criticisms?|reports?|complaints?|assertions?|suggestions?"
          r"|lawsuit|suit|case|rumou?rs?)")
_CLAIM_OWNER_BEFORE = re.compile(r"((?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})(?:['’]s?)?\s+(?:\w+\s+)?"
                                 + _CLAIM + r"\b")
_CLAIM_OWNER_AFTER = re.compile(_CLAIM + r"\s+(?:made\s+)?(?:by|from)\s+((?:the\s+)?(?-i:[A-Z])[\w'’.&-]*"
                                r"(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.&-]*){0,4})", re.I)


_LEAD_PP = re.compile(r"^(?:in|on|at|after|during|before|for|with|from|since|under)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,3}",
                      re.I)


def clean_target(phrase: str) -> str:
    """Public name of :func:`_clip` for target texts found by stance patterns."""
    return _clip(phrase)


def _clip(phrase: str) -> str:
    """A target phrase as an actor's name: "Labour's six new pledges" -> "Labour", "Mr Blair and
    other Cabinet ministers" -> "Mr Blair", "In the tunnel Wenger" -> "Wenger"."""
    phrase = re.sub(r"\s*<[^>]*>", "", phrase).strip(" ,;:\"“”‘’'").strip()
    lead = _LEAD_PP.match(phrase)
    if lead and re.match(r"(?-i:[A-Z])", phrase[lead.end():]):
        phrase = phrase[lead.end():]
    owner = re.match(r"^((?:the\s+)?(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3})['’]s?\s+\S", phrase)
    if owner:
        phrase = owner.group(1)
    phrase = re.sub(r"(?<=\w)['’]s?$", "", phrase)  # "Hardie's" -> "Hardie"
    first = re.match(r"^((?:(?-i:[A-Z])[\w'’.&-]*\s+){0,3}(?-i:[A-Z])[\w'’.&-]*)\s+(?:and|or|as\s+well\s+as)\s+", phrase)
    if first:
        phrase = first.group(1)
    return phrase.strip()


def accused_object(clause: str, start: int, end: int) -> tuple[str, int] | None:
    """The accused of the accusing verb in ``clause[start:end]``: its object, the subject of its
    passive, or the agent of a condemned act. Offsets are relative to ``clause``."""
    verb = _ACCUSING_VERB.search(clause, start, max(end, start + 1))
    if verb is None:
        return None
    before = clause[:verb.start()]
    passive = re.search(_BE + r"\s+(?:\w+ly\s+|also\s+|now\s+|formally\s+)?$", before, re.I)
    headline_passive = re.search(r"(?-i:[A-Z])[\w'’.-]*\s+$", before) and re.match(
        r"\w*\s+(?:by|for|over|in|with|of|after|as)\b", clause[verb.start():], re.I) and verb.group(0)[-2:] == "ed"
    if passive or headline_passive:
        from analysis.attribution import _cut_subject

        stop = passive.start() if passive else verb.start()
        seg = _cut_subject(clause, 0, stop)
        if seg:
            return _clip(clause[seg[0]:seg[1]]), seg[0]
        return None
    rest = clause[verb.end():]
    m = re.match(r"\s+(?:(?:openly|publicly|strongly|sharply|repeatedly|also|again|formally)\s+)?", rest)
    obj_start = verb.end() + (m.end() if m else 0)
    # "protested to the United Nations over violations by ...": the addressee is no target
    to = re.match(r"to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}?(?:over|against|about|at)\s+", clause[obj_start:], re.I)
    if to:
        obj_start += to.end()
    tail = clause[obj_start:]
    cut = _OBJECT_END.search(tail)
    obj = _clip(tail[:cut.start()] if cut else tail)
    if not obj or _SKIP_OBJECT.match(obj.split()[0]) and len(obj.split()) == 1:
        return None
    if len(obj.split()) > 8:
        return None
    # "condemned missile attacks by Yemen's Houthis": the agent of the act is the accused
    agent = _AGENT.search(tail[cut.start():cut.start() + 60]) if cut else None
    if agent and not re.search(r"(?-i:[A-Z])", obj):
        return _clip(agent.group(1)), obj_start + cut.start() + agent.start(1)
    return obj, obj_start


def against_phrase(clause: str) -> tuple[str, int] | None:
    """*against X* (a lawsuit, charges, a case against X)."""
    m = _AGAINST.search(clause)
    if m and re.search(_CLAIM + r"|action|proceedings|case|charges|lawsuit|suit|complaint", clause[:m.start()], re.I):
        return _clip(m.group(1)), m.start(1)
    return None


def wrongdoer(clause: str, start: int) -> tuple[str, int] | None:
    """The subject of the wrongdoing matched at ``start`` ("Mr Abbott said **the messages sent by
    the pair** broke laws")."""
    from analysis.attribution import _cut_subject

    seg = _cut_subject(clause, 0, start) if start > 0 else None
    if seg is None:
        return None
    phrase = _clip(clause[seg[0]:seg[1]])
    by = re.search(r"\bby\s+(.+)$", phrase)  # "the messages sent by the pair": the senders
    if by:
        return _clip(by.group(1)), seg[0] + by.start(1)
    return phrase, seg[0]


def claim_owner(clause: str) -> tuple[str, int] | None:
    """Whose claim a denial rejects, where the sentence names them (**U.S.** accusations,
    charges **by Iran**, **Bellamy's** claim, IRANIAN ... CHARGES)."""
    from analysis.stance import find_actor_mentions

    m = _CLAIM_OWNER_AFTER.search(clause)
    if m:
        return _clip(m.group(1)), m.start(1)
    for c in re.finditer(r"\b" + _CLAIM + r"\b", clause, re.I):
        window = clause[max(0, c.start() - 40):c.start()]
        near = [g for g in find_actor_mentions(window) if len(window[g["end"]:].split()) <= 3]
        if near:  # a country or body named just before the claim ("Iranian spy boat charges")
            g = near[-1]
            return g["text"], max(0, c.start() - 40) + g["start"]
    if clause.isupper():
        return None  # a headline in capitals: a capitalised run is no name there
    for m in _CLAIM_OWNER_BEFORE.finditer(clause):
        words = m.group(1).split()
        if words[0] in {"The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Their", "Its"}:
            if len(words) == 1:
                continue
            return _clip(" ".join(words[1:])), m.start(1) + len(words[0]) + 1
        return _clip(m.group(1)), m.start(1)
    return None


def find_target(clause: str, stance: str, rule: str, match: tuple[int, int] | None) -> tuple[str, int] | None:
    """The target phrase of a statement whose stance pattern named none (offsets in ``clause``)."""
    if stance == "denial":
        return claim_owner(clause)
    if stance != "accusation":
        return None
    start, end = match if match else (0, len(clause))
    base = rule.split("+")[0]
    if base in {"A_reported_wrong", "A_predicate_wrong", "A_adverb_wrong", "A_broke_rules", "A_lying_quote",
                "A_negeval", "A_wrongdoing", "A_content_wrong", "A_failed_to"}:
        return wrongdoer(clause, start)
    if base == "A_crit_noun":  # "X shared the videos, drawing condemnation from Britain": X is criticised
        from analysis.attribution import _clause_subject

        seg = _clause_subject(clause, 0, start)
        return (_clip(clause[seg[0]:seg[1]]), seg[0]) if seg else None
    found = against_phrase(clause)
    if found:
        return found
    return accused_object(clause, start, end if match else len(clause))
