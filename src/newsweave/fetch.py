"""Fetch: a URL → `Fetched` bytes, ready to hand to `ingest` as a `Source`.

This is the edge where newsweave talks to the network, so every request obeys these rules:

- Only http and https URLs are fetched.
- The host must resolve to public addresses only. If any address it resolves to is loopback,
  private, link-local, multicast, reserved, unspecified or otherwise not global (IPv4-mapped IPv6
  forms included), the fetch is refused, unless `fetch.allow_addresses` lists that address or its
  network. Without this, a page or feed could point us at a router, a database or a cloud
  metadata service on the user's own network (server-side request forgery).
- Redirects are followed by hand, at most `fetch.max_redirects`, and each hop is checked again.
- Connecting and reading time out (`fetch.connect_timeout`, `fetch.read_timeout`).
- Bodies over `fetch.max_bytes` are refused: up front when Content-Length says so, else while
  streaming, so a huge or endless response never sits in memory.
- 4xx and 5xx answers are errors.
- When `fetch.respect_robots`, robots.txt is read once per site and disallowed URLs are refused.
- Two requests to one host are at least `fetch.per_host_delay` seconds apart.

Every failure is a `FetchError` whose message says what happened and what to do.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.robotparser import RobotFileParser

import httpx

from newsweave.errors import FetchError, SettingsError
from newsweave.ingest import Source
from newsweave.settings import FetchSettings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Fetched:
    """One fetched response: the final URL after redirects and the body as bytes."""

    url: str
    status: int
    content_type: str | None
    data: bytes
    fetched: datetime
    etag: str | None = None
    last_modified: str | None = None

    def source(self, outlet: str | None = None, published: datetime | None = None) -> Source:
        """The response as a `Source` for `ingest`, named by its final URL."""
        return Source(
            name=self.url,
            data=self.data,
            content_type=self.content_type,
            url=self.url,
            outlet=outlet,
            published=published,
            fetched=self.fetched,
        )


class Fetcher:
    """Fetches URLs under the safety rules of this module; reuse one for many URLs."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        client: httpx.Client | None = None,
        resolve: Callable[[str], list[str]] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._timeout = httpx.Timeout(
            self.settings.read_timeout, connect=self.settings.connect_timeout
        )
        self._owns_client = client is None
        self._client = client or httpx.Client(follow_redirects=False, timeout=self._timeout)
        self._resolve = resolve or _resolve_host
        self._sleep = sleep
        self._clock = clock
        self._allowed = [_network(entry) for entry in self.settings.allow_addresses]
        self._robots: dict[tuple[str, str, int | None], RobotFileParser] = {}
        self._last_request: dict[str, float] = {}

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """Fetch a URL; with `etag`/`last_modified`, an unchanged page comes back as status 304."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        final, response = self._get(url, headers, robots=self.settings.respect_robots)
        try:
            if response.status_code == 304:
                data = b""
            elif response.status_code >= 300:
                raise FetchError(_status_message(str(final), response))
            else:
                data = self._read(str(final), response)
        finally:
            response.close()
        return Fetched(
            url=str(final),
            status=response.status_code,
            content_type=response.headers.get("Content-Type"),
            data=data,
            fetched=datetime.now(UTC),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )

    def close(self) -> None:
        """Close the HTTP client if this fetcher created it (an injected one is the caller's)."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _get(
        self, url: str, headers: dict[str, str], robots: bool
    ) -> tuple[httpx.URL, httpx.Response]:
        """Follow redirects by hand, checking every hop; the final URL and its open response."""
        current = url
        for hop in range(self.settings.max_redirects + 1):
            where = url if hop == 0 else f"{url} (redirected to {current})"
            target = self._check(current, where)
            if robots and not self._robots_allow(target):
                raise FetchError(
                    f"{where}: the site's robots.txt disallows fetching this URL for our "
                    "user agent; save the page by hand, or set fetch.respect_robots = false "
                    "if you have the site's permission"
                )
            response = self._send(target, headers, where)
            location = response.headers.get("Location")
            if not (response.is_redirect and location):
                return target, response
            response.close()
            try:
                current = str(target.join(location))
            except httpx.InvalidURL as exc:
                raise FetchError(f"{where}: redirects to an invalid URL ({exc})") from None
        raise FetchError(
            f"{url}: more than {self.settings.max_redirects} redirects; the site may be "
            "looping, try the final URL directly or raise fetch.max_redirects"
        )

    def _check(self, url: str, where: str) -> httpx.URL:
        """The parsed URL, or a FetchError if its scheme or any address of its host is refused."""
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise FetchError(f"{where}: not a valid URL ({exc})") from None
        if target.scheme not in SCHEMES:
            found = f"not {target.scheme}:" if target.scheme else "and this has none (add https://)"
            raise FetchError(f"{where}: only http and https URLs can be fetched, {found}")
        if not target.host:
            raise FetchError(f"{where}: the URL names no host; give a full http(s) address")
        # The check resolves the host apart from the connection httpx makes, so a DNS server
        # that answers differently the second time (DNS rebinding) could slip past it. Pinning
        # the checked address into the connection would close that gap; for a reader of news
        # sites the remaining risk is accepted.
        for text in _addresses(target.host, self._resolve, where):
            address = ipaddress.ip_address(text.split("%")[0])  # drop an IPv6 zone id
            kind = _non_public(address)
            if kind and not any(_within(address, net) for net in self._allowed):
                what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} address, not a public one"
                shown = f"is {what}" if target.host == text else f"resolves to {text}, {what}"
                raise FetchError(
                    f"{where}: refused, {target.host} {shown}; "
                    "add it to fetch.allow_addresses if you mean to reach it"
                )
        return target

    def _send(self, target: httpx.URL, headers: dict[str, str], where: str) -> httpx.Response:
        """Send one GET after the politeness delay; the response is open for streaming."""
        request = self._client.build_request(
            "GET",
            target,
            headers={"User-Agent": self.settings.user_agent, **headers},
            timeout=self._timeout,  # also for an injected client, whose defaults may differ
        )
        self._wait(target.host)
        try:
            return self._client.send(request, stream=True, follow_redirects=False)
        except httpx.TimeoutException as exc:
            raise FetchError(self._timed_out(where, exc)) from None
        except httpx.RequestError as exc:
            raise FetchError(
                f"{where}: cannot reach {target.host} ({exc or type(exc).__name__}); "
                "check the URL and your network"
            ) from None

    def _read(self, where: str, response: httpx.Response) -> bytes:
        """The body, refused once it exceeds max_bytes (checked before and while streaming)."""
        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(_too_large(where, f"{int(declared):,} bytes", limit))
        chunks: list[bytes] = []
        received = 0
        try:
            # Counted after decompression, so a small gzip bomb is stopped as well.
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > limit:
                    raise FetchError(_too_large(where, f"more than {limit:,} bytes", limit))
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise FetchError(self._timed_out(where, exc)) from None
        except httpx.RequestError as exc:
            raise FetchError(f"{where}: the download broke off ({exc}); try again") from None
        return b"".join(chunks)

    def _robots_allow(self, target: httpx.URL) -> bool:
        """Does the site's robots.txt (read once per scheme, host and port) allow this URL?"""
        key = (target.scheme, target.host, target.port)
        if key not in self._robots:
            self._robots[key] = self._read_robots(target.join("/robots.txt"))
        return self._robots[key].can_fetch(self.settings.user_agent, str(target))

    def _read_robots(self, robots_url: httpx.URL) -> RobotFileParser:
        # A missing robots.txt allows everything. So, leniently, does one we cannot read: if the
        # host is unreachable, the page fetch that follows fails with its own clear error.
        lines: list[str] = []
        try:
            final, response = self._get(str(robots_url), {}, robots=False)
            try:
                if response.is_success:
                    lines = self._read(str(final), response).decode("utf-8", "replace").splitlines()
            finally:
                response.close()
        except FetchError:
            pass
        parser = RobotFileParser(str(robots_url))
        parser.parse(lines)  # no lines: no rules, everything allowed
        return parser

    def _wait(self, host: str) -> None:
        """Sleep until per_host_delay has passed since the last request to this host."""
        last = self._last_request.get(host)
        if last is not None:
            remaining = last + self.settings.per_host_delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last_request[host] = self._clock()

    def _timed_out(self, where: str, exc: httpx.TimeoutException) -> str:
        connecting = isinstance(exc, httpx.ConnectTimeout)
        seconds = self.settings.connect_timeout if connecting else self.settings.read_timeout
        setting = "fetch.connect_timeout" if connecting else "fetch.read_timeout"
        step = "connecting" if connecting else "waiting for the server"
        return f"{where}: timed out after {seconds:g}s {step}; try again later or raise {setting}"


def _resolve_host(host: str) -> list[str]:
    """The IP addresses a host name resolves to; OSError when it does not resolve."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _addresses(host: str, resolve: Callable[[str], list[str]], where: str) -> list[str]:
    """A literal IP host as itself, any other host as the addresses it resolves to."""
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    try:
        addresses = resolve(host)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            f"{where}: cannot resolve host {host} ({exc}); check the spelling and your network"
        ) from None
    if not addresses:
        raise FetchError(f"{where}: host {host} resolves to no address; check the URL")
    return addresses


def _non_public(address: IPAddress) -> str | None:
    """What kind of non-public address this is, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 reaches 127.0.0.1
    # Most specific first: is_private also covers loopback, link-local and reserved ranges.
    kinds = [
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        # Shared (carrier-grade NAT) and other special ranges are none of the above.
        ("non-global", not address.is_global),
    ]
    return next((name for name, matches in kinds if matches), None)


def _network(entry: str) -> IPNetwork:
    try:
        return ipaddress.ip_network(entry, strict=False)
    except ValueError:
        raise SettingsError(
            f"fetch.allow_addresses: {entry!r} is not an IP address or network "
            "(write e.g. 127.0.0.1 or 10.0.0.0/8)"
        ) from None


def _within(address: IPAddress, network: IPNetwork) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address in network or address.ipv4_mapped in network
    return address in network


def _too_large(where: str, size: str, limit: int) -> str:
    return (
        f"{where}: the response is {size}, over fetch.max_bytes ({limit:,}); "
        "raise fetch.max_bytes if the page is really that large"
    )


STATUS_HINTS = {
    401: "the site wants a login; save the page by hand",
    403: "the site refuses us; it may block automated readers, save the page by hand",
    404: "check the URL",
    410: "the page was removed",
    429: "the site is rate-limiting us; try again later or raise fetch.per_host_delay",
}


def _status_message(where: str, response: httpx.Response) -> str:
    code = response.status_code
    if code < 400:
        hint = "a redirect without a Location to follow; try the URL in a browser"
    elif code >= 500:
        hint = "the site has a problem; try again later"
    else:
        hint = STATUS_HINTS.get(code, "check the URL")
    return f"{where}: the server answered {code} {response.reason_phrase}; {hint}"
