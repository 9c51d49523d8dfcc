package org.broadsheet.account;

import org.broadsheet.web.Role;

import java.time.Instant;

/** A staff member of the newsroom. {@code hasPassword} is false for an invitation not yet accepted. */
public record User(long id, String email, String name, Role role, boolean active, boolean hasPassword, Instant createdAt) {
}
