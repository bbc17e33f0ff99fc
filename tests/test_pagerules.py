"""trafilatura's page rules as Python tests select exactly what its XPaths select."""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache

import pytest
from lxml import etree

from newsweave import pagerules
from newsweave.models import RawDoc
from newsweave.pagerules import RULES, Rule
from newsweave.settings import ExtractSettings

# Words from the rules' own patterns and literals, cut at regex syntax, and a few joined
# forms, so that generated attributes hit every alternative and its near misses.
_WORDS = sorted(
    {
        word
        for rule in RULES
        for literal in re.findall(r"'([^']*)'", rule.xpath)
        for word in re.split(r"\(\?:|[|()?^$\[\]\\]+|\\s", literal)
        if word and len(word) < 30
    }
    | {"comment", "Commentary", "comments", "me", "true", "display:none", "display: none"}
    | {"bottom", "link", " ad ", "main", "story", "FullText", "Main-Content", "page-Content"}
    | {"mvp-post-add-box", "infinite-scroll", "infinitescroll", "article__body", "dfpAd"}
)
_TAGS = sorted({tag for rule in RULES for tag in rule.tags} | {"h1", "li", "b", "rel", "time"})
_ATTRIBUTES = (
    "id",
    "class",
    "role",
    "style",
    "data-component",
    "data-lp-replacement-content",
    "itemprop",
    "rel",
    "data-testid",
    "aria-hidden",
)


def _value(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 3))]
    value = "".join(word + rng.choice(("", " ", "-", "_")) for word in words).strip("_")
    return value.upper() if rng.random() < 0.05 else value


@cache
def _pages() -> tuple[etree._Element, ...]:
    """Generated pages: random nesting of the rules' tags, attributes in random order."""
    rng = random.Random(7)
    pages = []
    for _ in range(150):
        root = etree.Element("html")
        elements = [etree.SubElement(root, "body")]
        for _ in range(60):
            names = rng.sample(_ATTRIBUTES, rng.choice((0, 1, 1, 2, 2, 3)))
            element = etree.SubElement(
                rng.choice(elements), rng.choice(_TAGS), {name: _value(rng) for name in names}
            )
            element.text = rng.choice(("me", "text", None))
            elements.append(element)
        pages.append(root)
    return tuple(pages)


def _by_xpath(rule: Rule, tree: etree._Element) -> list:
    """What the rule's XPath selects from `tree` (its first only, for a `first` rule)."""
    selected = rule.as_xpath()(tree)
    return selected[:1] if rule.first else selected


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: " ".join(rule.xpath.split())[:60])
def test_each_rule_selects_what_its_xpath_selects_on_generated_pages(rule):
    rng = random.Random(11)
    found = 0
    for page in _pages():
        inner = rng.choice(list(page.iter()))  # `.//` starts there, `//` at the page's root
        for tree in (page, inner):
            ours = rule(tree)
            assert ours == _by_xpath(rule, tree)
            found += len(ours)
    assert found > 0  # the generated attributes reach the rule


def test_the_rules_select_what_the_xpaths_select_where_trafilatura_calls_them(
    aeb_pages, monkeypatch
):
    """On real pages, at every call trafilatura makes while newsweave extracts, both modes."""
    from newsweave.extract import extract

    calls: Counter[str] = Counter()
    differ: list[str] = []
    selects = Rule.__call__

    def checked(rule: Rule, tree: etree._Element) -> list:
        ours = selects(rule, tree)
        calls[rule.xpath] += 1
        if ours != _by_xpath(rule, tree):
            differ.append(rule.xpath)
        return ours

    monkeypatch.setattr(Rule, "__call__", checked)
    for mode in ("fast", "accurate"):
        for record in aeb_pages:
            raw = RawDoc(source=record["url"], kind="html", body=record["html"], url=record["url"])
            extract(raw, ExtractSettings(mode=mode))
    assert not differ
    assert set(calls) == {rule.xpath for rule in RULES}


def test_every_rule_stands_in_for_its_xpath_in_trafilatura():
    """A trafilatura whose XPaths differ keeps its own; this says the rules need copying again."""
    from trafilatura import xpaths

    assert pagerules.install() == len(RULES)
    in_lists = [expression for name in pagerules._LISTS for expression in getattr(xpaths, name)]
    assert all(any(rule is expression for expression in in_lists) for rule in RULES)
