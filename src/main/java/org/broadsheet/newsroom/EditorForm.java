package org.broadsheet.newsroom;

import io.javalin.http.Context;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.Source;

import java.util.Arrays;
import java.util.List;

/**
 * The article form as typed, kept verbatim so a form with a problem comes back exactly as it was sent.
 * Bylines and tags are comma-separated lists.
 */
public record EditorForm(String headline, String slug, long sectionId, String standfirst, String body, String bylines,
                         String tags, Long leadMediaId, String leadAlt, String leadCaption, String leadCredit,
                         String sourceName, String sourceUrl, String sourceLicence, String sourceLicenceUrl) {

    static EditorForm from(Context ctx) {
        Long media = NewsroomWeb.optionalNumber(ctx.formParam("leadMediaId"), "The photo number");
        if ("on".equals(ctx.formParam("removeLead"))) {
            media = null;
        }
        long section = 0;
        String rawSection = ctx.formParam("section");
        if (rawSection != null && rawSection.matches("\\d{1,18}")) {
            section = Long.parseLong(rawSection);
        }
        return new EditorForm(text(ctx, "headline"), text(ctx, "slug"), section, text(ctx, "standfirst"), text(ctx, "body"),
                text(ctx, "bylines"), text(ctx, "tags"), media, text(ctx, "leadAlt"), text(ctx, "leadCaption"),
                text(ctx, "leadCredit"), text(ctx, "sourceName"), text(ctx, "sourceUrl"), text(ctx, "sourceLicence"),
                text(ctx, "sourceLicenceUrl"));
    }

    static EditorForm of(ArticleDraft d) {
        return new EditorForm(d.headline(), d.slug(), d.sectionId(), d.standfirst(), d.bodyMarkdown(), String.join(", ", d.bylines()),
                String.join(", ", d.tags()), d.leadMediaId(), d.leadAlt(), d.leadCaption(), d.leadCredit(), d.source().name(),
                d.source().url(), d.source().licence(), d.source().licenceUrl());
    }

    static EditorForm blank(long sectionId, String byline) {
        return new EditorForm("", "", sectionId, "", "", byline, "", null, "", "", "", "", "", "", "");
    }

    EditorForm withLeadMedia(Long id) {
        return new EditorForm(headline, slug, sectionId, standfirst, body, bylines, tags, id, leadAlt, leadCaption, leadCredit,
                sourceName, sourceUrl, sourceLicence, sourceLicenceUrl);
    }

    ArticleDraft toDraft() {
        return new ArticleDraft(sectionId, slug, headline, standfirst, body.replace("\r\n", "\n"), leadMediaId, leadAlt, leadCaption,
                leadCredit, list(bylines), list(tags), new Source(sourceName, sourceUrl, sourceLicence, sourceLicenceUrl));
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split("[,\n]")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    private static String text(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }
}
