package org.broadsheet.web;

import java.util.List;

/**
 * What the shared page frame needs: the head (title, description, canonical link) and the site chrome.
 * Built by {@link SiteChrome#layout}; page models carry one.
 *
 * @param canonicalUrl absolute canonical address of the page
 * @param currentPath  the path of the page, to mark the active navigation item
 * @param noIndex      true for pages search engines should not index (errors, later pages of lists)
 * @param alternates   other renderings of the page, such as its feeds, for autodiscovery
 * @param iconUrl      the site icon (SVG), or null for none
 */
public record Layout(String siteName, String title, String description, String canonicalUrl, String currentPath,
                     List<NavLink> nav, String stylesheetUrl, boolean noIndex, int year, List<AlternateLink> alternates,
                     String iconUrl) {

    public Layout {
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
    }

    /** A layout without a site icon link. */
    public Layout(String siteName, String title, String description, String canonicalUrl, String currentPath,
                  List<NavLink> nav, String stylesheetUrl, boolean noIndex, int year, List<AlternateLink> alternates) {
        this(siteName, title, description, canonicalUrl, currentPath, nav, stylesheetUrl, noIndex, year, alternates, null);
    }

    public Layout(String siteName, String title, String description, String canonicalUrl, String currentPath,
                  List<NavLink> nav, String stylesheetUrl, boolean noIndex, int year) {
        this(siteName, title, description, canonicalUrl, currentPath, nav, stylesheetUrl, noIndex, year, List.of());
    }

    public boolean isActive(NavLink link) {
        return currentPath != null && !"/".equals(link.url()) && currentPath.startsWith(link.url());
    }
}
