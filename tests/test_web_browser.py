"""End to end in a real browser: uvicorn serving the demo database, headless Chromium driving it.

Skipped, with the reason, when the Python playwright package or /usr/bin/chromium is missing
(`apt-get install chromium`; never `playwright install`, which downloads a browser build).
"""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
TIMEOUT_MS = 15_000

# Each payload would set a page-level flag, or open a dialog, if the browser ran it.
PAYLOAD_TITLE = (
    "Tugboat fire at Brackenford quay <script>window.__pwned = 'title'</script> "
    "<img src=x onerror=\"window.__pwned = 'img'; alert(1)\">"
)
PAYLOAD_TEXT = f"""{PAYLOAD_TITLE}

A tugboat caught fire at the Brackenford quay on Sunday evening, <script>alert(2)</script> \
forcing the harbour to close for three hours while fire crews fought the blaze, officials said.

The harbour master said "<img src=y onerror=alert(3)> the crew got off safely" and that the \
cause of the fire was not yet known. An inquiry will begin on Monday, the port company said."""

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed"
)
if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (install the Debian package: apt-get install chromium)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn serving a copy of the demo database on a free loopback port, in a thread."""
    import uvicorn

    from newsweave.web import create_app

    path = tmp_path_factory.mktemp("browser") / "demo.db"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    port = free_port()
    config = uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def injected(base_url: str) -> dict[str, str]:
    """An article carrying script payloads, added through the running server's API."""
    response = httpx.post(
        f"{base_url}/api/articles", json={"text": PAYLOAD_TEXT, "outlet": "Quay Post"}, timeout=120
    )
    assert response.status_code == 200, response.text
    added = response.json()["added"][0]
    return {"article": added["id"], "story": added["story"]}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=TIMEOUT_MS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert/confirm/prompt a page opened (there must be none)."""
    return []


@pytest.fixture
def page(browser: Any, dialogs: list[str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def test_read_a_story_and_reveal_a_citation(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    titles = page.locator("a.story-title")
    assert titles.count() >= 3
    page.locator("a.story-title", has_text="Lisbon").click()
    page.wait_for_url("**/stories/*")
    assert "Lisbon" in page.locator("h1").inner_text()
    assert page.locator("article.column").count() == 4

    cite = page.locator("#summary a.cite").first
    target = cite.get_attribute("data-target")
    assert target
    expected = page.locator(f"#{target}").inner_text()
    before = page.url
    cite.click()
    box = page.locator("#summary .cite-box").first
    box.wait_for(state="visible")
    assert box.locator(".cited-sentence").inner_text() == expected
    assert cite.get_attribute("aria-expanded") == "true"
    assert page.url == before  # revealed in place, no navigation

    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=False)

    cite.click()  # a second click hides it again
    box.wait_for(state="hidden")


def test_a_citation_without_javascript_opens_the_sentence(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "/")
        story = page.locator("a.story-title").first.get_attribute("href")
        page.goto(base_url + str(story))
        cite = page.locator("#summary a.cite").first
        href = str(cite.get_attribute("href"))
        cite.click()
        page.wait_for_url("**/articles/**")
        anchor = href.split("#")[1]
        assert page.url.endswith("#" + anchor)
        assert page.locator(f"#{anchor}").is_visible()
    finally:
        context.close()


def test_injected_scripts_do_not_run(
    page: Any, dialogs: list[str], base_url: str, injected: dict[str, str]
) -> None:
    for path in [f"/articles/{injected['article']}", f"/stories/{injected['story']}", "/"]:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert "<script>" in page.locator("body").inner_text(), path
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0


def test_hovering_a_claim_lights_it_in_every_column(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.locator("a.story-title", has_text="Lisbon").click()
    page.wait_for_url("**/stories/*")
    sentence = page.locator("article.column .claim").first
    claim = sentence.get_attribute("data-claim")
    sentence.hover()
    lit = page.locator(f'.hot[data-claim="{claim}"]')
    assert lit.count() >= 2
