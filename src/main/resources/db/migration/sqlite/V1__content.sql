-- Content model: sections (two-level tree), authors, tags, media, articles.
-- Times are epoch milliseconds (UTC) so the same SQL runs on SQLite and PostgreSQL.

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id   INTEGER REFERENCES sections(id),
    slug        TEXT NOT NULL,
    path        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sections_parent ON sections(parent_id, position);

CREATE TABLE authors (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    bio  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE media (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name  TEXT NOT NULL UNIQUE,
    mime_type  TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    byte_size  BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE articles (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    section_id         INTEGER NOT NULL REFERENCES sections(id),
    slug               TEXT NOT NULL UNIQUE,
    headline           TEXT NOT NULL,
    standfirst         TEXT NOT NULL DEFAULT '',
    body_markdown      TEXT NOT NULL DEFAULT '',
    body_html          TEXT NOT NULL DEFAULT '',
    lead_media_id      INTEGER REFERENCES media(id),
    lead_alt           TEXT NOT NULL DEFAULT '',
    lead_caption       TEXT NOT NULL DEFAULT '',
    lead_credit        TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL,
    created_at         BIGINT NOT NULL,
    published_at       BIGINT,
    updated_at         BIGINT NOT NULL,
    content_updated_at BIGINT,
    source_name        TEXT NOT NULL DEFAULT '',
    source_url         TEXT NOT NULL DEFAULT '',
    source_licence     TEXT NOT NULL DEFAULT '',
    source_licence_url TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX articles_published ON articles(status, published_at DESC, id DESC);
CREATE INDEX articles_section_published ON articles(section_id, status, published_at DESC, id DESC);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES authors(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors(author_id, article_id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE site_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
