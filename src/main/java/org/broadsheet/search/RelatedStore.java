package org.broadsheet.search;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored related-posts lists (table {@code related_articles}, migration V5), so they survive a
 * restart without being recomputed. Same SQL on SQLite and PostgreSQL. Thread-safe.
 */
public final class RelatedStore {

    private final Jdbi jdbi;

    public RelatedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every stored list, keyed by article id, each in rank order. */
    Map<Long, long[]> loadAll() {
        Map<Long, List<Long>> lists = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT article_id, related_id FROM related_articles ORDER BY article_id, position")
                .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .forEach(row -> lists.computeIfAbsent(row[0], k -> new java.util.ArrayList<>()).add(row[1])));
        Map<Long, long[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((id, related) -> out.put(id, related.stream().mapToLong(Long::longValue).toArray()));
        return out;
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
