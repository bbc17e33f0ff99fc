import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import Source, ingest
from newsweave.models import RawDoc, Rejected
from newsweave.settings import ExtractSettings

PAGE = (
    b"<html><head><title>T</title></head><body><article><p>Hello world.</p></article></body></html>"
)


def reasons(results):
    return [r.reason for r in results if isinstance(r, Rejected)]


def test_empty_binary_and_oversized_inputs_are_rejected_with_reasons():
    assert reasons(ingest(Source("empty.txt", b"  \n "))) == ["empty"]
    assert reasons(ingest(Source("photo.txt", b"\x89PNG\x00\x00\x01binary"))) == ["binary"]
    big = ingest(Source("big.txt", b"word " * 100), ExtractSettings(max_bytes=100))
    assert reasons(big) == ["oversized"]


def test_latin1_text_is_decoded():
    [doc] = ingest(
        Source("old.txt", "Café society in Zürich reopened its doors.".encode("latin-1"))
    )
    assert isinstance(doc, RawDoc)
    assert "Zürich" in doc.body


def test_html_is_recognised_by_name_or_content():
    assert ingest(Source("page.html", PAGE))[0].kind == "html"
    assert ingest(Source("page.txt", PAGE))[0].kind == "html"
    assert ingest(Source("note.txt", b"Plain words here."))[0].kind == "text"


def test_jsonl_lines_become_documents_and_bad_lines_rejections():
    lines = [
        json.dumps(
            {"url": "https://a.example/1", "title": "One", "text": "Body one.", "outlet": "A"}
        ),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": PAGE.decode(), "published": "2026-03-04T10:00:00+00:00"}),
        json.dumps({"text": "Body.", "published": "yesterday-ish"}),
    ]
    results = ingest(Source("feed.jsonl", "\n".join(lines).encode()))
    docs = [r for r in results if isinstance(r, RawDoc)]
    assert [d.kind for d in docs] == ["text", "html"]
    assert docs[0].outlet == "A" and docs[0].url == "https://a.example/1"
    assert docs[1].published is not None and docs[1].published.year == 2026
    assert reasons(results) == ["malformed_jsonl", "empty", "malformed_jsonl"]
    assert next(r.source for r in results if isinstance(r, Rejected)) == "feed.jsonl#2"


def warc_bytes(records: list[tuple[str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buffer.getvalue()


def test_warc_html_responses_become_documents():
    data = warc_bytes(
        [
            ("https://news.example/a", PAGE, "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG", "image/png"),
        ]
    )
    results = ingest(Source("crawl.warc.gz", data))
    assert [r.url for r in results if isinstance(r, RawDoc)] == ["https://news.example/a"]


def test_malformed_warc_is_rejected():
    results = ingest(Source("bad.warc.gz", gzip.compress(b"WARC/1.0\r\nnonsense")))
    assert reasons(results) and all(isinstance(r, Rejected) for r in results)


@pytest.mark.parametrize(
    "data",
    [
        # A record whose length runs past the end of the file, as a crawl cut short leaves it.
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort",
        bytes(range(256)) * 8,  # no archive at all
    ],
)
def test_a_damaged_warc_is_one_short_rejection(data):
    [rejected] = ingest(Source("crawl.warc", data))
    assert isinstance(rejected, Rejected) and rejected.reason == "malformed_warc"
    assert len(rejected.detail) < 100 and rejected.detail.isprintable()


def test_a_jsonl_time_given_as_a_number_is_rejected():
    # 2026 as a number would be read as seconds after 1970.
    line = {"text": "The harbour of Velmora reopened on Monday. " * 8, "published": 2026}
    [rejected] = ingest(Source("items.jsonl", json.dumps(line).encode()))
    assert isinstance(rejected, Rejected) and "ISO date" in rejected.detail


def test_a_jsonl_url_that_is_no_web_address_is_rejected():
    line = {"text": "The harbour of Velmora reopened on Monday. " * 8, "url": "javascript:alert(1)"}
    [rejected] = ingest(Source("items.jsonl", json.dumps(line).encode()))
    assert isinstance(rejected, Rejected) and "http(s)" in rejected.detail
