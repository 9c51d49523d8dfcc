package org.broadsheet.comment;

import org.broadsheet.web.Digests;

/**
 * A checked comment on its way to the writer.
 *
 * @param address        the poster's IP address (null for staff)
 * @param idempotencyKey same form view + same content ⇒ same key, so a resubmission finds the first comment
 */
record Submission(long articleId, Long parentId, CommentValidator.Valid fields, String address, boolean staff,
                  String idempotencyKey) {

    String bodyHash() {
        return Digests.sha256Hex(fields.body());
    }
}
