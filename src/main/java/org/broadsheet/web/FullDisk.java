package org.broadsheet.web;

import io.javalin.http.Context;
import org.broadsheet.storage.OutOfSpaceLog;

/**
 * How a write refused for lack of disk space is answered: {@code 503} with {@code Retry-After} and
 * {@link #MESSAGE}, the cause counted by the {@link OutOfSpaceLog} (logged once a minute, never a stack
 * trace per request). {@link ErrorPages} does this for every request that fails so; a screen that can
 * show its form again with what was typed calls {@link #refuses} itself and renders {@link #MESSAGE} in
 * the form. Nothing is cached or restarted: the next write after space returns simply succeeds.
 * Thread-safe.
 */
public final class FullDisk {

    public static final String MESSAGE = "The server has run out of disk space, so this could not be saved. Nothing was"
            + " changed. Please try again in a few minutes; the site's administrator has been told.";
    /** Seconds a client should wait: freeing space takes a person, not a moment. */
    static final String RETRY_AFTER = "120";

    private final OutOfSpaceLog log;

    public FullDisk(OutOfSpaceLog log) {
        this.log = log;
    }

    /** Where full disks are reported, for background work that has no request to answer. */
    public OutOfSpaceLog log() {
        return log;
    }

    /**
     * When {@code failure} is a full disk: reports it, sets the answer's status to 503 with Retry-After,
     * and returns true (the caller then renders {@link #MESSAGE}). Otherwise returns false and touches nothing.
     */
    public boolean refuses(Context ctx, Throwable failure) {
        if (!log.report(ctx.method() + " " + ctx.path(), failure)) {
            return false;
        }
        ctx.status(503);
        ctx.header("Retry-After", RETRY_AFTER);
        return true;
    }
}
