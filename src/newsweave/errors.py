"""The exception tree. Every error newsweave raises on purpose is a `NewsweaveError`:

    NewsweaveError
    ├── SettingsError      a settings file or value is wrong
    ├── InputError         a path, URL or argument cannot be read as input
    │   └── FetchError     a URL could not be fetched (timeout, size, status, refused address)
    ├── NotFoundError      no story, article or entity has that id
    └── StoreError         the database cannot be opened, migrated or written

Input that is readable but unusable (empty, binary, not an article) is not an error: it becomes a
`Rejected` record, is stored with its reason, and the run goes on. Messages say what happened
and what to do; the CLI prints them on one line and exits non-zero.
"""

from __future__ import annotations

from pydantic import ValidationError


class NewsweaveError(Exception):
    """Base of every error newsweave raises on purpose."""

    exit_code = 1


class SettingsError(NewsweaveError):
    """A settings file or value is wrong."""

    exit_code = 2


class InputError(NewsweaveError):
    """A path, URL or argument cannot be read as input."""

    exit_code = 2


class FetchError(InputError):
    """A URL could not be fetched."""


class NotFoundError(NewsweaveError):
    """No record has the id asked for."""

    exit_code = 3


class StoreError(NewsweaveError):
    """The database cannot be opened, migrated or written."""

    exit_code = 4


def invalid_fields(exc: ValidationError) -> str:
    """A pydantic validation error on one line, field by field: "published: Input should be..."."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors())
