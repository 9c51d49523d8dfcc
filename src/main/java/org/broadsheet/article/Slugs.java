package org.broadsheet.article;

import java.text.Normalizer;
import java.util.Locale;

/** Turns headlines and names into URL slugs: lower-case ASCII words joined by hyphens. */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replace("&", " and ")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[’']", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int cut = slug.lastIndexOf('-');
            slug = cut > 40 ? slug.substring(0, cut) : slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** True if the text is already a well-formed slug. */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
