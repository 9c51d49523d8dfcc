package org.broadsheet.web;

/** The page shown for a 4xx or 5xx answer: a plain message, never a stack trace. */
public record ErrorPage(Layout layout, int status, String heading, String message) {
}
