package org.broadsheet.feed;

import org.jdbi.v3.core.Jdbi;

/**
 * Editor-set feed options, kept in the {@code site_settings} table so they can change without a restart.
 * {@value #FULL_TEXT} = {@code false} publishes summaries (the standfirst) instead of the full text,
 * which is the default. Thread-safe.
 */
final class FeedOptions {

    static final String FULL_TEXT = "feeds.full_text";

    private final Jdbi jdbi;

    FeedOptions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    boolean fullText() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_settings WHERE name = :name")
                .bind("name", FULL_TEXT).mapTo(String.class).findOne())
                .map(v -> !"false".equalsIgnoreCase(v.strip()))
                .orElse(true);
    }
}
