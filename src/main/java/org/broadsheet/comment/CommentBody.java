package org.broadsheet.comment;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a comment POST's body, refusing one larger than any comment form can be before reading past that size:
 * by its {@code Content-Length} when it declares one, else by counting the bytes as they arrive (a chunked body).
 * The server's own limit is the newsroom's photo size, far more than a comment needs. Stateless.
 */
final class CommentBody {

    /**
     * The largest form accepted: a comment at its limit in three-byte characters is three times
     * {@link CommentValidator#MAX_COMMENT_BYTES} once percent-encoded; the other fields fit in the fourth part.
     */
    static final int MAX_BYTES = 4 * CommentValidator.MAX_COMMENT_BYTES;
    /**
     * A refused body up to this size is read and dropped, so that the browser, still sending, shows the answer
     * instead of "connection reset"; a bigger one is not worth the bandwidth and gets the closed connection.
     */
    private static final long DRAIN_BYTES = 4L * MAX_BYTES;
    static final String TOO_LONG = "Your comment is too long: the limit is 65,525 bytes. Please shorten it and post it again "
            + "(your browser's Back button brings back what you typed).";

    private CommentBody() {
    }

    /** The whole body, at most {@link #MAX_BYTES}; {@link TooLarge} (after draining a modest excess) when it is bigger. */
    static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > MAX_BYTES) {
                if (declared <= DRAIN_BYTES) {
                    in.skipNBytes(declared);
                }
                throw new TooLarge();
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                drain(in);
                throw new TooLarge();
            }
            return body;
        } catch (IOException e) {
            // The sender stopped sending (or went away): nothing usable arrived.
            throw new BadRequestResponse("Your comment did not arrive completely. Please post it again.");
        }
    }

    /** Drops what follows a refused chunked body, up to {@link #DRAIN_BYTES} in all. */
    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_BYTES - MAX_BYTES - 1;
        byte[] buffer = new byte[8192];
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    /** The body is larger than any comment form. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(TOO_LONG);
        }
    }
}
