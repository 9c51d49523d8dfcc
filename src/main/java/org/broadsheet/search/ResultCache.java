package org.broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Recent search answers (as Solr's result cache keeps them): readers of a breaking story search for the same
 * few words, and at 100,000 articles one answer costs milliseconds of scoring and highlighting. An answer is
 * kept under the index's {@link LuceneSearchIndex#generation() generation} and is used only while that is
 * unchanged, before the next embargo passes, and for at most {@link #MAX_AGE} (section names and bylines
 * shown with the hits change without touching the index). Bounded by an estimate of its size. Thread-safe.
 */
public final class ResultCache {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** About 16 MB of answers (the weight counts characters, twice for UTF-16, plus a fixed share per hit). */
    private static final long MAX_WEIGHT = 16L << 20;

    private record Entry(SearchOutcome outcome, long generation, Instant validUntil) {
    }

    /** Null when switched off. */
    private final Cache<SearchRequest, Entry> entries;

    private ResultCache(Cache<SearchRequest, Entry> entries) {
        this.entries = entries;
    }

    /** A cache publishing its hits and misses as {@code cache="search"} metrics. */
    public static ResultCache create(MeterRegistry metrics) {
        Cache<SearchRequest, Entry> entries = Caffeine.newBuilder().maximumWeight(MAX_WEIGHT)
                .weigher((SearchRequest request, Entry e) -> weight(request, e.outcome)).recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, entries, "search");
        return new ResultCache(entries);
    }

    private static int weight(SearchRequest request, SearchOutcome outcome) {
        long chars = request.text().length();
        for (SearchOutcome.Found f : outcome.results().items()) {
            chars += length(f.snippetHtml()) + length(f.article().headline()) + length(f.article().standfirst())
                    + length(f.article().url());
        }
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 400L * (1 + outcome.results().items().size()));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** Keeps nothing: every search runs against the index (the reindex command, and measuring the raw cost). */
    public static ResultCache off() {
        return new ResultCache(null);
    }

    /** The kept answer to {@code request}, if it is still the answer the index at {@code generation} gives at {@code now}. */
    SearchOutcome find(SearchRequest request, long generation, Instant now) {
        if (entries == null) {
            return null;
        }
        Entry e = entries.getIfPresent(request);
        if (e == null || e.generation != generation || !now.isBefore(e.validUntil)) {
            return null;
        }
        return e.outcome;
    }

    /**
     * Keeps an answer computed against the index at {@code generation} (read before the search ran).
     *
     * @param nextPublication when the next embargoed article becomes visible, or null; asked only when kept
     */
    void keep(SearchRequest request, SearchOutcome outcome, long generation, Instant now, Supplier<Instant> nextPublication) {
        if (entries == null) {
            return;
        }
        Instant until = now.plus(MAX_AGE);
        Instant embargo = nextPublication.get();
        if (embargo != null && embargo.isBefore(until)) {
            until = embargo;
        }
        entries.put(request, new Entry(outcome, generation, until));
    }
}
