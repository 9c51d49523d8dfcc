package org.broadsheet.article;

import org.broadsheet.article.DeskRecords.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The limits on what an editor may save, which need no database: field lengths, list sizes and the
 * characters allowed. Saving and previewing apply the same ones, so neither renders an unbounded body.
 *
 * <p>Control characters (C0, DEL and C1) are refused in every field, except tab, line feed and carriage return
 * in the multi-line ones (standfirst, body, correction notes); so are lone surrogates and the noncharacters
 * U+FFFE and U+FFFF. None of them can be typed; they arrive by pasting, and the C0 ones would make the feeds
 * and sitemaps invalid XML. Thread-safe (stateless).
 */
public final class DraftLimits {

    static final int MAX_HEADLINE = 200;
    static final int MAX_STANDFIRST = 600;
    static final int MAX_BODY = 200_000;
    static final int MAX_CORRECTION = 2000;

    private static final String INVISIBLE = " holds an invisible control character (often pasted with the text); retype it or paste it as plain text.";

    private DraftLimits() {
    }

    /** Every limit this draft breaks, one problem per field (empty when it fits). */
    public static List<Problem> check(ArticleDraft d) {
        List<Problem> problems = new ArrayList<>();
        String headline = d.headline() == null ? "" : d.headline().strip();
        if (headline.length() > MAX_HEADLINE) {
            problems.add(new Problem("headline", "The headline must be at most " + MAX_HEADLINE + " characters."));
        } else if (!oneLine(headline)) {
            problems.add(new Problem("headline", "The headline" + INVISIBLE));
        }
        if (d.slug() != null && !oneLine(d.slug())) {
            problems.add(new Problem("slug", "The slug" + INVISIBLE));
        }
        if (d.standfirst().length() > MAX_STANDFIRST) {
            problems.add(new Problem("standfirst", "The standfirst must be at most " + MAX_STANDFIRST + " characters."));
        } else if (!multiLine(d.standfirst())) {
            problems.add(new Problem("standfirst", "The standfirst" + INVISIBLE));
        }
        String body = d.bodyMarkdown() == null ? "" : d.bodyMarkdown();
        if (body.length() > MAX_BODY) {
            problems.add(new Problem("body", "The text must be at most " + MAX_BODY + " characters."));
        } else if (!multiLine(body)) {
            problems.add(new Problem("body", "The text" + INVISIBLE));
        }
        if (d.bylines().size() > 10 || d.bylines().stream().anyMatch(b -> b.length() > 120)) {
            problems.add(new Problem("bylines", "Give at most 10 bylines of up to 120 characters each."));
        } else if (!d.bylines().stream().allMatch(DraftLimits::oneLine)) {
            problems.add(new Problem("bylines", "A byline" + INVISIBLE));
        }
        if (d.tags().size() > 20 || d.tags().stream().anyMatch(t -> t.length() > 80)) {
            problems.add(new Problem("tags", "Give at most 20 tags of up to 80 characters each."));
        } else if (!d.tags().stream().allMatch(DraftLimits::oneLine)) {
            problems.add(new Problem("tags", "A tag" + INVISIBLE));
        }
        field(problems, "leadAlt", "The alt text", d.leadAlt(), 300);
        field(problems, "leadCaption", "The caption", d.leadCaption(), 500);
        field(problems, "leadCredit", "The credit", d.leadCredit(), 200);
        Source s = d.source();
        if (!oneLine(s.name()) || !oneLine(s.url()) || !oneLine(s.licence()) || !oneLine(s.licenceUrl())) {
            problems.add(new Problem("source", "The source" + INVISIBLE));
        }
        return problems;
    }

    /** Why a correction or update note cannot be appended, or null when it can. */
    static String correctionProblem(String clean) {
        if (clean.isEmpty() || clean.length() > MAX_CORRECTION) {
            return "Write the note (up to 2,000 characters) and choose Correction or Update.";
        }
        return multiLine(clean) ? null : "The note" + INVISIBLE;
    }

    private static void field(List<Problem> problems, String field, String label, String value, int max) {
        if (value.strip().length() > max) {
            problems.add(new Problem(field, label + " must be at most " + max + " characters."));
        } else if (!oneLine(value)) {
            problems.add(new Problem(field, label + INVISIBLE));
        }
    }

    /** Whether text fits a one-line field: no control character at all. */
    static boolean oneLine(String s) {
        return allowed(s, false);
    }

    /** Whether text fits a multi-line field: tab, line feed and carriage return allowed, no other control character. */
    static boolean multiLine(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean lines) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (!lines || c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            } else if (c >= 0x7F && c <= 0x9F || c == 0xFFFE || c == 0xFFFF) {
                return false;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
