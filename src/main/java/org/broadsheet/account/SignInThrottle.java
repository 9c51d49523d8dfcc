package org.broadsheet.account;

import org.broadsheet.web.Digests;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts failed sign-ins and says how long the next attempt must wait; it never refuses one. Three kinds of
 * key are counted, each with its own number of free failures:
 * <ul>
 *   <li>an <b>account</b> ({@value #ACCOUNT_FREE} free): attempts for it without a known-device cookie;</li>
 *   <li>an <b>address</b> ({@value #ADDRESS_FREE} free, across accounts): a newsroom behind one office
 *       address makes a few typos a day, a guesser spraying accounts makes hundreds;</li>
 *   <li>a <b>device</b> ({@value #DEVICE_FREE} free): attempts presenting a valid device cookie, which
 *       count against that cookie only, so a stolen laptop's cookie is slowed like any other client.</li>
 * </ul>
 * After the free failures an attempt is answered no sooner than {@link #FIRST_DELAY} after the key's last
 * failure, doubling with each further failure up to {@link #MAX_DELAY}; the attempt is then checked as
 * usual, so the right password always signs in. Counts live in the database (a restart forgets nothing)
 * and are forgotten a day after a key's last failure; all time comes from the injected clock. Thread-safe.
 */
final class SignInThrottle {

    static final int ACCOUNT_FREE = 2;
    static final int ADDRESS_FREE = 30;
    static final int DEVICE_FREE = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(15);
    /** Failures older than this are forgotten. */
    private static final Duration MEMORY = Duration.ofDays(1);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    /**
     * One counted key.
     *
     * @param free       failures that cost nothing
     * @param maxWaiting how many delayed attempts for this key may wait at once (see {@link SignInDelays})
     */
    record Key(String name, int free, int maxWaiting) {

        static Key account(String cleanEmail) {
            // Longer than any address a user can have (254): not stored as typed, whatever its size.
            return new Key("account:" + (cleanEmail.length() > 254 ? Digests.sha256Hex(cleanEmail) : cleanEmail), ACCOUNT_FREE, 4);
        }

        static Key address(String address) {
            return new Key("address:" + address, ADDRESS_FREE, 8);
        }

        static Key device(String deviceId) {
            return new Key("device:" + deviceId, DEVICE_FREE, 2);
        }

        static String cleanEmail(String email) {
            return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile long lastPurge;

    SignInThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** How long an attempt counted against these keys must still wait (zero: answer now). */
    Duration waitFor(List<Key> keys) {
        long now = clock.millis();
        Map<String, long[]> rows = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT throttle_key, failures, last_failure_at FROM sign_in_failures WHERE throttle_key IN (<keys>)")
                .bindList("keys", keys.stream().map(Key::name).toList())
                .map((rs, ctx) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> rows.put(e.getKey(), e.getValue())));
        long longest = 0;
        for (Key key : keys) {
            long[] row = rows.get(key.name());
            if (row == null || now - row[1] > MEMORY.toMillis()) {
                continue;
            }
            long until = row[1] + delay(key, (int) Math.min(row[0], Integer.MAX_VALUE)).toMillis();
            longest = Math.max(longest, until - now);
        }
        return Duration.ofMillis(longest);
    }

    /** The delay after this many failures of a key: none while free, then doubling from the first delay to the cap. */
    static Duration delay(Key key, int failures) {
        if (failures < key.free()) {
            return Duration.ZERO;
        }
        Duration d = FIRST_DELAY.multipliedBy(1L << Math.min(failures - key.free(), 20));
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    void recordFailure(List<Key> keys) {
        long now = clock.millis();
        long old = now - MEMORY.toMillis();
        boolean purge = now - lastPurge > PURGE_INTERVAL.toMillis();
        jdbi.useTransaction(h -> {
            if (purge) {
                // Sprayed unknown addresses leave one row each: drop every forgotten row now and then.
                h.createUpdate("DELETE FROM sign_in_failures WHERE last_failure_at < :old").bind("old", old).execute();
            }
            for (Key key : keys) {
                h.createUpdate("DELETE FROM sign_in_failures WHERE throttle_key = :k AND last_failure_at < :old")
                        .bind("k", key.name()).bind("old", old).execute();
                h.createUpdate("""
                                INSERT INTO sign_in_failures (throttle_key, failures, last_failure_at) VALUES (:k, 1, :now)
                                ON CONFLICT (throttle_key) DO UPDATE SET failures = sign_in_failures.failures + 1, last_failure_at = :now""")
                        .bind("k", key.name()).bind("now", now).execute();
            }
        });
        if (purge) {
            lastPurge = now;
        }
    }

    void clear(Key key) {
        jdbi.useHandle(h -> h.execute("DELETE FROM sign_in_failures WHERE throttle_key = ?", key.name()));
    }
}
