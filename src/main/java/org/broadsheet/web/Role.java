package org.broadsheet.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route declares one; {@link AccessCheck} enforces it in one place.
 * Staff roles are ordered: each includes the rights of the ones before it.
 */
public enum Role implements RouteRole {
    /** Anyone, signed in or not. */
    ANYONE,
    /** Writes drafts and submits them for review. */
    CONTRIBUTOR,
    /** Publishes their own articles. */
    AUTHOR,
    /** Edits and publishes any article; moderates comments. */
    EDITOR,
    /** Manages users and site settings. */
    ADMIN;

    /** True if someone holding this role may use a route that requires {@code required}. */
    public boolean includes(Role required) {
        return required == ANYONE || this != ANYONE && ordinal() >= required.ordinal();
    }
}
