package org.broadsheet.web;

/**
 * A {@code <link rel="alternate">} in a page head, e.g. a feed of the page for autodiscovery.
 *
 * @param type media type, e.g. {@code application/rss+xml}
 * @param href absolute or root-relative address
 */
public record AlternateLink(String type, String title, String href) {
}
