package org.broadsheet.article;

import org.broadsheet.web.DisplayTime;

import java.time.Instant;

/** An article as lists show it: headline, standfirst, section, date and thumbnail. */
public record ArticleSummary(long id, Section section, String slug, String headline, String standfirst,
                             Instant publishedAt, DisplayTime when, LeadImage leadImage, String url) {
}
