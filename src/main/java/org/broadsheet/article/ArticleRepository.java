package org.broadsheet.article;

import org.broadsheet.web.DisplayTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for articles, bylines and tags. An article page costs three queries (row, bylines, tags)
 * however many bylines and tags it has; a list costs one. Thread-safe.
 */
final class ArticleRepository {

    private static final String SUMMARY_COLUMNS = """
            a.id, a.section_id, a.slug, a.headline, a.standfirst, a.published_at, a.created_at,
            a.lead_media_id, a.lead_alt, a.lead_caption, a.lead_credit,
            m.file_name AS m_file_name, m.width AS m_width, m.height AS m_height""";
    private static final String PUBLISHED = "a.status = 'published' AND a.published_at <= :now";

    private final Jdbi jdbi;
    private final SectionDirectory sections;
    private final ArticleUrls urls;

    ArticleRepository(Jdbi jdbi, SectionDirectory sections, ArticleUrls urls) {
        this.jdbi = jdbi;
        this.sections = sections;
        this.urls = urls;
    }

    /** The article with this slug, whatever its status. */
    Optional<Article> findBySlug(String slug) {
        return jdbi.withHandle(h -> findOne(h, "a.slug = :key", slug));
    }

    Optional<Article> findById(long id) {
        return jdbi.withHandle(h -> findOne(h, "a.id = :key", id));
    }

    Optional<Article> findOne(Handle h, String where, Object key) {
        Optional<ArticleRow> row = h.createQuery("SELECT a.*, m.file_name AS m_file_name, m.width AS m_width, m.height AS m_height"
                        + " FROM articles a LEFT JOIN media m ON m.id = a.lead_media_id WHERE " + where)
                .bind("key", key)
                .map((rs, ctx) -> readRow(rs))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long id = row.get().id();
        List<Author> bylines = h.createQuery("""
                        SELECT au.id, au.slug, au.name, au.bio FROM article_authors aa
                        JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = :id ORDER BY aa.position""")
                .bind("id", id)
                .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio")))
                .list();
        List<Tag> tags = h.createQuery("""
                        SELECT t.id, t.slug, t.name FROM article_tags at
                        JOIN tags t ON t.id = at.tag_id WHERE at.article_id = :id ORDER BY at.position""")
                .bind("id", id)
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
        return Optional.of(row.get().toArticle(sections.byId(row.get().sectionId()), bylines, tags));
    }

    private record ArticleRow(long id, long sectionId, String slug, String headline, String standfirst,
                              String bodyMarkdown, String bodyHtml, LeadImage leadImage, ArticleStatus status,
                              Instant createdAt, Instant publishedAt, Instant updatedAt, Instant contentUpdatedAt,
                              Source source, int version) {
        Article toArticle(Section section, List<Author> bylines, List<Tag> tags) {
            return new Article(id, section, slug, headline, standfirst, bodyMarkdown, bodyHtml, leadImage, bylines, tags,
                    status, createdAt, publishedAt, updatedAt, contentUpdatedAt, source, version);
        }
    }

    private static ArticleRow readRow(ResultSet rs) throws SQLException {
        return new ArticleRow(rs.getLong("id"), rs.getLong("section_id"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body_markdown"), rs.getString("body_html"), leadImage(rs),
                ArticleStatus.fromCode(rs.getString("status")), instant(rs, "created_at"), instant(rs, "published_at"),
                instant(rs, "updated_at"), instant(rs, "content_updated_at"),
                new Source(rs.getString("source_name"), rs.getString("source_url"), rs.getString("source_licence"),
                        rs.getString("source_licence_url")),
                rs.getInt("version"));
    }

    private static LeadImage leadImage(ResultSet rs) throws SQLException {
        long mediaId = rs.getLong("lead_media_id");
        if (rs.wasNull() || rs.getString("m_file_name") == null) {
            return null;
        }
        return new LeadImage(mediaId, rs.getString("m_file_name"), rs.getInt("m_width"), rs.getInt("m_height"),
                rs.getString("lead_alt"), rs.getString("lead_caption"), rs.getString("lead_credit"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    // ---- lists of published articles ----

    List<ArticleSummary> latest(Instant now, int limit, int offset) {
        return summaries("SELECT " + SUMMARY_COLUMNS + " FROM articles a LEFT JOIN media m ON m.id = a.lead_media_id WHERE "
                + PUBLISHED + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset", now, limit, offset, Map.of());
    }

    List<ArticleSummary> publishedByIds(List<Long> ids, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS
                        // "(…) IS TRUE" keeps SQLite on the primary key: without it, it scans the status index (12 ms at 100,000 articles)
                        + " FROM articles a LEFT JOIN media m ON m.id = a.lead_media_id WHERE a.id IN (<ids>) AND (" + PUBLISHED + ") IS TRUE")
                .bindList("ids", ids).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> summary(rs)).list());
    }

    int countPublished(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles a WHERE " + PUBLISHED)
                .bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    List<ArticleSummary> inSections(List<Long> sectionIds, Instant now, int limit, int offset) {
        return jdbi.withHandle(h -> bindPage(h.createQuery("SELECT " + SUMMARY_COLUMNS
                        + " FROM articles a LEFT JOIN media m ON m.id = a.lead_media_id WHERE a.section_id IN (<ids>) AND "
                        + PUBLISHED + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .bindList("ids", sectionIds), now, limit, offset)
                .map((rs, ctx) -> summary(rs)).list());
    }

    int countInSections(List<Long> sectionIds, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles a WHERE a.section_id IN (<ids>) AND " + PUBLISHED)
                .bindList("ids", sectionIds).bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    List<ArticleSummary> withTag(long tagId, Instant now, int limit, int offset) {
        return summaries("SELECT " + SUMMARY_COLUMNS + " FROM article_tags at JOIN articles a ON a.id = at.article_id"
                + " LEFT JOIN media m ON m.id = a.lead_media_id WHERE at.tag_id = :key AND " + PUBLISHED
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset", now, limit, offset, Map.of("key", tagId));
    }

    int countWithTag(long tagId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article_tags at JOIN articles a ON a.id = at.article_id"
                        + " WHERE at.tag_id = :key AND " + PUBLISHED)
                .bind("key", tagId).bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    List<ArticleSummary> byAuthor(long authorId, Instant now, int limit, int offset) {
        return summaries("SELECT " + SUMMARY_COLUMNS + " FROM article_authors aa JOIN articles a ON a.id = aa.article_id"
                + " LEFT JOIN media m ON m.id = a.lead_media_id WHERE aa.author_id = :key AND " + PUBLISHED
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset", now, limit, offset, Map.of("key", authorId));
    }

    int countByAuthor(long authorId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article_authors aa JOIN articles a ON a.id = aa.article_id"
                        + " WHERE aa.author_id = :key AND " + PUBLISHED)
                .bind("key", authorId).bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    /**
     * The newest {@code perSection} published articles of every top-level section (subsections included),
     * in one query, keyed by top-level section id.
     */
    Map<Long, List<ArticleSummary>> latestPerTopSection(Instant now, int perSection) {
        List<ArticleSummary> rows = jdbi.withHandle(h -> h.createQuery("SELECT * FROM (SELECT " + SUMMARY_COLUMNS + ","
                        + " ROW_NUMBER() OVER (PARTITION BY COALESCE(s.parent_id, s.id) ORDER BY a.published_at DESC, a.id DESC) AS rn"
                        + " FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN media m ON m.id = a.lead_media_id"
                        + " WHERE " + PUBLISHED + ") ranked WHERE rn <= :per ORDER BY published_at DESC, id DESC")
                .bind("now", now.toEpochMilli()).bind("per", perSection)
                .map((rs, ctx) -> summary(rs)).list());
        Map<Long, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        for (ArticleSummary s : rows) {
            Section top = s.section().isTopLevel() ? s.section() : sections.byId(s.section().parentId());
            bySection.computeIfAbsent(top.id(), k -> new ArrayList<>()).add(s);
        }
        return bySection;
    }

    private List<ArticleSummary> summaries(String sql, Instant now, int limit, int offset, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            Query q = bindPage(h.createQuery(sql), now, limit, offset);
            binds.forEach(q::bind);
            return q.map((rs, ctx) -> summary(rs)).list();
        });
    }

    private static Query bindPage(Query q, Instant now, int limit, int offset) {
        return q.bind("now", now.toEpochMilli()).bind("limit", limit).bind("offset", offset);
    }

    private ArticleSummary summary(ResultSet rs) throws SQLException {
        Section section = sections.byId(rs.getLong("section_id"));
        Instant published = instant(rs, "published_at");
        String slug = rs.getString("slug");
        return new ArticleSummary(rs.getLong("id"), section, slug, rs.getString("headline"), rs.getString("standfirst"),
                published, published == null ? null : DisplayTime.of(published, urls.zone()), leadImage(rs),
                urls.articleUrl(section, published != null ? published : instant(rs, "created_at"), slug));
    }

    // ---- authors and tags ----

    Optional<Author> authorBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, bio FROM authors WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio")))
                .findOne());
    }

    Optional<Tag> tagBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name FROM tags WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .findOne());
    }

    long authorId(Handle h, String slug, String name, String bio) {
        return h.createQuery("SELECT id FROM authors WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).findOne()
                .orElseGet(() -> h.createQuery("INSERT INTO authors (slug, name, bio) VALUES (:slug, :name, :bio) RETURNING id")
                        .bind("slug", slug).bind("name", name).bind("bio", bio).mapTo(Long.class).one());
    }

    long tagId(Handle h, String slug, String name) {
        return h.createQuery("SELECT id FROM tags WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).findOne()
                .orElseGet(() -> h.createQuery("INSERT INTO tags (slug, name) VALUES (:slug, :name) RETURNING id")
                        .bind("slug", slug).bind("name", name).mapTo(Long.class).one());
    }

    boolean slugTaken(Handle h, String slug, long exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    // ---- writes ----

    long insert(Handle h, ArticleDraft d, String bodyHtml, ArticleStatus status, Instant now, Instant publishedAt) {
        long id = h.createQuery("""
                        INSERT INTO articles (section_id, slug, headline, standfirst, body_markdown, body_html,
                            lead_media_id, lead_alt, lead_caption, lead_credit, status, created_at, published_at, updated_at,
                            source_name, source_url, source_licence, source_licence_url, version)
                        VALUES (:section, :slug, :headline, :standfirst, :markdown, :html, :media, :alt, :caption, :credit,
                            :status, :now, :published, :now, :sourceName, :sourceUrl, :licence, :licenceUrl, 1)
                        RETURNING id""")
                .bind("section", d.sectionId()).bind("slug", d.slug()).bind("headline", d.headline())
                .bind("standfirst", d.standfirst()).bind("markdown", d.bodyMarkdown()).bind("html", bodyHtml)
                .bind("media", d.leadMediaId()).bind("alt", d.leadAlt()).bind("caption", d.leadCaption())
                .bind("credit", d.leadCredit()).bind("status", status.code()).bind("now", now.toEpochMilli())
                .bind("published", publishedAt == null ? null : publishedAt.toEpochMilli())
                .bind("sourceName", d.source().name()).bind("sourceUrl", d.source().url())
                .bind("licence", d.source().licence()).bind("licenceUrl", d.source().licenceUrl())
                .mapTo(Long.class).one();
        replaceBylinesAndTags(h, id, d);
        return id;
    }

    void replaceBylinesAndTags(Handle h, long articleId, ArticleDraft d) {
        h.execute("DELETE FROM article_authors WHERE article_id = ?", articleId);
        h.execute("DELETE FROM article_tags WHERE article_id = ?", articleId);
        int position = 0;
        for (String name : d.bylines()) {
            long authorId = authorId(h, Slugs.slugify(name), name, "");
            h.createUpdate("INSERT INTO article_authors (article_id, author_id, position) VALUES (:a, :b, :p) ON CONFLICT DO NOTHING")
                    .bind("a", articleId).bind("b", authorId).bind("p", position++).execute();
        }
        position = 0;
        for (String name : d.tags()) {
            long tagId = tagId(h, Slugs.slugify(name), name);
            h.createUpdate("INSERT INTO article_tags (article_id, tag_id, position) VALUES (:a, :b, :p) ON CONFLICT DO NOTHING")
                    .bind("a", articleId).bind("b", tagId).bind("p", position++).execute();
        }
    }
}
