package org.broadsheet.ranking;

/**
 * Reads of one article within one hour.
 *
 * @param hour hours since the epoch (UTC): the bucket starts at {@code hour * 3_600_000} ms
 */
public record HourlyCount(long articleId, long hour, long views) {

    public static final long HOUR_MILLIS = 3_600_000L;

    public static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MILLIS);
    }
}
