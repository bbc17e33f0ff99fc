"""The records that flow between the stages: one vocabulary, documented in docs/records.md.

Every record is a frozen pydantic model, so a stage can never change what an earlier stage
produced, and every record serialises to JSON the same way for the store, the CLI, the HTTP API
and the batch runner.

    sources ─► RawDoc ─► Article | Rejected ─► Analysis ─► LineageLink, Story ─► Comparison ─► Brief
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

Stage = Literal["ingest", "extract", "analyze", "dedupe", "cluster", "compare", "brief"]


def _aware(value: datetime) -> datetime:
    if not 1000 <= value.year <= 9000:
        # Year 1 or 9999 is a typo or a placeholder, and dates reckoned from it overflow.
        raise ValueError(f"year {value.year} is not a plausible time for news")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _written(value: object) -> object:
    # A bare number would be read as seconds since 1970: "published": 2026 is no date of 2026.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("a time is written as an ISO date ('2026-09-16'), not a number")
    return value


Moment = Annotated[datetime, BeforeValidator(_written), AfterValidator(_aware)]
"""A point in time, always with a timezone: a naive one ("2026-09-16" in a JSONL line) is read as
UTC, so dates from different inputs compare and sort together."""


class Record(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# ── ingest ──────────────────────────────────────────────────────────────────────────────────


class RawDoc(Record):
    """One document as it arrived, before extraction: a page, a pasted text, a JSONL line."""

    source: str
    """Where it came from: a path, a URL, `path#line` for JSONL, `path#record` for WARC."""
    kind: Literal["html", "text"]
    body: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: Moment | None = None
    fetched: Moment | None = None


class Rejected(Record):
    """Input a stage refused, with a short machine-readable reason and a human detail."""

    source: str
    stage: Stage
    reason: str
    detail: str = ""


# ── extract ─────────────────────────────────────────────────────────────────────────────────


class LineageMarker(Record):
    """A phrase in the text that says where the report comes from ("citing", a wire credit)."""

    kind: Literal["wire_credit", "citing", "according_to", "hat_tip", "reported_by"]
    text: str
    outlet: str | None = None
    offset: int | None = None
    """Where the phrase starts in `Article.text` (None in articles stored before it was kept)."""


class RemovedLine(Record):
    """A line taken out of the body (or flagged) as boilerplate, and why."""

    text: str
    reason: str


UNKNOWN_OUTLET = "unknown"
"""`Article.outlet` when neither the input, the page nor the text names one. Such articles are not
one outlet: each counts as a source of its own (`compare.identity.source_keys`)."""


class Article(Record):
    """A cleaned article: body text in paragraphs, metadata, captions and removed lines apart."""

    id: str
    source: str
    url: str | None
    canonical_url: str | None
    outlet: str
    title: str
    byline: str | None = None
    published: Moment | None = None
    updated: Moment | None = None
    language: str | None = None
    text: str
    """The cleaned body: paragraphs joined by blank lines; every offset elsewhere points here."""
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    content_hash: str
    markers: tuple[LineageMarker, ...] = ()


# ── analyze ─────────────────────────────────────────────────────────────────────────────────


class Sentence(Record):
    """A sentence of an article's text, by character offsets into `Article.text`."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str


EntityType = Literal["person", "place", "organisation", "other"]


class Entity(Record):
    """One real-world person, place or organisation, with every name it goes by."""

    id: str
    """`type:name-slug` (`person:antony-blinken`); a person the text names only by a role has
    `person:role:role-slug` and the role description as its name."""
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    """Offices the text says this person holds, as `title (whose)`: `secretary of state (United
    States)`, `chief executive`. Titles are the lower-case ones of data/entities.toml."""


MentionKind = Literal["name", "role", "government"]


class Mention(Record):
    """One place in the text where an entity is named or referred to."""

    entity: str
    sentence: int
    start: int
    end: int
    text: str
    kind: MentionKind = "name"
    """How the text refers to the entity: by a `name`; by a `role` description ("the Secretary
    of State") of the person holding it; or by a capital standing for its country's
    `government` ("Tehran denied"), a mention of the country."""


class Quote(Record):
    """Words attributed to a speaker: direct (in marks), partial, or reported speech."""

    kind: Literal["direct", "partial", "reported"]
    text: str
    start: int
    end: int
    sentence: int
    speaker: str | None = None
    """Entity id of the speaker, when it could be resolved."""
    speaker_text: str | None = None
    cue: str | None = None
    speaker_start: int | None = None
    """Where `speaker_text` stands in the text (`speaker_start`, `speaker_end`): the tag this
    quote was attributed by, which may be an earlier quote's tag that it continues."""
    speaker_end: int | None = None
    cue_start: int | None = None
    """Where the cue stands in the text (`cue_start`, `cue_end`); quotes that share one tag
    (`“A,” X said. “B.”`) share these offsets."""
    cue_end: int | None = None


class NumberMention(Record):
    """A number in the text, with its unit, qualifier and what it counts."""

    text: str
    value: float
    sentence: int
    start: int
    end: int
    upper: float | None = None
    """For ranges and ratios ("38 of 46": value 38, upper 46)."""
    unit: str | None = None
    qualifier: str | None = None
    counts: str | None = None
    fate: str | None = None
    """What befell the people it counts, when news counts people for it: "killed", "injured",
    "evacuated", "missing", "arrested", "rescued" or "taken to hospital" (`analyze.fates`)."""
    provisional: Literal["needed", "so far", "before", "limit"] | None = None
    """Why the figure is not what its thing came to: a bar to clear ("the 50% needed to avoid a
    runoff"), a count before its end ("turnout had reached 47% by 6 p.m.", "so far"), the
    level it came from ("lowered its rate to 3.5% from 4%", "eased to 2.9% from 3.3%", "up
    from 53%": "before"), or a limit ("a temporary limit of 60 km/h", "capped at 50 people")."""
    foreseen: bool = False
    """Whether its clause tells the figure as foreseen or only possible, not as what came:
    "expects the river to peak at 6.8 metres", "could rise to 50" (`numbers.foreseen`)."""
    share_of: str | None = None
    """What a share is the value of, when its clause says so with a common noun for subject:
    "Turnout was 58%", "unemployment stood at 5.2%", "inflation rose to 3.1%"."""
    margin: bool = False
    """Whether the figure is a winning margin: "beat Brevic by about 12,000 votes", "finished
    21,000 votes ahead of", "a margin of more than 21,000"."""
    per: str | None = None
    """The span of time a rate is counted over: "day" in "31,000 vehicles a day" and "carries
    31,000 vehicles daily", "year" in "4.2 million passengers a year". A rate is no count of
    what happened: "seven vehicles" fell, "31,000 vehicles a day" cross."""
    held_by: str | None = None
    """What kind of body holds the things counted, when a verb of carrying or having tells it
    with a noun for subject: "operator" in "The airline carried 4.1 million passengers last
    year", "site" in "The airport, which handled 6.2 million passengers". Holders of two kinds,
    two counts."""
    size_of: str | None = None
    """What a length or weight is the size of, by the lemma of its common noun: "the 41-metre
    rocket", "the rocket is 41 metres tall", "At 41 metres, the Selka-4 is the tallest rocket"
    ("rocket"). Such a figure counts nothing.
    Only one known thing's ("the", a possessive): "a 2-km stretch" may be one of many."""
    size_noun: str | None = None
    """What a size is told of, one known thing or any: `size_of`, or the noun of "a 64-metre
    span of the bridge" ("span"). Within one claim, two sizes of one noun are of one thing."""
    crowd: bool = False
    """Whether the figure is the crowd that saw a happening: "a crowd of 48,212", "watched by
    41,500 spectators", "in front of 60,000 supporters"; or a crowd someone estimates, with
    `crowd_by`."""
    crowd_by: str | None = None
    """Whose estimate a crowd is, when its sentence says: "police" in "Police put the crowd at
    about 18,000" and "by the police estimate", "organisers" in "the organisers said 120,000
    people had taken part"."""
    valued_by: str | None = None
    """Whose valuation a sum or count is, when a verb of valuing puts it at the figure:
    "harrowmere mutual" in "Harrowmere Mutual valued the stolen pieces at 6.4 million orsins"."""
    stolen_worth: bool = False
    """Whether a sum is what a report states the stolen goods are worth, with no valuer: "stole
    14 pieces of jewellery worth 8.5 million orsins", "The stolen jewels are worth 12 million"."""


Aspect = Literal["prospective", "completed"]


class DateMention(Record):
    """A date or time phrase, resolved to calendar dates when an anchor date is known."""

    text: str
    sentence: int
    start: int
    end: int
    resolved: date | None = None
    resolved_end: date | None = None
    relative: bool = False
    """True when the phrase is relative ("on Wednesday", "this week")."""
    anchor: date | None = None
    """The date it was resolved against (the publication date); None leaves it relative."""
    aspect: Aspect | None = None
    """How its clause tells the happening: still to come ("will travel", "have announced a
    visit"), done ("arrived"), or neither. Orders undated reports on the timeline."""
    verb: str | None = None
    """The lemma of the verb whose clause the phrase dates, with its particle ("break out",
    "visit"): two articles date one happening when they date one verb."""
    main: bool = False
    """Whether the clause it dates is the sentence's own: its verb is the sentence's root, or
    what a root of saying or foreseeing reports ("will travel to Brantholm later on Saturday,
    his ministry said", "expects the Ombra to peak on Friday"); not a clause beside it ("a day
    before the prime minister faces a vote")."""
    happening: str | None = None
    """What the verb tells the happening of, when that is its subject: a singular common noun
    with its compounds ("fire" in "the fire, which started on Monday night"; "house fire"), in
    an active clause with no object. None for a name, a pronoun, a plural, a passive ("the
    hospital was hit"), a doer ("the union started a strike"), or one told as another of its
    kind ("a second fire", "broke out again")."""


class Analysis(Record):
    """Everything the analysis stage found in one article."""

    article_id: str
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    dates: tuple[DateMention, ...] = ()


# ── dedupe and cluster ──────────────────────────────────────────────────────────────────────


class LineageLink(Record):
    """Where an article's content comes from: another article, or an outlet it names."""

    article: str
    kind: Literal["duplicate", "derivative", "citing"]
    source: str | None = None
    """The source article's id, when it is among the ingested articles."""
    source_outlet: str | None = None
    evidence: str = ""
    score: float | None = None
    sentence: int | None = None
    """The one sentence whose content the link covers ("…, according to X"); None: all of it."""
    through: int | None = None
    """With `sentence`, the last sentence of the stretch the link covers: a lead that says
    "…, X reported" and credits X down to the fifth paragraph covers sentences 0 to 4."""


class Story(Record):
    """One real-world event and the articles that report it."""

    id: str
    title: str
    articles: tuple[str, ...]
    first_seen: datetime | None = None
    last_seen: datetime | None = None


class Assignment(Record):
    """The clustering decision for one article."""

    article: str
    story: str
    new_story: bool
    score: float
    merged: tuple[str, ...] = ()
    """Stories that this article showed to be the same event, folded into `story`."""


# ── compare and brief ───────────────────────────────────────────────────────────────────────


class Citation(Record):
    """A pointer to one sentence of one article."""

    article: str
    sentence: int


class Support(Record):
    """A sentence that states a claim, cited by article and sentence index."""

    article: str
    sentence: int
    text: str
    """The sentence, or the whole quote it lies in when that runs over several sentences
    (`compare.passages`): a sentence cut out of a quote does not read alone."""
    ahead: bool = False
    """Told as still to come, on a day that another sentence of the claim tells as passed: the
    plan ("is expected to resign on Tuesday") beside its outcome ("resigned on Tuesday")."""


ClaimStatus = Literal["corroborated", "single_source", "conflicting"]


class Claim(Record):
    """A fact stated by one or more articles of a story, with its standing."""

    id: str
    text: str
    status: ClaimStatus
    independent_sources: int
    support: tuple[Support, ...]
    outlets: tuple[str, ...] = ()


class Variant(Record):
    article: str
    text: str
    differs: tuple[str, ...] = ()
    """Words of this variant not found in the others."""


class QuoteDrift(Record):
    """One statement by one speaker, worded differently by different articles."""

    speaker: str
    variants: tuple[Variant, ...]


class ConflictValue(Record):
    article: str
    value: str
    """The value as the article words it ("Thirty-eight of the 46")."""
    text: str
    reading: str = ""
    """The value as read, in digits ("38/46", "at least 14", "2,400,000 EUR"): articles that
    give one value read alike, however they word it."""
    side: int = 0
    """Which side of the conflict the value stands on, from 0: values that can all be right
    together ("at least 12" and "14"; "late on Tuesday" and "shortly after midnight on
    Wednesday") stand on one side."""


ConflictKind = Literal["number", "date", "place", "speaker"]


class Conflict(Record):
    """The same fact given different values by different articles: a number or a count, the
    date or the place of a happening, or who said a statement."""

    what: str
    values: tuple[ConflictValue, ...]
    kind: ConflictKind = "number"


class TimelineEntry(Record):
    when: str
    """An ISO date or `start/end` range; for a relative entry, the phrase as written."""
    what: str
    articles: tuple[str, ...]
    phrases: tuple[str, ...] = ()
    """The date phrases of `what` that give `when` ("late on Saturday"): a sentence that dates
    two happenings stands in the timeline twice, each time for its own phrase. Empty for a
    publication."""
    relative: bool = False
    """Dated only by a relative phrase of an article without a publication date."""


class Comparison(Record):
    """What lining up a story's articles shows."""

    story: str
    claims: tuple[Claim, ...]
    quote_drift: tuple[QuoteDrift, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    lineage: tuple[LineageLink, ...] = ()


class BriefArticle(Record):
    id: str
    outlet: str
    title: str
    url: str | None
    published: Moment | None


class BriefQuote(Record):
    speaker: str | None
    text: str
    article: str


class SummarySentence(Record):
    text: str
    citations: tuple[Citation, ...]


class Brief(Record):
    """A story's cited brief: the document `newsweave brief` prints."""

    id: str
    title: str
    articles: tuple[BriefArticle, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[BriefQuote, ...]
    claims: tuple[Claim, ...]
    quote_drift: tuple[QuoteDrift, ...]
    conflicts: tuple[Conflict, ...]
    timeline: tuple[TimelineEntry, ...]
    lineage: tuple[LineageLink, ...]
    summary: tuple[SummarySentence, ...]
    unique_coverage: dict[str, tuple[str, ...]] = {}
    """Outlet → ids of the claims only that outlet reports."""
    coverage: dict[str, tuple[str, ...]] = {}
    """Outlet → ids of every claim it reports (the outlet-by-claim matrix)."""
