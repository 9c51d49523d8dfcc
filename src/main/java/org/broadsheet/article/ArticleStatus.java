package org.broadsheet.article;

import java.util.Locale;

/** The editorial life of an article: draft → in review → scheduled → published → unpublished. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

    /** The value stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
