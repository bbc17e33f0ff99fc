"""URLs, feeds and `watch` against a real local server on 127.0.0.1 serving the demo pages."""

import json
import threading
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.demo import demo_source
from newsweave.feeds import parse_feed
from newsweave.models import Rejected

DEMO = [json.loads(line) for line in demo_source().data.decode().splitlines()]
LISBON = [a for a in DEMO if "/2026/03/0" in a["url"]]


class Site:
    """A tiny news site: pages at /a/N, a feed at /feed.xml that can change, go down or break."""

    def __init__(self) -> None:
        self.items: list[int] = [0, 1]
        self.mode = "ok"
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                site.requests.append(self.path)
                if self.path == "/robots.txt":
                    return self._send(404, "text/plain", b"")
                if self.path == "/feed.xml":
                    return site._feed(self)
                if self.path.startswith("/a/"):
                    index = int(self.path.split("/")[-1])
                    if index >= len(LISBON):
                        return self._send(404, "text/plain", b"gone")
                    article = LISBON[index]
                    if "html" in article:
                        return self._send(200, "text/html; charset=utf-8", article["html"].encode())
                    body = article["title"] + "\n\n" + article["text"]
                    return self._send(200, "text/plain; charset=utf-8", body.encode())
                return self._send(404, "text/plain", b"no")

            def _send(self, status, ctype, body, headers=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _feed(self, handler):
        if self.mode == "down":
            return handler._send(503, "text/plain", b"maintenance")
        if self.mode == "broken":
            return handler._send(200, "application/rss+xml", b"<rss><channel><item><title>oops")
        etag = '"v' + "-".join(map(str, self.items)) + '"'
        if handler.headers.get("If-None-Match") == etag:
            return handler._send(304, "application/rss+xml", b"", [("ETag", etag)])
        entries = "".join(
            f"<item><title>{LISBON[i]['title']}</title><link>{self.base}/a/{i}</link><guid>{self.base}/a/{i}</guid>"
            f"<pubDate>{format_datetime(datetime.fromisoformat(LISBON[i]['published']).astimezone(UTC))}</pubDate></item>"
            for i in self.items
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lisbon desk</title>{entries}</channel></rss>'
        return handler._send(200, "application/rss+xml", body.encode(), [("ETag", etag)])


@pytest.fixture
def site():
    s = Site()
    yield s
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture
def settings_file(tmp_path):
    path = tmp_path / "local.toml"
    path.write_text('[fetch]\nallow_addresses = ["127.0.0.1"]\nper_host_delay = 0.0\n')
    return str(path)


def cli(settings_file, db, *args, code=0):
    result = CliRunner().invoke(app, ["--settings", settings_file, "--db", db, *args])
    assert result.exit_code == code, result.output
    return result.output


def test_parse_feed_reads_items_and_rejects_garbage():
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link></item></channel></rss>'
    feed = parse_feed(rss, "https://x.example/feed")
    assert [i.url for i in feed.items] == ["https://x.example/a"]
    assert isinstance(parse_feed(b"\x00\x01 not xml at all", "https://x.example/feed"), Rejected)


def test_add_a_page_url_and_a_feed_url(site, settings_file, tmp_path):
    db = str(tmp_path / "n.db")
    report = json.loads(cli(settings_file, db, "add", f"{site.base}/a/0", "--json"))
    assert len(report["added"]) == 1
    report = json.loads(cli(settings_file, db, "add", f"{site.base}/feed.xml", "--json"))
    # The feed lists /a/0 (already stored) and /a/1.
    assert len(report["added"]) == 1 and len(report["already_stored"]) == 1
    articles = json.loads(cli(settings_file, db, "articles", "--json"))
    assert {a["url"] for a in articles} == {f"{site.base}/a/0", f"{site.base}/a/1"}


def test_a_url_that_fails_is_rejected_and_the_run_goes_on(site, settings_file, tmp_path):
    db = str(tmp_path / "n.db")
    report = json.loads(
        cli(settings_file, db, "add", f"{site.base}/a/99", f"{site.base}/a/0", "--json")
    )
    assert [r["reason"] for r in report["rejected"]] == ["fetch_failed"]
    assert "404" in report["rejected"][0]["detail"]
    assert len(report["added"]) == 1


def test_private_addresses_are_refused_unless_allowed(site, tmp_path):
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "n.db"), "add", f"{site.base}/a/0", "--json"]
    )
    report = json.loads(result.output)
    assert report["added"] == [] and "loopback" in report["rejected"][0]["detail"]
    assert site.requests == []


def test_watch_processes_only_new_items_and_survives_a_bad_feed(site, settings_file, tmp_path):
    db = str(tmp_path / "n.db")
    first = json.loads(cli(settings_file, db, "watch", f"{site.base}/feed.xml", "--once", "--json"))
    assert first["new_items"] == 2 and len(first["added"]) == 2
    # Unchanged feed: a conditional request answered 304, nothing fetched again.
    again = json.loads(cli(settings_file, db, "watch", f"{site.base}/feed.xml", "--once", "--json"))
    assert again["unchanged"] == 1 and again["new_items"] == 0
    # Down, then malformed: reported, not fatal, nothing lost; a round that read no feed exits 1.
    site.mode = "down"
    down = json.loads(
        cli(settings_file, db, "watch", f"{site.base}/feed.xml", "--once", "--json", code=1)
    )
    assert "503" in down["failed"][f"{site.base}/feed.xml"]
    site.mode = "broken"
    broken = json.loads(
        cli(settings_file, db, "watch", f"{site.base}/feed.xml", "--once", "--json", code=1)
    )
    assert broken["failed"]
    # Back up with one new item: only that one is processed (state survived each restart).
    site.mode, site.items = "ok", [0, 1, 2]
    fetched_before = len(site.requests)
    latest = json.loads(
        cli(settings_file, db, "watch", f"{site.base}/feed.xml", "--once", "--json")
    )
    assert latest["new_items"] == 1 and len(latest["added"]) == 1
    assert site.requests[fetched_before:].count("/a/0") == 0
    assert len(json.loads(cli(settings_file, db, "articles", "--json"))) == 3


def test_watch_rejects_a_bad_interval(settings_file, tmp_path):
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "n.db"), "watch", "https://x.example/f", "--every", "soon"]
    )
    assert result.exit_code == 2 and "--every must be" in result.output
