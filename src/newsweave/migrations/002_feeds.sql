-- Feeds that `newsweave watch` polls, with the validators for conditional requests, and the items
-- already seen, so a restart picks up where the last run left off.
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_error TEXT
);

CREATE TABLE feed_items (
    feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    url TEXT NOT NULL,
    seen TEXT NOT NULL,
    PRIMARY KEY (feed_url, guid)
);
