package org.broadsheet.comment;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The moderation rules that decide a new reader comment's status: blocklist → spam; too many links → held;
 * otherwise the site's {@link ModerationPolicy}. Thread-safe; the rules in force come from a supplier (editors
 * may change them while the site runs) and the writer says whether the email address is already trusted.
 */
final class Moderation {

    private final Supplier<ModerationRules.Rules> rules;

    Moderation(Supplier<ModerationRules.Rules> rules) {
        this.rules = rules;
    }

    /** Fixed rules taken from start-up settings (tests). */
    Moderation(CommentSettings settings) {
        this(() -> ModerationRules.fixed(settings));
    }

    boolean needsTrust() {
        return rules.get().policy() == ModerationPolicy.HOLD_FIRST_TIME;
    }

    CommentStatus decide(CommentValidator.Valid fields, String address, boolean trusted) {
        ModerationRules.Rules r = rules.get();
        if (blocked(r, fields, address)) {
            return CommentStatus.SPAM;
        }
        if (CommentText.linkCount(fields.body()) + CommentText.linkCount(fields.name()) > r.maxLinks()) {
            return CommentStatus.PENDING;
        }
        return switch (r.policy()) {
            case HOLD_ALL -> CommentStatus.PENDING;
            case APPROVE_ALL -> CommentStatus.APPROVED;
            case HOLD_FIRST_TIME -> trusted ? CommentStatus.APPROVED : CommentStatus.PENDING;
        };
    }

    /** A blocklist entry matches a word in the text, name or website, the email address, or the IP address (or its prefix ending in . or :). */
    private static boolean blocked(ModerationRules.Rules r, CommentValidator.Valid fields, String address) {
        String text = (fields.body() + "\n" + fields.name() + "\n" + fields.website()).toLowerCase(Locale.ROOT);
        String email = fields.emailKey();
        for (String entry : r.blocklist()) {
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
