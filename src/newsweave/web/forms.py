"""Reading a POST body: JSON or a URL-encoded form, bounded in size.

Forms are parsed with the standard library (`parse_qs`), so the server needs no multipart
package; the add form is URL-encoded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from fastapi import HTTPException, Request
from pydantic import ValidationError

from newsweave.errors import invalid_fields
from newsweave.web.schemas import AddRequest

FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class AddForm:
    """An add request as posted, whether it came as JSON or as a form."""

    request: AddRequest | None
    """None when a form's fields do not make a request (`error` says why)."""
    token: str | None
    is_form: bool
    fields: dict[str, str] = field(default_factory=dict)
    """A form's fields as typed, to show again with an error: pasted text is never lost."""
    error: str | None = None


async def read_body(request: Request, limit: int) -> bytes:
    """The request body; 413 when it is over `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the request is over {limit:,} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"the request is over {limit:,} bytes")
    return bytes(body)


async def read_add_form(request: Request, limit: int) -> AddForm:
    """Parse `POST /api/articles`: JSON (`AddRequest`) or a form with the same fields + token."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await read_body(request, limit)
    if ctype == FORM:
        fields = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v}
        token = fields.pop("token", None)
        values = {k: v for k, v in fields.items() if k in AddRequest.model_fields and v.strip()}
        try:
            return AddForm(AddRequest.model_validate(values), token, True, values)
        except ValidationError as exc:
            return AddForm(None, token, True, values, invalid_fields(exc))
    if ctype in ("application/json", ""):
        try:
            return AddForm(AddRequest.model_validate_json(body or b"{}"), None, is_form=False)
        except ValidationError as exc:
            raise HTTPException(422, invalid_fields(exc)) from None
    raise HTTPException(415, f"send JSON or {FORM}, not {ctype}")
