package org.broadsheet.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How reads are counted and ranked. Read once at start with the other {@link Settings}.
 *
 * @param counting      where a read is counted: on the server when the article page is rendered, or by a
 *                      beacon the page sends from the reader's browser (choose this behind a CDN or page cache)
 * @param proxyHops     how many trusted reverse proxies in front append to {@code X-Forwarded-For}; 0 means
 *                      readers connect directly and the header is ignored (it could be forged)
 * @param topWindow     the "Top 5 This Week" window (rolling)
 * @param topSize       how many articles "Top 5 This Week" lists
 * @param popularWindow the "Popular Articles" window (rolling)
 * @param popularSize   how many articles "Popular Articles" lists
 * @param trendingSize  how many articles "Trending now" lists
 * @param flushInterval how often counted reads are written to the database; a crash loses at most this much
 */
public record RankingSettings(ViewCounting counting, int proxyHops, Duration topWindow, int topSize,
                              Duration popularWindow, int popularSize, int trendingSize, Duration flushInterval) {

    /** The longest window: hourly buckets are kept this long before they are rolled into days. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    public static final RankingSettings DEFAULTS = new RankingSettings(ViewCounting.SERVER, 0, Duration.ofDays(7), 5,
            Duration.ofDays(30), 5, 5, Duration.ofSeconds(10));

    public RankingSettings {
        Objects.requireNonNull(counting, "counting");
        if (proxyHops < 0 || proxyHops > 10) {
            throw new IllegalArgumentException("proxy hops must be between 0 and 10, got " + proxyHops);
        }
        requireWindow("top window", topWindow);
        requireWindow("popular window", popularWindow);
        requireSize("top size", topSize);
        requireSize("popular size", popularSize);
        requireSize("trending size", trendingSize);
        if (flushInterval == null || flushInterval.toMillis() < 100 || flushInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("the view flush interval must be between 100 ms and 10 s, got " + flushInterval);
        }
    }

    private static void requireWindow(String name, Duration window) {
        if (window == null || window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the " + name + " must be between 1 hour and 90 days, got " + describe(window));
        }
        if (window.toMillis() % Duration.ofHours(1).toMillis() != 0) {
            throw new IllegalArgumentException("the " + name + " must be whole hours (views are counted per hour), got " + describe(window));
        }
    }

    private static String describe(Duration d) {
        if (d == null) {
            return "nothing";
        }
        return d.toHours() % 24 == 0 && d.toHours() > 0 ? d.toDays() + " days" : d.toMinutes() + " minutes";
    }

    private static void requireSize(String name, int size) {
        if (size < 1 || size > 50) {
            throw new IllegalArgumentException("the " + name + " must be between 1 and 50, got " + size);
        }
    }

    public RankingSettings withProxyHops(int hops) {
        return new RankingSettings(counting, hops, topWindow, topSize, popularWindow, popularSize, trendingSize, flushInterval);
    }

    public RankingSettings withCounting(ViewCounting mode) {
        return new RankingSettings(mode, proxyHops, topWindow, topSize, popularWindow, popularSize, trendingSize, flushInterval);
    }

    /** Where reads are counted. */
    public enum ViewCounting {
        /** The server counts the read when it renders the article page. Right when every read reaches Broadsheet. */
        SERVER,
        /** The page reports the read with {@code navigator.sendBeacon}. Right when a CDN or page cache serves pages. */
        BEACON;

        /** Parses {@code server} or {@code beacon}, case-insensitively. */
        public static ViewCounting parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("view counting must be 'server' or 'beacon', got '" + text + "'");
            }
        }
    }
}
