package org.broadsheet.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.broadsheet.article.ArticleChange;
import org.broadsheet.article.ArticleListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Generated documents kept until an article changes visibly, and for at most a fixed time measured on the
 * injected clock (an embargo ends without any event, so nothing may be cached for ever). Thread-safe.
 */
final class DocumentCache implements ArticleListener {

    private final Cache<String, XmlDocument> cache;
    private final Clock clock;
    private volatile Instant lastChange;

    DocumentCache(Clock clock, Duration freshness, long maximumSize) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(freshness)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    XmlDocument get(String key, Supplier<XmlDocument> build) {
        return cache.get(key, k -> build.get());
    }

    /** The cached document under {@code key}, if there is a fresh one. */
    java.util.Optional<XmlDocument> peek(String key) {
        return java.util.Optional.ofNullable(cache.getIfPresent(key));
    }

    /**
     * The later of a document's own last change and the last visible article change this process saw. A
     * withdrawn article makes a document older, not newer; without this, If-Modified-Since would wrongly
     * answer 304 to a reader who still holds the withdrawn item.
     */
    Instant lastModified(Instant ofContent) {
        Instant seen = lastChange;
        if (seen == null) {
            return ofContent;
        }
        return ofContent == null || seen.isAfter(ofContent) ? seen : ofContent;
    }

    @Override
    public void onChange(ArticleChange change) {
        if (change.kind() != ArticleChange.Kind.BACKSTAGE) {
            lastChange = clock.instant();
            cache.invalidateAll();
        }
    }
}
