package org.broadsheet.comment;

import org.broadsheet.web.Digests;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk import of comments that were approved elsewhere — an archive moved from another system, or the
 * benchmark generator's synthetic readers — keeping their original times. Stored with the same insert as
 * {@link CommentWriter}'s, after the same field checks, but without the writer's queue and without the rules
 * meant for live readers (flood, duplicates, moderation): the importer vouches for the content. Like
 * {@code ArticleService.importPublished} it tells no listeners, so run it before the site serves (pages cached
 * meanwhile would keep their old comments). Each call is one transaction. Thread-safe.
 */
public final class CommentImport {

    private final Jdbi jdbi;
    private final CommentValidator validator = new CommentValidator();

    public CommentImport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One comment to import.
     *
     * @param replyTo the position in the same {@link #importApproved} list of the comment this one answers
     *                (which must come earlier and be on the same article), or -1 for a top-level comment
     */
    public record Imported(long articleId, int replyTo, String name, String email, String body, Instant createdAt) {
    }

    /**
     * Stores the comments, approved, in one transaction. A reply keeps its thread and nests one level below
     * its parent. An identical comment imported twice (same article, parent, time, author and text) fails the
     * transaction rather than appearing twice.
     *
     * @return the new ids, in order
     * @throws IllegalArgumentException if a comment's fields would be refused from a reader, or a reply does
     *                                  not point to an earlier comment on the same article
     */
    public List<Long> importApproved(List<Imported> comments) {
        List<Submission> submissions = new ArrayList<>(comments.size());
        for (int i = 0; i < comments.size(); i++) {
            Imported c = comments.get(i);
            int parent = c.replyTo();
            if (parent >= i || parent >= 0 && comments.get(parent).articleId() != c.articleId()) {
                throw new IllegalArgumentException("comment " + i + " answers " + parent
                        + ", which is not an earlier comment on the same article");
            }
            submissions.add(submission(c, i, parent < 0 ? "" : submissions.get(parent).idempotencyKey()));
        }
        return jdbi.inTransaction(h -> {
            List<Long> ids = new ArrayList<>(comments.size());
            List<Long> roots = new ArrayList<>(comments.size());
            List<Integer> depths = new ArrayList<>(comments.size());
            for (int i = 0; i < comments.size(); i++) {
                int parent = comments.get(i).replyTo();
                Long parentId = parent < 0 ? null : ids.get(parent);
                Long rootId = parent < 0 ? null : roots.get(parent) == null ? parentId : roots.get(parent);
                int depth = parent < 0 ? 0 : depths.get(parent) + 1;
                ids.add(CommentRepository.insert(h, submissions.get(i), parentId, rootId, depth, CommentStatus.APPROVED,
                        comments.get(i).createdAt().toEpochMilli()));
                roots.add(rootId);
                depths.add(depth);
            }
            return ids;
        });
    }

    private Submission submission(Imported c, int i, String parentKey) {
        CommentValidator.Result checked = validator.check(c.body(), c.name(), c.email(), "");
        if (!checked.ok()) {
            throw new IllegalArgumentException("comment " + i + " would be refused: " + checked.errors().get(0).message());
        }
        CommentValidator.Valid v = checked.valid();
        String key = Digests.sha256Hex(String.join("\u0000", "import", Long.toString(c.articleId()), parentKey,
                Long.toString(c.createdAt().toEpochMilli()), v.name(), v.emailKey(), v.body()));
        // The parent's id is known only once it is inserted, and the poster's address not at all.
        return new Submission(c.articleId(), null, v, null, false, key);
    }
}
