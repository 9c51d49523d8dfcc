package org.broadsheet.web;

/**
 * The client's network address. {@code X-Forwarded-For} is only believed as far as the operator says
 * trusted proxies append to it ({@code --proxy-hops}): the entry a trusted proxy added is the
 * {@code hops}-th from the right; anything left of it could have been written by the client. Every
 * feature gets it through {@code ctx.ip()} (the server installs it as Javalin's address resolver) or,
 * on the cached-page fast path, through {@link #of}: view counting, comment flood control, sign-in
 * throttling and the metrics page's loopback check all see the reader, not the proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(RequestFacts request, int proxyHops) {
        String direct = request.remoteAddress();
        if (proxyHops == 0) {
            return direct;
        }
        String forwarded = request.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return direct;
        }
        String[] hops = forwarded.split(",", -1);
        String address = hops[Math.max(0, hops.length - proxyHops)].strip();
        return address.isEmpty() ? direct : address;
    }
}
