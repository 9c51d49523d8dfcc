package org.broadsheet.comment;

import java.util.Locale;

/**
 * The moderation rules that decide a new reader comment's status: blocklist → spam; too many links → held;
 * otherwise the site's {@link ModerationPolicy}. Pure and thread-safe; the writer supplies whether the
 * email address is already trusted.
 */
final class Moderation {

    private final CommentSettings settings;

    Moderation(CommentSettings settings) {
        this.settings = settings;
    }

    CommentStatus decide(CommentValidator.Valid fields, String address, boolean trusted) {
        if (blocked(fields, address)) {
            return CommentStatus.SPAM;
        }
        if (CommentText.linkCount(fields.body()) + CommentText.linkCount(fields.name()) > settings.maxLinks()) {
            return CommentStatus.PENDING;
        }
        return switch (settings.policy()) {
            case HOLD_ALL -> CommentStatus.PENDING;
            case APPROVE_ALL -> CommentStatus.APPROVED;
            case HOLD_FIRST_TIME -> trusted ? CommentStatus.APPROVED : CommentStatus.PENDING;
        };
    }

    /** A blocklist entry matches a word in the text, name or website, the email address, or the IP address (or its prefix ending in . or :). */
    boolean blocked(CommentValidator.Valid fields, String address) {
        String text = (fields.body() + "\n" + fields.name() + "\n" + fields.website()).toLowerCase(Locale.ROOT);
        String email = fields.emailKey();
        for (String entry : settings.blocklist()) {
            if (text.contains(entry) || email.contains(entry)) {
                return true;
            }
            if (address != null && (address.equals(entry) || (entry.endsWith(".") || entry.endsWith(":")) && address.startsWith(entry))) {
                return true;
            }
        }
        return false;
    }
}
