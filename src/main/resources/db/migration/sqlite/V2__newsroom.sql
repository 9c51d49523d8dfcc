-- Newsroom: staff accounts, sessions, sign-in throttling, article ownership, revisions,
-- corrections, old addresses (slug history).
-- Times are epoch milliseconds (UTC); booleans are INTEGER 0/1 on both dialects.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    BIGINT NOT NULL
);

-- One-time set-password links (invitations); only a hash of the token is kept.
CREATE TABLE password_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);

-- Only a hash of the session id is kept, so a copy of the database signs nobody in.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    address      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed sign-ins per key ('account:<email>' or 'address:<ip>').
CREATE TABLE sign_in_failures (
    throttle_key    TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL
);

ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users(id);
CREATE INDEX articles_status_updated ON articles(status, updated_at DESC);

CREATE TABLE article_revisions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version            INTEGER NOT NULL,
    saved_at           BIGINT NOT NULL,
    saved_by           INTEGER REFERENCES users(id),
    saved_by_name      TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    section_id         INTEGER NOT NULL,
    slug               TEXT NOT NULL,
    headline           TEXT NOT NULL,
    standfirst         TEXT NOT NULL,
    body_markdown      TEXT NOT NULL,
    lead_media_id      INTEGER,
    lead_alt           TEXT NOT NULL,
    lead_caption       TEXT NOT NULL,
    lead_credit        TEXT NOT NULL,
    bylines            TEXT NOT NULL,
    tags               TEXT NOT NULL,
    source_name        TEXT NOT NULL,
    source_url         TEXT NOT NULL,
    source_licence     TEXT NOT NULL,
    source_licence_url TEXT NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions(article_id, id DESC);
CREATE INDEX article_revisions_saved ON article_revisions(saved_at DESC);

CREATE TABLE article_corrections (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX article_corrections_article ON article_corrections(article_id, created_at);

-- Slugs an article used to have; their old addresses answer with a 301 to the current one.
CREATE TABLE article_old_slugs (
    slug       TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
