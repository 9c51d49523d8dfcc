package org.broadsheet.newsroom;

import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;

import java.util.List;

/**
 * The frame of every newsroom screen: title, the signed-in person (null on the sign-in screens), the
 * CSRF token for its forms and the stylesheets.
 *
 * @param iconUrl the site icon (SVG)
 * @param section the navigation item to mark as current ("dashboard", "articles", "new", "users")
 * @param notice  a one-line confirmation to show at the top, or null
 */
public record StaffLayout(String siteName, String title, Principal user, String csrf, List<String> stylesheets,
                          String iconUrl, String section, String notice) {

    public boolean isAdmin() {
        return user != null && user.role().includes(Role.ADMIN);
    }

    public String current(String item) {
        return item.equals(section) ? "page" : null;
    }

    public String roleLabel() {
        return user == null ? "" : NewsroomText.role(user.role());
    }
}
