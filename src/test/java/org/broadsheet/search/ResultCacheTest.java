package org.broadsheet.search;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.broadsheet.web.Paged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept search answer is given back only while it is still the answer the index would give. */
class ResultCacheTest {

    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final ResultCache cache = ResultCache.create(metrics);
    final SearchRequest election = new SearchRequest("election", null, null, null, null, 1);
    final SearchOutcome answer = new SearchOutcome(new Paged<>(List.of(), 1, 10, 0), null, true);

    @Test
    void theSameSearchOnTheSameIndexIsAnsweredFromTheCache() {
        cache.keep(election, answer, 7, NOW, () -> null);
        assertThat(cache.find(new SearchRequest("election", null, null, null, SearchQuery.Order.RELEVANCE, 1), 7, NOW.plusSeconds(30)))
                .isSameAs(answer);
        assertThat(cache.find(new SearchRequest("election", null, null, null, null, 2), 7, NOW)).isNull();
        assertThat(cache.find(new SearchRequest("elections", null, null, null, null, 1), 7, NOW)).isNull();
        assertThat(metrics.get("cache.gets").tag("cache", "search").tag("result", "hit").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void anyChangeToTheIndexRetiresEveryKeptAnswer() {
        cache.keep(election, answer, 7, NOW, () -> null);
        assertThat(cache.find(election, 8, NOW)).isNull();
    }

    @Test
    void anAnswerIsRetiredWhenTheNextEmbargoPasses() {
        Instant embargo = NOW.plusSeconds(20);
        cache.keep(election, answer, 7, NOW, () -> embargo);
        assertThat(cache.find(election, 7, embargo.minusMillis(1))).isSameAs(answer);
        assertThat(cache.find(election, 7, embargo)).isNull();
    }

    @Test
    void anAnswerIsKeptForAtMostAMinuteEvenIfNothingChanges() {
        cache.keep(election, answer, 7, NOW, () -> NOW.plus(Duration.ofHours(1)));
        assertThat(cache.find(election, 7, NOW.plus(ResultCache.MAX_AGE).minusMillis(1))).isSameAs(answer);
        assertThat(cache.find(election, 7, NOW.plus(ResultCache.MAX_AGE))).isNull();
    }

    @Test
    void switchedOffItKeepsNothing() {
        ResultCache off = ResultCache.off();
        off.keep(election, answer, 7, NOW, () -> null);
        assertThat(off.find(election, 7, NOW)).isNull();
    }
}
