package org.broadsheet.account;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing, per account and per address: the first {@value #FREE_FAILURES} failures
 * cost nothing, each further one doubles a waiting time that starts at {@link #BASE_DELAY} (capped at
 * {@link #MAX_DELAY}). Counts live in the database, so a restart does not reset them. Thread-safe.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration BASE_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofHours(1);
    /** Failures older than this are forgotten. */
    private static final Duration MEMORY = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Clock clock;

    SignInThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    static String accountKey(String email) {
        return "account:" + email.strip().toLowerCase(Locale.ROOT);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** How long these keys must still wait before another attempt, if at all. */
    Optional<Duration> waitFor(List<String> keys) {
        long now = clock.millis();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            var row = jdbi.withHandle(h -> h.createQuery("SELECT failures, last_failure_at FROM sign_in_failures WHERE throttle_key = :k")
                    .bind("k", key).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne());
            if (row.isEmpty() || row.get()[0] < FREE_FAILURES || now - row.get()[1] > MEMORY.toMillis()) {
                continue;
            }
            long until = row.get()[1] + delay((int) row.get()[0]).toMillis();
            if (until > now && until - now > longest.toMillis()) {
                longest = Duration.ofMillis(until - now);
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    static Duration delay(int failures) {
        int over = Math.min(failures - FREE_FAILURES, 20);
        Duration d = BASE_DELAY.multipliedBy(1L << over);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    void recordFailure(List<String> keys) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            for (String key : keys) {
                h.createUpdate("DELETE FROM sign_in_failures WHERE throttle_key = :k AND last_failure_at < :old")
                        .bind("k", key).bind("old", now - MEMORY.toMillis()).execute();
                h.createUpdate("""
                                INSERT INTO sign_in_failures (throttle_key, failures, last_failure_at) VALUES (:k, 1, :now)
                                ON CONFLICT (throttle_key) DO UPDATE SET failures = sign_in_failures.failures + 1, last_failure_at = :now""")
                        .bind("k", key).bind("now", now).execute();
            }
        });
    }

    void clear(String key) {
        jdbi.useHandle(h -> h.execute("DELETE FROM sign_in_failures WHERE throttle_key = ?", key));
    }
}
