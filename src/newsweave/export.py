"""Export: the store's articles, stories or briefs as JSON Lines or Parquet, for other tools.

An article row is what `newsweave articles --json` prints for it (every `Article` field plus
`story`); a story row is the `Story` record; a brief row is what `newsweave brief --format json`
prints. Parquet columns are typed from the record models, nested records become structs and
lists, and dates stay ISO 8601 strings as in the JSON, so a row read back equals the JSON row.
Parquet needs pyarrow (the `parquet` extra); JSON Lines needs nothing.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from newsweave.errors import InputError, SettingsError
from newsweave.models import Article, Brief, Story
from newsweave.store import Store

What = Literal["articles", "stories", "briefs"]
Format = Literal["jsonl", "parquet"]

WHATS: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {
    # The record each row is, and the columns added to it (name → annotation).
    "articles": (Article, {"story": str | None}),
    "stories": (Story, {}),
    "briefs": (Brief, {}),
}

# Rows per Parquet row group: large enough for good compression, small enough for memory.
ROW_GROUP = 1000


def rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """The rows of one export, as JSON-ready dicts."""
    check(what)
    if what == "articles":
        for article in store.articles():
            yield article.model_dump(mode="json") | {"story": store.story_of(article.id)}
    elif what == "stories":
        for story in store.stories():
            yield story.model_dump(mode="json")
    else:
        for story in store.stories():
            yield store.brief(story.id).model_dump(mode="json")


def export(store: Store, what: str, fmt: str, out: Path | None, stdout: IO[str]) -> int:
    """Write the rows of `what` in `fmt` to the file `out` (JSON Lines may go to `stdout`).

    Returns the number of rows written.
    """
    check(what, fmt)
    if fmt == "parquet":
        if out is None:
            raise InputError("--format parquet writes a file: give it one with --out PATH")
        model, extra = WHATS[what]
        return write_parquet(rows(store, what), out, schema(model, extra))
    if out is None:
        return write_jsonl(rows(store, what), stdout)
    try:
        with out.open("w", encoding="utf-8") as stream:
            return write_jsonl(rows(store, what), stream)
    except OSError as exc:
        raise InputError(f"{out}: cannot write it ({exc.strerror})") from None


def check(what: str, fmt: str = "jsonl") -> None:
    """Refuse an unknown kind of row or format with a message that lists the known ones."""
    if what not in WHATS:
        raise InputError(f"--what must be one of {', '.join(WHATS)}, not {what!r}")
    if fmt not in {"jsonl", "parquet"}:
        raise InputError(f"--format must be jsonl or parquet, not {fmt!r}")


def write_jsonl(items: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """One JSON object a line; returns the number of lines."""
    count = 0
    for item in items:
        stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_parquet(items: Iterable[dict[str, Any]], path: Path, arrow_schema: Any) -> int:
    """Rows to a Parquet file with the given schema, one row group per `ROW_GROUP` rows."""
    pa, pq = pyarrow()
    count = 0
    try:
        with pq.ParquetWriter(str(path), arrow_schema) as writer:
            chunk: list[dict[str, Any]] = []
            for item in items:
                chunk.append(item)
                if len(chunk) == ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(chunk, schema=arrow_schema))
                    count, chunk = count + len(chunk), []
            # An empty export still writes a file with the schema, so readers find the columns.
            writer.write_table(pa.Table.from_pylist(chunk, schema=arrow_schema))
            count += len(chunk)
    except OSError as exc:
        raise InputError(f"{path}: cannot write it ({exc})") from None
    return count


def read_parquet(path: Path) -> list[dict[str, Any]]:
    """Rows of a Parquet file (or folder of part files) as dicts, maps as dicts."""
    _, pq = pyarrow()
    return list(pq.read_table(str(path)).to_pylist(maps_as_pydicts="strict"))


def pyarrow() -> tuple[Any, Any]:
    """The pyarrow modules, or a SettingsError that says how to install them."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise SettingsError(
            "Parquet needs pyarrow, which is not installed; "
            "install it with pip install 'newsweave[parquet]'"
        ) from None
    return pa, pq


def schema(model: type[BaseModel], extra: dict[str, Any] | None = None) -> Any:
    """The Arrow schema of a record model's JSON dump (plus extra columns)."""
    pa, _ = pyarrow()
    fields = [(name, info.annotation) for name, info in model.model_fields.items()]
    fields += list((extra or {}).items())
    return pa.schema([pa.field(name, arrow_type(annotation)) for name, annotation in fields])


def arrow_type(annotation: Any) -> Any:
    """The Arrow type of one annotation, as its value looks in `model_dump(mode="json")`."""
    pa, _ = pyarrow()
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:  # a constrained type (models.Moment) is stored as its base type
        return arrow_type(args[0])
    if origin in (Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        if len(kept) != 1:
            raise TypeError(f"no Arrow type for the union {annotation}")
        return arrow_type(kept[0])
    if origin is Literal:
        return arrow_type(type(args[0]))
    if origin in (tuple, list):
        return pa.list_(arrow_type(args[0]))
    if origin is dict:
        return pa.map_(arrow_type(args[0]), arrow_type(args[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [
                pa.field(name, arrow_type(info.annotation))
                for name, info in annotation.model_fields.items()
            ]
        )
    simple = {
        str: pa.string(),
        bool: pa.bool_(),
        int: pa.int64(),
        float: pa.float64(),
        # Dates as the JSON has them (ISO 8601), so a Parquet row equals the JSON row.
        datetime: pa.string(),
        date: pa.string(),
    }
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation}")
