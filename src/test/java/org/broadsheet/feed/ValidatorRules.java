package org.broadsheet.feed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The W3C feed validator's value rules that matter for our output, as predicates. Calibrated against the
 * validator's own test cases in {@link ValidatorRulesCalibrationTest}, then applied to our feeds.
 */
final class ValidatorRules {

    private static final Pattern RFC822 = Pattern.compile(
            "^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4}) "
                    + "(\\d{2}):(\\d{2})(?::(\\d{2}))? (UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z|[+-]\\d{2}(?:00|30|45))$");
    private static final Pattern RFC3339 = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-](\\d{2}):(\\d{2}))$");
    private static final String DNS_COMP = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String DNS = DNS_COMP + "(?:\\." + DNS_COMP + ")*";
    private static final String PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})";
    private static final Pattern TAG = Pattern.compile("^tag:(?:[A-Za-z0-9._-]+@)?" + DNS
            + ",(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?:" + PCHAR + "*(?:#" + PCHAR + "*)?$");
    private static final Pattern MIME = Pattern.compile("^[a-z0-9!#$&.+^_-]+/[a-z0-9!#$&.+^_-]+$", Pattern.CASE_INSENSITIVE);

    private ValidatorRules() {
    }

    /**
     * RFC 822 date-time in the form feeds should use: a 4-digit year, the right day of the week, a named or
     * numeric zone (single military letters and odd minute offsets draw the validator's warning). Stricter
     * than the validator, which also tolerates comments, 2-digit years and odd spacing that we never write.
     */
    static boolean isRfc822(String value) {
        Matcher m = RFC822.matcher(value.strip());
        if (!m.matches()) {
            return false;
        }
        try {
            int month = Month.valueOf(monthName(m.group(3))).getValue();
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
            return m.group(1) == null || t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(m.group(1));
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** RFC 3339 date-time: full date, full time with seconds, and an offset. */
    static boolean isRfc3339(String value) {
        Matcher m = RFC3339.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60 && Integer.parseInt(m.group(6)) <= 60
                    && (m.group(9) == null || Integer.parseInt(m.group(9)) < 24 && Integer.parseInt(m.group(10)) < 60);
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** A tag URI by RFC 4151. */
    static boolean isTagUri(String value) {
        Matcher m = TAG.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** An absolute http(s) URL, as links, guids that are permalinks and enclosures must be. */
    static boolean isAbsoluteHttpUrl(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean isMimeType(String value) {
        return MIME.matcher(value).matches();
    }

    private static String monthName(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(abbreviation)) {
                return month.name();
            }
        }
        throw new java.time.DateTimeException("no month " + abbreviation);
    }

}
