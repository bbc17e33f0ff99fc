"""The fetch edge: each safety rule, against httpx.MockTransport, plus one real local server."""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC
from typing import Any

import httpx
import pytest

from newsweave.errors import FetchError, InputError, SettingsError
from newsweave.fetch import Fetcher
from newsweave.settings import FetchSettings

PUBLIC = "93.184.216.34"
HOSTS = {
    "news.example": [PUBLIC],
    "other.example": ["93.184.216.35"],
    "evil.example": ["10.0.0.5"],
    "local.example": ["127.0.0.1"],
}
PAGE = b"<html><body><p>The council voted on Tuesday.</p></body></html>"

Handler = Callable[[httpx.Request], httpx.Response]


def resolve(host: str) -> list[str]:
    return HOSTS[host]


class Site:
    """A fake web: routes by URL, 404 elsewhere (so robots.txt is missing unless given)."""

    def __init__(self, routes: dict[str, Handler | httpx.Response] | None = None) -> None:
        self.routes = routes or {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes.get(str(request.url))
        if route is None:
            return httpx.Response(404)
        return route if isinstance(route, httpx.Response) else route(request)

    @property
    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]


class Clock:
    """A fake monotonic clock; sleeping advances it and records how long was asked for."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def make_fetcher(site: Site, clock: Clock | None = None, **settings: Any) -> Fetcher:
    clock = clock or Clock()
    return Fetcher(
        FetchSettings(**settings),
        client=httpx.Client(transport=httpx.MockTransport(site)),
        resolve=resolve,
        sleep=clock.sleep,
        clock=clock,
    )


def html(body: bytes = PAGE, **headers: str) -> httpx.Response:
    return httpx.Response(200, content=body, headers={"Content-Type": "text/html", **headers})


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def redirect(location: str, status: int = 302) -> httpx.Response:
    return httpx.Response(status, headers={"Location": location})


def test_fetch_returns_the_body_and_response_metadata():
    site = Site({"https://news.example/a": html(ETag='"v1"', **{"Last-Modified": "Tue, 01 Oct"})})
    fetched = make_fetcher(site).fetch("https://news.example/a")
    assert fetched.url == "https://news.example/a"
    assert (fetched.status, fetched.content_type, fetched.data) == (200, "text/html", PAGE)
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Tue, 01 Oct")
    assert fetched.fetched.tzinfo is UTC


def test_fetched_source_is_named_by_the_final_url_for_ingest():
    site = Site(
        {
            "https://news.example/short": redirect("/2024/story"),
            "https://news.example/2024/story": html(),
        }
    )
    fetched = make_fetcher(site).fetch("https://news.example/short")
    source = fetched.source(outlet="Example News")
    assert source.name == source.url == "https://news.example/2024/story"
    assert (source.data, source.content_type, source.outlet) == (PAGE, "text/html", "Example News")
    assert source.fetched == fetched.fetched
    assert source.published is None


def test_the_user_agent_goes_with_every_request_including_robots_txt():
    site = Site({"https://news.example/a": html()})
    make_fetcher(site, user_agent="testbot/1.0").fetch("https://news.example/a")
    assert site.urls == ["https://news.example/robots.txt", "https://news.example/a"]
    assert {r.headers["User-Agent"] for r in site.requests} == {"testbot/1.0"}


@pytest.mark.parametrize(
    "url", ["ftp://news.example/a", "file:///etc/passwd", "javascript:alert(1)", "news.example/a"]
)
def test_only_http_and_https_urls_are_fetched(url):
    site = Site()
    with pytest.raises(FetchError, match="only http and https"):
        make_fetcher(site).fetch(url)
    assert site.requests == []


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.5", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "non-global"),
    ],
)
def test_hosts_resolving_to_non_public_addresses_are_refused(address, kind):
    site = Site()
    fetcher = make_fetcher(site)
    fetcher._resolve = lambda host: [address]
    with pytest.raises(
        FetchError, match=f"resolves to {re.escape(address)}, an? {kind} address"
    ) as err:
        fetcher.fetch("https://innocent.example/a")
    assert "fetch.allow_addresses" in str(err.value)
    assert site.requests == []


def test_a_host_is_refused_if_any_of_its_addresses_is_private():
    site = Site({"https://news.example/a": html()})
    fetcher = make_fetcher(site)
    fetcher._resolve = lambda host: [PUBLIC, "10.0.0.5"]
    with pytest.raises(FetchError, match=r"resolves to 10\.0\.0\.5, a private address"):
        fetcher.fetch("https://news.example/a")
    assert site.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/admin",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_literal_ip_hosts_are_checked_without_resolving(url):
    def no_dns(host: str) -> list[str]:
        raise AssertionError(f"resolved {host}")

    site = Site()
    fetcher = make_fetcher(site)
    fetcher._resolve = no_dns
    with pytest.raises(FetchError, match=r"refused, .* is an? .* address, not a public one"):
        fetcher.fetch(url)
    assert site.requests == []


@pytest.mark.parametrize("allowed", ["10.0.0.5", "10.0.0.0/8"])
def test_allow_addresses_lets_a_listed_address_or_network_through(allowed):
    site = Site({"http://evil.example/a": html()})
    fetched = make_fetcher(site, allow_addresses=(allowed,)).fetch("http://evil.example/a")
    assert fetched.data == PAGE


def test_a_malformed_allow_addresses_entry_is_a_settings_error():
    with pytest.raises(SettingsError, match="'intranet' is not an IP address or network"):
        Fetcher(FetchSettings(allow_addresses=("intranet",)), client=httpx.Client())


def test_a_redirect_to_a_private_host_is_refused_before_it_is_contacted():
    site = Site({"https://news.example/a": redirect("http://evil.example/steal")})
    with pytest.raises(FetchError, match=r"redirected to http://evil.example/steal\): refused"):
        make_fetcher(site).fetch("https://news.example/a")
    assert all("evil.example" not in url for url in site.urls)


def test_a_redirect_to_another_scheme_is_refused():
    site = Site({"https://news.example/a": redirect("file:///etc/passwd", status=301)})
    with pytest.raises(FetchError, match="only http and https"):
        make_fetcher(site).fetch("https://news.example/a")


def test_redirects_stop_at_max_redirects():
    site = Site({f"https://news.example/{n}": redirect(f"/{n + 1}") for n in range(10)})
    with pytest.raises(FetchError, match="more than 3 redirects"):
        make_fetcher(site, max_redirects=3, respect_robots=False).fetch("https://news.example/0")
    assert site.urls == [f"https://news.example/{n}" for n in range(4)]


def test_timeouts_use_the_settings_and_say_how_long_was_waited():
    def slow_connect(request: httpx.Request) -> httpx.Response:
        assert request.extensions["timeout"]["connect"] == 2.5
        assert request.extensions["timeout"]["read"] == 7.0
        raise httpx.ConnectTimeout("timed out", request=request)

    site = Site({"https://news.example/a": slow_connect})
    fetcher = make_fetcher(site, connect_timeout=2.5, read_timeout=7.0, respect_robots=False)
    with pytest.raises(FetchError, match=r"timed out after 2\.5s connecting"):
        fetcher.fetch("https://news.example/a")


def test_a_stalled_body_times_out_as_a_read_timeout():
    def stall() -> Iterator[bytes]:
        yield b"<html>"
        raise httpx.ReadTimeout("timed out")

    site = Site({"https://news.example/a": lambda request: httpx.Response(200, content=stall())})
    with pytest.raises(FetchError, match="timed out after 7s waiting for the server"):
        make_fetcher(site, read_timeout=7.0, respect_robots=False).fetch("https://news.example/a")


def test_a_declared_length_over_max_bytes_is_refused_before_reading():
    site = Site({"https://news.example/big": html(b"x" * 101)})
    with pytest.raises(FetchError, match=r"101 bytes, over fetch.max_bytes \(100\)"):
        make_fetcher(site, max_bytes=100).fetch("https://news.example/big")


def test_a_streamed_body_stops_once_over_max_bytes():
    sent: list[int] = []

    def endless() -> Iterator[bytes]:
        for n in range(1000):
            sent.append(n)
            yield b"x" * 40

    site = Site(
        {"https://news.example/big": lambda request: httpx.Response(200, content=endless())}
    )
    with pytest.raises(FetchError, match=r"more than 100 bytes, over fetch.max_bytes"):
        make_fetcher(site, max_bytes=100).fetch("https://news.example/big")
    assert len(sent) == 3  # 120 bytes read, not 40,000


@pytest.mark.parametrize(("status", "words"), [(404, "404 Not Found"), (503, "503 Service")])
def test_error_statuses_are_fetch_errors_naming_the_status(status, words):
    site = Site({"https://news.example/a": httpx.Response(status)})
    with pytest.raises(FetchError, match=words) as err:
        make_fetcher(site).fetch("https://news.example/a")
    assert isinstance(err.value, InputError)


def test_conditional_headers_are_sent_and_304_comes_back_empty():
    def not_modified(request: httpx.Request) -> httpx.Response:
        assert request.headers["If-None-Match"] == '"v1"'
        assert request.headers["If-Modified-Since"] == "Tue, 01 Oct 2024 10:00:00 GMT"
        return httpx.Response(304, headers={"ETag": '"v1"'})

    site = Site({"https://news.example/feed": not_modified})
    fetched = make_fetcher(site).fetch(
        "https://news.example/feed", etag='"v1"', last_modified="Tue, 01 Oct 2024 10:00:00 GMT"
    )
    assert (fetched.status, fetched.data, fetched.etag) == (304, b"", '"v1"')


def test_robots_txt_is_read_once_per_site_and_disallowed_urls_are_refused():
    robots = b"User-agent: newsweave\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n"
    site = Site(
        {
            "https://news.example/robots.txt": httpx.Response(200, content=robots),
            "https://news.example/public": html(),
            "https://news.example/private/x": html(),
        }
    )
    fetcher = make_fetcher(site)
    assert fetcher.fetch("https://news.example/public").data == PAGE
    with pytest.raises(FetchError, match=r"robots\.txt disallows"):
        fetcher.fetch("https://news.example/private/x")
    assert site.urls.count("https://news.example/robots.txt") == 1
    assert "https://news.example/private/x" not in site.urls


@pytest.mark.parametrize(
    "robots",
    [
        httpx.Response(404),
        httpx.Response(500),
        unreachable,
    ],
    ids=["missing", "server-error", "unreachable"],
)
def test_a_missing_or_unreadable_robots_txt_allows_everything(robots):
    site = Site({"https://news.example/robots.txt": robots, "https://news.example/a": html()})
    assert make_fetcher(site).fetch("https://news.example/a").data == PAGE


def test_requests_to_one_host_are_spaced_by_per_host_delay():
    site = Site({"https://news.example/a": html(), "https://other.example/b": html()})
    clock = Clock()
    fetcher = make_fetcher(site, clock, per_host_delay=2.0, respect_robots=False)
    fetcher.fetch("https://news.example/a")
    fetcher.fetch("https://other.example/b")  # another host: no wait
    assert clock.sleeps == []
    clock.now += 0.5
    fetcher.fetch("https://news.example/a")
    assert clock.sleeps == [pytest.approx(1.5)]
    clock.now += 5.0
    fetcher.fetch("https://news.example/a")  # long enough ago: no wait
    assert clock.sleeps == [pytest.approx(1.5)]


def test_robots_txt_counts_as_a_request_for_politeness():
    site = Site({"https://news.example/a": html()})
    clock = Clock()
    make_fetcher(site, clock, per_host_delay=1.0).fetch("https://news.example/a")
    assert clock.sleeps == [pytest.approx(1.0)]


def test_an_owned_client_is_closed_and_an_injected_one_is_left_open():
    with Fetcher() as owner:
        pass
    assert owner._client.is_closed
    client = httpx.Client(transport=httpx.MockTransport(Site()))
    with Fetcher(client=client):
        pass
    assert not client.is_closed
    client.close()


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on 127.0.0.1 (a free port), serving one article; yields (base, paths)."""
    paths: list[str] = []

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            paths.append(self.path)
            if self.path != "/article":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", paths
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)


def test_a_real_local_server_is_fetched_only_when_allowed(local_server, monkeypatch):
    base, paths = local_server
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    quick: dict[str, Any] = {"connect_timeout": 2.0, "read_timeout": 2.0, "per_host_delay": 0.0}

    refusing = Fetcher(FetchSettings(**quick))
    with refusing, pytest.raises(FetchError, match=r"127\.0\.0\.1 is a loopback address"):
        refusing.fetch(f"{base}/article")
    assert paths == []

    settings = FetchSettings(allow_addresses=("127.0.0.1",), **quick)
    with Fetcher(settings) as fetcher:
        fetched = fetcher.fetch(f"{base}/article")
    assert (fetched.status, fetched.data) == (200, PAGE)
    assert fetched.content_type == "text/html; charset=utf-8"
    assert paths == ["/robots.txt", "/article"]
