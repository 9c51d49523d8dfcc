package org.broadsheet.ranking;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The view tables: hourly buckets, daily buckets for hours older than the hourly retention, and an
 * all-time total per article. Writes are additive UPSERTs ({@code ON CONFLICT … DO UPDATE}), identical
 * on SQLite and PostgreSQL, so several nodes may add their counts to the same rows. Thread-safe.
 */
public final class ViewStore {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Jdbi jdbi;

    public ViewStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds counts to their hourly buckets and the articles' totals, in one transaction. */
    public void add(List<HourlyCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        Map<Long, Long> perArticle = new HashMap<>();
        for (HourlyCount c : counts) {
            perArticle.merge(c.articleId(), c.views(), Long::sum);
        }
        jdbi.useTransaction(h -> {
            PreparedBatch hourly = h.prepareBatch("""
                    INSERT INTO article_views_hourly (article_id, hour_start, views) VALUES (:a, :h, :v)
                    ON CONFLICT (article_id, hour_start) DO UPDATE SET views = article_views_hourly.views + excluded.views""");
            for (HourlyCount c : counts) {
                hourly.bind("a", c.articleId()).bind("h", c.hour() * HourlyCount.HOUR_MILLIS).bind("v", c.views()).add();
            }
            hourly.execute();
            PreparedBatch totals = h.prepareBatch("""
                    INSERT INTO article_view_totals (article_id, views) VALUES (:a, :v)
                    ON CONFLICT (article_id) DO UPDATE SET views = article_view_totals.views + excluded.views""");
            perArticle.forEach((a, v) -> totals.bind("a", a).bind("v", v).add());
            totals.execute();
        });
    }

    /**
     * Views per article summed from each of the given hours on (one sum per hour given), over hourly
     * buckets only. Articles without views in the widest range are absent.
     */
    public Map<Long, long[]> sumsSince(long[] fromHours) {
        long min = Long.MAX_VALUE;
        StringBuilder sql = new StringBuilder("SELECT article_id");
        for (int i = 0; i < fromHours.length; i++) {
            sql.append(", SUM(CASE WHEN hour_start >= :f").append(i).append(" THEN views ELSE 0 END) AS w").append(i);
            min = Math.min(min, fromHours[i]);
        }
        sql.append(" FROM article_views_hourly WHERE hour_start >= :min GROUP BY article_id");
        long from = min;
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("min", from * HourlyCount.HOUR_MILLIS);
            for (int i = 0; i < fromHours.length; i++) {
                q.bind("f" + i, fromHours[i] * HourlyCount.HOUR_MILLIS);
            }
            Map<Long, long[]> sums = new HashMap<>();
            q.setFetchSize(10_000).map((rs, ctx) -> {
                long[] s = new long[fromHours.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = rs.getLong(i + 2);
                }
                sums.put(rs.getLong(1), s);
                return null;
            }).forEach(x -> { });
            return sums;
        });
    }

    /** Hourly buckets from this hour on. */
    public List<HourlyCount> hoursSince(long fromHour) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT article_id, hour_start, views FROM article_views_hourly WHERE hour_start >= :from""")
                .bind("from", fromHour * HourlyCount.HOUR_MILLIS)
                .map((rs, ctx) -> new HourlyCount(rs.getLong(1), HourlyCount.hourOf(rs.getLong(2)), rs.getLong(3)))
                .collectIntoList());
    }

    /**
     * Rolls hourly buckets of whole UTC days before {@code cutoffMillis} into daily buckets, in one
     * transaction: the sum is kept, the hourly detail goes.
     *
     * @return how many hourly buckets were rolled up
     */
    public int rollUpBefore(long cutoffMillis) {
        long cutoff = Math.floorDiv(cutoffMillis, DAY_MILLIS) * DAY_MILLIS;
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO article_views_daily (article_id, day_start, views)
                            SELECT article_id, hour_start - (hour_start % 86400000), SUM(views)
                            FROM article_views_hourly WHERE hour_start < :cutoff
                            GROUP BY article_id, hour_start - (hour_start % 86400000)
                            ON CONFLICT (article_id, day_start) DO UPDATE SET views = article_views_daily.views + excluded.views""")
                    .bind("cutoff", cutoff).execute();
            return h.createUpdate("DELETE FROM article_views_hourly WHERE hour_start < :cutoff").bind("cutoff", cutoff).execute();
        });
    }

    /** All-time views of an article. */
    public long total(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT views FROM article_view_totals WHERE article_id = :a")
                .bind("a", articleId).mapTo(Long.class).findOne().orElse(0L));
    }

    /** Views of an article per day, from the daily buckets (days older than the hourly retention). */
    public Map<Long, Long> dailyViews(long articleId) {
        return jdbi.withHandle(h -> {
            Map<Long, Long> out = new HashMap<>();
            h.createQuery("SELECT day_start, views FROM article_views_daily WHERE article_id = :a ORDER BY day_start")
                    .bind("a", articleId)
                    .map((rs, ctx) -> out.put(rs.getLong(1), rs.getLong(2)))
                    .forEach(x -> { });
            return out;
        });
    }

    /** Views of an article in its hourly buckets, oldest first. */
    public List<HourlyCount> hourlyViews(long articleId) {
        return jdbi.withHandle(h -> new ArrayList<>(h.createQuery("""
                        SELECT article_id, hour_start, views FROM article_views_hourly WHERE article_id = :a ORDER BY hour_start""")
                .bind("a", articleId)
                .map((rs, ctx) -> new HourlyCount(rs.getLong(1), HourlyCount.hourOf(rs.getLong(2)), rs.getLong(3)))
                .list()));
    }
}
