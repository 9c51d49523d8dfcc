package org.broadsheet.comment;

import java.util.List;

/**
 * The comments part of an article: count, threads of one page, pager, and the reply form or the
 * "closed" notice. The same model renders under the shared article page (nothing personal in it) and on
 * the comments page (which may carry a reader's errors, typed values or held comment).
 *
 * @param form null when comments are closed
 */
public record CommentsBlock(long articleId, String articleUrl, int count, List<CommentView> threads, int page, int pages,
                            boolean open, CommentForms form, String scriptUrl, String styleUrl) {

    public String pageUrl(int number) {
        return "/comments/on/" + articleId + "?page=" + number + "#comments-heading";
    }

    public String heading() {
        return count == 0 ? "No comments yet" : count == 1 ? "1 comment" : count + " comments";
    }
}
