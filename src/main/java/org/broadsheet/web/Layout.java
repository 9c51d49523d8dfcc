package org.broadsheet.web;

import java.util.List;

/**
 * What the shared page frame needs: the head (title, description, canonical link) and the site chrome.
 * Built by {@link SiteChrome#layout}; page models carry one.
 *
 * @param canonicalUrl absolute canonical address of the page
 * @param currentPath  the path of the page, to mark the active navigation item
 * @param noIndex      true for pages search engines should not index (errors, later pages of lists)
 */
public record Layout(String siteName, String title, String description, String canonicalUrl, String currentPath,
                     List<NavLink> nav, String stylesheetUrl, boolean noIndex, int year) {

    public boolean isActive(NavLink link) {
        return currentPath != null && !"/".equals(link.url()) && currentPath.startsWith(link.url());
    }
}
