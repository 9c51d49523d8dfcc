package org.broadsheet.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Rules for redirect targets built from request input, so that no redirect ever leaves the site. A
 * browser reads {@code //host}, {@code /\host} and, after dropping tabs and newlines, {@code /\t/host} as
 * another site; some proxies decode {@code %2F} and {@code %5C} first. So a target must be a path on this
 * site in its raw form and once decoded. Stateless.
 */
public final class SameSitePaths {

    /** Path segments of unreserved URL characters only, each non-empty: what our own addresses look like. */
    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?");

    private SameSitePaths() {
    }

    /**
     * True if {@code target} (a path with an optional query) is a place on this site to send a browser: it
     * starts with one slash, and neither it nor its decoded form holds a backslash, a double slash at the
     * start, a space or a control character.
     */
    public static boolean isLocal(String target) {
        if (!isLocalRaw(target)) {
            return false;
        }
        try {
            return isLocalRaw(URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * True if {@code path} is made of plain segments only ({@code /news/science}): the only paths the
     * trailing-slash redirect may extend, since every page of ours has such an address.
     */
    public static boolean isPlain(String path) {
        return path != null && PLAIN.matcher(path).matches();
    }

    private static boolean isLocalRaw(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//")) {
            return false;
        }
        // no space, no C0 or C1 control character (browsers drop tabs and newlines), no backslash
        return target.chars().allMatch(c -> c > ' ' && (c < 0x7f || c > 0x9f) && c != '\\');
    }
}
