from lxml import etree

from newsweave.htmlbody import article_block, main_text, narrowed, paragraph_text, parse_html, prune

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
        assert body.dropped == (("Tram line approved", "headline"),)


def test_a_fragment_without_an_html_tag_is_not_a_page():
    fragment = f"<p>{PARAGRAPH}</p>"
    assert main_text(fragment, parse_html(fragment), None, None, []) is None


CARDS = "".join(
    f"<li><a href='/news/{k}'><h3>{headline}</h3></a><p>{teaser}</p></li>"
    for k, (headline, teaser) in enumerate(
        [
            ("Ferry fares to rise in spring", "The operator blames the price of fuel."),
            ("Harbour master retires", "She served the port for thirty years."),
            ("New quay opens to fishermen", "The boats moved in on Monday morning."),
        ]
    )
)
NOISE = (
    "<ul><li>narrow-browser-and-phone</li><li>landscape-tablet</li><li>wide-browser</li></ul>"
    "<p>05/10/2018 - Published by: Ana Costa - Category: City - Tags: tram council</p>"
    "<p>Call the newsroom on 02-751-1500.</p>"
    "<p>The line - which the council first planned in 2019 - will run every ten minutes from "
    "the station to the harbour, and the first trams arrive in May.</p>"
)


def test_teaser_cards_layout_names_and_field_strips_leave_the_body():
    # Worth 0.0031 F1 in fast mode on AEB dev: lists of linked headlines with their teasers,
    # style names leaking from a script, a byline-and-tags strip.
    html = page(
        f"<article><h1>Tram line approved</h1><p>{PARAGRAPH}</p>{NOISE}<ul>{CARDS}</ul></article>"
    )
    for mode in ("accurate", "fast"):
        body = main_text(html, parse_html(html), None, "Tram line approved", [], mode)
        assert body is not None
        for gone in ("Ferry fares", "fuel", "landscape-tablet", "Published by"):
            assert gone not in body.text, (mode, body.text)
        # A phone number and a sentence with dashes are body text.
        assert "02-751-1500" in body.text and "which the council first planned" in body.text
        # Each line taken out says why.
        assert {"related_link", "layout", "fields"} <= {why for _, why in body.dropped}


def test_sentences_with_dashed_asides_and_the_articles_own_card_stay():
    # A sentence whose spaced dashes set off asides is no field strip, and a "Latest" list that
    # holds the article's own card (its teaser: the lead) takes no body text with it.
    lead = "The council approved the new tram line on Tuesday night after a long debate."
    asides = (
        "Mr Lammy – who met the mayor on Tuesday – said: “We are ready – and so is the city.”",
        "The minister – who took office in May – said the plan – first drafted in 2019 – would "
        "go ahead.",
    )
    own = (
        f"<li><a href='/news/tram'><h3>Tram line approved</h3></a><p>{lead}</p></li>"
        "<li><a href='/news/a'><h3>Harbour master retires</h3></a><p>After thirty years.</p></li>"
        "<li><a href='/news/b'><h3>New quay opens</h3></a><p>The boats moved in on Monday.</p></li>"
        "<li><a href='/news/c'><h3>Ferry fares rise</h3></a><p>The operator blames fuel.</p></li>"
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in (lead, PARAGRAPH, *asides))
    html = page(
        f"<article><h1>Tram line approved</h1>{paragraphs}</article>"
        f"<section><h2>Latest</h2><ul>{own}</ul></section>"
    )
    for mode in ("accurate", "fast"):
        body = main_text(html, parse_html(html), None, "Tram line approved", [], mode)
        assert body is not None
        for line in (lead, *asides):
            assert line in body.text, (mode, line, body.dropped)


def _block_of(html: str):
    tree = parse_html(html)
    prune(tree)
    return tree, article_block(*paragraph_text(tree))


def test_the_article_block_holds_the_paragraphs_and_the_page_is_whole_after_it():
    html = (
        "<html><body><header><div class='byline'>By Ana Ruiz</div></header>"
        f"<div id='main'><div class='story'><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>"
        "<div class='related'><div>Five other tram lines</div><div>Bus fares rise</div></div>"
        "</div></body></html>"
    )
    tree, block = _block_of(html)
    assert block is not None and block.get("class") == "story"
    before = etree.tostring(tree)
    with narrowed(tree, block):
        assert [child.get("class") for child in tree.find("body")] == ["story"]
        assert "Ana Ruiz" not in tree.find("body").text_content()
    assert etree.tostring(tree) == before


def test_a_block_right_under_the_body_goes_back_in_its_place():
    html = (
        "<html><body>Lead<div>menu</div>tail<div class='story'>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>after<div>more</div>end</body></html>"
    )
    tree, block = _block_of(html)
    before = etree.tostring(tree)
    with narrowed(tree, block):
        assert [child.get("class") for child in tree.find("body")] == ["story"]
    assert etree.tostring(tree) == before


def test_an_article_set_without_paragraphs_is_not_narrowed_to_a_promotion():
    lines = "<br>".join(f"{PARAGRAPH} Line {n}." for n in range(3))
    html = page(
        f"<div class='story'>{lines}</div>"
        "<div class='promo'><p>Subscribe to the Velmora Post for unlimited access.</p></div>"
    )
    assert _block_of(html)[1] is None
    for mode in ("accurate", "fast"):
        body = main_text(html, parse_html(html), None, "Tram line approved", [], mode)
        assert body is not None and "Line 2." in body.text


def test_paragraphs_spread_over_the_page_leave_it_as_it_is():
    html = f"<html><body><div><p>{PARAGRAPH}</p></div><div><p>{PARAGRAPH}</p></div></body></html>"
    assert _block_of(html)[1] is None
    assert _block_of("<html><body><div>No paragraphs at all.</div></body></html>")[1] is None


def test_what_surrounds_the_article_block_stays_out_of_the_text():
    # Neither block is named like an article, so trafilatura alone reads the whole body.
    html = page(
        f"<div class='c1'><p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p></div>"
        "<div class='c2'><div>The harbour ferry will run on Sundays from May, the port "
        "authority announced on Monday.</div></div>"
    )
    for mode in ("accurate", "fast"):
        body = main_text(html, parse_html(html), None, "Tram line approved", [], mode)
        assert body is not None and body.text.splitlines() == [PARAGRAPH, PARAGRAPH + " Again."]


def test_an_article_split_in_blocks_is_read_whole_by_the_rescue():
    # trafilatura takes the block named like an article body and misses the paragraphs after it.
    more = "Engineers said the track would be laid along the river within two years. " * 3
    html = (
        "<html><head><title>Tram</title></head><body><div class='wrap'>"
        f"<div class='article-body'><p>{PARAGRAPH}</p></div>"
        f"<div class='more'><p>{more}</p><p>{more} Two.</p><p>{more} Three.</p></div>"
        "</div></body></html>"
    )
    for mode in ("accurate", "fast"):
        alone = main_text(html, parse_html(html), None, "Tram", [], mode, rescue=False)
        assert alone is not None and alone.text.splitlines() == [PARAGRAPH]
        body = main_text(html, parse_html(html), None, "Tram", [], mode)
        assert body is not None and body.chosen == "readability"
        assert body.text.splitlines()[0] == PARAGRAPH and len(body.text.splitlines()) == 4
