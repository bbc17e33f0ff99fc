import re
from datetime import UTC, datetime

import pytest

from newsweave.demo import demo_source
from newsweave.errors import SettingsError
from newsweave.extract import extract
from newsweave.ingest import ingest
from newsweave.models import Article, RawDoc, Rejected
from newsweave.settings import ExtractSettings, Settings

BODY = " ".join(
    ["The council approved the new tram line after a long debate on Tuesday night."] * 6
)


def page(body: str, extra_head: str = "") -> str:
    return (
        "<html><head><title>Tram line approved | City Paper</title>"
        '<meta property="og:site_name" content="City Paper">'
        '<link rel="canonical" href="https://citypaper.example/tram?utm_source=x">'
        f'<meta property="article:published_time" content="2026-04-21T10:00:00+00:00">{extra_head}</head>'
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Tram line approved</h1>"
        f"<p>{body}</p><p>{body}</p><figure><img src='x.jpg'><figcaption>Councillors vote (Photo: J. Doe/City Paper)</figcaption></figure>"
        "</article><footer>© 2026 City Paper. All rights reserved.</footer></body></html>"
    )


def test_html_article_gets_body_metadata_and_captions_apart():
    article = extract(RawDoc(source="t.html", kind="html", body=page(BODY)))
    assert isinstance(article, Article)
    assert article.outlet == "City Paper"
    assert "Tram line approved" in article.title
    assert article.published is not None and article.published.date().isoformat() == "2026-04-21"
    assert article.canonical_url == "https://citypaper.example/tram"
    assert article.captions == ("Councillors vote (Photo: J. Doe/City Paper)",)
    assert "Photo:" not in article.text and "All rights reserved" not in article.text
    assert article.language == "en"


def test_an_html_article_s_reporting_credits_are_set_apart_as_notices():
    # As in pasted text: the outlet's credit line is no sentence of the report.
    credit = "(Reporting by Ana Reyes; Editing by Tom Hale)"
    article = extract(RawDoc(source="c.html", kind="html", body=page(f"{BODY}</p><p>{credit}")))
    assert isinstance(article, Article)
    assert "Reporting by" not in article.text
    assert ("notice", credit) in {(r.reason, r.text) for r in article.removed}


def test_pages_that_are_not_articles_are_rejected():
    short = extract(RawDoc(source="s.html", kind="html", body=page("Too short.")))
    assert isinstance(short, Rejected) and short.reason in {"too_short", "no_content"}
    wall = "We value your privacy. Before you continue, accept cookies to read this site. " * 4
    assert extract(RawDoc(source="w.txt", kind="text", body=wall)).reason == "not_article"


def test_a_date_in_the_future_of_the_fetch_is_rejected():
    raw = RawDoc(
        source="f.txt",
        kind="text",
        body=BODY,
        published=datetime(2030, 1, 1, tzinfo=UTC),
        fetched=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert extract(raw).reason == "future_date"


def test_the_update_is_the_one_the_page_declares_not_a_later_date_in_its_body():
    modified = '<meta property="article:modified_time" content="2026-04-22T08:00:00+00:00">'
    declared = extract(RawDoc(source="u.html", kind="html", body=page(BODY, modified)))
    assert declared.updated is not None and declared.updated.date().isoformat() == "2026-04-22"
    # Dated by its URL only, with a picture filed two days later: a date, not an update.
    undated = re.sub(
        r'<meta property="article:published_time"[^>]*>|<link rel="canonical"[^>]*>', "", page(BODY)
    )
    picture = '<meta property="og:image" content="https://cdn.citypaper.example/2026/04/23/t.jpg">'
    html = undated.replace("</head>", f"{picture}</head>")
    raw = RawDoc(
        source="p.html", kind="html", body=html, url="https://citypaper.example/2026/04/21/tram"
    )
    article = extract(raw)
    assert article.published.date().isoformat() == "2026-04-21"
    assert article.updated is None


def test_demo_html_articles_extract_with_captions_and_wire_credit():
    articles = [extract(d) for d in ingest(demo_source())]
    assert all(isinstance(a, Article) for a in articles), [
        a for a in articles if isinstance(a, Rejected)
    ]
    html = [a for a in articles if a.captions]
    assert html, "the demo's HTML pages carry figure captions"
    wire = [a for a in articles if any(m.kind == "wire_credit" for m in a.markers)]
    assert [m.outlet for a in wire for m in a.markers if m.kind == "wire_credit"] == [
        "Meridian Wire"
    ]


def test_an_index_page_is_rejected():
    links = "".join(
        f"<li><a href='/n/{i}'>Headline number {i} about the city council budget</a></li>"
        for i in range(40)
    )
    html = f"<html><head><title>News</title></head><body><h1>Latest news</h1><ul>{links}</ul><p>Updated hourly.</p></body></html>"
    result = extract(RawDoc(source="i.html", kind="html", body=html))
    assert isinstance(result, Rejected) and result.reason in {
        "index_page",
        "no_content",
        "too_short",
    }


def test_fast_mode_gives_the_same_article_on_a_plain_page():
    raw = RawDoc(source="t.html", kind="html", body=page(BODY))
    accurate, fast = extract(raw), extract(raw, ExtractSettings(mode="fast"))
    assert isinstance(accurate, Article) and isinstance(fast, Article)
    assert fast.text == accurate.text
    assert (fast.title, fast.outlet, fast.published, fast.captions) == (
        accurate.title,
        accurate.outlet,
        accurate.published,
        accurate.captions,
    )


def test_an_unknown_extraction_mode_is_a_settings_error():
    with pytest.raises(SettingsError, match=r"extract\.mode must be 'accurate' or 'fast'"):
        Settings.from_dict({"extract": {"mode": "quick"}})


def test_the_byline_is_searched_in_the_page_but_not_in_its_asides():
    html = (
        page(BODY)
        .replace(
            "<h1>Tram line approved</h1>",
            "<h1>Tram line approved</h1><p class='byline'>By <span class='author'>Jane Smith</span></p>",
        )
        .replace("</article>", "</article><aside><div class='author'>Ann Other</div></aside>")
    )
    article = extract(RawDoc(source="b.html", kind="html", body=html))
    assert isinstance(article, Article) and article.byline == "Jane Smith"


def test_a_page_that_declares_its_encoding_is_read():
    html = "<?xml version='1.0' encoding='utf-8'?>" + page(BODY)
    assert isinstance(extract(RawDoc(source="x.html", kind="html", body=html)), Article)


BYLINES = [
    "<p class='byline'>By Jane Smith</p>",
    "<a rel='author' href='/jane'>Jane Smith</a>",
    "<span itemprop='author name'>Jane Smith</span>",
    "<div data-component='Byline'>Jane Smith</div>",
    "<div id='Author-box'>Jane Smith</div>",
    "<span class='screenname'>Jane Smith</span>",
    "<author>Jane Smith</author>",
    "<p class='lede'>No byline on this page at all.</p>",
]


@pytest.mark.parametrize("byline", BYLINES)
def test_the_byline_search_finds_what_trafilaturas_finds(byline):
    from trafilatura.metadata import extract_author

    from newsweave.extract import _byline
    from newsweave.htmlbody import parse_html

    html = page(BODY).replace("<h1>Tram line approved</h1>", f"<h1>Tram line approved</h1>{byline}")
    assert _byline(parse_html(html)) == extract_author(parse_html(html))


def test_the_byline_search_agrees_with_trafilatura_on_real_pages(aeb_pages):
    """trafilatura's byline XPaths may change with its versions; the hint words must follow."""
    from trafilatura.metadata import extract_author

    from newsweave.extract import _byline
    from newsweave.htmlbody import parse_html, prune

    for record in aeb_pages:
        ours, theirs = parse_html(record["html"]), parse_html(record["html"])
        prune(ours), prune(theirs)
        assert _byline(ours) == extract_author(theirs), record["url"]


JSON_LD = [
    '{\n  "@context": "https://schema.org",\n  "@type": "NewsArticle",\n'
    '  "headline": "Tram line approved",\n  "author": {"@type": "Person", "name": "Jane Smith"}\n}',
    # broken JSON: trafilatura's patterns still find the author
    '{"@context": "https://schema.org", "@type": "NewsArticle", '
    '"author": {"@type": "Person", "name": "Jane Smith"}, "x": }',
]


def _json_metadata(html):
    from trafilatura.metadata import examine_meta, extract_meta_json

    from newsweave.extract import _json_ld
    from newsweave.htmlbody import parse_html

    def fields(doc):
        return {k: getattr(doc, k, None) for k in ("title", "author", "date", "sitename", "url")}

    tree = parse_html(html)
    return fields(_json_ld(tree, examine_meta(tree))), fields(
        extract_meta_json(tree, examine_meta(tree))
    )


@pytest.mark.parametrize("script", JSON_LD)
def test_json_ld_is_read_as_trafilatura_reads_it(script):
    html = page(BODY, f'<script type="application/ld+json">{script}</script>')
    ours, theirs = _json_metadata(html)
    assert ours == theirs and ours["author"] == "Jane Smith"


def test_json_ld_agrees_with_trafilatura_on_real_pages(aeb_pages):
    for record in aeb_pages:
        ours, theirs = _json_metadata(record["html"])
        assert ours == theirs, record["url"]
