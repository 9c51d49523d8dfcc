package org.broadsheet.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How request bodies may arrive, enforced by {@link BodyBuffering} before any handler runs (the largest body
 * is the server's request-size limit, given to the handler).
 *
 * @param grace             how long a body may take before the minimum rate applies
 * @param minBytesPerSecond after {@code grace}, a body must have arrived at least this fast on average, or the
 *                          request gets 408 and its connection is closed
 * @param perAddress        bodies one client address may be sending at once; more get 429
 * @param memoryBudget      bytes all buffered bodies may hold at once (never less than one largest body); more get 503
 */
public record BodyLimits(Duration grace, long minBytesPerSecond, int perAddress, long memoryBudget) {

    /**
     * A photo over a slow uplink (32 kbit/s) still arrives; a body dribbled a byte at a time is cut off after
     * about 10 s; 16 bodies at once from one address (a browser opens at most 6 connections to a site; the rest
     * is room for a newsroom behind one NAT address); a quarter of the heap, at most 256 MB, for all bodies at once.
     */
    public static final BodyLimits DEFAULTS = new BodyLimits(Duration.ofSeconds(10), 4 * 1024, 16,
            Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4));

    public BodyLimits {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative() || minBytesPerSecond < 1 || perAddress < 1 || memoryBudget < 1) {
            throw new IllegalArgumentException("body limits must be positive");
        }
    }

    /** These limits with another grace period and minimum rate (tests cut slow bodies off quickly). */
    public BodyLimits withRate(Duration grace, long minBytesPerSecond) {
        return new BodyLimits(grace, minBytesPerSecond, perAddress, memoryBudget);
    }

    public BodyLimits withPerAddress(int perAddress) {
        return new BodyLimits(grace, minBytesPerSecond, perAddress, memoryBudget);
    }
}
