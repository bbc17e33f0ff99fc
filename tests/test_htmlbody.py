from lxml import etree

from newsweave.htmlbody import main_text, parse_html, prune

PARAGRAPH = " ".join(
    ["The council approved the new tram line after a long debate on Tuesday night."] * 4
)
LD_JSON = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tram"}'


def page(article: str) -> str:
    return (
        "<html><head><title>Tram line approved | City Paper</title>"
        "<style>p { color: red }</style><script>var tracking = 1;</script>"
        f'<script type="application/ld+json">{LD_JSON}</script></head>'
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"{article}"
        "<aside><p>Most read: the mayor's new bicycle</p></aside>"
        "<footer><p>© 2026 City Paper. All rights reserved.</p></footer></body></html>"
    )


ARTICLE = (
    f"<article><h1>Tram line approved</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p></article>"
)


def test_prune_takes_out_scripts_and_chrome_but_keeps_json_ld_and_the_text():
    tree = parse_html(page(ARTICLE))
    prune(tree)
    left = {node.tag for node in tree.iter() if isinstance(node.tag, str)}
    assert not left & {"style", "nav", "aside", "footer", "title"}
    scripts = tree.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert PARAGRAPH in tree.findtext(".//article/p")


def test_prune_keeps_chrome_that_holds_every_paragraph():
    tree = parse_html(f"<html><body><footer><p>{PARAGRAPH}</p></footer></body></html>")
    prune(tree)
    assert tree.find(".//footer/p") is not None


def test_parse_html_reads_a_page_that_declares_its_encoding():
    declared = "<?xml version='1.0' encoding='utf-8'?>" + page(ARTICLE)
    assert PARAGRAPH in etree.tostring(parse_html(declared), encoding="unicode")


def test_both_modes_find_the_article_and_drop_the_headline_and_chrome():
    for mode, path in (("accurate", "precision"), ("fast", "recall")):
        html = page(ARTICLE)
        body = main_text(html, parse_html(html), None, "Tram line approved", [], mode)
        assert body is not None and body.chosen == path
        assert body.text.splitlines() == [PARAGRAPH, PARAGRAPH + " Again."]
        assert body.dropped == ("Tram line approved",)


def test_a_fragment_without_an_html_tag_is_not_a_page():
    fragment = f"<p>{PARAGRAPH}</p>"
    assert main_text(fragment, parse_html(fragment), None, None, []) is None
