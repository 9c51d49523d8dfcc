package org.broadsheet.article;

import java.util.List;

/**
 * What an editor (or an importer) supplies for an article; the service derives the HTML and times.
 *
 * @param leadMediaId the stored photo for the head of the article, or null
 * @param bylines     author names in byline order; unknown names become new authors
 * @param tags        tag names; unknown names become new tags
 */
public record ArticleDraft(long sectionId, String slug, String headline, String standfirst, String bodyMarkdown,
                           Long leadMediaId, String leadAlt, String leadCaption, String leadCredit,
                           List<String> bylines, List<String> tags, Source source) {

    public ArticleDraft {
        bylines = List.copyOf(bylines);
        tags = List.copyOf(tags);
        standfirst = standfirst == null ? "" : standfirst;
        leadAlt = leadAlt == null ? "" : leadAlt;
        leadCaption = leadCaption == null ? "" : leadCaption;
        leadCredit = leadCredit == null ? "" : leadCredit;
        source = source == null ? Source.NONE : source;
    }
}
