package org.broadsheet.comment;

import java.util.Locale;
import java.util.Optional;

/** Where a comment stands. Only {@link #APPROVED} comments are shown to readers. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses a status from a query parameter; unknown values give empty. */
    static Optional<CommentStatus> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (CommentStatus s : values()) {
            if (s.db().equals(raw)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return switch (this) {
            case PENDING -> "Pending";
            case APPROVED -> "Approved";
            case SPAM -> "Spam";
            case TRASH -> "Trash";
        };
    }
}
