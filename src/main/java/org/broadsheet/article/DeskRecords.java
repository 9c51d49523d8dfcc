package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

/** The records the newsroom's article desk hands out. */
public final class DeskRecords {

    private DeskRecords() {
    }

    /** One row of the newsroom's article list. */
    public record Item(long id, String headline, ArticleStatus status, String sectionName, Instant updatedAt,
                       Instant publishedAt, Long createdBy, String url) {
    }

    /** What the newsroom list is narrowed to; nulls mean "any". */
    public record Filter(ArticleStatus status, Long sectionId, Long authorId, String query, Long onlyCreatedBy) {
    }

    /** A stored state of an article, kept at every save and status change. */
    public record Revision(long id, long articleId, int version, Instant savedAt, String savedBy, String note,
                           ArticleDraft draft) {
    }

    /** A line of the newsroom's recent-activity feed. */
    public record Activity(long articleId, String headline, String who, String what, Instant at) {
    }

    /** A scheduled article and its time. */
    public record Scheduled(long id, String headline, Instant at) {
    }

    /** A problem with a field of a draft, for the form to show next to it. */
    public record Problem(String field, String message) {
    }

    /** Raised when a draft cannot be saved as it is; each problem names its field. */
    public static final class InvalidDraftException extends RuntimeException {
        private final List<Problem> problems;

        public InvalidDraftException(List<Problem> problems) {
            super(problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Raised when the person may not do this to this article. */
    public static final class NotAllowedException extends RuntimeException {
        public NotAllowedException(String message) {
            super(message);
        }
    }

    /** Raised for a status change that does not apply (e.g. scheduling in the past). */
    public static final class InvalidActionException extends RuntimeException {
        public InvalidActionException(String message) {
            super(message);
        }
    }

    /** Raised when someone else saved the article after the editor loaded it; nothing was written. */
    public static final class StaleEditException extends RuntimeException {
        private final Revision latest;

        public StaleEditException(Revision latest) {
            super("Someone else saved this article meanwhile" + (latest == null ? "" : " (" + latest.savedBy() + ", version "
                    + latest.version() + ")") + ". Your changes were not saved: copy them, reload the article and apply them again.");
            this.latest = latest;
        }

        public Revision latest() {
            return latest;
        }
    }
}
