package org.broadsheet.article;

import org.broadsheet.web.Layout;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.Paged;

import java.util.List;

/**
 * A paginated list of articles: a section, a tag or an author page.
 *
 * @param kind        what is listed, e.g. "Section", "Topic", "Author", for the label above the heading
 * @param breadcrumbs links above the heading (a subsection's parent), may be empty
 * @param related     links to sub-sections or sibling sections, may be empty
 * @param basePath    the list's own path, to which {@code ?page=N} is added
 * @param commentCounts approved comments per listed article id (absent = none)
 */
public record ListPage(Layout layout, String kind, String heading, String intro, List<NavLink> breadcrumbs,
                       List<NavLink> related, Paged<ArticleSummary> articles, String basePath,
                       java.util.Map<Long, Integer> commentCounts) {

    public String pageUrl(int number) {
        return number <= 1 ? basePath : basePath + "?page=" + number;
    }
}
