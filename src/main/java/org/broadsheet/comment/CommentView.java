package org.broadsheet.comment;

import org.broadsheet.web.DisplayTime;

import java.util.List;

/**
 * A comment as the public pages show it: never the email or address.
 *
 * @param website  the commenter's site (http/https only, checked on the way in), or empty
 * @param held     shown only to its author: "Your comment is awaiting moderation"
 * @param replyUrl the no-JavaScript reply link ({@code /comments/on/{article}?replyto=ID#respond})
 * @param parentId the comment replied to, or null
 */
public record CommentView(long id, Long parentId, String name, String website, boolean staff, DisplayTime when,
                          List<CommentText.Paragraph> paragraphs, boolean held, String replyUrl,
                          List<CommentView> replies) {

    public CommentView {
        replies = List.copyOf(replies);
    }

    public String anchor() {
        return "comment-" + id;
    }
}
