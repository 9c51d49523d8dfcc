package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), enough for comparing article revisions.
 * Texts longer than {@link #MAX_LINES} lines are compared as changed wholesale rather than spending
 * quadratic time.
 */
public final class TextDiff {

    static final int MAX_LINES = 3000;

    /** One line of the result: kept, added in the newer text, or removed from the older one. */
    public record Line(Kind kind, String text) {
        public enum Kind { SAME, ADDED, REMOVED }

        public String css() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String marker() {
            return switch (kind) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "−";
            };
        }
    }

    private TextDiff() {
    }

    static List<Line> diff(String older, String newer) {
        String[] a = older.split("\n", -1);
        String[] b = newer.split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String s : a) {
                out.add(new Line(Line.Kind.REMOVED, s));
            }
            for (String s : b) {
                out.add(new Line(Line.Kind.ADDED, s));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Line.Kind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Line.Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Line.Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Line.Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Line.Kind.ADDED, b[j++]));
        }
        return out;
    }
}
