package org.broadsheet.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Locale;

/**
 * Refuses a URL-encoded form with more than {@value #MAX_FIELDS} fields before any parser (Javalin's form
 * parameters, the comment form's strict decoder) builds a map of them. No Broadsheet form has more than a few
 * dozen fields, but without a limit one request of a few megabytes holds hundreds of thousands of fields and
 * costs seconds of CPU to decode (Jetty's own {@code maxFormKeys} does not apply: Javalin decodes the body itself).
 * Counting separators reads the body once, which the handler reads anyway (Javalin caches it). Thread-safe.
 */
public final class FormLimits {

    public static final int MAX_FIELDS = 1000;

    /** The {@code beforeMatched} handler; runs before anything reads a form field (the CSRF check does). */
    public void handle(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            return;
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        int fields = 1;
        for (byte b : body) {
            if (b == '&' && ++fields > MAX_FIELDS) {
                throw new BadRequestResponse("This form has more than " + MAX_FIELDS + " fields, so it was refused.");
            }
        }
    }
}
