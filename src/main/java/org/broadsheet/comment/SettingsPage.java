package org.broadsheet.comment;

import org.broadsheet.web.Layout;

/**
 * The editors' comment settings form. {@code csrfToken} is null when staff forms need no token.
 *
 * @param values the rules shown (stored ones, or the last submission as typed)
 * @param error  what is wrong with the last submission, or null
 */
public record SettingsPage(Layout layout, Values values, String error, boolean saved, String styleUrl, String csrfToken) {

    /**
     * The form's fields as text.
     *
     * @param policy    the chosen {@link ModerationPolicy} name
     * @param closeOld  whether comments close some days after publication (off: they never close)
     * @param closeDays how many days, shown even while {@code closeOld} is off
     */
    public record Values(String policy, String maxLinks, String blocklist, boolean closeOld, String closeDays) {
    }
}
