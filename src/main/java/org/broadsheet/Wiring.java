package org.broadsheet;

import org.broadsheet.comment.CommentSettings;
import org.broadsheet.web.Authenticator;

import java.util.Map;

/**
 * The parts of the composition a caller may choose: who is signed in (tests pass a small authenticator until
 * the account feature provides the real one) and the comment settings.
 */
public record Wiring(Authenticator authenticator, CommentSettings comments) {

    /** Production: nobody signed in yet, comment settings from {@code BROADSHEET_COMMENTS_*} variables. */
    public static Wiring fromEnvironment(Map<String, String> env) {
        return new Wiring(Authenticator.NOBODY, CommentSettings.fromEnvironment(env));
    }
}
