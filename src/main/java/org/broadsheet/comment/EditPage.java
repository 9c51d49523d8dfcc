package org.broadsheet.comment;

import org.broadsheet.web.Layout;

import java.util.List;

/**
 * An editor's view of one comment: correct its text, name or website; reply as staff; set when comments on
 * its article close.
 *
 * @param closeOverride the article's own closing (days after publication, 0 = closed), or null for the site default
 */
public record EditPage(Layout layout, QueuePage.Item item, String name, String website, String body, String reply,
                       List<FieldError> errors, Integer closeOverride, int defaultCloseDays, boolean open, String styleUrl,
                       String csrfToken) {

    public String errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }
}
