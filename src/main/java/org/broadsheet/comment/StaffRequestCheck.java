package org.broadsheet.comment;

import io.javalin.http.Context;

/**
 * The one place the moderation queue checks that a POST is a genuine staff request (CSRF). Today it is the
 * same-origin check; when the newsroom's session CSRF tokens ({@code web/Csrf}) arrive, the composition root
 * passes an implementation that verifies them instead (or as well).
 */
@FunctionalInterface
public interface StaffRequestCheck {

    /** Throws an HTTP 403 response when the request must not be served. */
    void verify(Context ctx);

    /**
     * The token the queue's forms carry in the hidden field {@code _csrf} (the newsroom's {@code Csrf.FIELD}),
     * or null when this check needs none (the same-origin check).
     */
    default String formToken(Context ctx) {
        return null;
    }
}
