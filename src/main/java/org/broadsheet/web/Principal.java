package org.broadsheet.web;

/** The signed-in staff member making a request. */
public record Principal(long userId, String name, String email, Role role, String sessionId) {
}
