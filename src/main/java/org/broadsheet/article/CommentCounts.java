package org.broadsheet.article;

import java.util.List;
import java.util.Map;

/**
 * How many approved comments each listed article has, for article lists. Implemented by the comment
 * feature with one query per list; articles without comments may be absent from the map.
 */
@FunctionalInterface
public interface CommentCounts {

    Map<Long, Integer> forArticles(List<Long> articleIds);

    CommentCounts NONE = ids -> Map.of();
}
