package org.broadsheet.comment;

import java.util.Locale;

/** What happens to a comment that no rule holds or marks as spam. */
public enum ModerationPolicy {
    /** Every comment waits for an editor. */
    HOLD_ALL,
    /** A comment waits unless its email address already has an approved comment (the default). */
    HOLD_FIRST_TIME,
    /** Comments appear at once. */
    APPROVE_ALL;

    static ModerationPolicy parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("comment policy must be hold-all, hold-first-time or approve-all, got " + raw, e);
        }
    }
}
