package org.broadsheet.article;

import gg.jte.Content;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Layout;

import java.util.List;

/**
 * The article page, laid out as the reference page: kicker, headline, standfirst, bylines and dates,
 * lead photo with caption and credit, body, source, then the reader-discovery blocks.
 *
 * @param parentSection the kicker's parent for a subsection (News › Russia-Ukraine war), or null
 * @param updated       when the text changed after publication, or null
 * @param addon         the part below the body another feature renders (comments)
 * @param viewMarkup    what lets the reader's browser report the read (the view beacon), or empty
 * @param corrections   corrections and updates appended after publication, oldest first
 * @param head          extra head markup another feature renders (structured data, sharing tags)
 */
public record ArticlePage(Layout layout, Article article, Section parentSection, DisplayTime published,
                          DisplayTime updated, List<ArticleSummary> topThisWeek, List<ArticleSummary> related,
                          List<ArticleSummary> popular, Content addon, Content viewMarkup,
                          List<Correction> corrections, Content head) {
}
