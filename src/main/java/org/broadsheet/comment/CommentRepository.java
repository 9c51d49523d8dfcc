package org.broadsheet.comment;

import org.broadsheet.web.Digests;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comment feature's SQL (identical on SQLite and PostgreSQL). Thread-safe. */
final class CommentRepository {

    static final String COLUMNS = "id, article_id, parent_id, root_id, depth, author_name, author_email, author_url, "
            + "author_ip, body, status, staff, created_at, updated_at";

    static final RowMapper<Comment> MAPPER = (rs, ctx) -> new Comment(rs.getLong("id"), rs.getLong("article_id"),
            nullableLong(rs, "parent_id"), nullableLong(rs, "root_id"), rs.getInt("depth"),
            rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_url"), rs.getString("author_ip"),
            rs.getString("body"), CommentStatus.fromDb(rs.getString("status")), rs.getInt("staff") == 1,
            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Jdbi jdbi;

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    CommentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** The site's comment secret, created on first use; stored in the database so every node shares it. */
    byte[] secret() {
        return jdbi.inTransaction(h -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            h.createUpdate("INSERT INTO site_settings (name, value) VALUES ('comments.secret', :v) ON CONFLICT (name) DO NOTHING")
                    .bind("v", Base64.getEncoder().encodeToString(fresh)).execute();
            String stored = h.createQuery("SELECT value FROM site_settings WHERE name = 'comments.secret'").mapTo(String.class).one();
            return Base64.getDecoder().decode(stored);
        });
    }

    Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Comment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    // ---- writes made by the single writer, inside its transaction ----

    static Optional<Long> idByKey(Handle h, String key) {
        return h.createQuery("SELECT id FROM comments WHERE idempotency_key = :k").bind("k", key).mapTo(Long.class).findOne();
    }

    static boolean recentFrom(Handle h, String address, String emailKey, long sinceMillis) {
        return h.createQuery("SELECT 1 FROM comments WHERE email_key = :e AND created_at > :t AND staff = 0 "
                        + "UNION ALL SELECT 1 FROM comments WHERE author_ip = :ip AND created_at > :t AND staff = 0 LIMIT 1")
                .bind("e", emailKey).bind("ip", address).bind("t", sinceMillis).mapTo(Integer.class).findOne().isPresent();
    }

    static boolean sameTextFrom(Handle h, String emailKey, long articleId, String bodyHash) {
        return h.createQuery("SELECT 1 FROM comments WHERE email_key = :e AND article_id = :a AND body_hash = :b "
                        + "AND status <> 'trash' LIMIT 1")
                .bind("e", emailKey).bind("a", articleId).bind("b", bodyHash).mapTo(Integer.class).findOne().isPresent();
    }

    static boolean hasApproved(Handle h, String emailKey) {
        return h.createQuery("SELECT 1 FROM comments WHERE email_key = :e AND status = 'approved' AND staff = 0 LIMIT 1")
                .bind("e", emailKey).mapTo(Integer.class).findOne().isPresent();
    }

    static long insert(Handle h, Submission s, Long parentId, Long rootId, int depth, CommentStatus status, long now) {
        return h.createQuery("INSERT INTO comments (article_id, parent_id, root_id, depth, author_name, author_email, "
                        + "email_key, author_url, author_ip, body, body_hash, status, staff, idempotency_key, created_at, updated_at) "
                        + "VALUES (:article, :parent, :root, :depth, :name, :email, :emailKey, :url, :ip, :body, :hash, :status, "
                        + ":staff, :key, :now, :now) RETURNING id")
                .bind("article", s.articleId()).bind("parent", parentId).bind("root", rootId).bind("depth", depth)
                .bind("name", s.fields().name()).bind("email", s.fields().email()).bind("emailKey", s.fields().emailKey())
                .bind("url", s.fields().website()).bind("ip", s.address()).bind("body", s.fields().body())
                .bind("hash", s.bodyHash()).bind("status", status.db()).bind("staff", s.staff() ? 1 : 0)
                .bind("key", s.idempotencyKey()).bind("now", now)
                .mapTo(Long.class).one();
    }

    // ---- reads for pages ----

    /** Ids of the approved top-level comments of one page, oldest first. */
    List<Long> rootIds(long articleId, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM comments WHERE article_id = :a AND status = 'approved' "
                        + "AND root_id IS NULL ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("a", articleId).bind("limit", limit).bind("offset", offset).mapTo(Long.class).list());
    }

    int rootCount(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM comments WHERE article_id = :a AND status = 'approved' "
                + "AND root_id IS NULL").bind("a", articleId).mapTo(Integer.class).one());
    }

    /** 1-based position of a top-level comment among the approved ones (for finding its page). */
    int rootPosition(long articleId, long rootId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM comments WHERE article_id = :a AND status = 'approved' "
                + "AND root_id IS NULL AND id <= :r").bind("a", articleId).bind("r", rootId).mapTo(Integer.class).one());
    }

    /** The approved comments of the given threads, oldest first. */
    List<Comment> approvedInThreads(List<Long> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        // Two indexed lookups, by id and by root. With "id IN … OR root_id IN …" SQLite chose the status index
        // and read every approved comment of the site (50 ms a page at 200,000 comments); "status || ''" keeps
        // it on the root index for the replies (same meaning, same SQL on PostgreSQL).
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comments WHERE status = 'approved' AND id IN (<roots>) "
                        + "UNION ALL SELECT " + COLUMNS + " FROM comments WHERE root_id IN (<roots>) AND status || '' = 'approved' "
                        + "ORDER BY id")
                .bindList("roots", roots).map(MAPPER).list());
    }

    /** Approved comment counts for many articles in one query; articles without comments are absent. */
    Map<Long, Integer> approvedCounts(List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<Long, Integer> counts = new HashMap<>();
            h.createQuery("SELECT article_id, count(*) AS n FROM comments WHERE status = 'approved' AND article_id IN (<ids>) "
                            + "GROUP BY article_id")
                    .bindList("ids", articleIds)
                    .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    Optional<Integer> closeOverride(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT close_after_days FROM comment_article_options WHERE article_id = :a")
                .bind("a", articleId).mapTo(Integer.class).findOne());
    }

    void setCloseOverride(long articleId, Integer days) {
        jdbi.useHandle(h -> {
            if (days == null) {
                h.createUpdate("DELETE FROM comment_article_options WHERE article_id = :a").bind("a", articleId).execute();
            } else {
                h.createUpdate("INSERT INTO comment_article_options (article_id, close_after_days) VALUES (:a, :d) "
                        + "ON CONFLICT (article_id) DO UPDATE SET close_after_days = excluded.close_after_days")
                        .bind("a", articleId).bind("d", days).execute();
            }
        });
    }

    // ---- moderation queue ----

    List<Comment> queue(CommentStatus status, Long articleId, int offset, int limit) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM comments WHERE status = :s"
                            + (articleId == null ? "" : " AND article_id = :a") + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                    .bind("s", status.db()).bind("limit", limit).bind("offset", offset);
            if (articleId != null) {
                q.bind("a", articleId);
            }
            return q.map(MAPPER).list();
        });
    }

    Map<CommentStatus, Integer> countsByStatus(Long articleId) {
        Map<CommentStatus, Integer> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus s : CommentStatus.values()) {
            counts.put(s, 0);
        }
        jdbi.useHandle(h -> {
            var q = h.createQuery("SELECT status, count(*) AS n FROM comments"
                    + (articleId == null ? "" : " WHERE article_id = :a") + " GROUP BY status");
            if (articleId != null) {
                q.bind("a", articleId);
            }
            q.map((rs, ctx) -> Map.entry(CommentStatus.fromDb(rs.getString("status")), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
        });
        return counts;
    }

    /** Sets the status of the given comments; returns the ids of the articles touched. */
    List<Long> setStatus(List<Long> ids, CommentStatus status, long now) {
        return jdbi.inTransaction(h -> {
            List<Long> articles = h.createQuery("SELECT DISTINCT article_id FROM comments WHERE id IN (<ids>)")
                    .bindList("ids", ids).mapTo(Long.class).list();
            h.createUpdate("UPDATE comments SET status = :s, updated_at = :now WHERE id IN (<ids>)")
                    .bind("s", status.db()).bind("now", now).bindList("ids", ids).execute();
            return articles;
        });
    }

    void edit(long id, String name, String website, String body, long now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE comments SET author_name = :n, author_url = :u, body = :b, "
                        + "body_hash = :hash, updated_at = :now WHERE id = :id")
                .bind("n", name).bind("u", website).bind("b", body).bind("hash", Digests.sha256Hex(body))
                .bind("now", now).bind("id", id).execute());
    }

    /** Erases the addresses of comments made before {@code beforeMillis}; returns how many. */
    int eraseAddresses(long beforeMillis) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE comments SET author_ip = NULL WHERE author_ip IS NOT NULL "
                + "AND created_at < :t").bind("t", beforeMillis).execute());
    }
}
