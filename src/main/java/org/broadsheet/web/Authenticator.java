package org.broadsheet.web;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * Finds who makes a request (from the session cookie). Implemented by the account feature; the
 * shared web layer only knows this interface.
 */
public interface Authenticator {

    Optional<Principal> authenticate(Context ctx);

    /** For a site with no accounts yet: nobody is ever signed in. */
    Authenticator NOBODY = ctx -> Optional.empty();
}
