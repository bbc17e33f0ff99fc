"""Entities: spaCy's named entities folded into one identity per real person, place or organisation.

Within an article: honorifics and titles are stripped ("Mr Blinken" → Blinken), a surname or a
first name joins the full name it belongs to, a first-name nickname joins the given name it stands
for ("Tony" → Antony Blinken), spelling variants and transliterations share one canonical name
("Kiev" → Kyiv), and a known person tagged as an organisation or facility is repaired. A capital
that acts ("Tehran denied", "condemned by Moscow") is a mention of its country, of kind
`government`; a capital that is a place ("talks in Tehran") stays the city. The tables are data
(data/entities.toml). `resolve_typo` lets the quote finder attach a misspelled
surname in a speaker tag ("Mr Blinked added") to the person it must be. A nation's people
("Britons") tagged as a person or an organisation is no entity; a name before a word for a
region ("the Kursk region"), or a place the tables know tagged as a person ("Kiev launched"), is
a place, an acronym the model missed before a word for a pact or bloc ("the AUKUS pact") is
an organisation, and a proper name it missed before ", who" ("Carmen Soto, who runs …") a person.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsweave.analyze.dates import WEEKDAYS
from newsweave.analyze.nlp import common_nouns, doc_text, table
from newsweave.analyze.sentences import opens_on_dateline
from newsweave.models import Entity, EntityType, Mention, Sentence

LABELS: dict[str, EntityType] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
}


@dataclass
class _Draft:
    name: str
    type: EntityType
    aliases: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class RawMention:
    """One of spaCy's entity spans, by article offsets."""

    text: str
    label: str
    start: int
    end: int
    agent: bool = False
    """The subject of a verb of saying or acting on data/entities.toml's list ("Tehran denied")."""
    personal: bool = False
    """Told of as a person where it stands: after a title ("Mr Hartwell", "Judge Ostrava"),
    with a "who" clause or a common noun in apposition (`_a_person_by_context`)."""


def raw_mentions(docs: list[Any], starts: list[int]) -> list[RawMention]:
    """spaCy's entity spans of the kinds we track, with article offsets."""
    found = []
    verbs = _government_verbs()
    peoples, places = _peoples(), _known_places()
    for doc, start in zip(docs, starts, strict=True):
        by_who = _named_by_who(doc)
        named = _named_before(doc) | by_who
        tagged: set[int] = set()
        for ent in doc.ents:
            tagged.update(range(ent.start, ent.end))
            name = strip_name(ent.text)
            label = ent.label_
            if label == "WORK_OF_ART" and _a_speaker_s_name(ent):
                label = "PERSON"  # '"We fly," Halvor Nyberg, director-general of ..., said'
            elif (
                label == "ORG"
                and _a_speaker_s_name(ent)
                and (
                    ((ent.start, ent.end) in by_who and _told_as_he_or_she(ent))
                    or _described_as_one(ent)
                )
            ):
                label = "PERSON"  # "Aksel Dunhope, who leads the opposition group, said he"
            if ent.text.islower() and not any(t.pos_ == "PROPN" for t in ent):
                continue  # no name: "a tram, metro or light rail network", "jewel thieves"
            if re.sub(r"['’]s$", "", name).lower() in WEEKDAYS:
                continue  # "at Wednesday's briefing", tagged a place
            if name in _words("not_names"):
                continue  # "14:00 local time (11:00 GMT)", tagged an organisation
            if named.get((ent.start, ent.end)) == "GPE" or (label == "PERSON" and name in places):
                label = "GPE"  # "the Kursk region" as a product, "Kiev launched" as a person
            elif _a_dateline_s_place(doc, ent, name):
                label = "GPE"  # "QUELLPORT (Pellam Wire) — ..." as a person
            elif _a_place_by_its_head(name) or _names_a_place_after(doc, ent, name, label):
                label = "FAC"  # "Brinkhollow Road" as a person, "Central Station" as a body,
                # "Quellport" of "Quellport harbour" as a person
            elif _headed_by(name, "organisation_heads") and not _a_person_by_context(doc, ent):
                label = "ORG"  # "Tidemark Wire" or "Hartwell Group" as a person
            elif label != "PERSON" and _titled(doc, ent) and name not in places:
                label = "PERSON"  # "harbour master Inês Calado" tagged as an organisation
            elif _called_a_place(doc, ent) and name not in places:
                label = "GPE"  # "the city of Brackenford", "Maple Crossing, a town of 8,000"
            elif label == "PERSON" and _located(ent):
                label = "GPE"  # "a park-and-ride site at Hollin Moor", "hospital on Syros"
            elif label == "PERSON" and _after_the(doc, ent):
                label = "ORG"  # "the Maré Alta", "the Ribeira crossing": no person's name
            if label in LABELS and name not in peoples:
                found.append(
                    RawMention(
                        ent.text,
                        label,
                        start + ent.start_char,
                        start + ent.end_char,
                        label != "PERSON" and _agent(ent.root, verbs),
                        label == "PERSON" and _personal(doc, ent),
                    )
                )
        # Names the model left untagged ("the Varnak province", "the BRICS bloc").
        for (first, end), label in named.items():
            if tagged.isdisjoint(range(first, end)):
                span = doc[first:end]
                found.append(
                    RawMention(
                        span.text,
                        label,
                        start + span.start_char,
                        start + span.end_char,
                        personal=(first, end) in by_who,  # "Hartwell, who founded the company"
                    )
                )
    return sorted(found, key=lambda m: m.start)


def untagged_surnames(
    docs: list[Any], starts: list[int], raw: list[RawMention]
) -> list[RawMention]:
    """Surnames of people the article names in full, where the model tagged nothing: a name
    opening a sentence ("Brevic conceded shortly before 3 a.m.") is often missed, and a pronoun
    after it would then go to the person named before."""
    surnames: dict[str, int] = {}
    for name in _full_person_names(raw):
        surnames[name.split()[-1]] = surnames.get(name.split()[-1], 0) + 1
    spans = [(m.start, m.end) for m in raw]
    found = []
    for doc, start in zip(docs, starts, strict=True):
        for token in doc:
            if surnames.get(token.text) != 1:
                continue
            at = start + token.idx
            if any(lo <= at < hi for lo, hi in spans):
                continue
            # Beside another capitalised word it is part of another name ("Brevic Street").
            near = [t for t in (token.nbor(-1) if token.i else None, _next(token)) if t]
            if any(t.text[:1].isupper() and t.is_alpha for t in near):
                continue
            found.append(RawMention(token.text, "PERSON", at, at + len(token.text)))
    return found


def _next(token: Any) -> Any:
    return token.nbor() if token.i + 1 < len(token.doc) else None


def _named_before(doc: Any) -> dict[tuple[int, int], str]:
    """Token spans of the proper names before a word that says what they name, next to it or
    with one common word between: a region ("the Kursk region", "the Kursk border region") is a
    place (GPE), and an acronym before a pact or bloc ("the AUKUS defence pact") an organisation
    (ORG). The words are data (`region_nouns`, `body_nouns`)."""
    labels, words = _name_nouns()
    if not words.search(doc_text(doc)):
        return {}  # most paragraphs: no token to visit
    spans: dict[tuple[int, int], str] = {}
    for token in doc:
        label = labels.get(token.lower_)
        if label is None:
            continue
        end = token.i
        if end > 1 and doc[end - 1].pos_ in {"NOUN", "ADJ"} and doc[end - 2].pos_ == "PROPN":
            end -= 1
        if end > 0 and doc[end - 1].pos_ == "PROPN":
            first = end - 1
            while first > 0 and (doc[first - 1].pos_ == "PROPN" or _joins(doc, first - 1)):
                first -= 1
            if label == "GPE" or doc[first:end].text.isupper():
                spans[(first, end)] = label
    return spans


# Verbs whose subject, a name the model took for a title of a work, is a person.
_SAYING = frozenset(["say", "tell", "add"])


def _a_speaker_s_name(ent: Any) -> bool:
    """Is a name the model tagged a work of art or an organisation the subject of "said" (after
    a quote, the model may take "Halvor Nyberg" for a title; before ", who leads the opposition
    group", "Aksel Dunhope" for a body): two or more capitalised proper nouns, no more, not
    themselves in quotation marks ('"Red Meadow" tells a story worth hearing')?"""
    words = [t for t in ent if not t.is_punct]
    doc = ent.doc
    quoted = (
        ent.start > 0
        and ent.end < len(doc)
        and doc[ent.start - 1].is_quote
        and doc[ent.end].is_quote
    )
    return (
        len(words) >= 2
        and not quoted
        and all(t.pos_ == "PROPN" and t.is_title for t in words)
        and ent.root.dep_ == "nsubj"
        and ent.root.head.lemma_.lower() in _SAYING
    )


def _told_as_he_or_she(ent: Any) -> bool:
    """Whether what a name's verb tells holds "he" or "she" ("Aksel Dunhope, who leads the
    group, said he had asked"): a company or a council, "who run the crossing", is "they"."""
    said = ent.root.head
    return any(t.lower_ in _HE_OR_SHE for t in said.subtree if not ent.start <= t.i < ent.end)


_HE_OR_SHE = frozenset({"he", "she", "his", "her", "him"})


def _described_as_one(ent: Any) -> bool:
    """Whether a name is described, in apposition, as one person: by a singular common noun
    that "who" tells of and that is no kind of body ("said Petra Skallan, a nurse who was in
    the fourth carriage"; not "a charity who runs the shelter"), or by a post with "of"
    ("said Lasse Ormund, chair of the Retired Workers' League"; not "Orvale Ferries, operator
    of the crossing")."""
    posts, bodies = _posts_and_bodies()
    for noun in ent.root.children:
        if noun.dep_ != "appos" or noun.tag_ != "NN" or noun.i < ent.end:
            continue
        told_by_who = noun.lemma_.lower() not in bodies and any(
            c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in noun.children
        )
        a_post = noun.lemma_.lower() in posts and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
        )
        if told_by_who or a_post:
            return True
    return False


@cache
def _posts_and_bodies() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns of a post a person holds, and the nouns of a body (`_described_as_one`)."""
    bodies = frozenset(table("entities")["role_words"]["generic_owners"])
    return _person_titles() | _words("person_posts"), _words("body_nouns") | bodies


def _named_by_who(doc: Any) -> dict[tuple[int, int], str]:
    """Token spans of the proper names that a clause opening ", who" follows ("Carmen Soto, who
    runs a grocery, said"): people (PERSON), though the model may tag none of them."""
    spans: dict[tuple[int, int], str] = {}
    for token in doc:
        if token.lower_ != "who" or token.i < 2 or doc[token.i - 1].text != ",":
            continue
        name = doc[token.i - 2]
        if name.pos_ != "PROPN" or not name.is_title:
            continue
        first = name.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
            first -= 1
        spans[(first, name.i + 1)] = "PERSON"
    return spans


def _joins(doc: Any, i: int) -> bool:
    """Is token `i` a hyphen inside a name ("Indo-Pacific")?"""
    return (
        doc[i].text == "-"
        and i > 0
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].pos_ == "PROPN"
    )


@cache
def _name_nouns() -> tuple[dict[str, str], re.Pattern[str]]:
    """Each word that names what the name before it is, with its label, and one expression
    finding any of them in a paragraph."""
    entities = table("entities")
    labels = {word: "GPE" for word in entities["region_nouns"]["words"]}
    labels |= {word: "ORG" for word in entities["body_nouns"]["words"]}
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, labels)) + r")\b", re.IGNORECASE)
    return labels, words


@cache
def _known_places() -> frozenset[str]:
    """The places the tables name: spelling variants, their canonical names, capitals."""
    entities = table("entities")
    aliases: dict[str, str] = entities["aliases"]
    return frozenset([*aliases, *aliases.values(), *entities["capital_governments"]])


# Prepositions whose object is where something is, not who: a person is seldom "at", "in" or
# "near" someone. "to" and "from" are left out: "said to Valente", "a letter from Harrow".
_LOCATIVE = frozenset({"in", "at", "on", "near", "off", "outside", "inside"})


def _located(ent: Any) -> bool:
    """Whether a name is the object of a locative preposition, or joined to one that is
    ("in Eastfield and Hollin Moor")."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _called_a_place(doc: Any, ent: Any) -> bool:
    """Whether the text says the name is a place: "the city of X", "south of X", "residents of
    X", "X, a town ..." (the words are data: `[place_nouns]`, `[dweller_nouns]`)."""
    nouns = _place_nouns()
    root = ent.root
    of = root.head.head.lemma_.lower() if root.head.lower_ == "of" else None
    if root.dep_ == "pobj" and (of in nouns or of in _words("dweller_nouns")):
        return True  # "the town of X", "residents of X"
    if any(child.dep_ == "appos" and child.lemma_.lower() in nouns for child in root.children):
        return True
    after = doc[ent.end : ent.end + 5]
    if len(after) >= 3 and after[0].text == "," and after[1].lower_ in {"a", "an", "the"}:
        for token in after[2:]:
            if token.dep_ == "poss":
                break  # "X, the city's director": whose, not what X is
            if token.lemma_.lower() in nouns:
                return True
            if token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                break
    return False


def _a_person_by_context(doc: Any, ent: Any) -> bool:
    """Whether a name the model tagged a person is told of as one: after a title ("Dr Ashley
    Tribune"), with a common noun in apposition ("Ashley Tribune, a nurse") or a "who" clause
    ("Sam Wire, who said he would step down"), so "Courier" or "Herald" is a surname here."""
    if ent.label_ != "PERSON":
        return False
    if _titled(doc, ent):
        return True
    root = ent.root
    return any(
        (c.dep_ == "appos" and c.pos_ == "NOUN")
        or (c.dep_ == "relcl" and any(w.lower_ in {"who", "whose"} for w in c.children))
        for c in root.children
    )


def _personal(doc: Any, ent: Any) -> bool:
    """Whether a name the model tagged a person is told of as one where it stands: after a
    person's title or honorific ("Mr Hartwell", "Judge Ostrava"), or by its context
    (`_a_person_by_context`)."""
    return _after_title(doc, ent) or _a_person_by_context(doc, ent)


def _after_title(doc: Any, ent: Any) -> bool:
    """Whether a name stands right after a person's title or honorific ("Dr", "Mr.")."""
    return ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in _person_titles()


def _a_place_by_its_head(name: str) -> bool:
    """Whether a name's last word makes it a place: "Brinkhollow Road", "Central Station"
    (the words are data: `[place_heads]`)."""
    return _headed_by(name, "place_heads")


def _a_dateline_s_place(doc: Any, ent: Any, name: str) -> bool:
    """Whether a name in capitals opens a credited dateline ("QUELLPORT (Pellam Wire) — ..."),
    where a place stands: not a kicker ("EXCLUSIVE", "ANALYSIS"), nor an acronym that the
    paragraph names again in capitals ("NATO (Pellam Wire) — NATO defence ministers met")."""
    return (
        ent.start == 0
        and name.isupper()
        and opens_on_dateline(doc.text)
        and name.lower() not in _words("dateline_kickers")
        and doc.text.count(name) == 1
    )


def _names_a_place_after(doc: Any, ent: Any, name: str, label: str) -> bool:
    """Whether a name qualifies the lower-case place word after it ("Quellport harbour",
    "Orsley town"): the place is the name's (the words are data: `[place_heads]`,
    `[place_nouns]`); not a body's ("the Nordvik Airlines terminal", "the Shell station"),
    unless the place is one a town names (`[town_sites]`), though the model tags the name a
    body's ("at Ebberstad airport"; not "a Vantrell airport tug")."""
    if ent.end >= len(doc) or _headed_by(name, "organisation_heads"):
        return False
    after = doc[ent.end]
    return (
        after.is_lower
        and ent.root.dep_ == "compound"
        and ent.root.head.i == after.i
        and (after.lower_ in _words("place_heads") or after.lower_ in _place_nouns())
        and (label != "ORG" or (after.lower_ in _words("town_sites") and after.dep_ != "compound"))
    )


def _headed_by(name: str, heads: str) -> bool:
    """Whether a name of two words or more ends in a capitalised word of the `heads` table."""
    words = name.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in _words(heads)


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(table("entities")[key]["words"])


def _place_nouns() -> frozenset[str]:
    return _words("place_nouns")


def _after_the(doc: Any, ent: Any) -> bool:
    """Whether a name opens with, or follows, the definite article, as people's names do not."""
    first = ent[0] if ent[0].lower_ == "the" else (doc[ent.start - 1] if ent.start else None)
    return first is not None and first.lower_ == "the"


def _titled(doc: Any, ent: Any) -> bool:
    """Whether a name of two words or more stands right after a person's title, has one in
    apposition after it ("Marek Tolland, Corrant's chief information security officer,"), or
    names the subject that title describes, between commas ("its managing director, Nadia
    Okafor, said"; not "a spokesman for the prime minister, Downing Street, said"), or a
    title someone's ("Halvring Ferries' chief executive, Corinna Stavenor,")."""
    if len(ent) < 2 or not all(t.is_title for t in ent):
        return False
    if any(
        c.dep_ == "appos" and c.lower_ in _person_titles() and c.i > ent.end
        for c in ent.root.children
    ) and not any(t.lemma_.lower() in common_nouns() for t in ent[1:]):
        # "Marek Tolland, Corrant's chief information security officer, said"; not a body
        # named in common words ("Lorne Harbour Board, the port's harbour master,")
        return True
    if ent.start == 0:
        return False
    if _after_title(doc, ent):
        return True
    title = ent.root.head
    return (
        ent.root.dep_ == "appos"
        and title.i == ent.start - 2
        and doc[ent.start - 1].text == ","
        and title.lower_ in _person_titles()
        and (
            (
                title.dep_ in {"nsubj", "nsubjpass"}
                and any(c.dep_ in {"det", "poss"} for c in title.children)
            )
            # whoever the parse makes the title of ("Halvring Ferries' chief executive,
            # Corinna Stavenor, said": the model may read "Halvring" as a verb)
            or (
                any(c.dep_ == "poss" for c in title.children)
                and ent.end < len(doc)
                and doc[ent.end].text == ","
                # not a body in apposition ("the central bank's governor, Lorne Harbour Board,")
                and not any(t.lemma_.lower() in common_nouns() for t in ent[1:])
                and not _headed_by(ent.text, "organisation_heads")
            )
        )
    )


@cache
def _person_titles() -> frozenset[str]:
    return frozenset(table("entities")["person_titles"]["words"])


@cache
def _peoples() -> frozenset[str]:
    """Names for a nation's people ("Britons"): groups, whatever label the tagger gives them."""
    return frozenset(table("entities")["peoples"]["names"])


@cache
def _government_verbs() -> frozenset[str]:
    return frozenset(table("entities")["government"]["verbs"])


def _agent(token: Any, verbs: frozenset[str]) -> bool:
    """Does this token act: the subject of a listed verb, its passive agent, or one of several?"""
    if token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Tehran and Moscow denied": both deny
    if token.dep_ == "nsubj":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "agent":
        verb = token.head.head  # "was condemned by Moscow"
    else:
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in verbs


def strip_name(text: str) -> str:
    """The bare name: no leading article ("the", "a" before a capital), honorifics
    ("Detective Superintendent Yvette Corlaine") or possessive ending."""
    name = re.sub(r"[’']s$", "", text.strip()).strip(' ,.;:"“”')
    name = re.sub(r"^(?:the|The)\s+|^an?\s+(?=[A-Z0-9])", "", name)  # "a Solenta Airways V-230"
    while title := next((t for t in _honorifics() if name.startswith(t + " ")), None):
        name = name[len(title) + 1 :]
    return name


@cache
def _honorifics() -> list[str]:
    """Longest first, so "Prime Minister" is stripped whole before "Prime"."""
    return sorted(table("entities")["honorifics"], key=len, reverse=True)


def canonical_place(name: str) -> str:
    """A place or organisation's canonical spelling (Kiev → Kyiv)."""
    aliases: dict[str, str] = table("entities")["aliases"]
    return aliases.get(name, name)


def entity_id(type_: str, name: str) -> str:
    """A stable id from the type and canonical name: `person:antony-blinken`,
    `person:ines-calado` for Inês Calado."""
    return f"{type_}:{slug(name) or 'unnamed'}"


def slug(text: str) -> str:
    """Lower-case words joined by hyphens, accents dropped ("Inês" → "ines"); letters of other
    scripts stay, so that a Greek or Cyrillic name keeps an id of its own."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", plain.lower()).strip("-")


def resolve(raw: list[RawMention], sentences: list[Sentence]) -> tuple[list[Entity], list[Mention]]:
    """Fold raw mentions into entities with one identity each, and place each mention."""
    full_names = _full_person_names(raw)
    places = {canonical_place(strip_name(m.text)) for m in raw if LABELS[m.label] == "place"}
    places |= {p.title() for p in places if p.isupper() and len(p) > 4}  # a dateline's "QUELLPORT"
    drafts: dict[str, _Draft] = {}
    mentions: list[Mention] = []
    starts = [s.start for s in sentences]
    bodies = _body_first_words(raw)
    identified = {m: _identify(m, full_names, places, bodies) for m in raw}
    short = _acronyms(raw, sentences, identified)
    for m in raw:
        type_, name = short.get(strip_name(m.text)) or identified[m]
        if not name:
            continue
        country = _government(m, type_, name)
        if country:
            type_, name = "place", country
        key = entity_id(type_, name)
        draft = drafts.setdefault(key, _Draft(name, type_))
        if draft.name.isupper() and not name.isupper():
            draft.name = name  # "Quellport", not its dateline's "QUELLPORT"
        draft.aliases.add(m.text.strip())
        sentence = max(bisect_right(starts, m.start) - 1, 0)
        mentions.append(
            Mention(
                entity=key,
                sentence=sentence,
                start=m.start,
                end=m.end,
                text=m.text,
                kind="government" if country else "name",
            )
        )
    for acronym, (type_, name) in short.items():
        drafts.setdefault(entity_id(type_, name), _Draft(name, type_)).aliases.add(acronym)
    entities = [
        Entity(id=key, name=d.name, type=d.type, aliases=tuple(sorted(d.aliases - {d.name})))
        for key, d in drafts.items()
    ]
    return entities, mentions


# A name's short form given in brackets right after it: "the Varnholm Transport Authority (VTA)".
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def _acronyms(
    raw: list[RawMention],
    sentences: list[Sentence],
    identified: dict[RawMention, tuple[EntityType, str]],
) -> dict[str, tuple[EntityType, str]]:
    """The short forms an article gives its bodies' names, each with the body's identity: in
    "The Norvanian Transport Workers' Union (NTWU) said", NTWU is the union wherever the
    article uses it. The short form must be the initials of the name's capitalised words."""
    if not sentences:
        return {}
    starts = [s.start for s in sentences]
    found: dict[str, tuple[EntityType, str]] = {}
    for m in raw:
        type_, name = identified[m]
        if type_ == "person":
            continue
        sentence = sentences[max(bisect_right(starts, m.start) - 1, 0)]
        after = _BRACKETED.match(sentence.text, m.end - sentence.start)
        if after and _initials(name) == [c for c in after.group(1) if c.isupper()]:
            found[after.group(1)] = (type_, name)
    return found


def _initials(name: str) -> list[str]:
    return [word[0] for word in name.split() if word[:1].isupper()]


def _full_person_names(raw: list[RawMention]) -> list[str]:
    names: list[str] = []
    for m in raw:
        if m.label == "PERSON":
            name = strip_name(m.text)
            if len(name.split()) >= 2 and name not in names:
                names.append(name)
    return names


def _body_first_words(raw: list[RawMention]) -> set[str]:
    """The first words of the article's company names ("Corrant" of "Corrant Group"): those of
    two words or more ending in a word of `[organisation_heads]`. Not of other bodies, which a
    place may open ("Varnholm Transport Authority")."""
    found = set()
    for m in raw:
        name = strip_name(m.text)
        if LABELS[m.label] == "organisation" and _headed_by(name, "organisation_heads"):
            found.add(name.split()[0])
    return found


def _identify(
    m: RawMention, full_names: list[str], places: set[str], bodies: set[str]
) -> tuple[EntityType, str]:
    name = strip_name(m.text)
    type_ = LABELS[m.label]
    person = _person_for(name, full_names)
    if person:
        # Also repairs NER slips: a known person's name tagged as an organisation or facility.
        return "person", person
    if canonical_place(name) in places:
        # A name the article uses for a place elsewhere ("Kiev's station" tagged as a person).
        return "place", canonical_place(name)
    if type_ == "person" and name in bodies and not m.personal:
        # One word that opens a company's name, and no person's: "Corrant said" of "Corrant
        # Group", which the small model tags as a person; not "Mr Hartwell said".
        return "organisation", name
    if type_ == "person":
        return "person", name
    return type_, canonical_place(name)


def _government(m: RawMention, type_: EntityType, name: str) -> str | None:
    """The country whose government a capital stands for when it acts ("Moscow denied")."""
    if not m.agent or type_ == "person":
        return None
    countries: dict[str, str] = table("entities")["capital_governments"]
    return countries.get(name)


def _person_for(name: str, full_names: list[str]) -> str | None:
    """The full name that `name` (a full name, surname, first name or nickname) stands for."""
    if name in full_names:
        return name
    if " " in name:
        return None
    by_surname = [f for f in full_names if f.split()[-1] == name]
    if len(by_surname) == 1:
        return by_surname[0]
    given = [name, *table("entities")["nicknames"].get(name, [])]
    by_first = [f for f in full_names if f.split()[0] in given]
    if len(by_first) == 1:
        return by_first[0]
    return None


def resolve_typo(word: str, entities: list[Entity]) -> Entity | None:
    """The person whose surname `word` misspells by one or two letters (same first letter)."""
    word = strip_name(word)
    if len(word) < 4 or " " in word:
        return None
    close = [
        e
        for e in entities
        if e.type == "person"
        and e.name.split()[-1][:1] == word[:1]
        and _distance(e.name.split()[-1], word) <= (1 if len(word) < 6 else 2)
    ]
    return close[0] if len(close) == 1 else None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
