package org.broadsheet.comment;

import org.broadsheet.web.Layout;

/**
 * The editors' moderation settings form. {@code csrfToken} is null when staff forms need no token.
 *
 * @param policy the chosen {@link ModerationPolicy} name
 * @param error  what is wrong with the last submission, or null
 */
public record SettingsPage(Layout layout, String policy, String maxLinks, String blocklist, String error, boolean saved,
                           String styleUrl, String csrfToken) {
}
