package org.broadsheet.article;

import org.broadsheet.web.Paged;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The articles feature's entry point for other features: read published articles and lists, and save
 * articles. Only published articles whose time has come are ever returned by the public reads.
 * Thread-safe.
 */
public final class ArticleService {

    private final Jdbi jdbi;
    private final ArticleRepository repository;
    private final SectionRepository sectionRepository;
    private final SectionDirectory sections;
    private final BodyRenderer bodyRenderer;
    private final ArticleUrls urls;
    private final Clock clock;
    private final List<ArticleListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ArticleReadCache reads = new ArticleReadCache();

    public ArticleService(Jdbi jdbi, SectionDirectory sections, ArticleUrls urls, Clock clock) {
        this.jdbi = jdbi;
        this.sections = sections;
        this.urls = urls;
        this.clock = clock;
        this.repository = new ArticleRepository(jdbi, sections, urls);
        this.sectionRepository = new SectionRepository(jdbi);
        this.bodyRenderer = new BodyRenderer();
    }

    public static SectionDirectory sectionDirectory(Jdbi jdbi) {
        return new SectionDirectory(jdbi);
    }

    /** Registers a listener told about every committed change; the composition root wires these at start. */
    public void addListener(ArticleListener listener) {
        listeners.add(listener);
    }

    /** Tells every listener about a committed change. */
    void fire(ArticleChange change) {
        reads.changed();
        for (ArticleListener l : listeners) {
            try {
                l.onChange(change);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ArticleService.class).error("article listener failed for {}", change, e);
            }
        }
    }

    public SectionDirectory sections() {
        return sections;
    }

    public ArticleUrls urls() {
        return urls;
    }

    // ---- public reads ----

    /** The published article with this slug, if its time has come. */
    public Optional<Article> findPublished(String slug) {
        Instant now = clock.instant();
        // only what is visible is kept: an embargoed article must appear the moment its time comes
        return reads.article(slug, () -> repository.findBySlug(slug), a -> isVisible(a, now))
                .filter(a -> isVisible(a, now));
    }

    private static boolean isVisible(Article a, Instant now) {
        return a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null && !a.publishedAt().isAfter(now);
    }

    /** The published article that used to have this slug (its address changed), for a 301. */
    public Optional<Article> findPublishedByOldSlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id FROM article_old_slugs WHERE slug = :s").bind("s", slug)
                .mapTo(Long.class).findOne()).flatMap(repository::findById)
                .flatMap(a -> findPublished(a.slug()));
    }

    /** The corrections and updates appended to an article, oldest first. */
    public List<Correction> corrections(long articleId) {
        return reads.corrections(articleId, () -> jdbi.withHandle(h -> h.createQuery("SELECT id, kind, text, created_at FROM article_corrections"
                        + " WHERE article_id = :a ORDER BY created_at, id")
                .bind("a", articleId)
                .map((rs, ctx) -> new Correction(rs.getLong(1), Correction.Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                        rs.getString(3), org.broadsheet.web.DisplayTime.of(Instant.ofEpochMilli(rs.getLong(4)), urls.zone())))
                .list()));
    }

    /** Any article by id, whatever its status: for the newsroom. */
    public Optional<Article> findById(long id) {
        return repository.findById(id);
    }

    public String url(Article article) {
        return article.url(urls);
    }

    /** The date part of an article's address, in the site's time zone. */
    public LocalDate urlDate(Article article) {
        return article.publishedAt().atZone(urls.zone()).toLocalDate();
    }

    public Paged<ArticleSummary> latest(int page, int size) {
        Instant now = clock.instant();
        return new Paged<>(repository.latest(now, size, Paged.offset(page, size)), page, size, repository.countPublished(now));
    }

    public Paged<ArticleSummary> inSection(Section section, int page, int size) {
        Instant now = clock.instant();
        List<Long> ids = sections.selfAndChildIds(section);
        return new Paged<>(repository.inSections(ids, now, size, Paged.offset(page, size)), page, size,
                repository.countInSections(ids, now));
    }

    public Paged<ArticleSummary> withTag(Tag tag, int page, int size) {
        Instant now = clock.instant();
        return new Paged<>(repository.withTag(tag.id(), now, size, Paged.offset(page, size)), page, size,
                repository.countWithTag(tag.id(), now));
    }

    public Paged<ArticleSummary> byAuthor(Author author, int page, int size) {
        Instant now = clock.instant();
        return new Paged<>(repository.byAuthor(author.id(), now, size, Paged.offset(page, size)), page, size,
                repository.countByAuthor(author.id(), now));
    }

    /** Newest articles of each top-level section, keyed by section id, in one query. */
    public Map<Long, List<ArticleSummary>> latestPerTopSection(int perSection) {
        return repository.latestPerTopSection(clock.instant(), perSection);
    }

    /**
     * Summaries of the given published articles in the given order, skipping any that are not (or no
     * longer) visible; one query. For ranking and related lists.
     */
    public List<ArticleSummary> publishedSummaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleSummary> byId = new java.util.HashMap<>();
        for (ArticleSummary s : repository.publishedByIds(ids, clock.instant())) {
            byId.put(s.id(), s);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Ids and publication times of every published article, embargoed ones included (their time is in
     * the future); one query. For derived data that must know what readers can see (rankings).
     */
    public Map<Long, Instant> publicationTimes() {
        return jdbi.withHandle(h -> {
            Map<Long, Instant> times = new java.util.HashMap<>();
            h.createQuery("SELECT id, published_at FROM articles WHERE status = 'published' AND published_at IS NOT NULL")
                    .map((rs, ctx) -> times.put(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))))
                    .forEach(x -> { });
            return times;
        });
    }

    public Optional<Tag> tag(String slug) {
        return repository.tagBySlug(slug);
    }

    public Optional<Author> author(String slug) {
        return repository.authorBySlug(slug);
    }

    // ---- writes ----

    /**
     * Stores already-published articles (an import of existing news) in one transaction. Listeners are
     * not told: an import runs before derived data is built, and derived data is rebuilt from the store.
     *
     * @return the new ids, in order
     */
    public List<Long> importPublished(List<ImportedArticle> items) {
        List<String> html = items.stream().map(i -> bodyRenderer.render(i.draft().bodyMarkdown())).toList();
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<Long> ids = new java.util.ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                ArticleDraft d = items.get(i).draft();
                String slug = uniqueSlug(h, d.slug() == null ? Slugs.slugify(d.headline()) : d.slug());
                ArticleDraft withSlug = new ArticleDraft(d.sectionId(), slug, d.headline(), d.standfirst(),
                        d.bodyMarkdown(), d.leadMediaId(), d.leadAlt(), d.leadCaption(), d.leadCredit(),
                        d.bylines(), d.tags(), d.source());
                ids.add(repository.insert(h, withSlug, html.get(i), ArticleStatus.PUBLISHED, now, items.get(i).publishedAt()));
            }
            return ids;
        });
    }

    /** An article to import together with its original publication time. */
    public record ImportedArticle(ArticleDraft draft, Instant publishedAt) {
    }

    private String uniqueSlug(org.jdbi.v3.core.Handle h, String base) {
        String slug = base;
        for (int n = 2; repository.slugTaken(h, slug, -1); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** Creates a section (a subsection when {@code parent} is given) and refreshes the in-memory tree. */
    public Section createSection(Section parent, String slug, String name, String description, int position) {
        String path = parent == null ? slug : parent.path() + "/" + slug;
        long id = jdbi.withHandle(h -> sectionRepository.insert(h, parent == null ? null : parent.id(), slug, path,
                name, description, position));
        sections.reload();
        return sections.byId(id);
    }

    /**
     * Ids of every article whose status is published, embargoed ones included, oldest first: for rebuilding
     * derived data such as the search index.
     */
    public List<Long> publishedIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM articles WHERE status = 'published' ORDER BY id")
                .mapTo(Long.class).list());
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one()) == 0;
    }

    public String renderBody(String markdown) {
        return bodyRenderer.render(markdown);
    }
}
