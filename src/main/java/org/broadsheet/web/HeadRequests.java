package org.broadsheet.web;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes every GET route answer HEAD as well, with the same handler and the same declared roles, so HEAD
 * gets exactly GET's status and headers (Jetty leaves the body out). Without it Javalin answers HEAD on
 * its own, matching the GET route but with no roles, which {@link AccessCheck} refuses (403), and without
 * running the handler (no Content-Type or Content-Length). Handlers that must not act on a HEAD (counting
 * a read) look at the method themselves. Call once, after every route is registered.
 */
public final class HeadRequests {

    private HeadRequests() {
    }

    /** Adds a HEAD route beside every GET route of {@code router} that has none yet, in GET's order. */
    public static void answerLikeGet(InternalRouter router) {
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> withHead = new HashSet<>();
        for (ParsedEndpoint parsed : router.allHttpHandlers()) {
            endpoints.add(parsed.endpoint);
            if (parsed.endpoint.method == HandlerType.HEAD) {
                withHead.add(parsed.endpoint.path);
            }
        }
        for (Endpoint get : endpoints) {
            if (get.method == HandlerType.GET && withHead.add(get.path)) {
                Roles roles = get.metadata(Roles.class);
                Endpoint head = new Endpoint(HandlerType.HEAD, get.path, get.handler);
                router.addHttpEndpoint(roles == null ? head : head.withMetadata(roles));
            }
        }
    }
}
