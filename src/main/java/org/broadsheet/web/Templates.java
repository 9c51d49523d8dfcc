package org.broadsheet.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled jte templates (generated at build time into {@code org.broadsheet.templates}).
 * Thread-safe.
 */
public final class Templates {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.broadsheet.templates");

    /** Renders {@code template} (e.g. {@code "article/article.jte"}) with its typed page model. */
    public String render(String template, Object page) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, page, out);
        return out.toString();
    }

    /** Renders into the response as UTF-8 HTML. */
    public void send(Context ctx, String template, Object page) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, page));
    }
}
