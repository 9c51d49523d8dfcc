package org.broadsheet.article;

import org.broadsheet.web.Layout;

import java.util.List;

/**
 * The front page: a lead story, the latest news and a block per top section. The ranking blocks are
 * filled by the ranking feature and hidden while empty.
 */
public record HomePage(Layout layout, ArticleSummary lead, List<ArticleSummary> latest, List<SectionBlock> sections,
                       List<ArticleSummary> topThisWeek, List<ArticleSummary> trending) {

    /** One top section's newest articles. */
    public record SectionBlock(Section section, List<ArticleSummary> articles) {
    }
}
