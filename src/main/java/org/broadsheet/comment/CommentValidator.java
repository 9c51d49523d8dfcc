package org.broadsheet.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a reader's fields and normalises them to NFC. Nothing is trimmed or truncated: overlong input is
 * refused with a message. Stateless and thread-safe.
 */
final class CommentValidator {

    static final String EMPTY_COMMENT = "Please enter your comment!";
    static final String EMPTY_NAME = "Please enter your name here";
    static final String EMPTY_EMAIL = "Please enter your email address";
    static final String BAD_EMAIL = "You have entered an incorrect email address!";
    static final int MAX_NAME_CHARS = 245;
    static final int MAX_EMAIL_CHARS = 100;
    static final int MAX_WEBSITE_CHARS = 200;
    static final int MAX_COMMENT_BYTES = 65_525;

    // Deliberately simple: one @, no spaces, a dot in the domain. Real proof of an address needs a mail.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** The normalised, checked fields. */
    record Valid(String body, String name, String email, String website) {
        String emailKey() {
            return email.toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome: either {@code valid} or a non-empty list of errors, in form order. */
    record Result(Valid valid, List<FieldError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    Result check(String rawBody, String rawName, String rawEmail, String rawWebsite) {
        String body = nfc(rawBody);
        String name = nfc(rawName);
        String email = nfc(rawEmail);
        String website = nfc(rawWebsite);
        List<FieldError> errors = new ArrayList<>();
        if (body.isBlank()) {
            errors.add(new FieldError("comment", EMPTY_COMMENT));
        } else if (body.getBytes(StandardCharsets.UTF_8).length > MAX_COMMENT_BYTES) {
            errors.add(new FieldError("comment", "Your comment is too long: the limit is 65,525 bytes, and it has "
                    + String.format(Locale.ENGLISH, "%,d", body.getBytes(StandardCharsets.UTF_8).length) + ". Please shorten it."));
        } else if (hasControl(body)) {
            errors.add(new FieldError("comment", "Your comment contains control characters. Please remove them."));
        }
        if (name.isBlank()) {
            errors.add(new FieldError("author", EMPTY_NAME));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            errors.add(new FieldError("author", "Your name is too long: at most 245 characters, please."));
        } else if (hasControl(name) || name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
            errors.add(new FieldError("author", "Your name contains control characters. Please remove them."));
        }
        if (email.isBlank()) {
            errors.add(new FieldError("email", EMPTY_EMAIL));
        } else if (email.codePointCount(0, email.length()) > MAX_EMAIL_CHARS) {
            errors.add(new FieldError("email", "Your email address is too long: at most 100 characters, please."));
        } else if (!EMAIL.matcher(email).matches() || hasControl(email)) {
            errors.add(new FieldError("email", BAD_EMAIL));
        }
        if (!website.isEmpty()) {
            if (website.codePointCount(0, website.length()) > MAX_WEBSITE_CHARS) {
                errors.add(new FieldError("url", "Your website address is too long: at most 200 characters, please."));
            } else if (!isWebAddress(website)) {
                errors.add(new FieldError("url", "Please enter a website address starting with http:// or https://, or leave it empty."));
            }
        }
        return new Result(errors.isEmpty() ? new Valid(body, name, email, website) : null, List.copyOf(errors));
    }

    /** {@code s} cut to at most {@code max} UTF-8 bytes, at a character boundary. */
    static String clipBytes(String s, int max) {
        if (s.length() * 3L <= max) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes + size > max) {
                return s.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(c);
        }
        return s;
    }

    /** {@code s} cut to at most {@code max} characters (code points). */
    static String clipChars(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Control characters other than newline, carriage return (sent by browsers with newlines) and tab. */
    static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> c != '\n' && c != '\t' && c != '\r' && Character.getType(c) == Character.CONTROL);
    }

    static boolean isWebAddress(String s) {
        if (hasControl(s) || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
