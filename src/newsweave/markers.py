"""Lineage markers: phrases in an article that say where its content comes from.

Wire credits ("LISBON (Reuters) —"), "X reports, citing Y", "according to Y", "h/t Y" and
"Y reported". The patterns and the list of news agencies are data (data/lineage.toml); the
comparison stage uses the markers so that copies do not count as independent confirmation.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from newsweave.models import LineageMarker

# A name that says it is a news agency: "Meridian Wire", "Balkan News Agency" (not "Free
# Press", a newspaper's, or "University Press", a publisher's). Its words stay on one line.
_NAME_WORDS = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*[ \t]+"
_AGENCY_NAME = _NAME_WORDS + r"(?:Wire|News Agency|Press Agency|Press Association|Newswire)"
# In a dateline's brackets, a name ending in "Press" is its agency too: "ROTHERHAM (Northline
# Press) —".
_DATELINE_AGENCY_NAME = _NAME_WORDS + r"(?:Wire|News Agency|Press|Newswire)"
# Capitalised words that may open a sentence before an agency's name: "But Meridian Wire
# said", "On Sunday Meridian Wire said".
# fmt: off
_OPENING = frozenset({
    "but", "and", "or", "so", "yet", "on", "in", "at", "as", "by", "for", "with", "from", "when",
    "after", "before", "while", "then", "since", "meanwhile", "later", "earlier", "also",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# fmt: on

# Capitalised words that open sentences or name people, not outlets, in "X reported" phrases.
_NOT_OUTLETS = {"He", "She", "They", "It", "We", "I", "This", "That", "The", "Officials", "Police"}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """Each marker kind, its compiled pattern, and the words it cannot match without ("")."""
    raw = _data()

    def either(names: list[str], named: str) -> str:
        listed = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
        return f"(?:{listed}|{named})"

    agency = either(raw["wire_agencies"], _DATELINE_AGENCY_NAME)
    clear = [a for a in raw["wire_agencies"] if a not in raw["ambiguous_agencies"]]
    credited = either(clear, _AGENCY_NAME)
    name = raw["name"].replace("{word}", raw["word"])
    compiled = []
    for kind, pattern in raw["patterns"].items():
        pattern = pattern.replace("{agency}", agency).replace("{credited_agency}", credited)
        pattern = pattern.replace("{name}", name)
        flags = re.MULTILINE if kind == "wire_credit" else 0
        compiled.append((kind, re.compile(pattern, flags), raw["requires"].get(kind, "")))
    return compiled


# Patterns that find a kind of marker told another way.
_KINDS = {"citing_plain": "citing", "agency_credit": "reported_by"}


def find_markers(text: str, outlet: str | None = None) -> tuple[LineageMarker, ...]:
    """Every lineage marker in `text`; `outlet` (the article's own) is never its own source."""
    found: list[LineageMarker] = []
    seen: set[tuple[str, str | None]] = set()
    for kind, pattern, required in _patterns():
        if required not in text:
            continue
        for match in pattern.finditer(text):
            name = _clean_name(match.group("outlet"))
            if kind == "wire_credit" and match.start() > 400:
                continue  # a credit is a dateline: it opens the article
            if not name or name in _NOT_OUTLETS or _same(name, outlet):
                continue
            if kind != "wire_credit" and _body(name):
                continue  # "according to the City Election Commission": a source, no outlet
            if kind == "citing_plain" and any(m.kind == "citing" for m in found):
                continue
            if kind in ("citing", "citing_plain") and _people(name, text[match.end() :]):
                continue  # "citing coast guard officials": a source, but no outlet
            marker_kind = _KINDS.get(kind, kind)
            if (marker_kind, name) in seen:
                continue
            seen.add((marker_kind, name))
            found.append(
                LineageMarker(
                    kind=marker_kind,
                    text=match.group(0).strip(),
                    outlet=name,
                    offset=match.start() + len(match.group(0)) - len(match.group(0).lstrip()),
                )
            )
    return tuple(found)


def credits(text: str, outlet: str) -> list[int]:
    """Where `text` credits `outlet` with what it tells: by name ("Castlegate Wire said",
    "according to the Gazette", "quoted by Reuters", "as quoted by Castlegate": a wire by its
    short name, `short_outlet`) or as the outlet again ("the news agency reported", "quoted by
    the agency"). Offsets of each credit, in order."""
    name = r"\s+".join(re.escape(word) for word in outlet.split())
    patterns = [re.compile(_data()["credits"]["named"].replace("{outlet}", name)), _back()]
    if short := short_outlet(outlet):
        # Only where an outlet is credited and the name ends there: not "according to Ferrant
        # officials", "Mayor Lena Ferrant said" or "Ferrant said" (a town, a person).
        shortened = r"\s+".join(re.escape(word) for word in short.split())
        patterns.append(re.compile(_data()["credits"]["short"].replace("{outlet}", shortened)))
    return sorted({m.start() for pattern in patterns for m in pattern.finditer(text)})


@cache
def _back() -> re.Pattern[str]:
    """The pattern of a credit to an outlet named before ("the news agency reported")."""
    raw = _data()["credits"]
    return re.compile(raw["back"].replace("{noun}", raw["noun"]))


def is_agency(name: str) -> bool:
    """Whether `name` is a news agency: one of data/lineage.toml ("Reuters", "the AP"), or a
    name that says so ("Meridian Wire")."""
    name = _clean_name(name) or ""
    return name in _listed("wire_agencies") or re.fullmatch(_AGENCY_NAME, name) is not None


def _body(name: str) -> bool:
    """Whether `name` names a body, by its last word ("City Election Commission")."""
    return name.split()[-1].lower() in _listed("bodies")


def _people(name: str, after: str) -> bool:
    """Whether a cited source names people or a body ("officials at the ... office"), by its
    words in lower case or the word right after it ("citing U.S. officials", "citing Interior
    Ministry sources"); "People magazine" is a name."""
    following = re.match(r"[\s.]*([a-z]+)", after)
    words = re.findall(r"\b[a-z]+\b", name) + ([following[1]] if following else [])
    return not _listed("sources_not_outlets").isdisjoint(words)


@cache
def _listed(key: str) -> frozenset[str]:
    """A list of data/lineage.toml as a set ("wire_agencies", "bodies")."""
    return frozenset(_data()[key])


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("newsweave").joinpath("data/lineage.toml").read_text())


def reporting_outlet(text: str) -> str | None:
    """The outlet an article names as its own in "X reports, citing Y", if any."""
    for kind, pattern, required in _patterns():
        if kind == "citing" and required in text:
            match = pattern.search(text)
            if match:
                return _clean_name(match.group("reporter"))
    return None


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"^(?:the|The)\s+", "", name.strip(" .,;:’'"))
    # "On Sunday Meridian Wire": the agency is what is left after the sentence's opening words.
    while re.fullmatch(_AGENCY_NAME, name) and name.split()[0].lower() in _OPENING:
        rest = name.split(maxsplit=1)[1]
        if not re.fullmatch(_AGENCY_NAME, rest):
            break
        name = rest
    return name or None


# Last words of a wire's name that a text may leave out: "according to Ferrant", of Ferrant Wire,
# "according to Meridian", of Meridian News Agency.
_WIRE_WORDS = frozenset({"wire", "newswire", "agency"})
_BEFORE_AGENCY = frozenset({"news", "press"})


def short_outlet(name: str) -> str | None:
    """A wire's name without its last words (`_WIRE_WORDS`, and "News" or "Press" before
    "Agency"): "Ferrant" of "Ferrant Wire", "Meridian" of "Meridian News Agency"; None for a
    name of no wire ("Associated Press") or of nothing more."""
    words = re.sub(r"^(?:the|The)\s+", "", name.strip()).split()
    if len(words) < 2 or words[-1].lower() not in _WIRE_WORDS:
        return None
    words = words[:-1]
    if len(words) > 1 and words[-1].lower() in _BEFORE_AGENCY:
        words = words[:-1]
    return " ".join(words)


def norm_outlet(name: str | None) -> str:
    """An outlet name reduced for comparison ("The Harbour Gazette" ~ "harbourgazette")."""
    if not name:
        return ""
    name = re.sub(r"^(?:the)\s+", "", name.strip().lower())
    return re.sub(r"[^a-z0-9]", "", name)


def _same(a: str | None, b: str | None) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", s.lower())

    return a is not None and b is not None and norm(a) == norm(b)
