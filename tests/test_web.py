"""The web layer through FastAPI's TestClient, over a copy of the demo database."""

from __future__ import annotations

import html
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsweave.errors import InputError
from newsweave.fetch import Fetcher
from newsweave.models import Article, Claim, Support
from newsweave.settings import Settings
from newsweave.store import Store
from newsweave.web import create_app
from newsweave.web.markup import word_marks
from newsweave.web.security import CONTENT_SECURITY_POLICY, is_loopback
from newsweave.web.server import check_exposure
from newsweave.web.stories import PALETTE, shared_claims

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD_TITLE = f"Harbour crane collapses {SCRIPT} at Brackenford docks {IMG}"
PAYLOAD_TEXT = f"""{PAYLOAD_TITLE}

A crane collapsed at the Brackenford container docks on Monday morning, {SCRIPT} injuring two \
dock workers and halting all loading for the rest of the day, the port company said.

The dock manager said "{IMG} nobody expected the jib to fail" and that an inspection of every \
crane on the quay would begin on Tuesday. Loading is expected to resume later this week."""


def copy_db(source: str, target: Path) -> str:
    """A consistent copy of a WAL database (the backup API, not a file copy)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)


@pytest.fixture(scope="module")
def web_db(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo database, copied: these tests add articles, other test files must not see them."""
    return copy_db(demo_db, tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db))


@pytest.fixture(scope="module")
def ids(web_db: str) -> dict[str, str]:
    """One id of each kind from the demo: a story, an article with removed lines, an entity."""
    with Store(web_db) as store:
        stories = store.stories()
        brief = store.brief(stories[0].id)
        person = next(e for e in brief.entities if e.type == "person")
        removed = next(a for a in store.articles() if a.removed)
    return {"story": brief.id, "article": removed.id, "entity": person.id}


@pytest.fixture(scope="module")
def injected(client: TestClient) -> dict[str, str]:
    """An article whose title and body carry script and img payloads, added through the API."""
    response = client.post("/api/articles", json={"text": PAYLOAD_TEXT, "outlet": "Dock <b>News"})
    assert response.status_code == 200, response.text
    added = response.json()["added"]
    assert len(added) == 1 and added[0]["title"] == PAYLOAD_TITLE
    return {"article": added[0]["id"], "story": added[0]["story"]}


def assert_inert(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "onerror=alert(1)>" not in html


# ── pages and their JSON twins ──────────────────────────────────────────────────────────────


def test_story_list_is_newest_first_with_corroboration(client: TestClient) -> None:
    data = client.get("/api/stories").json()
    assert data["total"] == len(data["stories"]) >= 3
    seen = [s["last_seen"] for s in data["stories"]]
    assert seen == sorted(seen, reverse=True)
    for story in data["stories"]:
        counts = story["claims"]
        assert story["articles"] >= 1 and story["outlets"]
        assert counts["total"] == sum(
            counts[k] for k in ("corroborated", "single_source", "conflicting")
        )
        assert story["corroborated_share"] == pytest.approx(
            counts["corroborated"] / counts["total"], abs=1e-4
        )
    page = client.get("/")
    assert page.status_code == 200
    for story in data["stories"]:
        assert f'href="/stories/{story["id"]}"' in page.text
    assert 'action="/api/articles"' in page.text


def test_story_list_pages(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 1}).json()
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(first["stories"]) == 1 and first["stories"] != second["stories"]
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_story_page_shows_the_brief(client: TestClient, web_db: str, ids: dict[str, str]) -> None:
    with Store(web_db) as store:
        brief = store.brief(ids["story"])
    assert client.get(f"/api/stories/{brief.id}").json() == brief.model_dump(mode="json")
    html = client.get(f"/stories/{brief.id}").text
    assert brief.summary
    for line in brief.summary:
        for c in line.citations:
            # Without JS the citation opens the article at the sentence; with JS it reveals it.
            assert f'href="/articles/{c.article}#s{c.sentence}"' in html
            assert f'data-target="a{c.article}-s{c.sentence}"' in html
            assert f'id="a{c.article}-s{c.sentence}"' in html
    for section in ("summary", "articles", "coverage", "timeline", "lineage"):
        assert f'id="{section}"' in html
    # each timeline entry's date phrase is marked
    phrase = next(p for t in brief.timeline for p in t.phrases)
    assert f'<mark class="when">{phrase}</mark>' in html
    assert html.count('class="column"') == len(brief.articles)
    assert '<script src="/static/story.js" defer></script>' in html


def test_a_shared_claim_has_one_colour_in_every_column(
    client: TestClient, web_db: str, ids: dict[str, str]
) -> None:
    with Store(web_db) as store:
        brief = store.brief(ids["story"])
    html = client.get(f"/stories/{brief.id}").text
    marked = re.findall(
        r'class="sentence claim (claim-c\d)" id="a(\w+)-s\d+" data-claim="(\w+)"', html
    )
    assert marked
    colour_of: dict[str, set[str]] = {}
    articles_of: dict[str, set[str]] = {}
    for colour, article, claim in marked:
        colour_of.setdefault(claim, set()).add(colour)
        articles_of.setdefault(claim, set()).add(article)
    assert all(len(c) == 1 for c in colour_of.values())
    assert any(len(a) >= 2 for a in articles_of.values())


def test_quote_drift_marks_the_differing_words(client: TestClient, web_db: str) -> None:
    with Store(web_db) as store:
        briefs = [store.brief(s.id) for s in store.stories()]
    drifted = [b for b in briefs if any(v.differs for d in b.quote_drift for v in d.variants)]
    if not drifted:
        pytest.skip("the demo has no quote drift with differing words")
    brief = drifted[0]
    html = client.get(f"/stories/{brief.id}").text
    variant = next(v for d in brief.quote_drift for v in d.variants if v.differs)
    assert 'id="drift"' in html
    assert re.search(rf"<mark>{re.escape(variant.differs[0])}</mark>", html, re.IGNORECASE)


def test_conflicts_and_coverage_matrix(client: TestClient, web_db: str) -> None:
    with Store(web_db) as store:
        brief = next(b for b in (store.brief(s.id) for s in store.stories()) if b.conflicts)
    html = client.get(f"/stories/{brief.id}").text
    assert 'id="conflicts"' in html
    for value in brief.conflicts[0].values:
        assert value.value in html
    for outlet in brief.coverage:
        assert f"<span>{outlet}</span>" in html


def test_article_page_marks_sentences_mentions_and_removed_lines(
    client: TestClient, web_db: str, ids: dict[str, str]
) -> None:
    data = client.get(f"/api/articles/{ids['article']}").json()
    assert data["article"]["id"] == ids["article"]
    analysis = data["analysis"]
    assert analysis["sentences"] and data["story"]
    html = client.get(f"/articles/{ids['article']}").text
    for sentence in analysis["sentences"]:
        assert f'id="s{sentence["index"]}"' in html
    mention = analysis["mentions"][0]
    assert f'href="/entities/{mention["entity"]}"' in html
    assert 'id="removed"' in html
    for line in data["article"]["removed"][:3]:
        assert line["reason"].replace("_", " ") in html


def test_article_page_links_copies_both_ways(client: TestClient, web_db: str) -> None:
    with Store(web_db) as store:
        link = next(x for x in store.lineage() if x.kind == "duplicate" and x.source)
    assert link.source
    copy = client.get(f"/api/articles/{link.article}").json()
    original = client.get(f"/api/articles/{link.source}").json()
    assert any(x["source"] == link.source for x in copy["lineage"])
    assert any(x["article"] == link.article for x in original["copied_by"])
    assert f'href="/articles/{link.article}"' in client.get(f"/articles/{link.source}").text


def test_entity_page_with_a_colon_in_its_id(client: TestClient, ids: dict[str, str]) -> None:
    entity_id = ids["entity"]
    assert ":" in entity_id
    data = client.get(f"/api/entities/{entity_id}").json()
    assert data["entity"]["id"] == entity_id
    assert data["stories"]
    html = client.get(f"/entities/{entity_id}").text
    assert data["entity"]["name"] in html
    for story in data["stories"]:
        assert f'href="/stories/{story["id"]}"' in html
    # The same page through a percent-encoded colon.
    assert client.get(f"/api/entities/{entity_id.replace(':', '%3A')}").status_code == 200


def test_entity_quotes_name_their_articles(client: TestClient, web_db: str) -> None:
    with Store(web_db) as store:
        speaker = next(
            q.speaker
            for a in store.analyses().values()
            for q in a.quotes
            if q.speaker and q.speaker.startswith("person:")
        )
    data = client.get(f"/api/entities/{speaker}").json()
    assert data["quotes"]
    assert all(q["article"] and q["outlet"] for q in data["quotes"])


def test_search_page_and_json(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "ferry pier"}).json()
    assert data["query"] == "ferry pier" and data["hits"]
    assert any(f["match"] for f in data["hits"][0]["snippet"])
    html = client.get("/search", params={"q": "ferry pier"}).text
    assert "<mark>" in html
    assert f'href="/articles/{data["hits"][0]["article"]}"' in html
    for odd in ['"', "(", "AND", "*", "ferry)", "NEAR(", "a:b"]:
        assert client.get("/search", params={"q": odd}).status_code == 200
        assert client.get("/api/search", params={"q": odd}).status_code == 200


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/entities/{entity_id}",
        "/api/search",
        "/api/articles",
    ]:
        assert path in paths, path
    assert "post" in paths["/api/articles"]


# ── errors ─────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "path",
    ["/stories/nosuchstory", "/articles/nosuchartic", "/entities/person:nobody-at-all", "/nope"],
)
def test_unknown_ids_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text


@pytest.mark.parametrize(
    "path",
    ["/api/stories/nosuchstory", "/api/articles/nosuchartic", "/api/entities/place:nowhere"],
)
def test_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"]


# ── security ───────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "path", ["/", "/api/stories", "/static/style.css", "/nope", "/search?q=x", "/openapi.json"]
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_no_page_has_inline_script_or_style(client: TestClient, ids: dict[str, str]) -> None:
    for path in ["/", f"/stories/{ids['story']}", f"/articles/{ids['article']}", "/add"]:
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert "<style" not in html and " style=" not in html and "onclick" not in html, path


def test_injected_markup_renders_as_inert_text(
    client: TestClient, injected: dict[str, str]
) -> None:
    escaped_script = "&lt;script&gt;alert(1)&lt;/script&gt;"
    escaped_img = "&lt;img src=x onerror=alert(1)&gt;"
    pages = [
        f"/articles/{injected['article']}",
        f"/stories/{injected['story']}",
        "/",
        "/search?q=crane+collapsed",
        "/search?q=" + SCRIPT,
    ]
    for path in pages:
        html = client.get(path).text
        assert_inert(html)
        if "search?q=<" not in path:
            assert escaped_script in html, path
    article = client.get(f"/articles/{injected['article']}").text
    assert escaped_img in article
    assert "Dock &lt;b&gt;News" in article
    # The JSON twin holds the text as data; nosniff keeps a browser from reading it as HTML.
    api = client.get(f"/api/articles/{injected['article']}")
    assert api.headers["content-type"] == "application/json"
    assert api.json()["article"]["title"] == PAYLOAD_TITLE


def test_a_stored_javascript_url_is_not_a_link() -> None:
    from newsweave.web.render import web_url

    assert web_url("javascript:alert(1)") is None
    assert web_url("data:text/html,<script>") is None
    assert web_url("https://example.org/a") == "https://example.org/a"


def test_form_post_redirects_to_the_story(client: TestClient, injected: dict[str, str]) -> None:
    text = PAYLOAD_TEXT.replace("Monday morning", "Monday night").replace("two dock", "three dock")
    response = client.post(
        "/api/articles", data={"text": text, "outlet": "Quay Post"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/stories/s")
    assert client.get(response.headers["location"]).status_code == 200


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"text": "Too short to be an article.", "published": "2026-03-04"}, "too short"),
        ({"text": "A line of text, twice " * 20, "published": "someday"}, "published: Input"),
        ({"text": "A line of text, twice " * 20, "published": "9999-01-01"}, "not a plausible"),
    ],
)
def test_a_refused_form_keeps_what_was_typed(
    client: TestClient, fields: dict[str, str], why: str
) -> None:
    response = client.post("/api/articles", data=fields, follow_redirects=False)
    assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    page = response.text
    assert why in page and html.escape(fields["text"], quote=False) in page
    assert f'value="{fields["published"]}"' in page


@pytest.mark.parametrize(
    "body",
    [
        {"url": "/etc/passwd"},
        {"url": "file:///etc/passwd"},
        {"url": "-"},
        {},
        {"text": "   "},
        {"url": "https://example.org/a", "text": "both"},
    ],
)
def test_add_refuses_paths_and_unclear_requests(client: TestClient, body: dict[str, str]) -> None:
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_add_refuses_other_body_types(client: TestClient) -> None:
    response = client.post(
        "/api/articles", content=b"x", headers={"content-type": "multipart/form-data; b=1"}
    )
    assert response.status_code == 415
    assert client.post("/api/articles", content=b"{not json").status_code == 422


def test_add_a_url_through_the_fetcher(web_db: str) -> None:
    page = f"""<html><head><title>Crane inspection begins at Brackenford docks</title></head>
    <body><article><h1>Crane inspection begins at Brackenford docks</h1>
    <p>{"Inspectors began examining every crane on the Brackenford quay on Tuesday. " * 6}</p>
    <p>{"The port company said loading would resume once each crane was certified. " * 5}</p>
    </article></body></html>"""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, text=page, headers={"content-type": "text/html"})

    def make_fetcher(settings: Settings) -> Fetcher:
        return Fetcher(
            settings.fetch,
            client=httpx.Client(transport=httpx.MockTransport(handler)),
            resolve=lambda host: ["93.184.216.34"],
            sleep=lambda seconds: None,
        )

    app = create_app(web_db)
    app.state.config.make_fetcher = make_fetcher
    response = TestClient(app).post(
        "/api/articles", json={"url": "https://docks.example/crane", "outlet": "Quay Post"}
    )
    assert response.status_code == 200, response.text
    added = response.json()["added"]
    assert added and added[0]["source"] == "https://docks.example/crane"


def test_writes_need_the_token_when_the_app_has_one(web_db: str) -> None:
    client = TestClient(create_app(web_db, token="s3cret"))
    short = {"text": "Too short to be an article."}
    assert client.post("/api/articles", json=short).status_code == 401
    wrong = client.post("/api/articles", json=short, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    right = client.post("/api/articles", json=short, headers={"Authorization": "Bearer s3cret"})
    assert right.status_code == 200
    assert right.json()["rejected"][0]["reason"] == "too_short"
    form = client.post("/api/articles", data={**short, "token": "s3cret"})
    assert form.status_code not in (401, 403)
    assert "too short" in form.text
    assert client.post("/api/articles", data={**short, "token": "nope"}).status_code == 403
    # A form user gets the add page back with the reason, not JSON.
    no_token = client.post("/api/articles", data=short)
    assert no_token.status_code == 401
    assert no_token.headers["content-type"].startswith("text/html")
    assert "needs a token" in no_token.text and "Too short to be an article." in no_token.text
    # Reading needs no token.
    assert client.get("/api/stories").status_code == 200
    assert 'name="token"' in client.get("/").text


def test_cross_site_writes_are_refused(client: TestClient) -> None:
    short = {"text": "Too short to be an article."}
    evil = client.post("/api/articles", json=short, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403
    fetch_site = client.post("/api/articles", json=short, headers={"Sec-Fetch-Site": "cross-site"})
    assert fetch_site.status_code == 403
    same = client.post("/api/articles", json=short, headers={"Origin": "http://testserver"})
    assert same.status_code == 200


def test_serving_beyond_loopback_needs_a_token() -> None:
    with pytest.raises(InputError, match="token"):
        check_exposure("0.0.0.0", None)
    check_exposure("0.0.0.0", "s3cret")
    for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]:
        assert is_loopback(host)
        check_exposure(host, None)
    assert not is_loopback("192.168.1.10") and not is_loopback("example.org")


# ── the small functions behind the pages ───────────────────────────────────────────────────


def test_word_marks_mark_only_the_listed_words() -> None:
    marks = word_marks("We will not rest, he said.", ["not", "REST"])
    assert "".join(t for t, _ in marks) == "We will not rest, he said."
    assert [t for t, marked in marks if marked] == ["not", "rest"]


def test_neighbouring_shared_claims_get_different_colours() -> None:
    def claim(cid: str, sentence: int) -> Claim:
        support = (
            Support(article="a1", sentence=sentence, text="x"),
            Support(article="a2", sentence=sentence, text="x"),
        )
        return Claim(
            id=cid, text="x", status="corroborated", independent_sources=2, support=support
        )

    claims = tuple(claim(f"c{i}", i) for i in range(PALETTE + 3))
    single = Claim(
        id="lonely",
        text="x",
        status="single_source",
        independent_sources=1,
        support=(Support(article="a1", sentence=99, text="x"),),
    )
    colours = shared_claims((*claims, single))
    assert "lonely" not in colours
    for a, b in pairwise(claims):
        assert colours[a.id] != colours[b.id]


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if fields[1] == str(pid):
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_serve_with_workers_answers_and_stops_on_sigterm(web_db: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = f"from newsweave.web import serve; serve({web_db!r}, port={port}, workers=2)"
    server = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "no server"
                time.sleep(0.2)
        assert response.status_code == 200
        # DNS rebinding: another Host name is refused on a loopback server.
        rebound = httpx.get(f"http://127.0.0.1:{port}/", headers={"Host": "evil.example"})
        assert rebound.status_code == 400
        children = child_pids(server.pid)
        assert len(children) == 2
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    time.sleep(0.5)
    assert not any(Path("/proc", str(pid)).exists() for pid in children)


def test_an_article_without_analysis_or_story_still_renders(
    client: TestClient, web_db: str
) -> None:
    text = "First paragraph of a bare article.\n\nSecond paragraph, never analysed."
    article = Article(
        id="abare0000001",
        source="test",
        url="javascript:alert(1)",
        canonical_url=None,
        outlet="Bare Times",
        title="A bare article",
        text=text,
        paragraphs=tuple(text.split("\n\n")),
        content_hash="bare-hash-1",
    )
    with Store(web_db) as store, store.transaction():
        store.add_article(article)
    data = client.get("/api/articles/abare0000001").json()
    assert data["analysis"] is None and data["story"] is None
    html = client.get("/articles/abare0000001").text
    assert "<p>Second paragraph, never analysed.</p>" in html
    assert "no analysis yet" in html
    assert 'href="javascript:' not in html


STAND_TEXT = """Grandstand roof torn off at Kalyra stadium in overnight gale

A gale tore the roof off the main grandstand of Kalyra's municipal stadium overnight on Sunday, \
scattering steel sheets across the car park, the city's stadium director Maren Holt said.

Holt said nobody was hurt and that the stadium would stay closed until engineers had checked \
every stand. Saturday's cup match will be moved to the harbour ground."""

STAND_FOLLOW_UP = """Kalyra stadium closed after gale rips off grandstand roof

Kalyra's municipal stadium will stay shut after a gale tore the roof off its main grandstand \
overnight on Sunday, stadium director Maren Holt said on Monday.

Steel sheets from the roof were scattered across the car park. Holt said engineers would check \
every stand and that Saturday's cup match would move to the harbour ground."""


def test_the_writer_keeps_its_indexes_until_another_process_writes(
    web_db: str, tmp_path: Path
) -> None:
    db = copy_db(web_db, tmp_path / "writer.db")
    app = create_app(db)
    writer = app.state.config.writer
    with TestClient(app) as client:
        first = client.post("/api/articles", json={"text": PAYLOAD_TEXT, "outlet": "Quay Post"})
        again = client.post("/api/articles", json={"text": STAND_TEXT, "outlet": "Quay Post"})
        assert first.status_code == again.status_code == 200
        assert writer.builds == 1  # the second add reused the indexes of the first

        # Another process (here: another connection, as the CLI's would be) adds the follow-up.
        cli = subprocess.run(
            [sys.executable, "-m", "newsweave", "--db", db, "add", "-", "--outlet", "Gale Times"],
            input=STAND_FOLLOW_UP,
            capture_output=True,
            text=True,
            check=True,
        )
        assert "Added 1" in cli.stdout
        with Store(db) as store:
            stand_story = store.story_of(again.json()["added"][0]["id"])
            assert len(store.story(stand_story).articles) == 2

        # The web's next add rebuilds and so knows the CLI's article: a third report joins them.
        third = STAND_TEXT.replace("overnight on Sunday", "late on Sunday night").replace(
            "Grandstand roof torn off", "Gale strips grandstand roof"
        )
        added = client.post("/api/articles", json={"text": third, "outlet": "Coast FM"}).json()
        assert writer.builds == 2
        assert added["added"][0]["story"] == stand_story
