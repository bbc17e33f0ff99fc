"""trafilatura's page rules, tested in Python instead of XPath.

trafilatura finds the article's block and the boilerplate around it (comment threads, share
bars, navigation, hidden blocks, bylines) with XPath rules whose attribute tests are EXSLT
regular expressions. libxml2 calls back into Python for each of those tests, for every element
it walks: the rules took 28% of fast extraction's time and 43% of accurate extraction's
(docs/quality.md). Each rule here is the same test as a Python predicate over one walk of the
elements, with trafilatura's own regular expressions. `install` puts them in trafilatura's rule
lists in place of the XPath each copies, and only where trafilatura's XPath is word for word
the one copied: a trafilatura with other rules keeps its own. `tests/test_pagerules.py` checks
that every rule selects what its XPath selects, on generated pages and on the AEB pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree

_EXSLT = {"re": "http://exslt.org/regular-expressions"}
# Tags as trafilatura's rules name them; "item" and "list" are its names for li and ul/ol after
# its tag conversion.
_BLOCKS = ("div", "item", "list", "p", "section", "span")
_FRAMES = ("article", "div", "main", "section")


@dataclass(frozen=True)
class Rule:
    """The elements one of trafilatura's XPath rules selects, found by a Python test.

    `test` is given each element and its attributes, read once into a dict (in the element's
    order, which `@id|@class` depends on). `page`: the XPath starts with `//` (every element
    of the page), not `.//` (the elements below the one given). `first`: it keeps only the
    first match (`[1]`); trafilatura reads only the first of such rules' results. `bare`: an
    element without attributes may match, by its tag or its children.
    """

    xpath: str
    test: Callable[[Any, dict[str, str]], bool]
    tags: tuple[str, ...] = ()
    page: bool = False
    first: bool = False
    bare: bool = False

    def __call__(self, tree: Any) -> list[Any]:
        """The matching elements, in document order, as the XPath returns them (for a `first`
        rule, the first of them: all trafilatura reads)."""
        tags = self.tags or (etree.Element,)
        if self.page:
            elements = tree.getroottree().getroot().iter(*tags)
        else:
            elements = tree.iterdescendants(*tags)
        test, bare = self.test, self.bare
        found = []
        for element in elements:
            attributes = dict(element.items())
            if (attributes or bare) and test(element, attributes):
                if self.first:
                    return [element]
                found.append(element)
        return found

    @property
    def path(self) -> str:
        """The XPath this rule stands for (as `lxml.etree.XPath.path`)."""
        return self.xpath

    def as_xpath(self) -> etree.XPath:
        """The XPath itself, compiled as trafilatura compiles it."""
        return etree.XPath(self.xpath, namespaces=_EXSLT)


@cache
def install() -> int:
    """Put the rules in trafilatura's rule lists in place of the XPaths they copy (once).

    Returns how many rules are in place.
    """
    from trafilatura import xpaths

    by_path = {_normal(rule.xpath): rule for rule in RULES}
    installed = 0
    for name in _LISTS:
        expressions = getattr(xpaths, name, None)
        if not isinstance(expressions, list):
            continue
        for index, expression in enumerate(expressions):
            rule = by_path.get(_normal(getattr(expression, "path", "")))
            if rule is not None:
                expressions[index] = rule
                installed += 1
    return installed


def _normal(xpath: str) -> str:
    return " ".join(xpath.split())


def _first(attributes: dict[str, str], one: str, other: str) -> str:
    """XPath's string of `@one|@other`: the value of whichever comes first in the element."""
    a, b = attributes.get(one), attributes.get(other)
    if a is None or b is None:
        return a or b or ""
    return next(value for name, value in attributes.items() if name in (one, other))


def _search(pattern: str, flags: int = 0) -> Callable[[str], re.Match[str] | None]:
    return re.compile(pattern, flags).search


# trafilatura.xpaths.RAW_TREE_PRUNE_XPATH
_APPENDED_POSTS = _search("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED_BOX = _search("mvp-post-add-(?:box|wrap)")


def _appended_posts(element: Any, attributes: dict[str, str]) -> bool:
    id_, class_ = attributes.get("id", ""), attributes.get("class", "")
    if not (_APPENDED_POSTS(id_) or _APPENDED_POSTS(class_)):
        return False
    return (
        next(element.iterdescendants("h1"), None) is None
        or _APPENDED_BOX(id_) is not None
        or _APPENDED_BOX(class_) is not None
    )


# trafilatura.xpaths.REMOVE_COMMENTS_XPATH and REMOVE_COMMENTS_AND_LISTS_XPATH
_COMMENTS_ID = _search("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_CLASS = _search("^[Cc]omment(?!ary)|(?:article|post)-comments")
_COMMENTS_LIST_ID = _search("^(?:[Cc]omment(?!ary)|comol)")


def _comments(element: Any, attributes: dict[str, str]) -> bool:
    return bool(
        _COMMENTS_ID(attributes.get("id", "")) or _COMMENTS_CLASS(attributes.get("class", ""))
    )


def _comments_or_list(element: Any, attributes: dict[str, str]) -> bool:
    return _comments(element, attributes) and (
        element.tag not in ("ol", "ul")
        or _COMMENTS_LIST_ID(attributes.get("id", "")) is not None
        or _COMMENTS_CLASS(attributes.get("class", "")) is not None
    )


# trafilatura.xpaths.OVERALL_DISCARD_XPATH
_COOKIE = _search("cookie")
_DISCARD_ID_PATTERN = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related|"
    "message-container|premium|^ad-"
)
_DISCARD_ID = _search(_DISCARD_ID_PATTERN)
_DISCARD_CLASS_PATTERN = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|"
    "(?:^| )ad-|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|"
    "Byline|share-|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated|"
    "next-|-stories|most-popular|more-on|meta|rating|attachment|timestamp|user-info|"
    "user-profile|-icon|article-infos|message-container|slide|viewport|overlay|options|expand|"
    "obfuscated|blurred|mol-factbox|yin|zlylin|nfoline"
)
_DISCARD_CLASS = _search(_DISCARD_CLASS_PATTERN)


def _page_furniture(element: Any, attributes: dict[str, str]) -> bool:
    return (
        attributes.get("data-lp-replacement-content") is not None
        or "nav" in attributes.get("role", "").replace("N", "n")
        or "MostPopularStories" in attributes.get("data-component", "")
        or _COOKIE(_first(attributes, "id", "class")) is not None
        or _DISCARD_ID(attributes.get("id", "")) is not None
        or _DISCARD_CLASS(attributes.get("class", "")) is not None
    )


_HIDDEN = _search("hidden")
_HIDDEN_ID = _search("reader-comments|akismet")
_HIDDEN_CLASS_PATTERN = (
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print|"
    " hidden| hide|noprint|notloaded"
)
_HIDDEN_CLASS = _search(_HIDDEN_CLASS_PATTERN)


def _hidden_or_reply(element: Any, attributes: dict[str, str]) -> bool:
    class_, style = attributes.get("class", ""), attributes.get("style", "")
    return (
        class_ == "comments-title"
        or _first(attributes, "id", "class").startswith("reply-")
        or _HIDDEN(_first(attributes, "id", "style")) is not None
        or "display:none" in style
        or "display: none" in style
        or _HIDDEN_ID(attributes.get("id", "")) is not None
        or _HIDDEN_CLASS(class_) is not None
        or attributes.get("aria-hidden") == "true"
    )


# trafilatura.xpaths.DISCARD_IMAGE_ELEMENTS, TEASER_DISCARD_XPATH, PRECISION_DISCARD_XPATH
def _caption(element: Any, attributes: dict[str, str]) -> bool:
    return "caption" in attributes.get("id", "") or "caption" in attributes.get("class", "")


def _teaser(element: Any, attributes: dict[str, str]) -> bool:
    return "teaser" in attributes.get("id", "").replace("T", "t") or "teaser" in attributes.get(
        "class", ""
    ).replace("T", "t")


_BOTTOM = _search(r"(^|\s)bottom|bottom(\s|$)")
_LINK = _search(r"(^|\s)link(\s|$)")


def _bottom_or_link(element: Any, attributes: dict[str, str]) -> bool:
    name = _first(attributes, "id", "class")
    return (
        _BOTTOM(name) is not None
        or _LINK(name) is not None
        or "border" in attributes.get("style", "")
    )


# trafilatura.xpaths.BODY_XPATH
_ARTICLE_ID_PATTERN = (
    "(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
)
_ARTICLE_ID = _search(_ARTICLE_ID_PATTERN)
_ARTICLE_CLASS_PATTERN = (
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|"
    "article-?text|articleText|(?:entry|page|text|article|art)-content|article__content|"
    "article(?:-|__)?body|articleBody|ArticleContent|body-text|article__container"
)
_ARTICLE_CLASS = _search(_ARTICLE_CLASS_PATTERN)


def _article_body(element: Any, attributes: dict[str, str]) -> bool:
    return (
        attributes.get("class", "") in ("post", "entry")
        or attributes.get("itemprop") == "articleBody"
        or attributes.get("id") == "articleContent"
        or _ARTICLE_ID(attributes.get("id", "")) is not None
        or _ARTICLE_CLASS(attributes.get("class", "")) is not None
    )


_STORY_ID = _search("^primary|story-body")
_FULLTEXT = _search("fulltext", re.IGNORECASE)
_STORY_CLASS_PATTERN = (
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|"
    "main-column|wpb_text_column|story-body|field-body"
)
_STORY_CLASS = _search(_STORY_CLASS_PATTERN)


def _story(element: Any, attributes: dict[str, str]) -> bool:
    class_ = attributes.get("class", "")
    return (
        attributes.get("role") == "article"
        or attributes.get("id") in ("article", "story")
        or class_ in ("postarea", "art-postcontent", "text", "cell", "story")
        or _STORY_ID(attributes.get("id", "")) is not None
        or _FULLTEXT(class_) is not None
        or _STORY_CLASS(class_) is not None
    )


_CONTENT_ID = _search("content-main|content-body|contentBody")
_CONTENT_CLASS = _search("content[-_]main|content(?:-|__)body")


def _content(element: Any, attributes: dict[str, str]) -> bool:
    id_, class_ = attributes.get("id", ""), attributes.get("class", "")
    return (
        id_ == "content"
        or class_ == "content"
        or _CONTENT_ID(id_) is not None
        or _CONTENT_CLASS(class_) is not None
        or "main-content" in id_.replace("C", "c").replace("M", "m")
        or "main-content" in class_.replace("C", "c").replace("M", "m")
        or "page-content" in class_.replace("C", "c").replace("P", "p")
    )


def _main(element: Any, attributes: dict[str, str]) -> bool:
    return element.tag == "main" or (
        attributes.get("class", "").startswith("main")
        or attributes.get("id", "").startswith("main")
        or attributes.get("role", "").startswith("main")
    )


# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS and AUTHOR_XPATHS
_NOT_BYLINE_ID_PATTERN = "^comments|comment-?list|ProductReviews"
_NOT_BYLINE_ID = _search(_NOT_BYLINE_ID_PATTERN)
_NOT_BYLINE_CLASS_PATTERN = (
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
_NOT_BYLINE_CLASS = _search(_NOT_BYLINE_CLASS_PATTERN)


def _not_byline(element: Any, attributes: dict[str, str]) -> bool:
    id_, class_ = attributes.get("id", ""), attributes.get("class", "")
    return (
        id_ == "comments"
        or class_ in ("comments", "title", "date")
        or _NOT_BYLINE_ID(id_) is not None
        or _NOT_BYLINE_CLASS(class_) is not None
        or "Figure" in attributes.get("data-component", "")
    )


_AUTHOR_NAME = _search("author-?name|AuthorName|authorName")


def _author(element: Any, attributes: dict[str, str]) -> bool:
    if element.tag == "author":
        return True
    return (
        attributes.get("rel") == "author"
        or attributes.get("id") == "author"
        or attributes.get("class") == "author"
        or attributes.get("itemprop") == "author name"
        # trafilatura's `rel='me'` compares the text of a child element named rel
        or any(child.xpath("string()") == "me" for child in element.iterchildren("rel"))
        or attributes.get("data-testid") in ("AuthorCard", "AuthorURL")
        or _AUTHOR_NAME(attributes.get("class", "")) is not None
    )


_BYLINE_ID = _search("author|zuozhe|bianji|xiaobian")
_BYLINE_CLASS_PATTERN = (
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_BYLINE_CLASS = _search(_BYLINE_CLASS_PATTERN)


def _byline(element: Any, attributes: dict[str, str]) -> bool:
    return (
        attributes.get("class") in ("byline", "username", "byl", "BBL")
        or "author" in attributes.get("itemprop", "")
        or _BYLINE_ID(attributes.get("id", "")) is not None
        or _BYLINE_CLASS(attributes.get("class", "")) is not None
    )


_WRITER_ID = _search("[Aa]uthor")
_WRITER_CLASS = _search("[Aa]uthor|screenname|writer|[Bb]yline")


def _writer(element: Any, attributes: dict[str, str]) -> bool:
    return (
        "Byline" in attributes.get("data-component", "")
        or "author" in attributes.get("itemprop", "")
        or _WRITER_ID(attributes.get("id", "")) is not None
        or _WRITER_CLASS(attributes.get("class", "")) is not None
    )


# Each rule is trafilatura's XPath, character for character but for whitespace, and the test
# that stands for it.
RULES: tuple[Rule, ...] = (
    Rule(
        ".//*[self::div or self::section or self::aside][ re:test(@id, "
        "'mvp-post-add-(?:box|wrap)|infinite-?scroll') or re:test(@class, "
        "'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ not(.//h1) or re:test(@id, "
        "'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]",
        _appended_posts,
        ("div", "section", "aside"),
    ),
    Rule(
        ".//*[self::div or self::section or self::aside]"
        "[contains(@class, 'elementor-share-buttons')]",
        lambda element, attributes: "elementor-share-buttons" in attributes.get("class", ""),
        ("div", "section", "aside"),
    ),
    Rule(
        ".//*[self::div or self::list or self::section or self::details or self::ol or "
        "self::ul][ re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or "
        "re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or "
        "self::ul) or re:test(@id, '^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, "
        "'^[Cc]omment(?!ary)|(?:article|post)-comments')]",
        _comments_or_list,
        ("div", "list", "section", "details", "ol", "ul"),
    ),
    Rule(
        ".//*[self::div or self::list or self::section or self::details][ re:test(@id, "
        "'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
        "'^[Cc]omment(?!ary)|(?:article|post)-comments')]",
        _comments,
        ("div", "list", "section", "details"),
    ),
    Rule(
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
        "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, 'cookie') or "
        f"re:test(@id, '{_DISCARD_ID_PATTERN}') or "
        f"re:test(@class, '{_DISCARD_CLASS_PATTERN}')]",
        _page_furniture,
        _BLOCKS,
    ),
    Rule(
        ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
        "re:test(@id|@style, 'hidden') or contains(@style, 'display:none') or "
        "contains(@style, 'display: none') or re:test(@id, 'reader-comments|akismet') or "
        f"re:test(@class, '{_HIDDEN_CLASS_PATTERN}') or "
        "@aria-hidden='true']",
        _hidden_or_reply,
    ),
    Rule(
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "contains(@id, 'caption') or contains(@class, 'caption')]",
        _caption,
        _BLOCKS,
    ),
    Rule(
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "contains(translate(@id, 'T', 't'), 'teaser') or "
        "contains(translate(@class, 'T', 't'), 'teaser')]",
        _teaser,
        _BLOCKS,
    ),
    Rule(
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        r"re:test(@id|@class, '(^|\s)bottom|bottom(\s|$)') or "
        r"re:test(@id|@class, '(^|\s)link(\s|$)') or contains(@style, 'border')]",
        _bottom_or_link,
        _BLOCKS,
    ),
    Rule(
        ".//*[self::article or self::div or self::main or self::section][ @class='post' or "
        "@class='entry' or @itemprop='articleBody' or @id='articleContent' or "
        f"re:test(@id, '{_ARTICLE_ID_PATTERN}') or "
        f"re:test(@class, '{_ARTICLE_CLASS_PATTERN}') ][1]",
        _article_body,
        _FRAMES,
        first=True,
    ),
    Rule(
        "(.//*[self::article or self::div or self::main or self::section][ @role='article' or "
        "@id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or "
        "@class='text' or @class='cell' or @class='story' or "
        "re:test(@id, '^primary|story-body') or re:test(@class, 'fulltext', 'i') or "
        f"re:test(@class, '{_STORY_CLASS_PATTERN}') ])[1]",
        _story,
        _FRAMES,
        first=True,
    ),
    Rule(
        "(.//*[self::article or self::div or self::main or self::section][ @id='content' or "
        "@class='content' or re:test(@id, 'content-main|content-body|contentBody') or "
        "re:test(@class, 'content[-_]main|content(?:-|__)body') or "
        "contains(translate(@id, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
        _content,
        _FRAMES,
        first=True,
    ),
    Rule(
        "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
        "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
        _main,
        ("article", "div", "section", "main"),
        first=True,
        bare=True,
    ),
    Rule(
        ".//*[self::a or self::div or self::section or self::span][ @id='comments' or "
        "@class='comments' or @class='title' or @class='date' or "
        f"re:test(@id, '{_NOT_BYLINE_ID_PATTERN}') or "
        f"re:test(@class, '{_NOT_BYLINE_CLASS_PATTERN}') or "
        "contains(@data-component, 'Figure')]",
        _not_byline,
        ("a", "div", "section", "span"),
    ),
    Rule(
        "//*[self::a or self::address or self::div or self::link or self::p or self::span or "
        "self::strong][ @rel='author' or @id='author' or @class='author' or "
        "@itemprop='author name' or rel='me' or @data-testid='AuthorCard' or "
        "@data-testid='AuthorURL' or re:test(@class, 'author-?name|AuthorName|authorName')]"
        "|//author",
        _author,
        ("a", "address", "div", "link", "p", "span", "strong", "author"),
        page=True,
        bare=True,
    ),
    Rule(
        "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ "
        "@class='byline' or @class='username' or @class='byl' or @class='BBL' or "
        "contains(@itemprop, 'author') or re:test(@id, 'author|zuozhe|bianji|xiaobian') or "
        f"re:test(@class, '{_BYLINE_CLASS_PATTERN}')]",
        _byline,
        ("a", "div", "h3", "h4", "p", "span"),
        page=True,
    ),
    Rule(
        "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or "
        "re:test(@id, '[Aa]uthor') or re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]",
        _writer,
        page=True,
    ),
)

# The lists of trafilatura.xpaths that hold the XPaths the rules copy.
_LISTS = (
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "OVERALL_DISCARD_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
    "TEASER_DISCARD_XPATH",
    "PRECISION_DISCARD_XPATH",
    "BODY_XPATH",
    "AUTHOR_DISCARD_XPATHS",
    "AUTHOR_XPATHS",
)
