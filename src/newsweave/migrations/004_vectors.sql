-- Sentence vectors of each article, computed once when the article is added, so that comparing
-- a story (and updating it when one article joins) never re-embeds the sentences it has seen.
-- `model` names the encoder; vectors of another model are ignored and recomputed.
CREATE TABLE sentence_vectors (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vectors BLOB NOT NULL
);
