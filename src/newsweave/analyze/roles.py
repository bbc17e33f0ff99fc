"""Role descriptions resolved to people: "the Secretary of State" is whoever the text says holds it.

The text establishes who holds an office in three ways:

- the title right before a name: `US Secretary of State Antony Blinken`, `Prime Minister Keir
  Starmer`;
- the title in apposition after a name: `Antony Blinken, the US Secretary of State, said`;
- a name in apposition after the title: `the company's chief executive, Jane Doe, said`.

A definite description of an office anywhere else in the text (`the Secretary of State said`,
`America's top diplomat`, `its chief executive`) is then a mention of that person, provided
exactly one person fits (see `holder`). A description that fits no one, or several people, is not
guessed: it becomes a person of its own, `person:role:…`, which `story_entities` may fold into the
holder another article of the story names. "Former", "deputy" and the like before a title
establish nothing and refer to no one (data/entities.toml lists them with the offices and titles).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsweave.analyze.entities import RawMention, canonical_place, slug, strip_name
from newsweave.analyze.nlp import doc_text, table
from newsweave.models import Entity, Mention, Sentence

ROLE_PREFIX = "person:role:"
# "said the minister Tuesday": a weekday or month after a title is no name.
_CALENDAR = {d.lower() for d in calendar.day_name} | {m.lower() for m in calendar.month_name if m}
# After an apposition comes the punctuation that closes it, or the paragraph's end.
_CLOSES = re.compile(r"\s*(?:[,.;:)\u2013\u2014]|$)")


@dataclass(frozen=True)
class Role:
    """An office held by someone: a title of data/entities.toml and, when known, whose it is."""

    title: str
    owner: str | None = None

    @property
    def office(self) -> str:
        """The office the title names ("top diplomat" and "secretary of state" name one)."""
        return _office_of()[self.title]

    def __str__(self) -> str:
        return f"{self.title} ({self.owner})" if self.owner else self.title

    @classmethod
    def parse(cls, text: str) -> Role | None:
        """The role written as `title (owner)` in `Entity.roles`, if its title is known."""
        match = re.fullmatch(r"(.+?)(?: \((.+)\))?", text.strip())
        if not match or match.group(1) not in _office_of():
            return None
        return cls(match.group(1), match.group(2))


@dataclass(frozen=True)
class RolePhrase:
    """A title found in the text, with what stands around it."""

    start: int
    end: int
    title_start: int
    title_end: int
    text: str
    role: Role
    definite: bool
    """Introduced by `the`, `its` or a possessive: a description that can refer on its own."""
    blocked: bool
    """A lesser office or a past holder: it establishes no holder and refers to no one."""
    former: bool = False
    """"Former", "ex-": the person named with it held the office once."""
    named_after: bool = False
    """A capitalised word follows: a title before a name, or part of one ("the Premier League")."""


def is_role_only(entity: Entity) -> bool:
    """Is this a person the text names only by a role ("the Secretary of State")?"""
    return entity.id.startswith(ROLE_PREFIX)


def role_phrases(docs: list[Any], starts: list[int], raw: list[RawMention]) -> list[RolePhrase]:
    """Every title of a known office in the parsed paragraphs, with its owner and determiner."""
    titles, _, _ = _patterns()
    known = _known_owners(raw)
    found = []
    for doc, base in zip(docs, starts, strict=True):
        text = doc_text(doc)
        last = 0
        for title in titles.finditer(text):
            if title.start() < last:
                continue  # inside the phrase before ("the president of the Chamber of …")
            phrase = _phrase(text, title, last, base, known)
            if phrase is not None:
                found.append(phrase)
                last = phrase.end - base
    return found


def without_title_slips(raw: list[RawMention], phrases: list[RolePhrase]) -> list[RawMention]:
    """Drop NER slips made of a title's words ("State" of "Secretary of State" as an ORG).

    A name inside the phrase but apart from the title ("US" in "the US Secretary of State"), or
    one running on past it ("the Premier League"), stays.
    """

    def slip(m: RawMention, p: RolePhrase) -> bool:
        inside = p.start <= m.start and m.end <= p.end
        return inside and m.start < p.title_end and p.title_start < m.end

    return [m for m in raw if not any(slip(m, p) for p in phrases)]


def link_roles(
    docs: list[Any],
    starts: list[int],
    phrases: list[RolePhrase],
    raw: list[RawMention],
    entities: list[Entity],
    mentions: list[Mention],
    sentences: list[Sentence],
) -> tuple[list[Entity], list[Mention]]:
    """Give people the roles the text establishes, and make each role description a mention."""
    people = _named_people(entities, mentions)
    holders: list[tuple[str, Role]] = []
    past: list[tuple[str, Role]] = []
    establishing: set[int] = set()
    for number, phrase in enumerate(phrases):
        if phrase.blocked and not phrase.former:
            continue
        person = _established(docs, starts, phrase, people)
        if person is not None:
            (past if phrase.former else holders).append((person, phrase.role))
            establishing.add(number)
    by_id = {e.id: e for e in entities}
    roles: dict[str, set[str]] = {}
    for person, role in holders:
        roles.setdefault(person, set()).add(str(role))
    aliases: dict[str, set[str]] = {}
    added: list[Mention] = []
    new: dict[str, Entity] = {}
    sentence_starts = [s.start for s in sentences]
    for number, phrase in enumerate(phrases):
        if number in establishing or not _refers(docs, starts, phrase, raw, people):
            continue
        target = holder(phrase.role, holders, past)
        if target is None:
            target = ROLE_PREFIX + slug(str(phrase.role))
            if target not in new:
                name = re.sub(r"^(?:the|The|its|Its)\s+", "", phrase.text)
                new[target] = Entity(id=target, name=name, type="person", roles=(str(phrase.role),))
        aliases.setdefault(target, set()).add(phrase.text)
        added.append(
            Mention(
                entity=target,
                sentence=max(bisect_right(sentence_starts, phrase.start) - 1, 0),
                start=phrase.start,
                end=phrase.end,
                text=phrase.text,
                kind="role",
            )
        )
    result = []
    for entity in [*by_id.values(), *new.values()]:
        extra_aliases = aliases.get(entity.id, set()) - {entity.name}
        extra_roles = roles.get(entity.id, set())
        if extra_aliases or extra_roles:
            entity = entity.model_copy(
                update={
                    "aliases": tuple(sorted(set(entity.aliases) | extra_aliases)),
                    "roles": tuple(sorted(set(entity.roles) | extra_roles)),
                }
            )
        result.append(entity)
    return result, sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def holder(
    role: Role, holders: Sequence[tuple[str, Role]], past: Sequence[tuple[str, Role]] = ()
) -> str | None:
    """The one person a description of `role` can mean, among the holders the text names.

    First the holders of the same title, then (if there are none) of the same office under any
    title ("America's top diplomat" is the US Secretary of State). A description that names an
    owner ("the French president") means only a holder of that owner; one that names none means
    any. Past holders ("former President X") are never the answer, but they can be meant, so
    they make a description ambiguous; so do two holders.
    """
    everyone = [(person, held, False) for person, held in holders]
    everyone += [(person, held, True) for person, held in past]
    for same in (lambda held: held.title == role.title, lambda held: held.office == role.office):
        fits = {
            (person, was)
            for person, held, was in everyone
            if same(held) and (role.owner is None or held.owner == role.owner)
        }
        if fits:
            people = {person for person, _ in fits}
            if len(people) == 1 and not any(was for _, was in fits):
                return people.pop()
            return None
    return None


# ── finding titles ──────────────────────────────────────────────────────────────────────────


@cache
def _office_of() -> dict[str, str]:
    return {
        title: office for office, titles in table("entities")["offices"].items() for title in titles
    }


# Room before a title for what may stand there: `the`, an owner, a modifier and a qualifier.
_LEAD = 120


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Titles; what may stand before one (up to where it starts); an `of` owner after one."""
    titles = sorted(_office_of(), key=len, reverse=True)
    title = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    # A capitalised word; a full stop only in initials ("U.S."), never a sentence's end.
    cap = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w&-]*)"
    # Before a title, a capitalised word not starting one itself ("Vice" of "Vice President").
    word = rf"(?!(?i:{title})\b){cap}"
    modifier = "|".join(re.escape(m) for m in table("entities")["role_words"]["modifiers"])
    before = re.compile(
        rf"(?:(?P<det>\b(?:[Tt]he|[Ii]ts))\s+"
        rf"|(?P<owner>\b(?:[Tt]he\s+)?(?:{cap}\s+){{0,2}}{cap}|\b[Tt]he\s+[a-z]+)['’]s\s+)?"
        rf"(?:(?P<mod>{modifier})\s+)?"
        rf"(?P<qual>(?:{word}\s+){{1,3}})?\Z"
    )
    of = re.compile(rf"\s+of\s+(?P<of>(?:the\s+)?{cap}(?:\s+{cap}){{0,3}}|the\s+[a-z]+\b)")
    return re.compile(rf"\b(?i:{title})\b"), before, of


_NEXT_WORD = re.compile(r"\s+([A-Z]\w*)")
_HYPHENATED = re.compile(r"-[A-Za-z]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*\Z")


def _phrase(
    text: str, title_match: re.Match[str], last: int, base: int, known: dict[str, str]
) -> RolePhrase | None:
    """The phrase around a title: who owns the office, is it definite, is it blocked."""
    _, before_pattern, of_pattern = _patterns()
    words = table("entities")["role_words"]
    former_words, lesser_words = set(words["former"]), set(words["lesser"])
    title_start, title_end = title_match.span()
    # The leftmost start from which the words before run up to the title.
    lead = before_pattern.search(text, max(last, title_start - _LEAD), title_start)
    if lead is None:  # cannot happen: every part is optional
        return None
    of_match = of_pattern.match(text, title_end)
    start, end = lead.start(), of_match.end() if of_match else title_end
    title = " ".join(title_match.group().lower().split())
    owner: str | None = None
    definite = bool(lead.group("det"))
    before_words: list[str] = []
    if lead.group("owner"):
        owner_text = lead.group("owner")
        if owner_text[:1].islower() or owner_text.split()[-1][:1].islower():
            # "the company's chief executive": definite, but it names no one in particular.
            if owner_text.split()[-1] not in words["generic_owners"]:
                return None
        else:
            owner = _owner(owner_text, known) or _plain(owner_text)
        definite = True
    qual = lead.group("qual")
    if qual:
        before_words += [w.lower().rstrip("-") for w in qual.split()]
        owner = owner or _owner(qual, known) or (_plain(qual) if definite else None)
    if of_match:
        of = of_match.group("of")
        if of[:1].isupper() or not of.split()[-1][:1].islower():
            owner = owner or _owner(of, known) or _plain(of)
        elif of.split()[-1] not in words["generic_owners"]:
            return None
    if not (lead.group("det") or lead.group("owner")):
        word_before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if word_before:
            before_words.append(word_before.group(1).lower())
    former = any(w in former_words for w in before_words)
    # "President-elect", "Governor-designate": a hyphenated word after a title makes another.
    lesser = any(w in lesser_words for w in before_words) or bool(
        _HYPHENATED.match(text, title_end)
    )
    after = _NEXT_WORD.match(text, end)
    return RolePhrase(
        start=base + start,
        end=base + end,
        title_start=base + title_start,
        title_end=base + title_end,
        text=text[start:end],
        role=Role(title, owner),
        definite=definite,
        blocked=former or lesser,
        former=former,
        named_after=bool(after and after.group(1).lower() not in _CALENDAR),
    )


@cache
def _static_owners() -> dict[str, str]:
    known = {name: name for name in table("entities")["aliases"].values()}
    known.update(table("entities")["aliases"])
    known.update(table("entities")["demonyms"])
    return known


def _known_owners(raw: list[RawMention]) -> dict[str, str]:
    """Names that can say whose an office is → their canonical form."""
    known = dict(_static_owners())
    for m in raw:
        if m.label != "PERSON":
            name = strip_name(m.text)
            known.setdefault(name, canonical_place(name))
    return known


def _owner(words: str, known: dict[str, str]) -> str | None:
    """The canonical owner named by `words` or by its last few words ("Yesterday US" → US)."""
    parts = words.split()
    for i in range(len(parts)):
        candidate = " ".join(parts[i:])
        for form in (candidate, re.sub(r"^(?:the|The)\s+", "", candidate)):
            if form in known:
                return known[form]
    return None


def _plain(words: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(words.split()))


# ── who holds what ──────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Named:
    entity: str
    start: int
    name_start: int
    end: int


def _named_people(entities: list[Entity], mentions: list[Mention]) -> list[_Named]:
    """Mentions of people by name, with where the bare name starts (after any title in it)."""
    people = {e.id for e in entities if e.type == "person" and not is_role_only(e)}
    found = []
    for m in mentions:
        if m.entity in people and m.kind == "name":
            name = strip_name(m.text)
            offset = m.text.find(name) if name else -1
            found.append(_Named(m.entity, m.start, m.start + max(offset, 0), m.end))
    return found


def _established(
    docs: list[Any], starts: list[int], phrase: RolePhrase, people: list[_Named]
) -> str | None:
    """The person this title names as its holder: the name right after it, or in apposition."""
    text, base = _paragraph(docs, starts, phrase.start)
    for person in people:
        if not base <= person.start < base + len(text):
            continue
        if phrase.start <= person.name_start and phrase.end <= person.name_start:
            gap = text[phrase.end - base : person.name_start - base]
            if not gap.strip():
                return person.entity  # `US Secretary of State Antony Blinken`
            if gap.strip() == "," and _apposed(docs, starts, phrase, person):
                return person.entity  # `the company's chief executive, Jane Doe,`
        elif person.end <= phrase.start:
            gap = text[person.end - base : phrase.start - base]
            after = text[phrase.end - base :]
            if (
                gap.strip() == ","
                and _CLOSES.match(after)
                and _apposed(docs, starts, phrase, person)
            ):
                return person.entity  # `Antony Blinken, the US Secretary of State,`
    return None


def _apposed(docs: list[Any], starts: list[int], phrase: RolePhrase, person: _Named) -> bool:
    """Does spaCy's parse make the title and the name appositions of each other?"""
    number = max(bisect_right(starts, phrase.start) - 1, 0)
    doc, base = docs[number], starts[number]
    title = doc.char_span(
        phrase.title_start - base, phrase.title_end - base, alignment_mode="expand"
    )
    name = doc.char_span(person.name_start - base, person.end - base, alignment_mode="expand")
    if title is None or name is None:
        return False
    title_ids = {t.i for t in title}
    name_ids = {t.i for t in name}
    return any(t.dep_ == "appos" and t.head.i in name_ids for t in title) or any(
        t.dep_ == "appos" and t.head.i in title_ids for t in name
    )


def _refers(
    docs: list[Any],
    starts: list[int],
    phrase: RolePhrase,
    raw: list[RawMention],
    people: list[_Named],
) -> bool:
    """Is this phrase a description that stands for a person (not part of another name)?"""
    if not phrase.definite or phrase.blocked or phrase.named_after:
        return False
    for m in raw:
        inside = phrase.start <= m.start and m.end <= phrase.end
        if m.start < phrase.end and phrase.start < m.end and not (inside and m.label != "PERSON"):
            return False  # "the Premier League", a person's own name
    if any(phrase.start < p.end and p.start < phrase.end for p in people):
        return False
    # Right after "Name, ": it describes that person even where it establishes nothing
    # ("Ana Ruiz, the president and chair of the bank"); it stands for no one else.
    text, base = _paragraph(docs, starts, phrase.start)
    return not any(
        base <= p.end <= phrase.start and text[p.end - base : phrase.start - base].strip() == ","
        for p in people
    )


def _paragraph(docs: list[Any], starts: list[int], offset: int) -> tuple[str, int]:
    number = max(bisect_right(starts, offset) - 1, 0)
    return doc_text(docs[number]), starts[number]
