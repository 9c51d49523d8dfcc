package org.broadsheet.article;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentence boundaries in article text, for search snippets and for the lede sentence an imported story's
 * standfirst is made of, found by looking at the string itself. The JDK's sentence iterator walks the text
 * through a {@link CharacterIterator} one call per character and was a fifth of an uncached search's time
 * at 100,000 articles, and a regular expression cut "the U.S." and "10 a.m." short. A sentence ends at a line break, or at {@code .}, {@code !}, {@code ?} or {@code …} (closing quotes
 * and brackets may follow) followed by white space and a capital, a digit or an opening quote; a full stop
 * after an initial ("U.S.", "J. Smith") or a common abbreviation ("Mr.", "Gen.", "Jan.") ends nothing, and
 * neither does one inside a number ("1.2%"). Not thread-safe, like every {@link BreakIterator}.
 */
public final class SentenceBreaks extends BreakIterator {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov",
            "sen", "rep", "lt", "col", "capt", "sgt", "cmdr", "adm", "mt", "ft", "no", "nos", "vs", "etc", "inc", "ltd", "co",
            "corp", "dept", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "e.g", "i.e", "fig", "vol", "rev", "hon", "pres");

    private String text = "";

    /** The sentences of {@code text}, without the white space between them. */
    public static List<String> sentences(String text) {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        List<String> out = new ArrayList<>();
        for (int start = breaks.first(), end = breaks.next(); end != DONE; start = end, end = breaks.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    /** The first sentence of {@code text}, without the white space after it (all of it when there is one). */
    public static String firstSentence(String text) {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        breaks.first();
        int end = breaks.next();
        return end == DONE ? text : text.substring(0, end).strip();
    }
    private int current;

    @Override
    public int first() {
        current = 0;
        return current;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        if (current >= text.length()) {
            return DONE;
        }
        current = after(current);
        return current;
    }

    @Override
    public int previous() {
        if (current <= 0) {
            return DONE;
        }
        current = before(current);
        return current;
    }

    @Override
    public int following(int offset) {
        check(offset);
        if (offset == text.length()) {
            current = offset;
            return DONE;
        }
        current = after(offset);
        return current;
    }

    @Override
    public int preceding(int offset) {
        check(offset);
        if (offset == 0) {
            current = 0;
            return DONE;
        }
        current = before(offset);
        return current;
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        return offset == 0 || offset == text.length() || startsSentence(offset);
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator it) {
        StringBuilder b = new StringBuilder(it.getEndIndex() - it.getBeginIndex());
        for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
            b.append(c);
        }
        setText(b.toString());
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text (0.." + text.length() + ")");
        }
    }

    /** The first boundary after {@code offset}. */
    private int after(int offset) {
        for (int i = offset + 1; i < text.length(); i++) {
            if (startsSentence(i)) {
                return i;
            }
        }
        return text.length();
    }

    /** The last boundary before {@code offset}. */
    private int before(int offset) {
        for (int i = offset - 1; i > 0; i--) {
            if (startsSentence(i)) {
                return i;
            }
        }
        return 0;
    }

    /** True when a sentence starts at {@code i} (0 < i < length): white space before it, and an ending before that. */
    private boolean startsSentence(int i) {
        if (Character.isWhitespace(text.charAt(i)) || !Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        int end = i - 1;
        boolean lineBreak = false;
        while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
            lineBreak |= text.charAt(end) == '\n';
            end--;
        }
        if (end < 0) {
            return false;
        }
        if (lineBreak) {
            return true;
        }
        while (end >= 0 && isClosing(text.charAt(end))) {
            end--;
        }
        if (end < 0 || !opensSentence(text.charAt(i))) {
            return false;
        }
        char c = text.charAt(end);
        return c == '!' || c == '?' || c == '…' || c == '.' && !abbreviation(end);
    }

    /** True when the full stop at {@code dot} closes an initial or a known abbreviation rather than a sentence. */
    private boolean abbreviation(int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, dot);
        int lastDot = word.lastIndexOf('.');
        String last = lastDot < 0 ? word : word.substring(lastDot + 1);
        return last.length() == 1 || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»';
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\'' || c == '“' || c == '‘' || c == '('
                || c == '«' || c == '[';
    }
}
