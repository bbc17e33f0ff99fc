"""The web layer's security rules: response headers, the write token and same-origin writes.

- Every response carries a Content-Security-Policy that allows scripts, styles and images from
  this server only (no inline script, no inline style), plus nosniff, a no-referrer policy and a
  frame ban. Article text is untrusted; the templates escape it, and the policy is the second
  wall should an escape ever be missed.
- Writing (POST) needs the token the app was created with, as `Authorization: Bearer TOKEN` or
  a `token` form field. `serve` refuses to listen beyond loopback without one.
- A browser POST from another site (a cross-site form aimed at a local server) is refused by its
  Origin / Sec-Fetch-Site headers, token or not.
"""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class SecurityHeaders:
    """ASGI middleware adding `HEADERS` to every HTTP response (pages, JSON, static files)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self._raw if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def is_loopback(host: str) -> bool:
    """Is `host` (a name or an address) reachable from this machine only?"""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_write(request: Request, token: str | None, form_token: str | None = None) -> None:
    """Refuse a write that comes from another site, or lacks the app's token (when it has one)."""
    if _cross_site(request):
        raise HTTPException(403, "cross-site writes are refused; use the form on this server")
    if token is None:
        return
    given = _bearer(request) or form_token
    if not given:
        raise HTTPException(
            401,
            "this server needs a token to add articles: send `Authorization: Bearer TOKEN` "
            "or fill in the token field",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "the token is wrong")


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def _cross_site(request: Request) -> bool:
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin == "null"
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()
