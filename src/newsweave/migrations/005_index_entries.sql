-- What the in-memory indexes keep of each article, in the order the articles arrived, so that a
-- Pipeline rebuilds them by replaying these rows instead of re-reading, re-parsing and re-hashing
-- every article and analysis: the clustering features (JSON) and the near-duplicate fingerprint
-- (shingles and MinHash signature, packed integers). `seq` is the arrival order (an INTEGER
-- PRIMARY KEY survives VACUUM); replaying in it rebuilds the indexes exactly. The trigger gives
-- every new article its row; the pipeline fills it. `made_by` names the code and settings that
-- filled a row: an empty row (an article stored before this migration) or one made otherwise
-- is recomputed from the article and its analysis at the next rebuild.
CREATE TABLE index_entries (
    seq INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    made_by TEXT,
    features TEXT,
    shingles BLOB,
    signature BLOB
);

CREATE TRIGGER index_entries_insert AFTER INSERT ON articles BEGIN
    INSERT INTO index_entries (article_id) VALUES (new.id);
END;

-- Articles stored before: their insertion order is the best record of their arrival.
INSERT INTO index_entries (article_id) SELECT id FROM articles ORDER BY rowid;
