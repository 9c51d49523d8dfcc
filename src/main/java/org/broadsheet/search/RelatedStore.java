package org.broadsheet.search;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored related-posts lists (table {@code related_articles}, migration V5), so they survive a
 * restart without being recomputed. Same SQL on SQLite and PostgreSQL. Thread-safe.
 */
public final class RelatedStore {

    private final Jdbi jdbi;

    public RelatedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One stored list in rank order, with when it was computed; empty when none is stored. */
    Optional<StoredList> load(long articleId) {
        return jdbi.withHandle(h -> {
            List<long[]> rows = h.createQuery("""
                            SELECT related_id, computed_at FROM related_articles WHERE article_id = :id ORDER BY position""")
                    .bind("id", articleId)
                    .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2)})
                    .list();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StoredList(rows.stream().mapToLong(r -> r[0]).toArray(),
                    Instant.ofEpochMilli(rows.stream().mapToLong(r -> r[1]).min().orElseThrow())));
        });
    }

    /**
     * Up to {@code limit} published articles (not embargoed) of the period {@code [since, now]} whose list is
     * missing or was computed before {@code freshSince}, newest first.
     */
    List<Long> recentWithoutFreshList(Instant since, Instant now, Instant freshSince, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id FROM articles a
                        WHERE a.status = 'published' AND a.published_at >= :since AND a.published_at <= :now
                          AND NOT EXISTS (SELECT 1 FROM related_articles r
                                          WHERE r.article_id = a.id AND r.position = 0 AND r.computed_at >= :fresh)
                        ORDER BY a.published_at DESC LIMIT :limit""")
                .bind("limit", limit)
                .bind("since", since.toEpochMilli()).bind("now", now.toEpochMilli()).bind("fresh", freshSince.toEpochMilli())
                .mapTo(Long.class).list());
    }

    /** A stored list: related article ids in rank order. */
    record StoredList(long[] ids, Instant computedAt) {
    }

    /** Replaces the lists of the given articles in one transaction. */
    void replace(Map<Long, long[]> lists, Instant computedAt) {
        if (lists.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch delete = h.prepareBatch("DELETE FROM related_articles WHERE article_id = :id");
            lists.keySet().forEach(id -> delete.bind("id", id).add());
            delete.execute();
            PreparedBatch insert = h.prepareBatch("""
                    INSERT INTO related_articles (article_id, position, related_id, computed_at)
                    VALUES (:id, :position, :related, :at)""");
            int rows = 0;
            for (Map.Entry<Long, long[]> e : lists.entrySet()) {
                for (int i = 0; i < e.getValue().length; i++) {
                    insert.bind("id", e.getKey()).bind("position", i).bind("related", e.getValue()[i])
                            .bind("at", computedAt.toEpochMilli()).add();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.execute();
            }
        });
    }

    void delete(long articleId) {
        jdbi.useHandle(h -> deleteList(h, articleId));
    }

    private static void deleteList(Handle h, long articleId) {
        h.createUpdate("DELETE FROM related_articles WHERE article_id = :id").bind("id", articleId).execute();
    }
}
