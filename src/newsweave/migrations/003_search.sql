-- Full-text search over article titles and cleaned bodies (FTS5), for `/search` and the CLI.
-- The index keeps its own copy of the text, keyed by article id rather than by rowid: the
-- articles table has a TEXT primary key, so its implicit rowids may change on VACUUM.
-- Triggers keep it in step with the articles table; existing articles are indexed below.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    article_id UNINDEXED,
    title,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (article_id, title, text)
    VALUES (new.id, new.title, json_extract(new.record, '$.text'));
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = old.id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, record ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = old.id;
    INSERT INTO articles_fts (article_id, title, text)
    VALUES (new.id, new.title, json_extract(new.record, '$.text'));
END;

INSERT INTO articles_fts (article_id, title, text)
SELECT id, title, json_extract(record, '$.text') FROM articles;
