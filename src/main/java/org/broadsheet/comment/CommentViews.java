package org.broadsheet.comment;

import org.broadsheet.web.DisplayTime;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the public view of a page of threads. Stateless apart from the time zone; thread-safe. */
final class CommentViews {

    private final ZoneId zone;

    CommentViews(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Nests a page's comments under their parents (oldest first). A reply whose parent is not shown (hidden by
     * an editor) hangs under its thread's first comment. {@code held}, if given, is the reader's own comment
     * awaiting moderation, placed where it will appear.
     */
    List<CommentView> threads(CommentService.ThreadPage page, Comment held) {
        List<Comment> all = new ArrayList<>(page.comments());
        if (held != null && (held.rootId() == null || page.roots().contains(held.rootId()))) {
            all.add(held);
        }
        Map<Long, List<Comment>> children = new HashMap<>();
        Map<Long, Comment> byId = new LinkedHashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        List<Comment> roots = new ArrayList<>();
        for (Comment c : all) {
            if (c.rootId() == null) {
                roots.add(c);
            } else {
                long parent = c.parentId() != null && byId.containsKey(c.parentId()) ? c.parentId() : c.rootId();
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
            }
        }
        return roots.stream().map(r -> view(r, children, held)).toList();
    }

    CommentView single(Comment c, boolean held) {
        return new CommentView(c.id(), c.parentId(), c.name(), c.website(), c.staff(), DisplayTime.of(c.createdAt(), zone),
                CommentText.paragraphs(c.body()), held, held ? null : replyUrl(c), List.of()); // nobody can reply to a held comment
    }

    private CommentView view(Comment c, Map<Long, List<Comment>> children, Comment held) {
        List<CommentView> replies = children.getOrDefault(c.id(), List.of()).stream().map(r -> view(r, children, held)).toList();
        boolean isHeld = held != null && held.id() == c.id();
        return new CommentView(c.id(), c.parentId(), c.name(), c.website(), c.staff(), DisplayTime.of(c.createdAt(), zone),
                CommentText.paragraphs(c.body()), isHeld, isHeld ? null : replyUrl(c), replies);
    }

    static String replyUrl(Comment c) {
        return "/comments/on/" + c.articleId() + "?replyto=" + c.id() + "#respond";
    }
}
