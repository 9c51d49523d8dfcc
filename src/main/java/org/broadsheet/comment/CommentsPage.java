package org.broadsheet.comment;

import org.broadsheet.web.Layout;

/** The comments of one article on a page of their own: later pages, reply links and form errors without JavaScript. */
public record CommentsPage(Layout layout, String headline, String articleUrl, CommentsBlock block) {
}
