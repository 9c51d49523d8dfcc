package org.broadsheet.web;

/**
 * The client's network address. {@code X-Forwarded-For} is only believed as far as the operator says
 * trusted proxies append to it ({@code --proxy-hops}): the entry a trusted proxy added is the
 * {@code hops}-th from the right; anything left of it could have been written by the client. Every
 * feature gets it through {@code ctx.ip()} (the server installs it as Javalin's address resolver) or,
 * on the cached-page fast path, through {@link #of}: view counting, comment flood control, sign-in
 * throttling all see the reader, not the proxy. Entries are believed only when they are address
 * literals ({@link IpLiteral}); nothing in the header is ever resolved. Thread-safe (stateless).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The reader's address; the connection's peer when the trusted entry is missing, blank or not a literal. */
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
        return IpLiteral.parse(address).isPresent() ? address : direct;
    }

    /**
     * Whether the request comes from this machine: the connection's peer is a loopback literal and, behind
     * proxies, so is every entry the trusted proxies wrote (the last {@code proxyHops} of
     * {@code X-Forwarded-For}). A blank, malformed or shorthand entry ({@code 127.1}, {@code 2130706433},
     * a host name) is never local. Without the header the peer alone decides (a request made on the
     * machine itself, past the proxies).
     */
    public static boolean isLocal(RequestFacts request, int proxyHops) {
        String peer = request.remoteAddress();
        // the server may write an IPv6 peer in brackets; the peer comes from the socket, not from the client's text
        if (peer != null && peer.startsWith("[") && peer.endsWith("]")) {
            peer = peer.substring(1, peer.length() - 1);
        }
        if (!IpLiteral.isLoopback(peer)) {
            return false;
        }
        String forwarded = proxyHops == 0 ? null : request.header("X-Forwarded-For");
        if (forwarded == null) {
            return true;
        }
        String[] hops = forwarded.split(",", -1);
        for (int i = Math.max(0, hops.length - proxyHops); i < hops.length; i++) {
            if (!IpLiteral.isLoopback(hops[i].strip())) {
                return false;
            }
        }
        return true;
    }
}
