"""Names in a sentence: people with their roles, places, organisations, quotations and quoted terms.

Rule-based on purpose (no model, no network): a person is found through a role
("Chinese Premier Li Qiang", "striker Ana Duarte") or a speech verb ("said Ana
Duarte"); a place through the built-in gazetteer or a phrase such as "the
northeastern city of Harbin"; an organisation through the gazetteer, a name
ending in University/Council/FC/…, or "according to the …".
"""

from __future__ import annotations

import re

from quiz.generation import gazetteer
from quiz.generation.facts import Fact, FactKind
from quiz.generation.sentences import Sentence

_NAME_WORD = r"[A-Z](?:[a-zà-ÿ-]|['’](?!s\b)[A-Za-zà-ÿ])+"
"""A capitalised word of a name; "O'Brien" is one, "Eiffel's" is "Eiffel" and a possessive."""
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s(?:de|van|von|da|di|bin|al|[A-Z]\.)?\s?{_NAME_WORD}){{1,2}})"
_QUALIFIER = r"(?P<qualifier>(?:(?:[A-Z][A-Za-z]+|former|then|new|veteran|young)\s){0,2})"
_ROLE_WORDS = "|".join(
    sorted((re.escape(role) for role in gazetteer.MULTIWORD_ROLES + gazetteer.ROLES), key=len, reverse=True)
)
_LOWER_ROLE_WORDS = "|".join(f"(?i:{role[0]}){role[1:]}" for role in gazetteer.LOWER_ROLES)
_PERSON_WITH_ROLE = re.compile(rf"\b{_QUALIFIER}(?P<role>{_ROLE_WORDS})\s{_NAME}\b")
_QUALIFIER_WORDS = "head|assistant|former|veteran|young|star|chief|senior|junior|lead|police"
_LOWER_QUALIFIER = rf"(?P<qualifier>(?:(?:[A-Z][a-z]+|{_QUALIFIER_WORDS})\s){{0,2}})"
_PERSON_WITH_LOWER_ROLE = re.compile(rf"\b{_LOWER_QUALIFIER}(?P<role>{_LOWER_ROLE_WORDS})\s{_NAME}\b")
_APPOSITIVE = re.compile(
    rf"\b{_NAME},\s(?:the\s|a\s|an\s)?(?P<role>(?:[A-Za-z-]+\s){{0,3}}?(?:{_ROLE_WORDS}|{_LOWER_ROLE_WORDS})"
    rf"(?:\sof\s(?:the\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)*)?),"
)
_SPEAKER = re.compile(
    rf"(?:\bsaid|\bsays|\bwrote|\bexplained|\badded|\btold)\s(?:{_QUALIFIER}(?:{_ROLE_WORDS}|{_LOWER_ROLE_WORDS})\s)?{_NAME}\b"
)
_SPEAKER_BEFORE = re.compile(rf"\b{_NAME}\s(?:said|says|wrote|explained|added)\b")

_PLACE_PHRASE = re.compile(
    rf"\bthe\s(?P<desc>(?:[a-z-]+\s)?(?:{'|'.join(gazetteer.PLACE_KINDS)}))\sof\s(?P<place>{_NAME_WORD}(?:\s{_NAME_WORD})*)"
)
_GAZETTEER = re.compile(
    r"\b(?P<place>" + "|".join(sorted(map(re.escape, gazetteer.PLACES), key=len, reverse=True)) + r")\b(?!-\w|'\w)"
)
_VENUE = re.compile(rf"\b(?:at|in)\s(?:the\s)?(?P<place>(?:{_NAME_WORD}\s)+(?:Stadium|Park|Arena|Ground|Field|Oval))\b")
_KNOWN_ORGS = re.compile(
    r"\b(?P<org>"
    + "|".join(sorted((re.escape(org.removeprefix("the ")) for org in gazetteer.ORGANISATIONS), key=len, reverse=True))
    + r")\b"
)
_ORG_ENDING = "|".join(gazetteer.ORG_ENDINGS)
_NAMED_ORG = re.compile(
    rf"\b(?P<org>(?:{_NAME_WORD}\s(?:of\s(?:the\s)?)?)+(?:{_ORG_ENDING})"
    rf"(?:\sof\s(?:the\s)?{_NAME_WORD}(?:\s{_NAME_WORD})*)?"
    rf"|(?:{_ORG_ENDING})\sof\s(?:the\s)?{_NAME_WORD}(?:\s{_NAME_WORD})*)\b"
)
_ACCORDING_TO = re.compile(rf"\bAccording to (?:the\s)?(?P<org>{_NAME_WORD}(?:\s{_NAME_WORD})*)")
_LOWER = frozenset(gazetteer.LOWER_ROLES)
_NOT_QUALIFIERS = frozenset(
    "after before and or but as by for from in of on the a an to with when while said says says, that than his her "
    "their its".split()
)
"""Words that can stand before a role without being part of it ("after striker Jonas Berg")."""
_QUOTE = re.compile(r"“(?P<body>[^”]{1,400})”|\"(?P<plain>[^\"]{1,400})\"")


def extract_entities(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Fact]:
    """People, roles, places, organisations, quotes and quoted terms in one sentence, never overlapping."""
    text = sentence.text
    spans = list(taken)
    found: list[Fact] = []

    def add(kind: FactKind, start: int, end: int, value: str, detail: str = "") -> bool:
        if start >= end or any(start < b and a < end for a, b in spans):
            return False
        spans.append((start, end))
        found.append(Fact(kind, sentence, start, end, value, detail=detail))
        return True

    for match in _QUOTE.finditer(text):
        group = "body" if match["body"] is not None else "plain"
        body = match[group].strip().rstrip(",;:")
        words = len(body.split())
        if words <= 4:
            add(FactKind.TERM, match.start(group), match.end(group), body)
        else:
            speaker = _SPEAKER.search(text[match.end() : match.end() + 80]) or _SPEAKER_BEFORE.search(
                text[: match.start()]
            )
            if speaker is not None:
                spans.append((match.start(), match.end()))
                found.append(
                    Fact(FactKind.QUOTE, sentence, match.start(group), match.end(group), body, detail=speaker["name"])
                )
    for pattern in (_PERSON_WITH_ROLE, _PERSON_WITH_LOWER_ROLE):
        for match in pattern.finditer(text):
            name = match["name"]
            if name in gazetteer.PLACES or name.split()[0] in gazetteer.NATIONALITIES:
                continue
            qualifier = match["qualifier"].split()
            has_qualifier = bool(qualifier) and qualifier[0].lower() not in _NOT_QUALIFIERS
            role_start = match.start("qualifier") if has_qualifier else match.start("role")
            role = text[role_start : match.end("role")]
            if pattern is _PERSON_WITH_LOWER_ROLE and role[:1].isupper() and role.split()[0].lower() in _LOWER:
                role = role[0].lower() + role[1:]  # "Striker Daniel Okafor" at the start of a sentence
            if role.split()[0] in ("The", "A", "An", "According"):
                continue
            add(FactKind.ROLE, role_start, match.end("role"), role, detail=name)
            add(FactKind.PERSON, match.start("name"), match.end("name"), name, detail=role)
    for match in _APPOSITIVE.finditer(text):
        if match["name"] not in gazetteer.PLACES:
            add(FactKind.PERSON, match.start("name"), match.end("name"), match["name"], detail=match["role"])
            add(FactKind.ROLE, match.start("role"), match.end("role"), match["role"], detail=match["name"])
    for match in [*_SPEAKER.finditer(text), *_SPEAKER_BEFORE.finditer(text)]:
        if match["name"] not in gazetteer.PLACES:
            add(FactKind.PERSON, match.start("name"), match.end("name"), match["name"])
    for match in _ACCORDING_TO.finditer(text):
        org = match["org"]
        if org not in gazetteer.PLACES and not _looks_like_person(org):
            add(
                FactKind.ORGANISATION,
                match.start("org") - (4 if match.group(0).split()[2] == "the" else 0),
                match.end("org"),
                _with_article(text, match.start("org"), org),
                detail="source",
            )
    for match in _KNOWN_ORGS.finditer(text):
        start = match.start("org")
        if text[max(0, start - 4) : start] == "the ":
            start -= 4
        add(FactKind.ORGANISATION, start, match.end("org"), text[start : match.end("org")])
    for match in _NAMED_ORG.finditer(text):
        start = match.start("org")
        if text[max(0, start - 4) : start] == "the ":
            start -= 4
        org = text[start : match.end("org")]
        if org.split()[0] in ("According", "The") or org.removeprefix("the ") in gazetteer.PLACES:
            continue
        add(FactKind.ORGANISATION, start, match.end("org"), org)
    for match in _PLACE_PHRASE.finditer(text):
        add(FactKind.PLACE, match.start("place"), match.end("place"), match["place"], detail=match["desc"])
    for match in _VENUE.finditer(text):
        add(FactKind.PLACE, match.start("place"), match.end("place"), match["place"].strip(), detail="venue")
    for match in _GAZETTEER.finditer(text):
        add(FactKind.PLACE, match.start("place"), match.end("place"), match["place"])
    return sorted(found, key=lambda fact: fact.start)


def _with_article(text: str, start: int, name: str) -> str:
    return f"the {name}" if text[max(0, start - 4) : start] == "the " else name


def _looks_like_person(name: str) -> bool:
    """Two or three capitalised words with no organisation ending: probably a person."""
    words = name.split()
    return 2 <= len(words) <= 3 and words[-1] not in gazetteer.ORG_ENDINGS and name not in gazetteer.PLACES
