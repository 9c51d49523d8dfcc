package org.broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The one access check: runs before every matched route and compares the route's declared role with
 * the signed-in user's. A route that declares no role is refused, so a forgotten declaration fails
 * closed. Signed-out visitors asking for a staff page are sent to the sign-in page.
 */
public final class AccessCheck {

    /** Request attribute under which the signed-in {@link Principal} is kept for handlers. */
    public static final String PRINCIPAL = "broadsheet.principal";

    private final Authenticator authenticator;
    private final String signInPath;

    public AccessCheck(Authenticator authenticator, String signInPath) {
        this.authenticator = authenticator;
        this.signInPath = signInPath;
    }

    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Role.ANYONE)) {
            return;
        }
        if (roles.isEmpty()) {
            throw new ForbiddenResponse("This address is not open to anyone.");
        }
        Optional<Principal> principal = authenticator.authenticate(ctx);
        if (principal.isEmpty()) {
            if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                ctx.redirect(signInPath + "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ForbiddenResponse("Please sign in first.");
        }
        ctx.attribute(PRINCIPAL, principal.get());
        boolean allowed = roles.stream().anyMatch(r -> r instanceof Role required && principal.get().role().includes(required));
        if (!allowed) {
            throw new ForbiddenResponse("Your role does not allow this.");
        }
    }

    /** The signed-in user of a request that passed the check, if any. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }
}
