package org.broadsheet.comment;

import java.util.List;

/**
 * The reply form as a template shows it: values to keep, errors to list, the comment replied to.
 *
 * @param parentId    the comment replied to, or null for a new thread
 * @param replyingTo  that comment's author, for the heading "Reply to …", or null
 * @param cancelUrl   where "Cancel reply" leads
 * @param errors      problems in form order; a general problem has an empty field
 */
public record CommentForms(long articleId, Long parentId, String replyingTo, String cancelUrl, String body, String name,
                           String email, String website, boolean remember, String token, String key,
                           List<FieldError> errors) {

    public CommentForms {
        errors = List.copyOf(errors);
    }

    static CommentForms empty(long articleId, String token, String cancelUrl) {
        return new CommentForms(articleId, null, null, cancelUrl, "", "", "", "", false, token, "", List.of());
    }

    /**
     * Where the form posts: its article's comments page, so that the address shown after a refused submission
     * answers a reload or a bookmark (a GET there shows the comments and a fresh form). No fragment: a page
     * opened at a fragment skips {@code autofocus}, which moves the reader to the field with the problem.
     */
    public String action() {
        return "/comments/on/" + articleId;
    }

    /** The message for a field, or null. */
    public String errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The field that gets focus: the first one with a problem; null means the summary (a general problem). */
    public String focus() {
        return errors.stream().map(FieldError::field).filter(f -> !f.isEmpty()).findFirst().orElse(null);
    }

    public boolean focusSummary() {
        return hasErrors() && focus() == null;
    }

    public boolean focused(String field) {
        return field.equals(focus());
    }
}
