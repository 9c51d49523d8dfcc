package org.broadsheet.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled jte templates (generated at build time into {@code org.broadsheet.templates}).
 * Thread-safe.
 */
public final class Templates {

    private final TemplateEngine engine = precompiled();

    private static TemplateEngine precompiled() {
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.broadsheet.templates");
        engine.setBinaryStaticContent(true); // the templates were generated with their static parts as UTF-8 bytes
        return engine;
    }

    /** Renders {@code template} (e.g. {@code "article/article.jte"}) with its typed page model, as UTF-8. */
    public byte[] render(String template, Object page) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, page, out);
        return out.toByteArray();
    }

    /**
     * A part rendered straight into the page that includes it (no intermediate text), e.g. an article
     * addon. The model is built when the part is made; the template runs when the page writes it.
     */
    public Content part(String template, Object model) {
        return output -> engine.render(template, model, output);
    }

    /** Renders into the response as UTF-8 HTML. */
    public void send(Context ctx, String template, Object page) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, page));
    }
}
