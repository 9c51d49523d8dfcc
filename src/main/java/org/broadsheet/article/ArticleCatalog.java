package org.broadsheet.article;

import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything publicly visible, listed for machines (sitemaps): every published article, section, tag and
 * author with the time it last changed. Only published articles whose time has come are counted, so an
 * embargoed article and the tags only it carries stay out. Thread-safe.
 */
public final class ArticleCatalog {

    /** A public address (a path starting with {@code /}) and when what it shows last changed. */
    public record Entry(String path, Instant lastModified) {
    }

    /** A recent article, as a news sitemap describes it. */
    public record NewsEntry(String path, String headline, Instant publishedAt) {
    }

    private static final String PUBLISHED = "a.status = 'published' AND a.published_at <= :now";
    private static final String LAST_CHANGE =
            "CASE WHEN a.content_updated_at > a.published_at THEN a.content_updated_at ELSE a.published_at END";

    private final Jdbi jdbi;
    private final SectionDirectory sections;
    private final ArticleUrls urls;
    private final Clock clock;

    public ArticleCatalog(Jdbi jdbi, SectionDirectory sections, ArticleUrls urls, Clock clock) {
        this.jdbi = jdbi;
        this.sections = sections;
        this.urls = urls;
        this.clock = clock;
    }

    public int countArticles() {
        return count("SELECT COUNT(*) FROM articles a WHERE " + PUBLISHED);
    }

    /** Published articles in a stable order (oldest id first), for paging through all of them. */
    public List<Entry> articles(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.section_id, a.slug, a.published_at, " + LAST_CHANGE + " AS lm"
                        + " FROM articles a WHERE " + PUBLISHED + " ORDER BY a.id LIMIT :limit OFFSET :offset")
                .bind("now", clock.millis()).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Entry(urls.articleUrl(sections.byId(rs.getLong("section_id")),
                        Instant.ofEpochMilli(rs.getLong("published_at")), rs.getString("slug")), millis(rs, "lm")))
                .list());
    }

    /**
     * For each page of {@link #articles} of the given size, in page order, when its newest article changed:
     * one query however many pages there are.
     */
    public List<Instant> articlePagesLastModified(int pageSize) {
        return jdbi.withHandle(h -> h.createQuery("SELECT page, MAX(lm) AS lm FROM (SELECT (ROW_NUMBER() OVER (ORDER BY a.id) - 1)"
                        + " / :size AS page, " + LAST_CHANGE + " AS lm FROM articles a WHERE " + PUBLISHED + ") ranked"
                        + " GROUP BY page ORDER BY page")
                .bind("now", clock.millis()).bind("size", pageSize)
                .map((rs, ctx) -> millis(rs, "lm")).list());
    }

    /** Sections that show at least one published article (their own or a subsection's), in tree order. */
    public List<Entry> sections() {
        Map<Long, Instant> latest = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT a.section_id, MAX(" + LAST_CHANGE + ") AS lm FROM articles a WHERE "
                        + PUBLISHED + " GROUP BY a.section_id")
                .bind("now", clock.millis())
                .map((rs, ctx) -> Map.entry(rs.getLong("section_id"), millis(rs, "lm")))
                .forEach(e -> {
                    latest.merge(e.getKey(), e.getValue(), ArticleCatalog::later);
                    sections.parent(sections.byId(e.getKey())).ifPresent(p -> latest.merge(p.id(), e.getValue(), ArticleCatalog::later));
                }));
        List<Entry> out = new ArrayList<>();
        for (Section top : sections.topLevel()) {
            addIfPresent(out, top, latest);
            sections.children(top).forEach(child -> addIfPresent(out, child, latest));
        }
        return out;
    }

    public int countTags() {
        return count("SELECT COUNT(DISTINCT at.tag_id) FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE " + PUBLISHED);
    }

    /** Tags carried by at least one published article, oldest first. */
    public List<Entry> tags(int offset, int limit) {
        return grouped("SELECT t.slug, MAX(" + LAST_CHANGE + ") AS lm FROM tags t JOIN article_tags at ON at.tag_id = t.id"
                + " JOIN articles a ON a.id = at.article_id WHERE " + PUBLISHED
                + " GROUP BY t.id, t.slug ORDER BY t.id LIMIT :limit OFFSET :offset", "/tag/", offset, limit);
    }

    public int countAuthors() {
        return count("SELECT COUNT(DISTINCT aa.author_id) FROM article_authors aa JOIN articles a ON a.id = aa.article_id WHERE "
                + PUBLISHED);
    }

    /** Authors credited on at least one published article, oldest first. */
    public List<Entry> authors(int offset, int limit) {
        return grouped("SELECT au.slug, MAX(" + LAST_CHANGE + ") AS lm FROM authors au JOIN article_authors aa ON aa.author_id = au.id"
                + " JOIN articles a ON a.id = aa.article_id WHERE " + PUBLISHED
                + " GROUP BY au.id, au.slug ORDER BY au.id LIMIT :limit OFFSET :offset", "/author/", offset, limit);
    }

    /** When anything public last changed, or null when nothing is published. */
    public Instant lastChange() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(" + LAST_CHANGE + ") AS lm FROM articles a WHERE " + PUBLISHED)
                .bind("now", clock.millis()).map((rs, ctx) -> millis(rs, "lm")).one());
    }

    /** Articles published at or after {@code since}, newest first, at most {@code limit}. */
    public List<NewsEntry> publishedSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.section_id, a.slug, a.headline, a.published_at FROM articles a WHERE "
                        + PUBLISHED + " AND a.published_at >= :since ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .bind("now", clock.millis()).bind("since", since.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> {
                    Instant published = Instant.ofEpochMilli(rs.getLong("published_at"));
                    return new NewsEntry(urls.articleUrl(sections.byId(rs.getLong("section_id")), published, rs.getString("slug")),
                            rs.getString("headline"), published);
                })
                .list());
    }

    private List<Entry> grouped(String sql, String prefix, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("now", clock.millis()).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Entry(prefix + rs.getString("slug") + "/", millis(rs, "lm")))
                .list());
    }

    private int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("now", clock.millis()).mapTo(Integer.class).one());
    }

    private static void addIfPresent(List<Entry> out, Section section, Map<Long, Instant> latest) {
        Instant lm = latest.get(section.id());
        if (lm != null) {
            out.add(new Entry(section.url(), lm));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
