package org.broadsheet.article;

import org.broadsheet.web.DisplayTime;

/** A note appended to a published article, shown to readers in its own block under the article. */
public record Correction(long id, Kind kind, String text, DisplayTime time) {

    public enum Kind {
        CORRECTION("Correction"), UPDATE("Update");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
