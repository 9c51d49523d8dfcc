package org.broadsheet.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Published articles by slug and their corrections, as last read from the store, so that rendering an
 * article page again (after its cached page was dropped, or with the page cache off) costs no query.
 * Everything is dropped at any committed article change on this node; another node's changes show within
 * {@link #MAX_AGE}. Bounded by the size of the article texts held. Thread-safe.
 */
final class ArticleReadCache {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    private static final long MAX_CHARS = 16L << 20;

    private final Cache<String, Article> bySlug = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((String slug, Article a) -> 512 + a.bodyHtml().length() + a.bodyMarkdown().length())
            .expireAfterWrite(MAX_AGE).build();
    private final Cache<Long, List<Correction>> corrections = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(MAX_AGE).build();
    /** Bumped at every change: a read that began before it is not kept, so it cannot outlive the change. */
    private final AtomicLong generation = new AtomicLong();

    /** The article kept for this slug, or the one {@code load} finds (kept when {@code keep} says so). */
    Optional<Article> article(String slug, Supplier<Optional<Article>> load, Predicate<Article> keep) {
        Article kept = bySlug.getIfPresent(slug);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = generation.get();
        Optional<Article> loaded = load.get();
        loaded.filter(keep).ifPresent(a -> keepIfCurrent(before, () -> bySlug.put(slug, a)));
        return loaded;
    }

    List<Correction> corrections(long articleId, Supplier<List<Correction>> load) {
        List<Correction> kept = corrections.getIfPresent(articleId);
        if (kept != null) {
            return kept;
        }
        long before = generation.get();
        List<Correction> loaded = List.copyOf(load.get());
        keepIfCurrent(before, () -> corrections.put(articleId, loaded));
        return loaded;
    }

    private void keepIfCurrent(long before, Runnable put) {
        put.run();
        if (generation.get() != before) {
            // a change committed while we read: what we read may predate it
            bySlug.invalidateAll();
            corrections.invalidateAll();
        }
    }

    void changed() {
        generation.incrementAndGet();
        bySlug.invalidateAll();
        corrections.invalidateAll();
    }
}
