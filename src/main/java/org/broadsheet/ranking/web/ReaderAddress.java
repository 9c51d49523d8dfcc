package org.broadsheet.ranking.web;

import io.javalin.http.Context;

/**
 * The reader's network address. {@code X-Forwarded-For} is only believed as far as the operator says
 * trusted proxies append to it: the entry a trusted proxy added is the {@code hops}-th from the right;
 * anything left of it could have been written by the client.
 */
final class ReaderAddress {

    private ReaderAddress() {
    }

    static String of(Context ctx, int proxyHops) {
        String direct = ctx.req().getRemoteAddr();
        if (proxyHops == 0) {
            return direct;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return direct;
        }
        String[] hops = forwarded.split(",");
        return hops[Math.max(0, hops.length - proxyHops)].strip();
    }
}
