package org.broadsheet.web;

/** A link in the site's main navigation. */
public record NavLink(String label, String url) {
}
