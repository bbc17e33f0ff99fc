-- Articles, rejections, analyses, lineage, stories and the per-story comparison and brief.
-- Records are stored whole as JSON (the pydantic model's dump); the columns beside them are the
-- ones queries filter, join or sort on.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    canonical_url TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    added TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE rejected (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX rejected_reason ON rejected (stage, reason);

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    record TEXT NOT NULL
);

CREATE TABLE lineage (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source_id TEXT,
    source_outlet TEXT,
    record TEXT NOT NULL
);
CREATE INDEX lineage_article ON lineage (article_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    updated TEXT NOT NULL,
    -- 1 while the story's comparison and brief are older than its membership.
    dirty INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE briefs (
    story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    comparison TEXT NOT NULL,
    brief TEXT NOT NULL,
    updated TEXT NOT NULL
);
