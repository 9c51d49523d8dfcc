package org.broadsheet.ranking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point for counting reads, for the web adapter: drops robots and prefetches, turns the
 * reader into an anonymous visitor number and hands the read to the in-memory {@link ViewCounter}.
 * Reports from the browser (beacons) are also checked against the published articles and limited per
 * visitor and per address, so they cannot cheaply inflate counts. No database access. Thread-safe.
 */
public final class ReadCounter {

    /** Beacons one visitor (address and browser) may send per {@link #LIMIT_PERIOD}. */
    static final int BEACONS_PER_VISITOR = 30;
    /** Beacons one address may send per period; looser, since many readers may share an address. */
    static final int BEACONS_PER_ADDRESS = 600;
    static final Duration LIMIT_PERIOD = Duration.ofMinutes(10);

    private final Clock clock;
    private final VisitorHasher visitors;
    private final BotDetector bots;
    private final ViewCounter counter;
    private final PublishedArticles published;
    private final Cache<Long, AtomicInteger> beaconsPerVisitor;
    private final Cache<Long, AtomicInteger> beaconsPerAddress;

    public ReadCounter(Clock clock, VisitorHasher visitors, BotDetector bots, ViewCounter counter, PublishedArticles published) {
        this.clock = clock;
        this.visitors = visitors;
        this.bots = bots;
        this.counter = counter;
        this.published = published;
        this.beaconsPerVisitor = limiter(clock);
        this.beaconsPerAddress = limiter(clock);
    }

    private static Cache<Long, AtomicInteger> limiter(Clock clock) {
        // expireAfterWrite starts the period at a visitor's first beacon; increments are not writes.
        return Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(LIMIT_PERIOD).maximumSize(500_000).build();
    }

    /**
     * A page the server rendered for a reader.
     *
     * @param prefetch the request said it is a prefetch ({@code Sec-Purpose} or {@code Purpose})
     */
    public ViewOutcome pageRead(long articleId, String address, String userAgent, boolean prefetch) {
        if (prefetch) {
            return ViewOutcome.PREFETCH;
        }
        if (bots.isBot(userAgent)) {
            return ViewOutcome.ROBOT;
        }
        return counter.count(visitors.visitor(address, userAgent), articleId) ? ViewOutcome.COUNTED : ViewOutcome.REPEAT;
    }

    /** A read reported by the page's beacon from the reader's browser. */
    public ViewOutcome beacon(long articleId, String address, String userAgent) {
        if (bots.isBot(userAgent)) {
            return ViewOutcome.ROBOT;
        }
        if (!published.isVisible(articleId, clock.millis())) {
            return ViewOutcome.NOT_PUBLISHED;
        }
        long visitor = visitors.visitor(address, userAgent);
        if (overLimit(beaconsPerVisitor, visitor, BEACONS_PER_VISITOR)
                || overLimit(beaconsPerAddress, visitors.visitor(address, ""), BEACONS_PER_ADDRESS)) {
            return ViewOutcome.RATE_LIMITED;
        }
        return counter.count(visitor, articleId) ? ViewOutcome.COUNTED : ViewOutcome.REPEAT;
    }

    private static boolean overLimit(Cache<Long, AtomicInteger> sent, long key, int limit) {
        return sent.get(key, k -> new AtomicInteger()).incrementAndGet() > limit;
    }
}
