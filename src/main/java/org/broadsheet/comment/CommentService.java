package org.broadsheet.comment;

import org.broadsheet.web.Digests;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * Comments: posting (form checks, then the {@link CommentWriter}), reading threads, counting, and the
 * editors' moderation. Thread-safe. Other features use {@link #approvedCounts} and {@link #addListener}.
 */
public final class CommentService {

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);
    static final String HONEYPOT = "Your comment could not be accepted: a field that must stay empty was filled in.";
    static final String CLOSED = "Comments are closed on this article.";

    /** The result of posting: either stored (now or by an earlier identical submission) or refused with messages. */
    sealed interface Posting permits Posted, Problems {
    }

    record Posted(Comment comment, boolean created) implements Posting {
    }

    record Problems(List<FieldError> errors) implements Posting {
    }

    private final CommentRepository repository;
    private final CommentWriter writer;
    private final ArticleService articles;
    private final CommentSettings settings;
    /** The site's closing rule in force (editors change it on the comment settings screen); 0 = never close. */
    private final IntSupplier closeAfterDays;
    private final FormTokens tokens;
    private final CommentValidator validator = new CommentValidator();
    private final Clock clock;
    private final List<CommentVisibilityListener> listeners = new CopyOnWriteArrayList<>();
    // Every post needs its article and closing rule; keep them briefly (evicted on article changes) so the
    // request path stays at one write.
    private final Cache<Long, Optional<Article>> articleCache = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Cache<Long, Optional<Integer>> overrideCache = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    // The first page of threads and the count are under every article page: kept per article until a comment
    // on it changes (fire), so that rendering an article costs no comment query. Another node's changes show
    // within the minute.
    private final Cache<Long, FirstPage> firstPages = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(60)).build();

    CommentService(CommentRepository repository, CommentWriter writer, ArticleService articles, CommentSettings settings,
                   IntSupplier closeAfterDays, FormTokens tokens, Clock clock) {
        this.repository = repository;
        this.closeAfterDays = closeAfterDays;
        this.writer = writer;
        this.articles = articles;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
        articles.addListener(change -> {
            articleCache.invalidate(change.articleId());
            firstPages.invalidate(change.articleId());
        });
    }

    public void addListener(CommentVisibilityListener listener) {
        listeners.add(listener);
    }

    /** Approved comment counts for a list of articles, in one query; articles without comments are absent. */
    public Map<Long, Integer> approvedCounts(List<Long> articleIds) {
        return repository.approvedCounts(articleIds);
    }

    CommentSettings settings() {
        return settings;
    }

    FormTokens tokens() {
        return tokens;
    }

    /** A published article readers can see, by id. */
    Optional<Article> visibleArticle(long id) {
        return articleCache.get(id, articles::findById).filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null
                && !a.publishedAt().isAfter(clock.instant()));
    }

    String articleUrl(Article article) {
        return articles.url(article);
    }

    /**
     * True while readers may comment: per-article override (0 = closed) or else the site's rule, days after
     * publication (0 = comments never close, the default).
     */
    boolean isOpen(Article article) {
        Optional<Integer> override = overrideCache.get(article.id(), repository::closeOverride);
        int siteDays = closeAfterDays.getAsInt();
        if (override.isEmpty() && siteDays == 0) {
            return true;
        }
        int days = override.orElse(siteDays);
        return article.publishedAt().plus(Duration.ofDays(days)).isAfter(clock.instant());
    }

    /** The site's closing rule in force: days after publication, 0 = never. */
    int siteCloseAfterDays() {
        return closeAfterDays.getAsInt();
    }

    Optional<Integer> closeOverride(long articleId) {
        return repository.closeOverride(articleId);
    }

    void setCloseOverride(long articleId, Integer days) {
        repository.setCloseOverride(articleId, days);
        overrideCache.invalidate(articleId);
        fire(List.of(articleId));
    }

    /**
     * Checks and stores a reader's comment; the future completes after the commit (on the writer's thread), or
     * at once with the problems found, or exceptionally with {@link Unavailable} when it could not be stored.
     * No thread waits for the commit meanwhile.
     */
    CompletableFuture<Posting> post(CommentForm form, Article article, String address) {
        if (!isOpen(article)) {
            return CompletableFuture.completedFuture(new Problems(List.of(new FieldError("", CLOSED))));
        }
        if (!form.honeypot().isEmpty()) {
            return CompletableFuture.completedFuture(new Problems(List.of(new FieldError("", HONEYPOT))));
        }
        var tokenProblem = tokens.checkForm(form.token(), article.id());
        CommentValidator.Result checked = validator.check(form.body(), form.name(), form.email(), form.website());
        List<FieldError> errors = new ArrayList<>(checked.errors());
        tokenProblem.ifPresent(p -> errors.add(0, new FieldError("", p.message)));
        if (!errors.isEmpty()) {
            return CompletableFuture.completedFuture(new Problems(errors));
        }
        CommentValidator.Valid v = checked.valid();
        String key = Digests.sha256Hex(String.join("\u0000", form.key(), form.token(), Long.toString(article.id()),
                String.valueOf(form.parentId()), v.name(), v.emailKey(), v.website(), v.body()));
        return storeLater(new Submission(article.id(), form.parentId(), v, address, false, key));
    }

    /** An editor's reply, approved at once. */
    Posting staffReply(Comment parent, String staffName, String staffEmail, String body) {
        CommentValidator.Result checked = validator.check(body, staffName, staffEmail, "");
        if (!checked.ok()) {
            return new Problems(checked.errors());
        }
        String key = Digests.sha256Hex("staff\u0000" + parent.id() + "\u0000" + clock.millis() + "\u0000" + body);
        return store(new Submission(parent.articleId(), parent.id(), checked.valid(), null, true, key));
    }

    private Posting store(Submission submission) {
        try {
            return storeLater(submission).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Unavailable u ? u : new Unavailable(e.getCause());
        }
    }

    private CompletableFuture<Posting> storeLater(Submission submission) {
        return writer.submit(submission).handle((outcome, error) -> {
            if (error != null) {
                throw new Unavailable(error instanceof CompletionException ? error.getCause() : error);
            }
            if (outcome instanceof CommentWriter.Refused refused) {
                return new Problems(List.of(new FieldError("", refused.message())));
            }
            CommentWriter.Stored stored = (CommentWriter.Stored) outcome;
            if (stored.created() && stored.comment().status() == CommentStatus.APPROVED) {
                fire(List.of(stored.comment().articleId())); // before the answer: the reader's next page shows it
            }
            return new Posted(stored.comment(), stored.created());
        });
    }

    Optional<Comment> find(long id) {
        return repository.find(id);
    }

    /** One page of an article's approved threads, oldest first. */
    ThreadPage threads(long articleId, int page) {
        return page == 1 ? firstPage(articleId).threads() : loadThreads(articleId, page);
    }

    private ThreadPage loadThreads(long articleId, int page) {
        int perPage = settings.threadsPerPage();
        int total = repository.rootCount(articleId);
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        int number = Math.min(Math.max(1, page), pages);
        List<Long> roots = repository.rootIds(articleId, (number - 1) * perPage, perPage);
        List<Comment> comments = repository.approvedInThreads(roots);
        return new ThreadPage(comments, roots, number, pages);
    }

    /** The page of the article's threads on which a comment's thread is (or would be) shown. */
    int pageOf(Comment comment) {
        int perPage = settings.threadsPerPage();
        int position = comment.status() == CommentStatus.APPROVED || comment.rootId() != null
                ? repository.rootPosition(comment.articleId(), comment.threadRoot())
                : repository.rootCount(comment.articleId()) + 1;
        return Math.max(1, (position + perPage - 1) / perPage);
    }

    int approvedCount(long articleId) {
        return firstPage(articleId).approved();
    }

    private FirstPage firstPage(long articleId) {
        return firstPages.get(articleId, id -> new FirstPage(loadThreads(id, 1),
                repository.approvedCounts(List.of(id)).getOrDefault(id, 0)));
    }

    /** What every article page shows of its comments. */
    private record FirstPage(ThreadPage threads, int approved) {
    }

    // ---- moderation ----

    List<Comment> queue(CommentStatus status, Long articleId, int page, int size) {
        return repository.queue(status, articleId, (Math.max(1, page) - 1) * size, size);
    }

    Map<CommentStatus, Integer> countsByStatus(Long articleId) {
        return repository.countsByStatus(articleId);
    }

    void setStatus(List<Long> ids, CommentStatus status) {
        if (ids.isEmpty()) {
            return;
        }
        fire(repository.setStatus(ids, status, clock.millis()));
    }

    /** An editor's correction; the same limits as for readers apply, except that the email stays as sent. */
    List<FieldError> edit(Comment comment, String name, String website, String body) {
        CommentValidator.Result checked = validator.check(body, name, comment.email(), website);
        if (!checked.ok()) {
            return checked.errors();
        }
        repository.edit(comment.id(), checked.valid().name(), checked.valid().website(), checked.valid().body(), clock.millis());
        fire(List.of(comment.articleId()));
        return List.of();
    }

    Optional<Article> article(long id) {
        return articles.findById(id);
    }

    private void fire(List<Long> articleIds) {
        for (long id : articleIds) {
            firstPages.invalidate(id);
            for (CommentVisibilityListener l : listeners) {
                try {
                    l.visibilityChanged(id);
                } catch (RuntimeException e) {
                    log.warn("a comment listener failed for article {}", id, e);
                }
            }
        }
    }

    /** The comment could not be stored (database down, writer overloaded); nothing was acknowledged. */
    static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("the comment could not be stored", cause);
        }
    }

    /** One page of threads: the comments (oldest first) and the top-level ids in page order. */
    record ThreadPage(List<Comment> comments, List<Long> roots, int number, int pages) {
    }
}
