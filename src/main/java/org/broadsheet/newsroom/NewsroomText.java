package org.broadsheet.newsroom;

import org.broadsheet.article.ArticleStatus;
import org.broadsheet.web.Role;

import java.util.Map;

/** Words the newsroom screens show for codes, and the confirmations that follow a redirect. */
public final class NewsroomText {

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("created", "The article was created."),
            Map.entry("saved", "Your changes were saved."),
            Map.entry("submit", "The article was submitted for review."),
            Map.entry("return_to_draft", "The article is a draft again."),
            Map.entry("schedule", "The article is scheduled."),
            Map.entry("publish", "The article is published."),
            Map.entry("unpublish", "The article was taken off the site."),
            Map.entry("restored", "The revision was restored."),
            Map.entry("corrected", "The note was appended to the article."),
            Map.entry("invited", "The user was created. Pass on the link below."),
            Map.entry("role", "The role was changed."),
            Map.entry("deactivated", "The user was deactivated and signed out everywhere."),
            Map.entry("reactivated", "The user was reactivated."),
            Map.entry("everywhere", "You are signed out on every device."),
            Map.entry("password", "Your password is set. Please sign in."),
            Map.entry("signed-out", "You are signed out."));

    private NewsroomText() {
    }

    /** The confirmation for a {@code ?done=} code, or null for an unknown one. */
    public static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }

    /** A byte count as people read it: "20 MB", "64 KB". */
    public static String size(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes + 512 * 1024) / (1024 * 1024) + " MB" : (bytes + 512) / 1024 + " KB";
    }

    public static String status(ArticleStatus s) {
        return switch (s) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
        };
    }

    public static String role(Role r) {
        return switch (r) {
            case ANYONE -> "Anyone";
            case CONTRIBUTOR -> "Contributor";
            case AUTHOR -> "Author";
            case EDITOR -> "Editor";
            case ADMIN -> "Admin";
        };
    }
}
