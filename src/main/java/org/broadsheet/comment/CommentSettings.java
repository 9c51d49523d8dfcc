package org.broadsheet.comment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How comments behave on this site, read once at start (from {@code BROADSHEET_COMMENTS_*} environment
 * variables in production, built directly in tests) and passed down. Immutable.
 *
 * @param maxDepth           deepest nesting level (1 = no replies nest); deeper replies attach at this level
 * @param threadsPerPage     top-level comments per page before the thread is paginated
 * @param closeAfterDays     comments close this many days after publication; 0 (the default, as in WordPress) keeps
 *                           them open. Editors may change it on the comment settings screen; per-article override exists
 * @param policy             what happens to a comment that no rule holds or marks as spam
 * @param maxLinks           a comment with more links than this is held for moderation
 * @param blocklist          words, email addresses or IP addresses that mark a comment as spam (case-insensitive)
 * @param floodInterval      at most one comment per this interval per address and per email; zero disables the
 *                           rule (for load benchmarks only)
 * @param minFillTime        a form sent back sooner than this after it was served is refused (bots fill instantly)
 * @param formMaxAge         a form older than this is refused as stale
 * @param addressRetention   IP addresses are erased from comments older than this
 */
public record CommentSettings(int maxDepth, int threadsPerPage, int closeAfterDays, ModerationPolicy policy,
                              int maxLinks, List<String> blocklist, Duration floodInterval, Duration minFillTime,
                              Duration formMaxAge, Duration addressRetention) {

    public CommentSettings {
        if (maxDepth < 1 || maxDepth > 20) {
            throw new IllegalArgumentException("comment depth must be between 1 and 20, got " + maxDepth);
        }
        if (threadsPerPage < 1) {
            throw new IllegalArgumentException("comments per page must be at least 1, got " + threadsPerPage);
        }
        blocklist = blocklist.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    /** The defaults: depth 5, 50 threads a page, comments never close, first-time commenters held. */
    public static CommentSettings defaults() {
        return new CommentSettings(5, 50, 0, ModerationPolicy.HOLD_FIRST_TIME, 2, List.of(), Duration.ofSeconds(15),
                Duration.ofSeconds(3), Duration.ofDays(2), Duration.ofDays(30));
    }

    /**
     * Reads the settings from environment variables, falling back to {@link #defaults()}:
     * {@code BROADSHEET_COMMENTS_MAX_DEPTH}, {@code _PER_PAGE}, {@code _CLOSE_AFTER_DAYS}, {@code _POLICY}
     * (hold-all | hold-first-time | approve-all), {@code _MAX_LINKS}, {@code _BLOCKLIST} (comma-separated),
     * {@code _FLOOD_SECONDS} (0 disables flood control, for benchmarks), {@code _MIN_FILL_SECONDS},
     * {@code _ADDRESS_DAYS}.
     */
    public static CommentSettings fromEnvironment(Map<String, String> env) {
        CommentSettings d = defaults();
        String prefix = "BROADSHEET_COMMENTS_";
        return new CommentSettings(
                number(env, prefix + "MAX_DEPTH", d.maxDepth()),
                number(env, prefix + "PER_PAGE", d.threadsPerPage()),
                number(env, prefix + "CLOSE_AFTER_DAYS", d.closeAfterDays()),
                env.containsKey(prefix + "POLICY") ? ModerationPolicy.parse(env.get(prefix + "POLICY")) : d.policy(),
                number(env, prefix + "MAX_LINKS", d.maxLinks()),
                env.containsKey(prefix + "BLOCKLIST") ? Arrays.asList(env.get(prefix + "BLOCKLIST").split(",")) : d.blocklist(),
                Duration.ofSeconds(number(env, prefix + "FLOOD_SECONDS", (int) d.floodInterval().toSeconds())),
                Duration.ofSeconds(number(env, prefix + "MIN_FILL_SECONDS", (int) d.minFillTime().toSeconds())),
                d.formMaxAge(),
                Duration.ofDays(number(env, prefix + "ADDRESS_DAYS", (int) d.addressRetention().toDays())));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + raw, e);
        }
    }

    public CommentSettings withPolicy(ModerationPolicy newPolicy) {
        return new CommentSettings(maxDepth, threadsPerPage, closeAfterDays, newPolicy, maxLinks, blocklist,
                floodInterval, minFillTime, formMaxAge, addressRetention);
    }

    public CommentSettings withBlocklist(List<String> words) {
        return new CommentSettings(maxDepth, threadsPerPage, closeAfterDays, policy, maxLinks, words,
                floodInterval, minFillTime, formMaxAge, addressRetention);
    }

    public CommentSettings withThreading(int depth, int perPage) {
        return new CommentSettings(depth, perPage, closeAfterDays, policy, maxLinks, blocklist,
                floodInterval, minFillTime, formMaxAge, addressRetention);
    }

    public CommentSettings withTiming(Duration flood, Duration minFill, int closeDays) {
        return new CommentSettings(maxDepth, threadsPerPage, closeDays, policy, maxLinks, blocklist,
                flood, minFill, formMaxAge, addressRetention);
    }
}
