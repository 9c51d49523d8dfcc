package org.broadsheet.article;

/** A step in an article's editorial life, as the newsroom asks for it. */
public enum DeskAction {
    /** draft → in review (a contributor hands the article to the editors). */
    SUBMIT("Submit for review"),
    /** in review, scheduled or unpublished → draft. */
    RETURN_TO_DRAFT("Return to draft"),
    /** → scheduled: published automatically at the given time. */
    SCHEDULE("Schedule"),
    /** → published now. */
    PUBLISH("Publish now"),
    /** published → unpublished: taken off the site. */
    UNPUBLISH("Unpublish");

    private final String label;

    DeskAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this action starts from. */
    public boolean startsFrom(ArticleStatus s) {
        return switch (this) {
            case SUBMIT -> s == ArticleStatus.DRAFT;
            case RETURN_TO_DRAFT -> s == ArticleStatus.IN_REVIEW || s == ArticleStatus.SCHEDULED || s == ArticleStatus.UNPUBLISHED;
            case SCHEDULE -> s == ArticleStatus.DRAFT || s == ArticleStatus.IN_REVIEW || s == ArticleStatus.SCHEDULED
                    || s == ArticleStatus.UNPUBLISHED;
            case PUBLISH -> s != ArticleStatus.PUBLISHED;
            case UNPUBLISH -> s == ArticleStatus.PUBLISHED;
        };
    }
}
