package org.broadsheet.comment;

import java.time.Instant;

/**
 * One stored comment. {@code rootId} is null for a top-level comment; {@code depth} is 0 for top level.
 * {@code address} is null once erased.
 */
public record Comment(long id, long articleId, Long parentId, Long rootId, int depth, String name, String email,
                      String website, String address, String body, CommentStatus status, boolean staff,
                      Instant createdAt, Instant updatedAt) {

    /** The top-level comment of this comment's thread. */
    public long threadRoot() {
        return rootId == null ? id : rootId;
    }
}
