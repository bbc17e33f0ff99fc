"""One identity per person across a story, and who depends on whom (independence of outlets)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Mapping
from functools import cache

from newsweave.analyze.nlp import table
from newsweave.analyze.roles import Role, holder, is_role_only
from newsweave.markers import credits, is_agency, norm_outlet, short_outlet
from newsweave.models import UNKNOWN_OUTLET, Analysis, Article, Entity, LineageLink, LineageMarker


def story_entities(analyses: list[Analysis]) -> tuple[list[Entity], dict[str, str]]:
    """The story's entities: one identity per person across its articles.

    A surname-only person (or the last names of a longer name: "Boone Isaacs"), or failing
    that a first name alone, folds into the one full name another article gives; a body's short
    form into the body one article gives it to ("the Varnholm Transport Authority (VTA)"), and
    its first words into the one longer name that opens on them ("Vantrell Chemicals"); a
    person one article names only by a role ("the Secretary of State") folds into the one
    person the story's articles name as holding it (`analyze.roles.holder`). Returns the merged
    entities and a map from every article-level entity id to the story's id.
    """
    by_id: dict[str, Entity] = {}
    for analysis in analyses:
        for entity in analysis.entities:
            known = by_id.get(entity.id)
            aliases = set(entity.aliases) | (set(known.aliases) if known else set())
            roles = set(entity.roles) | (set(known.roles) if known else set())
            # A name in capitals is a dateline's ("QUELLPORT"): an article's own spelling wins.
            name = known.name if known and entity.name.isupper() else entity.name
            by_id[entity.id] = entity.model_copy(
                update={
                    "name": name,
                    "aliases": tuple(sorted(aliases)),
                    "roles": tuple(sorted(roles)),
                }
            )
    mapping = {eid: eid for eid in by_id} | _one_type_per_name(analyses, by_id)
    # A short form one article gives a body ("the Varnholm Transport Authority (VTA)") is that
    # body in every article that uses it.
    short: dict[str, set[str]] = defaultdict(set)
    for e in by_id.values():
        if e.type != "person":
            for alias in e.aliases:
                if alias.isupper():
                    short[alias].add(e.id)
    for e in by_id.values():
        if e.type != "person" and len(bodies := short.get(e.name, set()) - {e.id}) == 1:
            mapping[e.id] = next(iter(bodies))
    # A body named by the first words of one longer body's name is that body: "Vantrell said"
    # of "Vantrell Chemicals". Not a part of a body (`part_heads`: "the UN" is not the "UN
    # Security Council"), an acronym (folded above), nor a name some article puts a happening
    # in: "tram drivers in Kessavik" is the town of Kessavik City Transport, tagged as a body.
    named_bodies = [e for e in by_id.values() if e.type == "organisation" and mapping[e.id] == e.id]
    parts = _part_heads()
    folds = {
        e.id: longer[0].id
        for e in named_bodies
        if not e.name.isupper()
        and len(longer := [f for f in named_bodies if f.name.startswith(e.name + " ")]) == 1
        and longer[0].name.split()[-1].lower() not in parts
    }
    if folds:  # most stories have none: no need to read where every name stands
        located = _located(analyses)
        mapping |= {short: body for short, body in folds.items() if short not in located}
    named = [
        e
        for e in by_id.values()
        if e.type == "person" and not is_role_only(e) and mapping[e.id] == e.id
    ]
    full = [e for e in named if " " in e.name]
    for entity in named:
        # Last names first: "Obama" is "Barack Obama", not the headline's "Obama Overturns".
        ending = [f for f in full if _ends(entity.name, f.name)]
        matches = ending or [f for f in full if f.name.split()[0] == entity.name]
        if len(matches) == 1:
            mapping[entity.id] = matches[0].id
    holders = [
        (mapping[e.id], role)
        for e in named
        for role in (Role.parse(text) for text in e.roles)
        if role is not None
    ]
    for entity in by_id.values():
        if is_role_only(entity):
            described = [r for r in (Role.parse(text) for text in entity.roles) if r is not None]
            found = {h for h in (holder(role, holders) for role in described) if h is not None}
            if len(found) == 1:
                mapping[entity.id] = found.pop()
    for eid in mapping:  # a name retyped, then folded into a full name: follow to the end
        while mapping[mapping[eid]] != mapping[eid]:
            mapping[eid] = mapping[mapping[eid]]
    merged: dict[str, Entity] = {}
    for eid, entity in by_id.items():
        target = mapping[eid]
        base = merged.get(target) or by_id[target]
        extra = (
            {entity.name, *entity.aliases} - {base.name} if eid != target else set(entity.aliases)
        )
        roles = set(base.roles) | (set(entity.roles) if not is_role_only(entity) else set())
        merged[target] = base.model_copy(
            update={
                "aliases": tuple(sorted(set(base.aliases) | extra)),
                "roles": tuple(sorted(roles)),
            }
        )
    return sorted(merged.values(), key=lambda e: (e.type, e.name)), mapping


def _ends(name: str, full: str) -> bool:
    """Whether `name` is the last names of the longer name `full`: the surname ("Sabol"), or
    more of them ("Boone Isaacs" of "Cheryl Boone Isaacs")."""
    words, whole = name.split(), full.split()
    return len(words) < len(whole) and whole[-len(words) :] == words


# "in" before a name puts something there ("tram drivers in Kessavik"); "at" is as often a
# body's premises ("a fire at Vantrell").
_IN = re.compile(r"\bin\s+$", re.IGNORECASE)


@cache
def _part_heads() -> frozenset[str]:
    return frozenset(table("entities")["part_heads"]["words"])


def _located(analyses: list[Analysis]) -> set[str]:
    """The ids of the entities some article names right after "in"."""
    return {
        m.entity
        for a in analyses
        for m in a.mentions
        if _IN.search(a.sentences[m.sentence].text[: m.start - a.sentences[m.sentence].start])
    }


def _one_type_per_name(analyses: list[Analysis], by_id: dict[str, Entity]) -> dict[str, str]:
    """One name the articles give different types ("Bresk" a person in one, a place in
    others): every id of it maps to the id of the type its mentions give most often.

    The small model's type slips differ from article to article, and a story is about one
    Bresk. Ties go to a person, then a place: on ECB+ the model's persons are right 94% of the
    time, its places 81% and its organisations 69% (`newsweave eval entities`).
    """
    mentions = Counter(m.entity for a in analyses for m in a.mentions)
    by_name: dict[str, list[Entity]] = {}
    for entity in by_id.values():
        if not is_role_only(entity):
            by_name.setdefault(entity.id.split(":", 1)[1], []).append(entity)
    preference = {"person": 0, "place": 1, "organisation": 2}
    mapping: dict[str, str] = {}
    for same in by_name.values():
        if len(same) > 1:
            best = min(same, key=lambda e: (-mentions[e.id], preference.get(e.type, 3)))
            mapping |= {e.id: best.id for e in same}
    return mapping


def marker_links(
    articles: list[Article], analyses: Mapping[str, Analysis] | None = None
) -> list[LineageLink]:
    """Lineage from markers in the text, resolved to a story article of the named outlet if any.

    A wire credit, a hat tip, or "X reports, citing Y" in the opening paragraph says where the
    whole article comes from. "…, X reported" or "according to X" in the opening paragraph,
    X an outlet, covers the stretch down to the last sentence that credits X again (`_credited`):
    a rewrite that tells X's story with credit, then adds reporting of its own. Further down,
    such a marker covers only its own sentence. What a source "told" another outlet of the
    story, or said "in an interview with" it, is that outlet's sentence too (`_told`). These
    links carry the sentences (found through `analyses`) and do not fold the article into its
    source.
    """
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        by_outlet.setdefault(norm_outlet(article.outlet), []).append(article)
    outlets = _outlet_names(by_outlet)
    # A wire by its short name: "according to Ferrant" is Ferrant Wire.
    shortened = {
        norm_outlet(short): named
        for named, _, name in outlets
        if (short := short_outlet(name)) and norm_outlet(short) not in by_outlet
    }
    links = []
    for article in articles:
        analysis = (analyses or {}).get(article.id)
        for marker in article.markers:
            named = shortened.get(plain := norm_outlet(marker.outlet), plain)
            sources = [a for a in by_outlet.get(named, []) if a.id != article.id]
            source = _earliest(sources)
            sentence = through = None
            if not _whole_article(article, marker):
                sentence = _sentence_at(analysis, marker.offset)
                if _in_lead(article, marker) and (source or _an_outlet(marker)):
                    through = _credited(article, analysis, marker)
            links.append(
                LineageLink(
                    article=article.id,
                    kind="derivative" if marker.kind == "wire_credit" else "citing",
                    source=source.id if source else None,
                    source_outlet=marker.outlet,
                    evidence=marker.text,
                    sentence=0 if through is not None else sentence,
                    through=through,
                )
            )
        links += _told(article, analysis, outlets)
    return _outside_stretches(links)


# Where someone tells an outlet something: "told (the) ...", "in an interview with (the) ...".
_TOLD = re.compile(r"\b(?:told|interviews?\s+with)\s+(?:[Tt]he\s+)?")


def _outlet_names(by_outlet: Mapping[str, list[Article]]) -> list[tuple[str, Article, str]]:
    """Each outlet of the story (normalised), its earliest article, and its name as a text
    would give it after "told the" (no leading "The", one space between words)."""
    found = []
    for named, sources in by_outlet.items():
        source = _earliest(sources)
        if named and source is not None:
            name = re.sub(r"^(?:the|The)\s+", "", source.outlet.strip())
            found.append((named, source, " ".join(name.split())))
    return found


def _told(
    article: Article, analysis: Analysis | None, outlets: list[tuple[str, Article, str]]
) -> list[LineageLink]:
    """Links for the sentences in which someone "told" another outlet of the story, or spoke
    "in an interview with" it ("Helena Marsk told the Arvenian Business Review that ..."):
    only the story's outlets (`_outlet_names`), by their full names, since people tell people
    ("told Judge Hale that") and a paper names itself short ("told the Herald")."""
    own = norm_outlet(article.outlet)
    links = []
    for match in _TOLD.finditer(article.text):
        after = " ".join(article.text[match.end() : match.end() + 120].split())
        for named, source, name in outlets:
            if (
                named == own
                or not after.startswith(name)
                or after[len(name) : len(name) + 1].isalnum()
            ):
                continue
            sentence = _sentence_at(analysis, match.start())
            if sentence is not None:
                links.append(
                    LineageLink(
                        article=article.id,
                        kind="citing",
                        source=source.id,
                        source_outlet=source.outlet,
                        evidence=f"{match.group(0)}{name}",
                        sentence=sentence,
                    )
                )
    return links


def _outside_stretches(links: list[LineageLink]) -> list[LineageLink]:
    """The links, less the one-sentence links to an outlet for a sentence that a stretch to it
    already covers ("according to X" in the second sentence of a lead that says "…, X
    reported"). Stretches open on the first sentence."""
    through: dict[tuple[str, str | None], int] = {}
    for link in links:
        if link.through is not None:
            key = (link.article, link.source_outlet)
            through[key] = max(through.get(key, 0), link.through)

    def covered(link: LineageLink) -> bool:
        last = through.get((link.article, link.source_outlet))
        return (
            link.through is None
            and link.sentence is not None
            and last is not None
            and link.sentence <= last
        )

    return [link for link in links if not covered(link)]


def _whole_article(article: Article, marker: LineageMarker) -> bool:
    if marker.kind in {"wire_credit", "hat_tip"} or marker.offset is None:
        return True
    return marker.kind == "citing" and _in_lead(article, marker)


def _in_lead(article: Article, marker: LineageMarker) -> bool:
    lead = len(article.paragraphs[0]) if article.paragraphs else 0
    return marker.offset is not None and marker.offset < lead


def _an_outlet(marker: LineageMarker) -> bool:
    """Whether a marker names an outlet, not where an outlet got its facts ("according to the
    port authority"): a news agency, or a name said to have reported."""
    return is_agency(marker.outlet or "") or marker.kind == "reported_by"


def _credited(article: Article, analysis: Analysis | None, marker: LineageMarker) -> int | None:
    """The last sentence of `article` that credits the marker's outlet (`markers.credits`)."""
    offsets = credits(article.text, marker.outlet or "")
    last = _sentence_at(analysis, offsets[-1]) if offsets else None
    return last if last is not None and last > 0 else None


def _sentence_at(analysis: Analysis | None, offset: int | None) -> int | None:
    for sentence in analysis.sentences if analysis else ():
        if sentence.start <= (offset or 0) < sentence.end:
            return sentence.index
    return None


def sentence_keys(links: list[LineageLink], keys: Mapping[str, str]) -> dict[tuple[str, int], str]:
    """(article, sentence) → the source that one sentence repeats, for sentence-level links
    (`crediting`)."""
    return {
        at: keys[link.source]
        if link.source is not None and link.source in keys
        else norm_outlet(link.source_outlet or "")
        for at, link in crediting(links, keys).items()
    }


def sentence_source(
    at: tuple[str, int], keys: Mapping[str, str], repeated: Mapping[tuple[str, int], str]
) -> str:
    """The source one (article, sentence) counts for: the outlet it says it repeats
    (`sentence_keys`), else its article's (`source_keys`)."""
    return repeated.get(at) or keys.get(at[0], at[0])


def crediting(
    links: list[LineageLink], story: Container[str]
) -> dict[tuple[str, int], LineageLink]:
    """(article, sentence) → the sentence-level link that says where that sentence comes from.

    Only sources that are outlets count: an article of the `story`, a news agency, or one named
    as having "reported"; "according to the port authority" names where the outlet got the
    fact, not an outlet it copied.
    """
    found = {}
    for link in links:
        if link.sentence is None:
            continue
        in_story = link.source is not None and link.source in story
        outlet = link.source_outlet and (
            is_agency(link.source_outlet) or "reported" in link.evidence
        )
        if not (in_story or outlet):
            continue
        for sentence in range(link.sentence, (link.through or link.sentence) + 1):
            found[(link.article, sentence)] = link
    return found


def source_keys(articles: list[Article], links: list[LineageLink]) -> dict[str, str]:
    """Article id → the key of the independent source it stands for.

    Copies and rewrites fold into their source; an article carrying a wire credit stands for the
    agency; two articles of one outlet are one source, and an article of no known outlet is
    one of its own.
    """
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        if link.sentence is None and link.source in parent and link.article in parent:
            parent[find(link.article)] = find(link.source)
    # Articles whose outlet nobody named are not one outlet: each is its own source.
    outlet = {a.id: norm_outlet(a.outlet) if a.outlet != UNKNOWN_OUTLET else "" for a in articles}
    wire = {
        link.article: norm_outlet(link.source_outlet)
        for link in links
        if link.kind == "derivative" and link.source is None and link.source_outlet
    }
    keys = {}
    for article in articles:
        root = find(article.id)
        keys[article.id] = wire.get(root) or outlet[root] or root
    return keys


def _earliest(articles: list[Article]) -> Article | None:
    dated = sorted(articles, key=lambda a: (a.published is None, str(a.published)))
    return dated[0] if dated else None
