package org.broadsheet;

import org.broadsheet.comment.CommentSettings;
import org.broadsheet.web.Authenticator;

import java.util.Map;

/**
 * The parts of the composition a caller may choose: the comment settings and, for tests only, an
 * authenticator that replaces the real sign-in ({@code null}: the newsroom's sessions decide).
 */
public record Wiring(Authenticator authenticator, CommentSettings comments) {

    /** Production: real sign-in, comment settings from {@code BROADSHEET_COMMENTS_*} variables. */
    public static Wiring fromEnvironment(Map<String, String> env) {
        return new Wiring(null, CommentSettings.fromEnvironment(env));
    }
}
