package org.broadsheet.feed;

import org.broadsheet.article.ArticleChange;
import org.broadsheet.storage.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final DocumentCache cache = new DocumentCache(clock, Duration.ofMinutes(1), 10);
    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void keepsADocumentUntilAVisibleChangeOrItsTimeIsUp() {
        build();
        build();
        assertThat(builds).hasValue(1);
        cache.onChange(new ArticleChange(1, ArticleChange.Kind.BACKSTAGE, Set.of()));
        build();
        assertThat(builds).as("drafts do not touch public documents").hasValue(1);
        cache.onChange(new ArticleChange(1, ArticleChange.Kind.UPDATED, Set.of()));
        build();
        assertThat(builds).hasValue(2);
        clock.advance(Duration.ofSeconds(61));
        build();
        assertThat(builds).hasValue(3);
    }

    @Test
    void aWithdrawalMovesLastModifiedForwardThoughTheContentGotOlder() {
        Instant newestLeft = Instant.parse("2026-11-19T08:00:00Z");
        assertThat(cache.lastModified(newestLeft)).isEqualTo(newestLeft);
        clock.advance(Duration.ofMinutes(5));
        cache.onChange(new ArticleChange(9, ArticleChange.Kind.WITHDRAWN, Set.of()));
        assertThat(cache.lastModified(newestLeft)).isEqualTo(clock.instant());
        assertThat(cache.lastModified(null)).isEqualTo(clock.instant());
        assertThat(cache.lastModified(clock.instant().plusSeconds(1))).isEqualTo(clock.instant().plusSeconds(1));
    }

    private void build() {
        cache.get("k", () -> {
            builds.incrementAndGet();
            return XmlDocument.of("<x/>", "application/xml", null);
        });
    }
}
