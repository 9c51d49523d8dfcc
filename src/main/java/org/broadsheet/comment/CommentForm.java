package org.broadsheet.comment;

import java.util.List;
import java.util.Map;

/**
 * What a reader sent in the comment form, as text exactly as received (null fields become empty).
 *
 * @param parentId  the comment replied to, or null
 * @param token     the signed form timestamp (see {@link FormTokens})
 * @param key       the per-view random key the page script adds (empty without JavaScript)
 * @param honeypot  a field people never see and never fill in
 * @param scripted  true when the page script ran (the reader can be sent back to the shared article page)
 */
public record CommentForm(long articleId, Long parentId, String body, String name, String email, String website,
                          boolean remember, String token, String key, String honeypot, boolean scripted) {

    public CommentForm {
        body = orEmpty(body);
        name = orEmpty(name);
        email = orEmpty(email);
        website = orEmpty(website);
        token = orEmpty(token);
        key = orEmpty(key);
        honeypot = orEmpty(honeypot);
    }

    /** This form with every text field cut to its limit, to show again after a refusal (never to store). */
    CommentForm clipped() {
        return new CommentForm(articleId, parentId, CommentValidator.clipBytes(body, CommentValidator.MAX_COMMENT_BYTES),
                CommentValidator.clipChars(name, CommentValidator.MAX_NAME_CHARS),
                CommentValidator.clipChars(email, CommentValidator.MAX_EMAIL_CHARS),
                CommentValidator.clipChars(website, CommentValidator.MAX_WEBSITE_CHARS),
                remember, CommentValidator.clipChars(token, 200), CommentValidator.clipChars(key, 100), "", scripted);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Reads the form from decoded fields; ids that do not parse are refused with a message. */
    static CommentForm from(Map<String, List<String>> fields) {
        return new CommentForm(id(fields, "article").orElseThrow(() -> new InvalidForm("This form does not say which article it is for.")),
                id(fields, "parent").orElse(null), first(fields, "comment"), first(fields, "author"), first(fields, "email"),
                first(fields, "url"), "1".equals(first(fields, "remember")), first(fields, "token"), first(fields, "key"),
                first(fields, "homepage"), "1".equals(first(fields, "js")));
    }

    static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static java.util.Optional<Long> id(Map<String, List<String>> fields, String name) {
        String raw = first(fields, name).strip();
        if (raw.isEmpty() || "0".equals(raw)) {
            return java.util.Optional.empty();
        }
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return java.util.Optional.of(id);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new InvalidForm("The form field “" + name + "” must be a comment or article number.");
    }

    /** A form that cannot be used at all (no re-render possible); answered with 400 and the message. */
    static final class InvalidForm extends RuntimeException {
        InvalidForm(String message) {
            super(message);
        }
    }
}
