package org.broadsheet.comment;

import io.javalin.http.Context;

/**
 * A comment POST's body, refused when it is larger than any comment form can be: by its {@code Content-Length}
 * when it declares one, else by its size. The server's own limit is the newsroom's photo size, far more than a
 * comment needs; {@code web.BodyBuffering} has already received the body without holding a thread, so the cost
 * left to bound here is what the handler would decode and echo. Stateless.
 */
final class CommentBody {

    /**
     * The largest form accepted: a comment at its limit in three-byte characters is three times
     * {@link CommentValidator#MAX_COMMENT_BYTES} once percent-encoded; the other fields fit in the fourth part.
     */
    static final int MAX_BYTES = 4 * CommentValidator.MAX_COMMENT_BYTES;
    static final String TOO_LONG = "Your comment is too long: the limit is 65,525 bytes. Please shorten it and post it again "
            + "(your browser's Back button brings back what you typed).";

    private CommentBody() {
    }

    /** The whole body, at most {@link #MAX_BYTES}; {@link TooLarge} when it is bigger. */
    static byte[] read(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        // Javalin keeps the body once read (the form-size check before the route may have read it already).
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw new TooLarge();
        }
        return body;
    }

    /** The body is larger than any comment form. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(TOO_LONG);
        }
    }
}
