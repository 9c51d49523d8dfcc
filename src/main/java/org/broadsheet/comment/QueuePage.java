package org.broadsheet.comment;

import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Layout;

import java.util.List;

/**
 * The moderation queue: tabs with counts per state, an optional article filter, one page of comments.
 *
 * @param articleFilter the article the list is limited to, or null
 * @param notice        what the last action did, or null
 */
public record QueuePage(Layout layout, CommentStatus status, List<Tab> tabs, ArticleRef articleFilter, List<Item> items,
                        int page, boolean hasNext, String notice, String returnTo, String styleUrl,
                        String csrfToken) {

    /** A state with its count. */
    public record Tab(String label, int count, String url, boolean current) {
    }

    /** The article a comment belongs to. */
    public record ArticleRef(long id, String headline, String url, String filterUrl) {
    }

    /** One comment in the queue, with everything an editor needs, including email and address. */
    public record Item(long id, ArticleRef article, String name, String email, String website, String address,
                       DisplayTime when, CommentView view, CommentStatus status, boolean staff, Long parentId, String editUrl) {
    }

    public String pageUrl(int number) {
        return "/newsroom/comments?status=" + status.name().toLowerCase(java.util.Locale.ROOT)
                + (articleFilter == null ? "" : "&article=" + articleFilter.id()) + "&page=" + number;
    }
}
