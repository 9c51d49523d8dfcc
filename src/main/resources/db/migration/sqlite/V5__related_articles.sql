-- Related posts, computed in the background from the search index and kept so they survive a restart.
CREATE TABLE related_articles (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    related_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    computed_at BIGINT  NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX related_articles_related ON related_articles (related_id);
