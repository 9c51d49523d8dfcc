package org.broadsheet.ranking.web;

import io.javalin.http.Context;
import org.broadsheet.web.RequestFacts;

/**
 * The reader's network address. {@code X-Forwarded-For} is only believed as far as the operator says
 * trusted proxies append to it: the entry a trusted proxy added is the {@code hops}-th from the right;
 * anything left of it could have been written by the client.
 */
final class ReaderAddress {

    private ReaderAddress() {
    }

    static String of(Context ctx, int proxyHops) {
        return of(RequestFacts.of(ctx), proxyHops);
    }

    static String of(RequestFacts request, int proxyHops) {
        String direct = request.remoteAddress();
        if (proxyHops == 0) {
            return direct;
        }
        String forwarded = request.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return direct;
        }
        String[] hops = forwarded.split(",");
        return hops[Math.max(0, hops.length - proxyHops)].strip();
    }
}
