package org.broadsheet.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.broadsheet.article.ArticleChange;
import org.broadsheet.article.ArticleListener;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Generated documents kept until an article changes visibly, and for at most a fixed time measured on the
 * injected clock (an embargo ends without any event, so nothing may be cached for ever). Thread-safe.
 */
final class DocumentCache implements ArticleListener {

    private final Cache<String, XmlDocument> cache;

    DocumentCache(Clock clock, Duration freshness, long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(freshness)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    XmlDocument get(String key, Supplier<XmlDocument> build) {
        return cache.get(key, k -> build.get());
    }

    @Override
    public void onChange(ArticleChange change) {
        if (change.kind() != ArticleChange.Kind.BACKSTAGE) {
            cache.invalidateAll();
        }
    }
}
