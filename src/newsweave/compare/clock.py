"""Times of day: one happening's clock time that reports give differently ("lifted off from
Skarvholm at 06:42 on Wednesday" against "at 06:24 on Wednesday").

A claim's sentences state one fact; when each gives one time of day, on no other day, and as
done, not as planned ("is due to lift off at 06:30" then "lifted off at 06:42" is a plan and
its outcome), two times more than a minute apart cannot both be right. A time with its zone
("04:42 GMT") is compared only with times in the same zone, and an unmarked one is local.

Sentences of no one claim are held to one another when they time a happening in the same
words ("set off from Corvel Square at 11:00" and "The march against the plan ... set off from
Corvel Square at noon", which its other words tie to another claim), on no two days.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from functools import cache
from typing import NamedTuple

from newsweave.compare.conflicts import MINUTES_A_DAY, SLACK, minutes_apart, once, within
from newsweave.compare.occasions import SAYING_VERBS
from newsweave.models import Analysis, Claim, Conflict, DateMention, Support

_HOURS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_HOURS += ["eleven", "twelve"]
# Hours "at night" may be early morning or evening.
NIGHT_EITHER = frozenset({4, 5})
# "06:42", "6:42", "6.42am", "6:42 p.m.", "6am", "noon", "four o'clock in the morning": a time
# of day, with its zone if one follows. An o'clock time is morning or night only by the part of
# the day named after it ("at 4 o'clock on Sunday afternoon").
_CLOCK = re.compile(
    r"(?<![\w.:,])(?:(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s*(?P<ampm>[ap]\.?m\b\.?))?"
    r"|(?P<h2>1[0-2]|0?\d)(?:\.(?P<m2>[0-5]\d))?\s*(?P<ampm2>[ap]\.?m\b\.?)"
    rf"|(?P<h3>1[0-2]|0?[1-9]|{'|'.join(_HOURS)})\s+o['\u2019]clock"
    r"(?:\s+(?:in\s+the|on\s+\w+day|that|this|at|(?P<next>the\s+(?:next|following)))"
    r"\s+(?P<part>morning|afternoon|evening|night))?"
    r"|(?:12\s+)?(?P<named>noon|midday|midnight))"
    r"(?:\s+(?P<zone>local\s+time|(?-i:GMT|UTC|[A-Z]{2}T)))?(?![\w:])",
    re.IGNORECASE,
)
# What any time of day `_CLOCK` reads holds, found several times faster: most sentences have
# none.
_MAYBE_CLOCK = re.compile(
    r"\d(?::\d|\.\d\d\s*[ap]|\s*[ap]\.?m)|noon|midday|midnight|o['\u2019]clock", re.IGNORECASE
)
# Words that tell a time as planned or foreseen, not as it came.
_PLANNED = re.compile(
    r"\b(?:will|would|shall|due|scheduled|planned|plans?|set\s+to|expected|aims?|aiming"
    r"|(?:launch|flight)\s+window|window\s+(?:opens|closes|runs)|targets?|targeting"
    r"|no\s+earlier\s+than|supposed\s+to|meant\s+to|slated|timetabled|hop(?:e|es|ed|ing)\s+to)\b",
    re.IGNORECASE,
)
# A plan named as a thing, by the words before it ("the government's", "its"), and how near
# before a time, in words, it must stand to plan that time.
_PLAN_NOUN = re.compile(r"\b(?:the|a|its|their|his|her|our|this|\w+['\u2019]s)\s+$", re.I)
PLAN_REACH = 8
# Words before a time that make it a bound or a span, not when the happening came: "by 6pm",
# "until 10:00", "from 08:00".
_BOUND = re.compile(
    r"\b(?:by|until|till|before|after|from|since|to|and|as\s+of)\s+$", re.IGNORECASE
)
# "Shortly after 2am", "just before 6 a.m.": a time within `SHORTLY` minutes after or before
# the one named, not a bound.
_SHORTLY = re.compile(
    r"\b(?:shortly|just|soon|not\s+long|a\s+little)\s+(?P<way>after|before)\s+$", re.IGNORECASE
)
SHORTLY = 30
# "At about 9.30 p.m.", "around 06:00": a time within `ABOUT` minutes either side of the one
# named ("about 9.30 p.m." and "21:35" agree), of a whole hour within `ABOUT_HOUR` ("about 3
# a.m." and 02:40); "nearly 10pm" is the `SHORTLY` before it.
_ABOUT = re.compile(
    r"\b(?P<way>about|around|approximately|roughly|circa|nearly|almost)\s+$", re.IGNORECASE
)
ABOUT = 15
ABOUT_HOUR = 30
# Where the clause of a time ends, after it: what follows plans nothing of it.
_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but|while|which|who)\s", re.IGNORECASE)
# The words before a time that opens its sentence: "At", "Shortly after".
_FRONTED = re.compile(
    r"^\s*(?:(?:at|after|before|by|from|until|around|about|shortly|just|soon|not|long|a|little)"
    r"\s+)*$",
    re.IGNORECASE,
)
# A plan named as a thing that says what it was, however far before the time: "The council's
# plan, drawn up ..., was to open the gates at 06:00".
_PLAN_WAS = re.compile(r"\b(?:was|were|is|are)\s+to\s+\w", re.IGNORECASE)
# A time told as a thing's name, not when this happened: "shortly after the 2pm meeting".
_NAMING = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.IGNORECASE)
# A time told with no "am" or "pm" is a clock's only as "at 06:42" (two digits, after "at") or
# "at noon": a game's clock reads "with 6:05 left", "at the 10:03 mark", "6:41" may be morning
# or night, and "around noon on Saturday" is no time to hold a report to.
_AT = re.compile(r"\bat\s+(?:(?:about|around|approximately)\s+)?$", re.IGNORECASE)
# A report's own time: a date line or a stamp ("Published: Dec. 19, 2005 at 9:44 PM",
# "September 18th, 2013, 05:31 GMT"), which give the year beside the time.
_STAMP = re.compile(r"\b(?:published|updated|posted|modified)\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
# How near a year makes a time a stamp, in characters either side.
STAMP_REACH = 30
# The words before a time that say what came then ("lifted off from Skarvholm Spaceport at"):
# two sentences of one claim time one happening when these share a word. A claim may join
# sentences timing different happenings of one event ("the gunman came in around 4 p.m.",
# "were told at 5:30 p.m. to leave").
LEAD_WORDS = 6
_LEAD_SKIP = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "about", "around", "approximately", "to"}
    | {"was", "were", "is", "are", "and", "or", "said", "says", "his", "her", "their", "its"}
    | {"from", "for", "with", "local", "time"}
)
_WORD = re.compile(r"[a-z]+")
# How many content words before a time tell one happening in any sentence of the story.
ALIKE_LEAD = 3
# Words that tell one of several happenings of a kind, or another day's: a sentence with one is
# held to no sentence outside its claim.
_ANOTHER = re.compile(
    r"\b(?:first|last|second|third|another|next|later|earlier|again|every|each|daily"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)


class Clock(NamedTuple):
    """A time of day as a sentence words it, in minutes after midnight (the earliest it may
    be), how many minutes later it may be (`SHORTLY`, or 0), and its zone."""

    wording: str
    minutes: int
    zone: str
    """"local" for a time with no zone or "local time", else the zone's name ("GMT")."""
    lead: frozenset[str]
    """The first five letters of the content words before it (`LEAD_WORDS`)."""
    words: frozenset[str]
    """The first five letters of all the content words before it in its sentence."""
    day: date | None
    """The one day its sentence names, if any."""
    spread: int = 0
    done_on: date | None = None
    """The one day its sentence names for a happening, not for a saying ("the port said on
    Thursday"), if any."""


def clock_conflicts(
    claims: list[Claim],
    analyses: dict[str, Analysis],
    published: Mapping[str, datetime | None] | None = None,
) -> list[Conflict]:
    """The claims whose articles give their one happening times of day that do not meet, on
    one day: not a day one sentence names after the other's report, which names none, came
    out ("reopened its water intake on Saturday, and at 18:00 ..." against Thursday's "closed
    its water intake at 05:30")."""
    published = published or {}

    def one_day(x: tuple[str, dict[str, Clock]], y: tuple[str, dict[str, Clock]]) -> bool:
        # A sentence that names no day tells of one before its report came out.
        for (_, clocks), (other, others) in ((x, y), (y, x)):
            day, out = _done_on(clocks), published.get(other)
            if day and not _done_on(others) and out and day > out.date():
                return False
        return True

    @cache  # a sentence may stand in several claims
    def find(article: str, sentence: int) -> dict[str, Clock] | None:
        return clock_of(analyses[article], sentence)

    def found(s: Support) -> dict[str, Clock] | None:
        return find(s.article, s.sentence)

    claimed = [c.support for c in claims]
    in_claims = within(
        claimed, "date", found, lambda x, y: _apart(x[1], y[1]) and one_day(x, y), _read, "time"
    )
    alike = _timed_alike(analyses, find)
    return once(
        in_claims
        + within(alike, "date", found, lambda x, y: _told_alike(x[1], y[1]), _read, "time")
    )


def _timed_alike(
    analyses: dict[str, Analysis], find: Callable[[str, int], dict[str, Clock] | None]
) -> list[list[Support]]:
    """The story's sentences that time a happening in the same words: the same `ALIKE_LEAD`
    content words or more before one time of the same zone, on one day or none named."""
    told: dict[tuple[str, frozenset[str]], list[tuple[Support, date | None]]] = defaultdict(list)
    for analysis in analyses.values():
        for sentence in analysis.sentences:
            clocks = find(analysis.article_id, sentence.index)
            if not clocks or _ANOTHER.search(sentence.text):
                continue  # "The next day the ferry left ...", "The last train left ..."
            said = Support(article=analysis.article_id, sentence=sentence.index, text=sentence.text)
            for zone, clock in clocks.items():
                if len(clock.lead) >= ALIKE_LEAD:
                    told[zone, clock.lead].append((said, clock.day))
    return [
        [s for s, _ in found]
        for found in told.values()
        if len({s.article for s, _ in found}) > 1 and len({d for _, d in found if d}) <= 1
    ]


def clock_of(analysis: Analysis, sentence: int) -> dict[str, Clock] | None:
    """The one time of day, by zone, that a sentence gives as done, outside quotes and on no
    day but one; None when it gives none, several in one zone, or a planned one."""
    own = analysis.sentences[sentence]
    if not _MAYBE_CLOCK.search(own.text):
        return None  # most sentences: no need to read the article's quotes and dates
    quoted = [(q.start, q.end) for q in analysis.quotes if q.kind != "reported"]
    dated = [d for d in analysis.dates if d.sentence == sentence and d.resolved]
    days = {d.resolved for d in dated}
    if len(days) > 1:
        return None
    done_on = next((d.resolved for d in dated if d.verb not in SAYING_VERBS), None)
    found: dict[str, list[Clock]] = {}
    for match in _CLOCK.finditer(own.text):
        if any(a <= own.start + match.start() < b for a, b in quoted):
            continue
        before = own.text[: match.start()]
        if _NAMING.search(before):
            continue
        # "at about 06:00" is on the clock, as "at 06:00" is; "around noon" alone is not
        at = _AT.search(before)
        shortly = _SHORTLY.search(before)
        hedged = shortly or _ABOUT.search(before)
        if hedged:
            before = before[: hedged.start()]
        if _BOUND.search(before):
            return None  # "by 6pm", and "until shortly after 6pm"
        if _planned(before, own.text[match.end() :]):
            continue
        near = own.text[max(match.start() - STAMP_REACH, 0) : match.end() + STAMP_REACH]
        if _STAMP.search(near):
            return None
        if match["h3"]:
            if not _half_of_day(match["part"], _hour(match)):
                continue  # "at 4 o'clock" may be morning or afternoon, "5 o'clock at night" too
        elif not (match["ampm"] or match["ampm2"]) and not (
            len(match["h"] or match["named"]) > 1 and (shortly or at)
        ):
            continue
        words = _WORD.findall(before.lower())
        lead, every = (
            frozenset(w[:5] for w in ws if w not in _LEAD_SKIP)
            for ws in (words[-LEAD_WORDS:], words)
        )
        day, done = next(iter(days), None), done_on
        if match["next"]:
            day = done = _next_day(dated, own.start + match.start(), own.start + match.end())
        clock = _clock(match, lead, every, day, done, hedged)
        found.setdefault(clock.zone, []).append(clock)
    one = {zone: clocks[0] for zone, clocks in found.items() if len(clocks) == 1}
    return one if one and len(one) == len(found) else None


def _planned(before: str, after: str) -> bool:
    """Whether a time is told as planned: a word of planning stands before it in its sentence,
    or after it in its clause. A plan named as a thing ("the government's plan") plans only a
    time near after it: "The march against the government's plan to raise the pension age set
    off at noon" is done, "The plan was to set off at 11:00" is not, nor one that far before
    says what it was ("The council's plan, drawn up after the floods, was to open the gates at
    06:00")."""
    # A time that opens the sentence ("At 18:00, the ferry is due to leave") is of the clause
    # after it; one that follows its clause's words, of that clause only.
    clause = after if _FRONTED.match(before) else _CLAUSE_END.split(after, maxsplit=1)[0]
    if _PLANNED.search(clause):
        return True  # "lifted off at 06:42 as planned"; not "…, which said the agency planned"
    reach = len(before.rstrip()) - len(" ".join(before.split()[-PLAN_REACH:]))
    return any(
        m.start() >= reach
        or not _PLAN_NOUN.search(before[: m.start()])
        or _PLAN_WAS.search(before[m.end() :])
        for m in _PLANNED.finditer(before)
    )


def _clock(
    match: re.Match[str],
    lead: frozenset[str],
    words: frozenset[str],
    day: date | None,
    done_on: date | None,
    hedge: re.Match[str] | None,
) -> Clock:
    hour = _hour(match)
    minute = int(match["m"] or match["m2"] or 0)
    ampm = (match["ampm"] or match["ampm2"] or _half_of_day(match["part"], hour)).lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    zone = match["zone"] or ""
    zone = "local" if not zone or zone.lower().startswith("local") else zone.upper()
    wording = re.sub(r"(?<=[ap]m)\.$", "", match.group(0).strip(), flags=re.IGNORECASE)
    minutes, spread = hour * 60 + minute, 0
    if hedge:  # "shortly before 6 a.m.": 05:30 to 06:00; "about 6 a.m.": 05:30 to 06:30
        wording = f"{' '.join(hedge.group(0).split())} {wording}"
        way = hedge["way"].lower()
        if way == "after":
            spread = SHORTLY
        elif way in {"before", "nearly", "almost"}:
            minutes, spread = minutes - SHORTLY, SHORTLY
        else:
            about = ABOUT if minute else ABOUT_HOUR
            minutes, spread = minutes - about, 2 * about
    return Clock(wording, minutes % MINUTES_A_DAY, zone, lead, words, day, spread, done_on)


def _next_day(dated: list[DateMention], start: int, end: int) -> date | None:
    """The day of "7 o'clock the next morning" (at `start`-`end` in the article): the day a
    date phrase set right after it names ("the following morning, Thursday"), else the day
    after the last day a phrase before it gives a happening ("set out on Friday night and
    reached the wreck at 7 o'clock the next morning"; not a day of saying, "Police said on
    Monday"), else unknown (the day before is an earlier sentence's)."""
    after = [d.resolved for d in dated if end <= d.start <= end + NAMED_AFTER]
    if after:
        return after[0]
    before = [d.resolved for d in dated if d.end <= start and d.verb not in SAYING_VERBS]
    return before[-1] + timedelta(days=1) if before and before[-1] else None


# How far after "the next morning" a date phrase may start and name that morning's day:
# ", Thursday", ", on 9 May".
NAMED_AFTER = 3


def _hour(match: re.Match[str]) -> int:
    """The hour `_CLOCK` read, as said (1-12 or 0-23)."""
    if match["named"]:
        return 0 if match["named"].lower() == "midnight" else 12
    if match["h3"]:
        said = match["h3"].lower()
        return _HOURS.index(said) + 1 if said in _HOURS else int(said)
    return int(match["h"] if match["h"] is not None else match["h2"])


def _half_of_day(part: str | None, hour: int) -> str:
    """Whether an o'clock hour in a part of the day is "am" or "pm", or "" when it may be
    either: "one o'clock at night" and "twelve o'clock at night" (midnight) are "am" hours,
    "ten o'clock at night" a "pm" one; "five o'clock at night" is said of the small hours and,
    in some speech, of the evening."""
    if not part:
        return ""
    part = part.lower()
    if part == "night" and hour in NIGHT_EITHER:
        return ""
    if part == "morning" or (part == "night" and (hour < 6 or hour == 12)):
        return "am"
    return "pm"


def _apart(a: dict[str, Clock], b: dict[str, Clock]) -> bool:
    """Whether two sentences time one happening (their words before the time meet) at times of
    one zone more than `SLACK` minutes apart."""
    return any(
        _minutes_apart(a[zone], b[zone]) > SLACK and a[zone].lead & b[zone].lead
        for zone in a.keys() & b.keys()
    )


def _told_alike(a: dict[str, Clock], b: dict[str, Clock]) -> bool:
    """Whether two sentences of no one claim time one happening at times apart: all the words
    before one's time stand before the other's ("The march set off from Corvel Square at" in
    "The march against the plan ... set off from Corvel Square at"), not "The first train of
    the day left" and "The last train of the day left"."""
    return any(
        _minutes_apart(a[zone], b[zone]) > SLACK
        and (a[zone].words <= b[zone].words or b[zone].words <= a[zone].words)
        for zone in a.keys() & b.keys()
    )


def _done_on(clocks: dict[str, Clock]) -> date | None:
    """The one day a sentence with these clocks names for a happening (its clocks share it)."""
    return next(iter(clocks.values())).done_on


def _minutes_apart(a: Clock, b: Clock) -> int:
    return minutes_apart((a.minutes, a.spread), (b.minutes, b.spread))


def _read(clocks: dict[str, Clock]) -> tuple[str, str]:
    """A sentence's time as worded, and as read ("06:42", the local time when it gives one)."""
    clock = clocks.get("local") or next(iter(clocks.values()))
    zone = "" if clock.zone == "local" else f" {clock.zone}"
    later = f"–{_hhmm(clock.minutes + clock.spread)}" if clock.spread else ""
    return clock.wording, _hhmm(clock.minutes) + later + zone


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
