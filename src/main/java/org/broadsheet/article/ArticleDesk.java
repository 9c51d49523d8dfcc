package org.broadsheet.article;

import org.broadsheet.article.DeskRecords.Activity;
import org.broadsheet.article.DeskRecords.InvalidActionException;
import org.broadsheet.article.DeskRecords.InvalidDraftException;
import org.broadsheet.article.DeskRecords.Item;
import org.broadsheet.article.DeskRecords.NotAllowedException;
import org.broadsheet.article.DeskRecords.Problem;
import org.broadsheet.article.DeskRecords.Revision;
import org.broadsheet.article.DeskRecords.Scheduled;
import org.broadsheet.article.DeskRecords.StaleEditException;
import org.broadsheet.web.Paged;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The write side of articles, for the newsroom: create, save (optimistically locked on
 * {@code articles.version}), status changes, scheduling, revisions, corrections and slug history.
 * Who may do what to which article is decided here: contributors edit their own drafts and submit
 * them; authors edit and publish their own articles; editors and admins any. Every change stores a
 * revision; listeners hear about it after the commit. Thread-safe.
 */
public final class ArticleDesk {

    private final ArticleService articles;
    private final Jdbi jdbi;
    private final ArticleRepository repository;
    private final Clock clock;

    public ArticleDesk(ArticleService articles, Jdbi jdbi, Clock clock) {
        this.articles = articles;
        this.jdbi = jdbi;
        this.clock = clock;
        this.repository = new ArticleRepository(jdbi, articles.sections(), articles.urls());
    }

    // ---- reads ----

    /** The article for the editor, if this person may see it. */
    public Optional<Article> find(long id, Principal by) {
        Optional<Article> article = articles.findById(id);
        article.ifPresent(a -> requireView(a, by));
        return article;
    }

    public Paged<Item> list(DeskRecords.Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new java.util.HashMap<>();
        if (f.status() != null) {
            where.append(" AND a.status = :status");
            binds.put("status", f.status().code());
        }
        if (f.sectionId() != null) {
            where.append(" AND (a.section_id = :section OR a.section_id IN (SELECT id FROM sections WHERE parent_id = :section))");
            binds.put("section", f.sectionId());
        }
        if (f.authorId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = :author)");
            binds.put("author", f.authorId());
        }
        if (f.query() != null && !f.query().isBlank()) {
            where.append(" AND LOWER(a.headline) LIKE :q ESCAPE '!'");
            binds.put("q", "%" + f.query().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.onlyCreatedBy() != null) {
            where.append(" AND a.created_by = :creator");
            binds.put("creator", f.onlyCreatedBy());
        }
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT a.id, a.headline, a.status, a.section_id, a.updated_at, a.published_at, a.created_at,"
                    + " a.slug, a.created_by FROM articles a" + where + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
            var c = h.createQuery("SELECT COUNT(*) FROM articles a" + where);
            binds.forEach(q::bind);
            binds.forEach(c::bind);
            List<Item> items = q.bind("limit", size).bind("offset", Paged.offset(page, size)).map((rs, ctx) -> item(rs)).list();
            return new Paged<>(items, page, size, c.mapTo(Integer.class).one());
        });
    }

    private Item item(ResultSet rs) throws SQLException {
        Section section = articles.sections().byId(rs.getLong("section_id"));
        Instant published = ArticleRepository.instant(rs, "published_at");
        long creator = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : creator;
        return new Item(rs.getLong("id"), rs.getString("headline"), ArticleStatus.fromCode(rs.getString("status")),
                section.name(), ArticleRepository.instant(rs, "updated_at"), published, createdBy,
                articles.urls().articleUrl(section, published != null ? published : ArticleRepository.instant(rs, "created_at"),
                        rs.getString("slug")));
    }

    /** Every byline author, by name, for the list's filter. */
    public List<Author> authors() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, bio FROM authors ORDER BY name, id")
                .map((rs, ctx) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
    }

    public Map<ArticleStatus, Integer> countsByStatus() {
        Map<ArticleStatus, Integer> counts = new EnumMap<>(ArticleStatus.class);
        for (ArticleStatus s : ArticleStatus.values()) {
            counts.put(s, 0);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM articles GROUP BY status")
                .map((rs, ctx) -> Map.entry(ArticleStatus.fromCode(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    public List<Scheduled> scheduled(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, headline, published_at FROM articles WHERE status = 'scheduled'"
                        + " ORDER BY published_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Scheduled(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))).list());
    }

    public List<Activity> recentActivity(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.article_id, a.headline, r.saved_by_name, r.note, r.saved_at"
                        + " FROM article_revisions r JOIN articles a ON a.id = r.article_id ORDER BY r.id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Activity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)))).list());
    }

    public List<Revision> revisions(long articleId, Principal by) {
        find(articleId, by).orElseThrow(() -> new NotAllowedException("There is no such article."));
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM article_revisions WHERE article_id = :id ORDER BY id DESC")
                .bind("id", articleId).map((rs, ctx) -> revision(rs)).list());
    }

    public Optional<Revision> revision(long articleId, long revisionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM article_revisions WHERE article_id = :a AND id = :id")
                .bind("a", articleId).bind("id", revisionId).map((rs, ctx) -> revision(rs)).findOne());
    }

    private Optional<Revision> latestRevision(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM article_revisions WHERE article_id = :a ORDER BY id DESC LIMIT 1")
                .bind("a", articleId).map((rs, ctx) -> revision(rs)).findOne());
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        long media = rs.getLong("lead_media_id");
        Long mediaId = rs.wasNull() ? null : media;
        ArticleDraft d = new ArticleDraft(rs.getLong("section_id"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body_markdown"), mediaId, rs.getString("lead_alt"),
                rs.getString("lead_caption"), rs.getString("lead_credit"), lines(rs.getString("bylines")), lines(rs.getString("tags")),
                new Source(rs.getString("source_name"), rs.getString("source_url"), rs.getString("source_licence"),
                        rs.getString("source_licence_url")));
        return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getInt("version"),
                Instant.ofEpochMilli(rs.getLong("saved_at")), rs.getString("saved_by_name"), rs.getString("note"), d);
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    /** The draft an article currently is, for the edit form and for comparing revisions. */
    public static ArticleDraft draftOf(Article a) {
        return new ArticleDraft(a.section().id(), a.slug(), a.headline(), a.standfirst(), a.bodyMarkdown(),
                a.leadImage() == null ? null : a.leadImage().mediaId(),
                a.leadImage() == null ? "" : a.leadImage().alt(), a.leadImage() == null ? "" : a.leadImage().caption(),
                a.leadImage() == null ? "" : a.leadImage().credit(),
                a.bylines().stream().map(Author::name).toList(), a.tags().stream().map(Tag::name).toList(), a.source());
    }

    // ---- writes ----

    /** Creates a draft; the person creating it owns it. */
    public long create(ArticleDraft input, Principal by) {
        ArticleDraft d = validate(input, -1);
        Instant now = clock.instant();
        long id = jdbi.inTransaction(h -> {
            long newId = repository.insert(h, d, articles.renderBody(d.bodyMarkdown()), ArticleStatus.DRAFT, now, null);
            h.createUpdate("UPDATE articles SET created_by = :u WHERE id = :id").bind("u", by.userId()).bind("id", newId).execute();
            h.execute("DELETE FROM article_old_slugs WHERE slug = ?", d.slug());
            storeRevision(h, newId, 1, d, by, "Created", now);
            return newId;
        });
        articles.fire(new ArticleChange(id, ArticleChange.Kind.BACKSTAGE, Set.of(d.sectionId())));
        return id;
    }

    /**
     * Saves an edit made on version {@code expectedVersion}. If someone saved in between, nothing is
     * written and {@link StaleEditException} says who.
     */
    public Article save(long id, int expectedVersion, ArticleDraft input, Principal by) {
        return saveAs(id, expectedVersion, input, by, "Saved");
    }

    private Article saveAs(long id, int expectedVersion, ArticleDraft input, Principal by, String note) {
        Article before = articles.findById(id).orElseThrow(() -> new NotAllowedException("There is no such article."));
        requireEdit(before, by);
        ArticleDraft d = validate(input, id);
        Instant now = clock.instant();
        boolean textChanged = !Objects.equals(before.headline(), d.headline()) || !Objects.equals(before.standfirst(), d.standfirst())
                || !Objects.equals(before.bodyMarkdown(), d.bodyMarkdown());
        boolean visible = isVisible(before, now);
        String html = articles.renderBody(d.bodyMarkdown());
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE articles SET section_id = :section, slug = :slug, headline = :headline, standfirst = :standfirst,
                                body_markdown = :markdown, body_html = :html, lead_media_id = :media, lead_alt = :alt,
                                lead_caption = :caption, lead_credit = :credit, source_name = :sourceName, source_url = :sourceUrl,
                                source_licence = :licence, source_licence_url = :licenceUrl, updated_at = :now,
                                content_updated_at = COALESCE(:contentUpdated, content_updated_at), version = version + 1
                            WHERE id = :id AND version = :expected""")
                    .bind("section", d.sectionId()).bind("slug", d.slug()).bind("headline", d.headline())
                    .bind("standfirst", d.standfirst()).bind("markdown", d.bodyMarkdown()).bind("html", html)
                    .bind("media", d.leadMediaId()).bind("alt", d.leadAlt()).bind("caption", d.leadCaption())
                    .bind("credit", d.leadCredit()).bind("sourceName", d.source().name()).bind("sourceUrl", d.source().url())
                    .bind("licence", d.source().licence()).bind("licenceUrl", d.source().licenceUrl())
                    .bind("now", now.toEpochMilli())
                    .bind("contentUpdated", before.status() == ArticleStatus.PUBLISHED && textChanged ? now.toEpochMilli() : null)
                    .bind("id", id).bind("expected", expectedVersion).execute();
            if (updated == 0) {
                throw new StaleEditException(null);
            }
            repository.replaceBylinesAndTags(h, id, d);
            if (!before.slug().equals(d.slug()) && before.publishedAt() != null) {
                h.createUpdate("INSERT INTO article_old_slugs (slug, article_id) VALUES (:s, :a)"
                                + " ON CONFLICT (slug) DO UPDATE SET article_id = :a")
                        .bind("s", before.slug()).bind("a", id).execute();
            }
            h.execute("DELETE FROM article_old_slugs WHERE slug = ?", d.slug());
            storeRevision(h, id, expectedVersion + 1, d, by, note, now);
        });
        Set<Long> sections = new LinkedHashSet<>(List.of(before.section().id(), d.sectionId()));
        articles.fire(new ArticleChange(id, visible ? ArticleChange.Kind.UPDATED : ArticleChange.Kind.BACKSTAGE, sections));
        return articles.findById(id).orElseThrow();
    }

    /** Wraps {@link #save} so a stale edit reports the latest revision. */
    public Article saveChecked(long id, int expectedVersion, ArticleDraft input, Principal by) {
        try {
            return save(id, expectedVersion, input, by);
        } catch (StaleEditException e) {
            throw new StaleEditException(latestRevision(id).orElse(null));
        }
    }

    /** Makes an old revision the current text again (stored as a new revision). */
    public Article restore(long id, long revisionId, int expectedVersion, Principal by) {
        Revision r = revision(id, revisionId).orElseThrow(() -> new NotAllowedException("There is no such revision."));
        ArticleDraft d = r.draft();
        if (!sectionExists(d.sectionId())) {
            throw new InvalidActionException("The section of that revision no longer exists.");
        }
        try {
            return saveAs(id, expectedVersion, d, by, "Restored version " + r.version());
        } catch (StaleEditException e) {
            throw new StaleEditException(latestRevision(id).orElse(null));
        }
    }

    /** Moves an article along its editorial life; {@code at} is the time for {@link DeskAction#SCHEDULE}. */
    public Article transition(long id, int expectedVersion, DeskAction action, Instant at, Principal by) {
        Article a = articles.findById(id).orElseThrow(() -> new NotAllowedException("There is no such article."));
        requireAction(a, action, by);
        if (!action.startsFrom(a.status())) {
            throw new InvalidActionException("An article that is " + label(a.status()) + " cannot take the step \"" + action.label() + "\".");
        }
        Instant now = clock.instant();
        ArticleStatus next;
        Instant publishedAt = a.publishedAt();
        String note;
        switch (action) {
            case SUBMIT -> {
                next = ArticleStatus.IN_REVIEW;
                note = "Submitted for review";
            }
            case RETURN_TO_DRAFT -> {
                next = ArticleStatus.DRAFT;
                note = "Returned to draft";
                if (a.status() == ArticleStatus.SCHEDULED) {
                    publishedAt = null;
                }
            }
            case SCHEDULE -> {
                if (at == null || !at.isAfter(now)) {
                    throw new InvalidActionException("Choose a time in the future to schedule the article.");
                }
                next = ArticleStatus.SCHEDULED;
                publishedAt = at;
                note = "Scheduled for " + org.broadsheet.web.DisplayTime.of(at, articles.urls().zone()).dateTime();
            }
            case PUBLISH -> {
                next = ArticleStatus.PUBLISHED;
                if (publishedAt == null || publishedAt.isAfter(now) || a.status() == ArticleStatus.SCHEDULED) {
                    publishedAt = now;
                }
                note = "Published";
            }
            case UNPUBLISH -> {
                next = ArticleStatus.UNPUBLISHED;
                note = "Unpublished";
            }
            default -> throw new IllegalStateException();
        }
        boolean wasVisible = isVisible(a, now);
        Instant finalPublishedAt = publishedAt;
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE articles SET status = :s, published_at = :p, updated_at = :now, version = version + 1"
                            + " WHERE id = :id AND version = :expected")
                    .bind("s", next.code()).bind("p", finalPublishedAt == null ? null : finalPublishedAt.toEpochMilli())
                    .bind("now", now.toEpochMilli()).bind("id", id).bind("expected", expectedVersion).execute();
            if (updated == 0) {
                throw new StaleEditException(null);
            }
            storeRevision(h, id, expectedVersion + 1, draftOf(a), by, note, now);
        });
        boolean visible = next == ArticleStatus.PUBLISHED;
        ArticleChange.Kind kind = visible && !wasVisible ? ArticleChange.Kind.PUBLISHED
                : !visible && wasVisible ? ArticleChange.Kind.WITHDRAWN : visible ? ArticleChange.Kind.UPDATED : ArticleChange.Kind.BACKSTAGE;
        articles.fire(new ArticleChange(id, kind, Set.of(a.section().id())));
        return articles.findById(id).orElseThrow();
    }

    /**
     * Publishes every scheduled article whose time has come, each exactly once: the conditional UPDATE
     * only matches rows still marked scheduled, so a second run, another node or a restart finds nothing
     * to do, and a clock set back matches nothing new. Called by {@link Scheduler}.
     *
     * @return the ids published by this call
     */
    public List<Long> publishDue() {
        Instant now = clock.instant();
        List<long[]> published = jdbi.inTransaction(h -> {
            List<long[]> rows = h.createQuery("UPDATE articles SET status = 'published', updated_at = :now, version = version + 1"
                            + " WHERE status = 'scheduled' AND published_at <= :now RETURNING id, section_id, version")
                    .bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
            for (long[] row : rows) {
                Article a = repository.findOne(h, "a.id = :key", row[0]).orElseThrow();
                storeRevision(h, row[0], (int) row[2], draftOf(a), null, "Published on schedule", now);
            }
            return rows;
        });
        for (long[] row : published) {
            articles.fire(new ArticleChange(row[0], ArticleChange.Kind.PUBLISHED, Set.of(row[1])));
        }
        return published.stream().map(r -> r[0]).toList();
    }

    /** Appends a correction or update note to a published article. */
    public void addCorrection(long id, Correction.Kind kind, String text, Principal by) {
        Article a = articles.findById(id).orElseThrow(() -> new NotAllowedException("There is no such article."));
        if (!by.role().includes(Role.EDITOR)) {
            throw new NotAllowedException("Only editors may append corrections and updates.");
        }
        if (a.status() != ArticleStatus.PUBLISHED) {
            throw new InvalidActionException("Corrections and updates are for published articles.");
        }
        String clean = text == null ? "" : text.strip();
        String problem = DraftLimits.correctionProblem(clean);
        if (problem != null || kind == null) {
            throw new InvalidActionException(problem != null ? problem
                    : "Write the note (up to 2,000 characters) and choose Correction or Update.");
        }
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO article_corrections (article_id, kind, text, created_at, created_by) VALUES (:a, :k, :t, :c, :u)")
                    .bind("a", id).bind("k", kind.name().toLowerCase(java.util.Locale.ROOT)).bind("t", clean)
                    .bind("c", now.toEpochMilli()).bind("u", by.userId()).execute();
            h.createUpdate("UPDATE articles SET updated_at = :now, version = version + 1 WHERE id = :id")
                    .bind("now", now.toEpochMilli()).bind("id", id).execute();
            storeRevision(h, id, a.version() + 1, draftOf(a), by, kind.label() + " appended", now);
        });
        articles.fire(new ArticleChange(id, ArticleChange.Kind.UPDATED, Set.of(a.section().id())));
    }

    // ---- rules ----

    private static boolean owns(Principal by, Long createdBy) {
        return createdBy != null && createdBy == by.userId();
    }

    private Long creator(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT created_by FROM articles WHERE id = :id").bind("id", articleId)
                .mapTo(Long.class).findOne().orElse(null));
    }

    /** Authors and above see every article; contributors their own. */
    public boolean canView(Article a, Principal by) {
        return by.role().includes(Role.AUTHOR) || owns(by, creator(a.id()));
    }

    /** Editors edit anything; authors their own articles; contributors their own drafts. */
    public boolean canEdit(Article a, Principal by) {
        if (by.role().includes(Role.EDITOR)) {
            return true;
        }
        if (!owns(by, creator(a.id()))) {
            return false;
        }
        return by.role().includes(Role.AUTHOR) || a.status() == ArticleStatus.DRAFT;
    }

    /** Whether this person may take this step with this article (ignoring whether the status allows it). */
    public boolean canDo(Article a, DeskAction action, Principal by) {
        if (action == DeskAction.SUBMIT) {
            return canEdit(a, by);
        }
        return by.role().includes(Role.EDITOR) || by.role().includes(Role.AUTHOR) && owns(by, creator(a.id()));
    }

    private void requireView(Article a, Principal by) {
        if (!canView(a, by)) {
            throw new NotAllowedException("You may only open articles you wrote.");
        }
    }

    private void requireEdit(Article a, Principal by) {
        if (!canEdit(a, by)) {
            throw new NotAllowedException(by.role() == Role.CONTRIBUTOR
                    ? "Contributors may only edit their own drafts." : "Authors may only edit their own articles.");
        }
    }

    private void requireAction(Article a, DeskAction action, Principal by) {
        if (!canDo(a, action, by)) {
            throw new NotAllowedException(by.role() == Role.CONTRIBUTOR
                    ? "Contributors may submit their own drafts for review; an author or editor publishes them."
                    : "Authors may only publish their own articles.");
        }
    }

    private static boolean isVisible(Article a, Instant now) {
        return a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null && !a.publishedAt().isAfter(now);
    }

    static String label(ArticleStatus s) {
        return switch (s) {
            case DRAFT -> "a draft";
            case IN_REVIEW -> "in review";
            case SCHEDULED -> "scheduled";
            case PUBLISHED -> "published";
            case UNPUBLISHED -> "unpublished";
        };
    }

    // ---- validation and revisions ----

    /** Checks a draft as {@link #create} or {@link #save} would, without writing; {@code id} is -1 for a new article. */
    public void check(ArticleDraft d, long id) {
        validate(d, id);
    }

    private ArticleDraft validate(ArticleDraft d, long id) {
        List<Problem> problems = new ArrayList<>(DraftLimits.check(d));
        String headline = d.headline() == null ? "" : d.headline().strip();
        if (headline.isEmpty()) {
            problems.add(new Problem("headline", "Write a headline."));
        }
        if (!sectionExists(d.sectionId())) {
            problems.add(new Problem("section", "Choose a section."));
        }
        String slug = d.slug() == null || d.slug().isBlank() ? Slugs.slugify(headline) : d.slug().strip();
        if (!Slugs.isValid(slug)) {
            problems.add(new Problem("slug", "The slug may only hold lower-case letters, digits and single hyphens (up to 80)."));
        } else if (jdbi.withHandle(h -> repository.slugTaken(h, slug, id) || h.createQuery(
                "SELECT COUNT(*) FROM article_old_slugs WHERE slug = :s AND article_id <> :id").bind("s", slug).bind("id", id)
                .mapTo(Integer.class).one() > 0)) {
            problems.add(new Problem("slug", "Another article already uses the slug \"" + slug + "\"; choose another."));
        }
        String body = d.bodyMarkdown() == null ? "" : d.bodyMarkdown();
        if (d.leadMediaId() != null && d.leadAlt().isBlank()) {
            problems.add(new Problem("leadAlt", "Describe the photo for readers who cannot see it (alt text)."));
        }
        if (!isWebAddress(d.source().url()) || !isWebAddress(d.source().licenceUrl())) {
            problems.add(new Problem("source", "Source and licence links must be http:// or https:// addresses."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        return new ArticleDraft(d.sectionId(), slug, headline, d.standfirst().strip(), body, d.leadMediaId(), d.leadAlt().strip(),
                d.leadCaption().strip(), d.leadCredit().strip(), d.bylines(), d.tags(), d.source());
    }

    private boolean sectionExists(long id) {
        return articles.sections().all().stream().anyMatch(s -> s.id() == id);
    }

    private static boolean isWebAddress(String url) {
        if (url == null || url.isBlank()) {
            return true;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void storeRevision(Handle h, long articleId, int version, ArticleDraft d, Principal by, String note, Instant now) {
        h.createUpdate("""
                        INSERT INTO article_revisions (article_id, version, saved_at, saved_by, saved_by_name, note, section_id, slug,
                            headline, standfirst, body_markdown, lead_media_id, lead_alt, lead_caption, lead_credit, bylines, tags,
                            source_name, source_url, source_licence, source_licence_url)
                        VALUES (:a, :v, :at, :by, :byName, :note, :section, :slug, :headline, :standfirst, :body, :media, :alt,
                            :caption, :credit, :bylines, :tags, :sn, :su, :sl, :slu)""")
                .bind("a", articleId).bind("v", version).bind("at", now.toEpochMilli())
                .bind("by", by == null ? null : by.userId()).bind("byName", by == null ? "Scheduler" : by.name())
                .bind("note", note).bind("section", d.sectionId()).bind("slug", d.slug()).bind("headline", d.headline())
                .bind("standfirst", d.standfirst()).bind("body", d.bodyMarkdown()).bind("media", d.leadMediaId())
                .bind("alt", d.leadAlt()).bind("caption", d.leadCaption()).bind("credit", d.leadCredit())
                .bind("bylines", String.join("\n", d.bylines())).bind("tags", String.join("\n", d.tags()))
                .bind("sn", d.source().name()).bind("su", d.source().url()).bind("sl", d.source().licence())
                .bind("slu", d.source().licenceUrl()).execute();
    }
}
