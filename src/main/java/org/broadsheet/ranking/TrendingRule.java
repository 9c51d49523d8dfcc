package org.broadsheet.ranking;

/**
 * What "trending" means: an article's reads over the last few hours against its own earlier rate.
 * The score is {@code (recent + smoothing) / (expected + smoothing)}, where {@code expected} is what
 * the article's rate over the baseline hours (counted only since it was published) predicts for the
 * recent hours. Smoothing keeps a handful of reads from looking like a surge; {@code minViews} is the
 * floor below which nothing trends; only scores above {@code minScore} (rising) are listed.
 *
 * @param recentHours   hours that count as "now", the current (partial) hour included
 * @param baselineHours hours before those that give the article's own earlier rate
 */
public record TrendingRule(int recentHours, int baselineHours, double smoothing, long minViews, double minScore) {

    public static final TrendingRule DEFAULT = new TrendingRule(3, 24, 10, 10, 1.2);

    public TrendingRule {
        if (recentHours < 1 || baselineHours < 1 || smoothing <= 0 || minViews < 1 || minScore < 1) {
            throw new IllegalArgumentException("invalid trending rule");
        }
    }

    /** Hours of detail trending needs: the recent hours and the baseline before them. */
    public int hours() {
        return recentHours + baselineHours;
    }
}
