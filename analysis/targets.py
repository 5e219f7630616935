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
from bisect import bisect_right
from functools import lru_cache

from analysis.prefilter import may_match
from analysis.words import lowered_text, word_matches, word_starts

_ACCUSING_VERB = re.compile(
    r"\b(?:accus|blam|charg|criticis|criticiz|condemn|denounc|su(?=e\b|ed\b|es\b|ing\b)|indict|fin(?=ed\b|es\b)"
    r"|convict|prosecut|lambast|slamm?|blast|hammer|attack|chastis|rebuk|castigat|censur|reprimand|scold|deplor"
    r"|decr(?=y|ie)|excoriat|upbraid|vilif|assail|berat|derid|ridicul|mock|fault|protest|hand(?=ed\s+(?:a|an|the)\s))"
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
    phrase = re.sub(r"^(?:[A-Z][A-Z/ .]*\s*)?\((?:Reuters|AP|AFP|UPI)\)\s*[-–—]\s*", "", phrase)  # a dateline
    phrase = re.sub(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?=(?-i:[A-Z]))", "", phrase)
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
    reduced = reduced_relative(clause, verb.start(), verb.end())
    if reduced:
        return reduced
    passive = re.search(_BE + r"\s+(?:\w+ly\s+|also\s+|now\s+|formally\s+)?$", before, re.I)
    headline_passive = re.search(r"(?-i:[A-Z])[\w'’.-]*\s+$", before) and re.match(
        r"\w*\s+(?:by|for|over|in|with|of|after|as)\b", clause[verb.start():], re.I) and verb.group(0)[-2:].lower() == "ed"
    if passive or headline_passive:
        from analysis.clauses import cut_subject as _cut_subject

        stop = passive.start() if passive else verb.start()
        seg = _cut_subject(clause, 0, stop)
        if seg:
            return _clip(clause[seg[0]:seg[1]]), seg[0]
        if re.search(r"\b(?:after|before|for|since|despite|on)\s+$", clause[:stop], re.I):
            return _subject_before(clause, stop)  # "X is furious after being fined by ...": X
        return None
    rest = clause[verb.end():]
    m = re.match(r"\s+(?:(?:openly|publicly|strongly|sharply|repeatedly|also|again|formally)\s+)?", rest)
    obj_start = verb.end() + (m.end() if m else 0)
    # "protested to the United Nations over violations by ...": the addressee is no target
    to = re.match(r"to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}?(?:over|against|about|at)\s+", clause[obj_start:], re.I)
    if to:
        obj_start += to.end()
    if re.match(r"that\s", clause[obj_start:], re.I):  # "charged that Kraft said ...": the charge's subject
        after = re.match(r"that\s+(?:\S+\s+){0,4}", clause[obj_start:], re.I)
        return first_entity(clause, obj_start + 5, obj_start + after.end())
    # "the Glenview, Ill., food products company with ...": an organisation noun after commas
    org_np = re.match(r"(the\s+[^;:\"“”()]{0,60}?\b(?:" + ORG_HEAD_WORDS + r"))\s+(?:with|of|for|over)\b", clause[obj_start:],
                      re.I)
    if org_np and "," in org_np.group(1):
        return org_np.group(1), obj_start
    tail = clause[obj_start:]
    cut = _OBJECT_END.search(tail)
    obj = _clip(tail[:cut.start()] if cut else tail)
    if not obj or _SKIP_OBJECT.match(obj.split()[0]) and len(obj.split()) == 1:
        return None
    if re.match(r"(?:of|over|for|with)\s", obj, re.I):
        return None  # "accused of ...": no object; the accused stands before the verb
    if len(obj.split()) > 8:
        return None
    # "condemned missile attacks by Yemen's Houthis": the agent of the act is the accused
    agent = _AGENT.search(tail[cut.start():cut.start() + 60]) if cut else None
    if agent and not re.search(r"(?-i:[A-Z])", obj):
        return _clip(agent.group(1)), obj_start + cut.start() + agent.start(1)
    owner = re.match(r"\s+of\s+((?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})", tail[cut.start():]) if cut else None
    if owner and not re.search(r"(?-i:[A-Z])", obj) and not group_label(obj) and not re.search(
            r"\b(?:government|company|firm|man|woman|men|women|people|group|team|club|party)$", obj, re.I):
        return _clip(owner.group(1)), obj_start + cut.start() + owner.start(1)
    return obj, obj_start


_RELATIVE_SUBJECT = re.compile(r"(?:^|,\s*)(?:which|who|that)\s+(?:" + _BE + r"\s+)?(?:\w+ly\s+|also\s+)?$", re.I)


def _antecedent(clause: str, end: int) -> tuple[str, int] | None:
    """The noun phrase a relative clause or participle at ``end`` hangs on: a name before an
    appositive ("Forrest, a general accused of"), else the last noun phrase."""
    before = clause[:end].rstrip(" ,")
    appos = re.search(r"((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}),\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}"
                      r"[\w'’-]+$", before)
    if appos and appos.group(1).split()[0] not in _NOT_SUBJECT_WORDS | {"The", "A", "An"}:
        return _clip(appos.group(1)), appos.start(1)
    np = re.search(r"(?:(?:the|a|an|these|those)\s+)?(?:[\w'’.&-]+\s+){0,3}?[\w'’.&-]+$", before, re.I)
    if not np:
        return None
    from analysis.clauses import cut_subject as _cut_subject

    seg = _cut_subject(clause, 0, len(before))
    if seg:
        phrase = _AUX_END.sub("", _clip(clause[seg[0]:seg[1]]))
        words = phrase.split()
        for k in range(len(words), 0, -1):  # the longest tail that names somebody
            cand = " ".join(words[-k:])
            if words[-k].lower() in _PREP_OR_FIRST:
                continue
            if _good_phrase(cand) or group_label(cand):
                return cand, seg[0] + phrase.rindex(cand)
    return None


def reduced_relative(clause: str, vs: int, ve: int) -> tuple[str, int] | None:
    """The accused of "militants accused of ...", "Japan, which has been accused of ...", "a
    cleric whom Ankara accuses of ...", "LABOUR ACCUSED OF ...": the noun phrase the verb's
    relative clause or participle hangs on (there is no object between verb and "of")."""
    after = re.match(r"\s+(of|over|for|by|as)\b", clause[ve:], re.I)
    if not after or after.group(1).lower() not in ("of", "over") and not clause[vs:ve].lower().endswith("ed"):
        return None
    before = clause[:vs]
    whom = re.search(r"\bwhom\s+(?:[\w'’.-]+\s+){1,3}$", before)
    if whom:  # "a Turkish cleric living in X whom Ankara accuses of": the first noun phrase
        np = re.search(r"\b((?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?-i:[a-z])[\w-]*)(?:\s+(?:living|based|who|in|of|from"
                       r"|at|with)\b[^,;]*)?,?\s*$", before[:whom.start()], re.I)
        return (np.group(1), np.start(1)) if np else None
    rel = _RELATIVE_SUBJECT.search(before)
    if rel:
        return _antecedent(clause, rel.start())
    if clause[vs:ve].lower().endswith("ed") and re.search(r"(?:^|[\w'’.\"”-])\s+$", before) and not re.search(
            r"\b(?:has|have|had|is|are|was|were|be|been|being|get|got|having)\s+(?:\w+ly\s+)?$", before, re.I):
        found = _antecedent(clause, vs)
        if found and not re.search(r"\b(?:he|she|they|we|I|you|who|it)$", clause[:vs].rstrip(), re.I):
            return found
    return None


def accused_is_subject(clause: str, match: tuple[int, int] | None) -> bool:
    """Is the accused the subject of a passive or a participle ("Labour accused of ...", "X was
    charged with ...")? Then a speaker equal to the accused is the speaker's error, not the target's."""
    if not match:
        return False
    verb = _ACCUSING_VERB.search(clause, match[0], max(match[1], match[0] + 1))
    claim = _CLAIM_NOUN.search(clause, match[0], max(match[1], match[0] + 1))
    if claim and (verb is None or verb.start() >= claim.start()) and not re.match(
            r"\s+(?:against|by|from|made|that|of\s+\w+ing)\b", clause[claim.end():], re.I) and re.search(
            r"\b(?:after|amid|over|following|faces?|facing|denies|denied)\s+(?:\w+\s+){0,3}$", clause[:claim.start()], re.I):
        return True  # "X stepped down after accusations of misconduct": X is the accused
    if verb is None:
        return False
    before = clause[:verb.start()]
    if re.search(_BE + r"\s+(?:\w+ly\s+|also\s+)?$", before, re.I):
        return True
    return reduced_relative(clause, verb.start(), verb.end()) is not None


def against_phrase(clause: str) -> tuple[str, int] | None:
    """*against X* (a lawsuit, charges, a case against X)."""
    m = _AGAINST.search(clause)
    if m and re.search(_CLAIM + r"|action|proceedings|case|charges|lawsuit|suit|complaint", clause[:m.start()], re.I):
        return _clip(m.group(1)), m.start(1)
    return None


_CONTENT_START = re.compile(r"(?:\b(?:said|says|say|claimed|claims|alleged|alleges|found|finds|showed|shows"
                            r"|concluded|believes|believed|added|insisted|argued|wrote|that)\b|[:“\"]|\baccording\s+to\s+[^,]{1,60},)\s*",
                            re.I)
_ENTITY = re.compile(r"(?-i:\b(?:[A-Z][\w'’.&-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.&-]*)*)|\b(?:he|she|they)\b"
                     r"|\b(?-i:[A-Z])(?:e|he|hey)\b|\b(?:these|those|the)\s+(?:two|three|four|five|six)?\s*(?:men|women"
                     r"|defendants|suspects|brothers|accused)\b", re.I)
_DATE_WORD = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
                        r"|May|June|July|August|September|October|November|December|Christmas|Easter)$")
_NOT_SUBJECT_WORDS = {"I", "We", "You", "It", "This", "That", "There", "These", "Those", "If", "But", "And", "In", "On",
                      "At", "As", "When", "While", "However", "My", "Our", "Your", "So", "Then", "Not", "No", "What"}


_AUX_END = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|would|will|could|did|does|do|been|being|also|not|never"
                      r"|allegedly|reportedly))+$", re.I)


_PREP_OR_FIRST = {"in", "on", "at", "of", "for", "to", "from", "with", "by", "about", "after", "before", "during",
                  "my", "our", "your", "i", "we", "you", "me", "us", "if", "but", "and", "or", "so", "then"}


def _good_phrase(phrase: str) -> bool:
    """A phrase that can name somebody: a capitalised name, a third-person pronoun, or a short
    definite noun phrase ("the company", "the three men"), not a stray word of the clause."""
    words = phrase.split()
    if not words or len(words) > 8 or words[0].lower() in _PREP_OR_FIRST or words[-1].lower() in _PREP_OR_FIRST | {
            "through", "into", "against", "than", "when", "where"}:
        return False
    if re.fullmatch(r"(?:he|she|they|him|them|it)", phrase, re.I):
        return True
    if any(w[:1].isupper() and w.strip("'’\"“”") not in _NOT_SUBJECT_WORDS for w in words):
        return True
    return bool(re.fullmatch(r"(?:the|these|those|both)\s+(?:[a-z0-9-]+\s+){0,3}[a-z-]+", phrase))


def first_entity(clause: str, lo: int, hi: int) -> tuple[str, int] | None:
    """The first name or third-person pronoun in ``clause[lo:hi]`` (what a report of wrongdoing
    is about: "said Labour's plans showed Mr Blair was ...": Labour)."""
    for m in _ENTITY.finditer(clause, lo, hi):
        words = m.group(0).split()
        while words and (re.split(r"['’]", words[0].strip("“\"'‘"))[0] in _NOT_SUBJECT_WORDS | {"The", "A", "An"}
                         or words[0].endswith("ing") or _DATE_WORD.match(words[0]) and (
                             len(words) > 1 or words[0].endswith("day"))):
            words = words[1:]
        if not words:
            continue
        phrase = _clip(" ".join(words))
        if phrase:
            return phrase, m.end() - len(" ".join(words))
    return None


def wrongdoer(clause: str, start: int) -> tuple[str, int] | None:
    """The subject of the wrongdoing matched at ``start`` ("Mr Abbott said **the messages sent by
    the pair** broke laws"); where the subject is no name, the first name of the reported content."""
    from analysis.clauses import cut_subject as _cut_subject

    dummy = re.search(r"\b(?:it|it['’]s)\s+(?:is|was|would\s+be|has\s+been)?\s*(?:\w+\s+){0,3}?for\s+((?:the\s+)?[\w'’.-]+"
                      r"(?:\s+[\w'’.-]+){0,3}?)\s+to\b", clause, re.I)
    if dummy and dummy.group(1).split()[0].lower() not in _PREP_OR_FIRST:  # "It is wrong for the president to ..."
        return dummy.group(1), dummy.start(1)
    seg = _cut_subject(clause, 0, start) if start > 0 else None
    if seg is not None:
        # a quotation opening after the subject is its predicate: 'the Mnuchin analysis “makes a'
        subject = clause[seg[0]:seg[1]]
        cut = re.sub(r"^((?:\S+\s+)+?\S+)\s+[“\"].*$", r"\1", subject, flags=re.S)
        if re.match(r"(?:the\s+|The\s+)?(?-i:[A-Z])", cut):  # a name's phrase, not "open a plant", "the words"
            subject = cut
        phrase = _AUX_END.sub("", _clip(subject))
        by = re.search(r"\bby\s+(.+)$", phrase)  # "the messages sent by the pair": the senders
        if by:
            return _clip(by.group(1)), seg[0] + by.start(1)
        if _good_phrase(phrase):
            return phrase, seg[0]
    np = re.search(r"\b((?:the|this)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:(?:also|has|have|had|was|were|is|are|\w+ly)\s+)*$",
                   clause[:start], re.I)
    if np and not any(w.lower() in _PREP_OR_FIRST | {"said", "says", "that", "through", "into", "than"}
                      for w in np.group(1).split()):  # "The company also falsely ..."
        return np.group(1), np.start(1)
    # the reported content after its cue, else the content of an earlier cue
    for lo in [m.end() for m in reversed(list(_CONTENT_START.finditer(clause, 0, start)))] + [0]:
        found = first_entity(clause, lo, start)
        if found:
            return found
    return None


def claim_owner(clause: str) -> tuple[str, int] | None:
    """Whose claim a denial rejects, where the sentence names them (**U.S.** accusations,
    charges **by Iran**, **Bellamy's** claim, IRANIAN ... CHARGES)."""
    from analysis.actor_names import find_actor_mentions

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
        found = claim_owner(clause)
        if found or not match:
            return found
        base = rule.split("+")[0]
        if base in {"D_call_eval", "D_dismiss_obj", "D_dismiss_as"}:
            # "called the ABA rating a smear", "dismissed the Republicans' activities as ...",
            # "fired back at May over ...": the owner of the object answered
            verb = re.match(r"\S+(?:\s+(?:back|off|aside|away))?(?:\s+at)?", clause[match[0]:])
            lo = match[0] + (verb.end() if verb else 0)
            stop = re.compile(r"\s+(?:as|over|a|an|that|which|who)\s|[\"“‘']").search(clause, lo)
            return first_entity(clause, lo, stop.start() if stop else min(len(clause), lo + 60))
        if base in {"D_not_credible", "D_baseless_acc"}:
            # "Mr Conte is simply not credible", "Mr Conte chose to make unsubstantiated allegations"
            found = first_entity(clause, 0, match[0])
            return found if found and not re.fullmatch(r"he|she|they", found[0], re.I) else None
        return None
    if stance != "accusation":
        return None
    start, end = match if match else (0, len(clause))
    base = rule.split("+")[0]
    if base in {"A_reported_wrong", "A_predicate_wrong", "A_adverb_wrong", "A_broke_rules", "A_lying_quote",
                "A_negeval", "A_wrongdoing", "A_content_wrong", "A_failed_to"}:
        verb = _ACCUSING_VERB.search(clause, 0, max(end, start + 1))
        verb = verb if verb and verb.group(0).lower().endswith("ed") else None  # a verb, not "attacks" the noun
        if verb and not re.search(r"[\"“”]", clause[verb.end():start]) or verb and base == "A_content_wrong":
            # "attacked Labour's pledges as 'vacuous'": the accusing verb's object first
            found = accused_object(clause, verb.start(), verb.end())
            if found:
                return found
        return wrongdoer(clause, start)
    if base == "A_crit_noun":  # "X shared the videos, drawing condemnation from Britain": X is criticised
        from analysis.clauses import clause_subject as _clause_subject

        seg = _clause_subject(clause, 0, start)
        return (_clip(clause[seg[0]:seg[1]]), seg[0]) if seg else _subject_before(clause, start)
    found = against_phrase(clause) or accused_object(clause, start, end if match else len(clause))
    if found or not match:
        return found
    return _accused_elsewhere(clause, start, end)


_DATELINE = re.compile(r"^(?:[A-Z][A-Z/ .,]*\s*)?\((?:Reuters|AP|AFP|UPI)\)\s*[-–—]\s*")
_CLAIM_NOUN = re.compile(r"\b(?:accusations?|allegations?|charges?|claims?)\b", re.I)
_REPORT_THAT = re.compile(r"\b(?:contend|contends|contended|alleg\w*|claim\w*|charg\w*|said|says|say|found|finds)\s+that\s+",
                          re.I)


def _subject_before(clause: str, pos: int) -> tuple[str, int] | None:
    """The subject of the main clause before ``pos`` (datelines skipped)."""
    from analysis.clauses import clause_subject as _clause_subject

    seg = _clause_subject(clause, 0, pos)
    if seg:
        phrase = _AUX_END.sub("", _clip(clause[seg[0]:seg[1]]))
        if _good_phrase(phrase):
            return phrase, seg[0]
    d = _DATELINE.match(clause)
    return first_entity(clause, d.end() if d else 0, pos)


def _that_window(clause: str, at: int) -> tuple[str, int] | None:
    """The first name of a that-clause starting at ``at``, within its first words."""
    words = re.match(r"(?:\S+\s+){0,6}", clause[at:])
    return first_entity(clause, at, at + (words.end() if words else 0))


def _accused_elsewhere(clause: str, start: int, end: int) -> tuple[str, int] | None:
    """The accused where the statement's words have no object: "accusations that X ...", "X
    stepped down after accusations of ...", "bankers contend that X ..."."""
    claim = _CLAIM_NOUN.search(clause, start, max(end, start + 1))
    if claim:
        that = re.match(r"\s+that\s+", clause[claim.end():])
        if that:
            return _that_window(clause, claim.end() + that.end())
        if not re.match(r"\s+(?:by|from|made)\b", clause[claim.end():]):
            return _subject_before(clause, claim.start())
        return None
    rep = _REPORT_THAT.search(clause, start, min(len(clause), max(end, start + 1) + 12))
    if rep:
        return _that_window(clause, rep.end())
    return None


# ---------------------------------------------------------------------------- resolving a target
#
# A target phrase becomes an actor as a speaker does (analysis.actors.resolve_speaker), with
# what a target needs besides: the accused is named as a person where a person is named (an
# official accused of personal conduct is the person, not their state), and phrases that point
# back to an entity named elsewhere in the article (pronouns, "the striker", "the company",
# "the three men") are resolved by coreference to the article's named entities.

_PERSON_PRONOUN = re.compile(r"^(?:he|him|she|her|his)$", re.I)
_VERB_BEFORE = re.compile(_ACCUSING_VERB.pattern + r"\s+$", re.I)
_IT_PRONOUN = re.compile(r"^(?:it|its)$", re.I)
_GROUP_NP = re.compile(r"^(?:the\s+|these\s+|those\s+|both\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|both)\s+)?"
                       r"(?:[a-z-]+\s+)?(?P<head>men|women|people|defendants|suspects|pair|trio|brothers|sisters"
                       r"|accused|individuals|executives|promoters|officers|managers|players|partners|co-defendants)"
                       r"(?:\s+(?:who|believed|thought|said|named|accused|charged|from|of|in)\b.*)?$",
                       re.I)
_NUMBER = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten)$", re.I)
_GROUP_WORDS = re.compile(r"^(?:they|them|their)$", re.I)
ORG_HEAD_WORDS = (r"company|companies|firm|firms|group|bank|corporation|carrier|airline|insurer|retailer|maker|manufacturer"
                  r"|producer|lender|broker|brokerage|utility|conglomerate|giant|chain|operator|supplier|business")
_ORG_HEAD_END = re.compile(r"(?:^|\s)(?:" + ORG_HEAD_WORDS + r")$", re.I)
# "<head noun> <Name>" ("building products group James Hardie", "Welsh striker Craig Bellamy")
_NAME_AFTER_HEAD = r"\s+((?-i:[A-Z](?:[\w'’&-]|\.(?=\w))*\.?)(?:\s+(?-i:[A-Z](?:[\w'’&-]|\.(?=\w))*)){0,3})(?!\w)"
_NAME_AFTER_HEAD_RX = re.compile(_NAME_AFTER_HEAD)
# "<Name>, the/a ... <head>" with at most three modifiers and no verb in between
_NAME_BEFORE_HEAD = re.compile(r"((?-i:[A-Z][\w'’&.-]*)(?:\s+(?-i:[A-Z][\w'’&.-]*)){0,3}),\s+(?:the|a|an|its|their)\s+"
                               r"(?:(?-i:[a-zA-Z][\w'’-]*)\s+){0,3}$")
_LIST = re.compile(r"((?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3})(?:,\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])"
                   r"[\w'’.-]*){0,3})*,?\s+and\s+(?-i:[A-Z])[\w'’.-]*")
_NOT_A_NAME = {"The", "A", "An", "In", "On", "At", "But", "And", "If", "When", "After", "He", "She", "It", "They", "We",
               "I", "This", "That", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady"}


# "U.S. Muslim groups" goes on. What "(?<=[a-z0-9)\]”\"'’])[.!?][\"”’']?\s|\n" matches, with the
# break's first character first, a character set the regex engine skips to (a pattern that
# starts with a look-behind is tried at every character: four times slower over 600 characters)
_SENT_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[a-z0-9)\]”\"'’][.!?])[\"”’']?\s)")


# Not segment.find_sentences: with its (Punkt) sentences instead of this window, one
# PolNeAR statement gets another target (nyt_2015-12-01_puerto-rican-bank-left-debt-inst:11,
# "Old San Juan" -> "New York"), and the output must stay as it is. Not stance's window either:
# that one breaks after any ".", so "U.S. Muslim groups" would end a sentence at "U.S.".
def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (looking back at most 600 characters)."""
    lo = 0
    for m in _SENT_END.finditer(text, max(0, pos - 600), pos):
        lo = m.end()
    hi = _SENT_END.search(text, pos)
    return lo, (hi.start() if hi else len(text))


def _resolved_name(name: str, text: str, pos: int) -> str:
    """A named entity as a target: a person as named in full, anybody else as the speaker
    resolution names them."""
    from analysis.actors import UNKNOWN, resolve_speaker

    who = resolve_speaker(name, text, pos)
    if who.actor == UNKNOWN or who.rule == "act.description":
        return ""  # a description names a speaker, not whom an accusation is about
    if who.source_type == "person" and who.speaker and who.rule not in ("act.client",):
        person = who.speaker
        # "Chief of Staff John Kelly": a title word read as the first name
        if len(person.split()) >= 3 and re.search(r"\bof\s+" + re.escape(person), text):
            person = " ".join(person.split()[1:])
        return person
    return who.actor


# (not remembered: in a cold PolNeAR pass 19 of 6,264 asks repeated one; _org_names, which
# asks most of them, is remembered per article itself)
def _head_mentions(head: str, text: str) -> tuple[tuple[int, str], ...]:
    """(offset, name) of entities the article introduces with ``head`` ("striker Craig Bellamy",
    "Craig Bellamy, the Newcastle striker")."""
    # A word the lower-cased article lacks is nowhere in it, in any case (prefilter.lowered says
    # when that holds; for an ASCII word): most of _org_names' 22 heads are skipped so, where
    # each case-insensitive scan of the article cost a twentieth of a millisecond.
    if head.isascii() and not may_match((head.lower(),), lowered_text(text)):
        return ()
    out = []
    for m in word_matches(re.compile(r"\b" + re.escape(head) + r"s?\b", re.I), head, text):
        after = _NAME_AFTER_HEAD_RX.match(text, m.end(), m.end() + 60)
        if after and after.group(1).split()[0] not in _NOT_A_NAME:
            out.append((m.start(), after.group(1)))
            continue
        before = _NAME_BEFORE_HEAD.search(text[max(0, m.start() - 80):m.start()])
        if before and before.group(1).split()[0] not in _NOT_A_NAME:
            out.append((m.start(), before.group(1)))
    return tuple(out)


def _nearest(mentions: list[tuple[int, str]], pos: int, text: str, exclude: set[str]) -> str:
    """The mention nearest before ``pos`` (outside the phrase's own sentence), else the first
    one after it (a lead's "Three men were charged ... named as ...")."""
    s0, s1 = _sentence_span(text, pos)
    before = [(p, n) for p, n in mentions if p < s0 and n not in exclude]
    if before:
        return before[-1][1]
    after = [(p, n) for p, n in mentions if p >= s1 and n not in exclude]
    return after[0][1] if after else ""


def _salient(names: list[tuple[int, str]], pos: int, exclude: set[str]) -> str:
    """The name mentioned most often before ``pos``, the latest on a tie."""
    counts: dict[str, tuple[int, int]] = {}
    for p, n in names:
        if p < pos and n not in exclude:
            c = counts.get(n, (0, 0))
            counts[n] = (c[0] + 1, p)
    return max(counts, key=lambda n: counts[n]) if counts else ""


@lru_cache(maxsize=64)
def _org_names(text: str) -> tuple[tuple[int, str], ...]:
    """Organisations the article names: legal or organisation-shaped names, and names it
    introduces with an organisation noun ("products group James Hardie")."""
    from analysis.coreference import _org_mentions
    from analysis.entities import _org_name

    from analysis.entities import _ORG_SUFFIX

    found = [(p, _org_name(n)) for p, n in _org_mentions(text) if not re.fullmatch(_ORG_SUFFIX, n)]
    for head in ORG_HEAD_WORDS.split("|"):
        if not head.endswith("s") or head in ("business",):
            found += [(p, n) for p, n in _head_mentions(head, text) if len(n.split()) <= 4]
    found = [(p, re.sub(r"^(?:The|A|An)\s+", "", n)) for p, n in found if not re.search(r"[.!?]\s", n)]
    # count every later mention of each name (a bare "Hardie" counts for "James Hardie")
    out = []
    for name in {n for _, n in found}:
        out += [(start, name) for start in word_starts(name, text)]
    return tuple(sorted(out))


@lru_cache(maxsize=64)
def _people(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, full name) of every person mention: full names, and surnames of people the
    article names in full ("Bellamy" -> "Craig Bellamy")."""
    from analysis.coreference import canonical_person
    from analysis.actor_names import _person_names

    from analysis.actor_names import find_actor_mentions

    out = [(s, canonical_person(name, text)) for s, _, name in _person_names(text)]
    taken = {s for s, _ in out}
    for g in find_actor_mentions(text):  # people the public dictionary knows ("Donald Trump")
        name = g.get("person") or (g["text"] if g["kind"] == "person" and len(g["text"].split()) >= 2 else "")
        if name and not any(g["start"] <= t < g["end"] for t in taken):
            out.append((g["start"], name))
    out.sort()
    taken_sorted = sorted({s for s, _ in out})
    surnames: dict[str, set[str]] = {}
    for _, full in out:
        if len(full.split()) > 1 and not _NOT_PERSON_END.search(full):
            surnames.setdefault(full.split()[-1], set()).add(full)
    for word, fulls in surnames.items():
        if len(fulls) != 1:
            continue
        full = next(iter(fulls))
        for start in word_starts(word, text):
            # not inside a mention listed already: no mention starts in the len(full) + 4
            # characters up to here (the last one starting at or before it is the nearest)
            k = bisect_right(taken_sorted, start)
            if not (k and taken_sorted[k - 1] > start - len(full) - 4):
                out.append((start, full))
    return tuple(sorted(out))


def _salient_person(text: str, pos: int) -> str:
    """The person mentioned most often before ``pos`` (full name or surname), the latest on a tie."""
    from analysis.coreference import surname_count

    counts: dict[str, tuple[int, int]] = {}
    for s, full in _people(text):
        if s >= pos:
            break
        counts[full] = (surname_count(text, full.split()[-1], pos), s)
    return max(counts, key=lambda n: counts[n]) if counts else ""


_NOT_PERSON_END = re.compile(r"\b(?:Act|Law|Bill|Treaty|Code|Agreement|Convention|Court|Street|Road|Square|House|Hall"
                             r"|Park|Airport|Station|Centre|Center|Cup|League|Games|Party|Times|Post|News|Journal)$")


def _first_of_list(text: str, pos: int, exclude: set[str]) -> str:
    """The first named of the nearest pair or list of people ("Charles Atkins, William Hack and
    Ernest Grunebaum", "against Ryan Pike, a student, and Mark Orr"): how a group ("the three
    men", "the defendants", "the pair") is named."""
    from analysis.entities import _ORG_NAME

    def person(name: str) -> bool:
        return not (_NOT_PERSON_END.search(name) or _ORG_NAME.fullmatch(name))

    from analysis.coreference import canonical_person
    from analysis.actor_names import _person_names

    people = [(a, b, canonical_person(n, text)) for a, b, n in _person_names(text)]
    lists: list[list] = []  # [start, first name, start of the last name, has "and"]
    for (s1, e1, n1), (s2, _, n2) in zip(people, people[1:]):
        between = text[e1:s2]
        joined = re.fullmatch(r"(?:,[^.;:!?\n]{0,60})?,?\s+and\s+|,\s+", between)
        if not joined or n1 == n2 or not person(n1) or not person(n2):
            continue
        if lists and lists[-1][2] == s1:  # the list goes on: keep its first name
            lists[-1][2] = s2
            lists[-1][3] = lists[-1][3] or "and" in between
        else:
            lists.append([s1, n1, s2, "and" in between])
    lists = [(a, n, b) for a, n, b, has_and in lists if has_and and n not in exclude]
    return _nearest([(p, n) for p, n, _ in lists], pos, text, exclude)


def _caps_name(word: str, text: str) -> bool:
    """A word of a headline in capitals is a name only where the article's body writes it
    with a capital inside a sentence ("KRAFT" / "... said Kraft Inc"), or as the same
    acronym ("WPPSS")."""
    word = word.strip(",.;:\"“”'‘’<>()")
    if len(word) < 2:
        return False
    return bool(re.search(r"(?<=[a-z,] )(?:" + re.escape(word.capitalize()) + "|" + re.escape(word) + r")\b", text))


def _in_capitals(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) > 8 and all(c.isupper() for c in letters)


def _salient_state(text: str, pos: int) -> str:
    """The state named most often in the article before ``pos`` (countries, capitals, demonyms)."""
    from analysis.actor_names import state_counts

    counts = state_counts(text, pos, frozenset({"country", "capital", "demonym", "synonym"}))
    return max(counts, key=counts.get) if counts else ""


_INSTITUTION = r"(?:Committee|Panel|Commission|Council|Department|Ministry|Office|Agency|Board|Court|Party|Service|Bureau)"


def _name_with_word(low: str, text: str, pos: int) -> str:
    """A capitalised name of the article that holds the noun phrase's modifier: "the ethics
    panel" -> "House Ethics Committee", "the intelligence committee" -> "House Intelligence
    Committee" (the nearest before ``pos``, else the first after)."""
    words = [w for w in low.split() if w not in _DET]
    if len(words) < 2 or not re.fullmatch(r"[a-z]{4,}", words[-2]):
        return ""
    rx = re.compile(r"(?-i:(?:[A-Z][\w'’.&-]*\s+(?:of\s+(?:the\s+)?)?){0,4}" + re.escape(words[-2].capitalize()) + r"(?:\s+[A-Z][\w'’.&-]*){1,3})")
    found = [(m.start(), m.group(0)) for m in rx.finditer(text)]
    found = [(q, n) for q, n in found if re.search(_INSTITUTION + r"$", n) or words[-1].capitalize() in n.split()]
    before = [n for q, n in found if q < pos]
    return before[-1] if before else (found[0][1] if found else "")


def _known_surname(word: str, text: str, phrase: str) -> bool:
    """Is ``word`` the surname of a person the article names, other than by ``phrase`` itself?"""
    return any(full.split()[-1] == word and full != phrase for _, full in _people(text) if len(full.split()) > 1)


def resolve_target(phrase: str, text: str, pos: int, speaker: str = "", actor: str = "", accused: bool = True) -> str:
    """The actor a target phrase names; empty when it does not resolve.

    Besides the speaker resolution: pronouns go to the most salient person or organisation
    other than the speaker, role nouns ("the striker", "the company") to the entity the
    article introduces with that noun, groups ("the three men") to the first named of them,
    and a person is named as the person.

    The kinds of phrase are tried in turn; each ``_*`` step below returns None when the
    phrase is not of its kind, else the answer (empty: the phrase names nobody).
    """
    from analysis.coreference import canonical_person

    p = re.sub(r"\s+", " ", phrase or "").strip(" ,;:\"“”‘’'()")
    if not p:
        return ""
    exclude = {speaker, actor, canonical_person(speaker, text) if speaker else ""} - {""}
    if (_PERSON_PRONOUN.match(p) or _IT_PRONOUN.match(p) or _GROUP_WORDS.match(p)) and not accused:
        return ""
    found = _pointing_back(p, text, pos, exclude)
    if found is None:
        s0, s1 = _sentence_span(text, pos)
        if p.isupper() and _in_capitals(text[s0:s1]):
            p, found = _headline_phrase(p, text, s1, exclude)
    if found is None:
        found = _described(p, text, pos, exclude)
    if found is None:
        found = _named_as_written(p, text, pos, exclude)
    if found is None:
        p = _named_part(p, text)
        found = _first_word_of_org(p, text, pos)
    if found is None:
        found = _named_or_owner(p, text, pos, exclude, accused)
    return found


def _pointing_back(p: str, text: str, pos: int, exclude: set[str]) -> str | None:
    """Phrases that point back to somebody named elsewhere: "he", "the Welshman", "it", "the
    three men" / "they"."""
    if _PERSON_PRONOUN.match(p):
        return _pronoun_person(p, text, pos, exclude)
    if re.fullmatch(r"the\s+(?-i:[A-Z])[a-z]+(?:man|woman)", p):
        # "the Welshman", "the Frenchwoman": the person named last before, other than the speaker
        s0 = _sentence_span(text, pos)[0]
        here = [n for q, n in _people(text) if s0 <= q < pos and n not in exclude and not _NOT_PERSON_END.search(n)]
        return here[-1] if here else ""
    if _IT_PRONOUN.match(p):
        # only as the object of an accusing verb ("accusing it of"): "It is wrong ..." is no one
        if not _VERB_BEFORE.search(text, max(0, pos - 30), pos):
            return ""
        org = _salient(_org_names(text), pos, set())
        return "" if org in exclude else org
    if _GROUP_NP.match(p) or _GROUP_WORDS.match(p) or _NUMBER.match(p):
        return _first_of_list(text, pos, exclude)
    return None


def _pronoun_person(p: str, text: str, pos: int, exclude: set[str]) -> str:
    """"he", "him", "her": a person named earlier in the same sentence, else the person the
    article is about; when that is the speaker, the parse is odd: none."""
    s0 = _sentence_span(text, pos)[0]
    here = [(q, n) for q, n in _people(text) if s0 <= q < pos and n not in exclude and not _NOT_PERSON_END.search(n)]
    if p.lower() in ("him", "her") and here and len(text[here[-1][0]:pos].split()) <= 4:
        here = here[:-1]  # "Ferguson called him": the verb's subject is not its object
    names = [n for _, n in here]
    who = names[-1] if names else _salient_person(text, s0)
    return "" if who in exclude else who


def _headline_phrase(p: str, text: str, end: int, exclude: set[str]) -> tuple[str, str | None]:
    """A phrase of a headline in capitals ending at `end`: its names are the gazetteer's, or
    names the body writes. Returns (the phrase to go on with, the answer or None)."""
    from analysis.entities import _titlecase_if_caps
    from analysis.actor_names import find_actor_mentions

    p = re.sub(r"\bU\.S\b(?!\.)", "U.S.", p)
    gaz = [g for g in find_actor_mentions(_titlecase_if_caps(p)) if g["actor"] not in exclude]
    if gaz:
        return p, gaz[0]["actor"]
    words = [w for w in p.split() if _caps_name(w, text)]
    if not words:
        return p, ""
    return (words[0] if re.search(r"\b" + re.escape(words[0]) + r"\b", text[end:]) else _titlecase_if_caps(words[0]),
            None)


def _described(p: str, text: str, pos: int, exclude: set[str]) -> str | None:
    """A description ("the Glenview, Ill., food products company", "the striker", "the
    government", "the ethics panel"): the entity the article introduces so."""
    if re.match(r"^the\s", p, re.I) and _ORG_HEAD_END.search(p) and re.search(r"(?-i:[A-Z])", p[1:]):
        org = _salient(_org_names(text), pos, exclude)  # "the Glenview, Ill., food products company"
        if org:
            return org
    if not (re.match(r"^(?:the|a|an)\s+(?-i:[a-z])", p) and not re.search(r"(?-i:[A-Z])", p[1:])):
        return None
    low = re.sub(r"^(?:the|this|that)\s+", "", p.lower())
    head = low.split()[-1]
    if _ORG_HEAD_END.search(low):
        org = _salient(_org_names(text), pos, exclude)
        if org:
            return org
    named = _nearest([(q, n) for q, n in _head_mentions(head, text)], pos, text, exclude)
    if named:
        return _resolved_name(named, text, pos) or named
    if re.fullmatch(r"(?:government|administration|regime|authorities|cabinet)", low):
        state = _salient_state(text, pos)  # "the government": of the state the article is about
        if state and state not in exclude:
            return state
    named = _name_with_word(low, text, pos)
    if named and named not in exclude:  # "the ethics panel" -> "House Ethics Committee"
        return _resolved_name(named, text, pos) or named
    return None


def _named_as_written(p: str, text: str, pos: int, exclude: set[str]) -> str | None:
    """A name the article introduces with its acronym, or a state the gazetteer knows, as a whole."""
    from analysis.actor_names import find_actor_mentions

    acro = re.fullmatch(r"(?:the\s+)?((?-i:[A-Z])[\w&'’.-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?(?-i:[A-Z])[\w&'’.-]*)+)"
                        r"(\s*\((?-i:[A-Z]{2,})\)?)?", p)
    if acro and (acro.group(2) or re.match(r"\s*\((?-i:[A-Z]{2,})\)", text[pos + len(p):] if text.startswith(p, pos) else "")):
        # a name the article introduces with its acronym is an organisation's name, as written
        return acro.group(1)
    gaz = find_actor_mentions(p)
    if gaz and gaz[0]["start"] == 0 and gaz[0]["end"] == len(p) and gaz[0]["kind"] in ("country", "capital", "demonym"):
        # a state the gazetteer knows, as a whole ("Iran": never a person's first name)
        return "" if gaz[0]["actor"] in exclude else gaz[0]["actor"]
    return None


def _named_part(p: str, text: str) -> str:
    """"Trump Twitter post": a capitalised run the article writes once -> its first words that
    the article names elsewhere ("Trump"); any other phrase as it is."""
    from analysis.entities import _ORG_NAME

    words = p.split()
    if (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and text.count(p) <= 1
            and not _ORG_NAME.fullmatch(p) and not _known_surname(words[-1], text, p)):
        for k in range(len(words) - 1, 0, -1):
            head = " ".join(words[:k])
            if head not in _NOT_A_NAME and len(re.findall(r"\b" + re.escape(head) + r"\b", text)) > 1:
                return head
    return p


def _first_word_of_org(p: str, text: str, pos: int) -> str | None:
    """A one-word name that begins an organisation's name ("Kraft" / "Kraft Inc") or stands
    inside one ("Disney" -> "Walt Disney Company")."""
    from analysis.actor_names import find_actor_mentions

    if not re.fullmatch(r"(?-i:[A-Z][\w'’-]+)", p):
        return None
    orgs = {n for _, n in _org_names(text) if n.split()[0] == p}
    if orgs and not find_actor_mentions(p):
        return p if p in orgs else (orgs.pop() if len(orgs) == 1 else _resolved_name(p, text, pos))
    inner = {n for _, n in _org_names(text) if p in n.split()[1:]}
    if len(inner) == 1 and not find_actor_mentions(p):  # "Disney" -> "Walt Disney Company"
        return inner.pop()
    return None


def _named_or_owner(p: str, text: str, pos: int, exclude: set[str], accused: bool) -> str:
    """The last resort: a person introduced by an indefinite description ("a Turkish cleric"),
    the owner of a thing ("the Mnuchin analysis"), the name as the speaker resolution reads it,
    the name after a lower-case title ("Senior lawmaker Conyers"), else an unnamed group."""
    from analysis.actor_names import find_actor_mentions

    indef = re.fullmatch(r"(?:a|an)\s+((?:[\w-]+\s+){1,2}(?-i:[a-z])[\w-]+)", p)
    if indef and accused:
        # "a Turkish cleric": the person the article introduces so, else the description itself
        named = _nearest(_head_mentions(p.split()[-1], text), pos, text, exclude)
        return (_resolved_name(named, text, pos) or named) if named else indef.group(1)
    found = ""
    owner = _OWNED_THING.match(p) if accused else None
    if owner and not _DATE_WORD.match(owner.group(1)):  # "the November election" is nobody's
        # "the Mnuchin analysis", "the U.S. Superfund tax on oil imports": the thing's owner
        inside = find_actor_mentions(owner.group(1)) or find_actor_mentions(owner.group(1).split()[0])
        state = inside and inside[0]["start"] == 0 and inside[0]["kind"] in ("country", "capital", "demonym", "synonym")
        found = inside[0]["actor"] if state else _resolved_name(owner.group(1), text, pos)
    found = found or _resolved_name(p, text, pos)
    tail = re.fullmatch(r"(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?(?:(?-i:[a-z])[\w-]+\s+){1,2}"
                        r"((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})", p)
    if not found and tail:  # "Senior lawmaker Conyers": the name after the lower-case title
        found = _resolved_name(tail.group(1), text, pos)
    if not found and accused:
        found = group_label(p)
    return "" if found in exclude else found


# "the Mnuchin analysis", "the U.S. Superfund tax": a determiner, a name, a lower-case noun
_OWNED_THING = re.compile(r"^(?:the|The)\s+((?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}?)"
                          r"\s+(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,2}"
                          r"(?:\s+(?:on|of|for|to|against|over|in)\s+.*)?$")
_ADJ_END = re.compile(r"(?:est|ive|al|ous|ful|ic|ed|ing|less|able|ible|ant|ent|ish|ese|ian|ern)$")
_DET = {"the", "a", "an", "some", "many", "several", "most", "other", "these", "those", "all", "both", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "its", "their", "his", "her", "our", "false", "so-called"}


_ABSTRACT = re.compile(r"(?:tions|sions|ments|ness|ities|ances|ences|ures|ings|ships|isms|ics|matters|words|things"
                       r"|videos|tweets|posts|remarks|comments|plans|pledges|policies|measures|laws|rules|costs|funds|occasions|times"
                       r"|years|months|weeks|days|grounds|terms|lines|levels|results|figures|goods|services|euros|dollars|pounds|dlrs"
                       r"|yen|percent|cents|points|shares|damages)$")


def group_label(phrase: str) -> str:
    """An unnamed group as the text names it, without determiners and adjectives ("the
    country's biggest tobacco companies" -> "tobacco companies", "the 23 banks" -> "banks");
    empty unless the phrase is a plural noun phrase in lower case."""
    words = [w.strip("\"“”‘’'") for w in phrase.split()]
    if not words or len(words) > 6 or any(w[:1].isupper() for w in words):
        return ""
    cut = max([i + 1 for i, w in enumerate(words) if re.search(r"['’]s?$", w)] + [0])
    words = words[cut:]
    while words and (words[0].lower() in _DET or words[0].isdigit() or _ADJ_END.search(words[0].lower())):
        words = words[1:]
    if not words or len(words) > 2 or not re.fullmatch(r"[a-z-]+(?:s|i|ia)", words[-1]) or words[-1].endswith("ss"):
        return ""
    # acts, claims and abstractions are no group of people ("his actions", "the allegations")
    if _ABSTRACT.search(words[-1]) or re.fullmatch(_CLAIM, words[-1]):
        return ""
    return " ".join(words)
