-- Readers' comments. Plain text as sent (after NFC); rendered escaped. The address is erased after a
-- retention period (author_ip set to NULL) by the comment feature's background task.
CREATE TABLE comments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id        INTEGER REFERENCES comments(id) ON DELETE SET NULL,
    root_id          INTEGER,
    depth            INTEGER NOT NULL DEFAULT 0,
    author_name      TEXT    NOT NULL,
    author_email     TEXT    NOT NULL,
    email_key        TEXT    NOT NULL,
    author_url       TEXT    NOT NULL DEFAULT '',
    author_ip        TEXT,
    body             TEXT    NOT NULL,
    body_hash        TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    staff            INTEGER NOT NULL DEFAULT 0,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX comments_article_status ON comments (article_id, status, id);
CREATE INDEX comments_status ON comments (status, id);
CREATE INDEX comments_email ON comments (email_key, created_at);
CREATE INDEX comments_ip ON comments (author_ip, created_at);
CREATE INDEX comments_root ON comments (root_id);

-- Per-article override of when comments close (days after publication; 0 = closed now).
CREATE TABLE comment_article_options (
    article_id        INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    close_after_days  INTEGER NOT NULL
);
