"""The entity page: one person, place or organisation, the stories it appears in, its quotes."""

from __future__ import annotations

from newsweave.errors import NotFoundError
from newsweave.store import Store
from newsweave.web.schemas import EntityDetail, EntityQuote, EntityStory


def entity_detail(store: Store, entity_id: str) -> EntityDetail:
    """An entity by id (`person:ines-calado`), as briefs and analyses know it."""
    in_briefs = store.entity_in_stories(entity_id)
    in_articles = store.entity_in_articles(entity_id)
    if not in_briefs and not in_articles:
        raise NotFoundError(f"no entity with id {entity_id!r}; ids look like person:ines-calado")
    # A story's brief folds aliases together, so its record is the fuller one.
    entity = in_briefs[0][1] if in_briefs else in_articles[0][1]
    article_stories = store.stories_of([aid for aid, _ in in_articles])
    story_ids = list(dict.fromkeys([sid for sid, _ in in_briefs] + list(article_stories.values())))
    titles = store.story_titles(story_ids)
    stories = tuple(EntityStory(id=sid, title=t, articles=n) for sid, (t, n) in titles.items())

    found: dict[tuple[str, str], int | None] = {}
    for aid, quote in store.quotes_by_speaker(entity_id):
        found.setdefault((aid, quote.text), quote.sentence)
    named = store.brief_quotes_by_name([sid for sid, _ in in_briefs], entity.name)
    for aid, text in named:
        found.setdefault((aid, text), None)
    heads = store.article_heads([aid for aid, _ in found])
    quote_stories = store.stories_of(list(heads))
    quotes = tuple(
        EntityQuote(
            text=text,
            article=aid,
            outlet=heads[aid][0],
            title=heads[aid][1],
            story=quote_stories.get(aid),
            sentence=sentence,
        )
        for (aid, text), sentence in found.items()
        if aid in heads
    )
    return EntityDetail(entity=entity, stories=stories, quotes=quotes)
