package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;

/**
 * Turns whatever a reader typed into a Lucene query. Uses Lucene's lenient simple syntax ("phrases",
 * prefix*, -exclusion, a | b) after cleaning the text: unpaired surrogates and control characters become
 * spaces, and the length and word count are capped so a 10,000-character query costs no more than a
 * short one. If parsing still fails, the words are searched plainly. Stateless and thread-safe.
 */
final class QueryText {

    static final int MAX_CHARS = 256;
    static final int MAX_WORDS = 24;

    private static final int FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.ESCAPE_OPERATOR;

    private QueryText() {
    }

    /** The text a reader typed, made safe to parse and to show back; never null. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_CHARS));
        int words = 0;
        boolean space = true;
        for (int i = 0; i < raw.length() && out.length() < MAX_CHARS; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            boolean blank = cp <= 0xFFFF && Character.isSurrogate((char) cp) || Character.isISOControl(cp)
                    || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0xFFFD;
            if (blank) {
                space = true;
                continue;
            }
            if (space) {
                if (words == MAX_WORDS) {
                    break;
                }
                if (out.length() > 0) {
                    out.append(' ');
                }
                words++;
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString().strip();
    }

    /** The query for cleaned text, or null when it has no searchable words (e.g. only punctuation). */
    static Query parse(String cleaned, Analyzer analyzer) {
        if (cleaned.isBlank()) {
            return null;
        }
        try {
            return parser(analyzer, FLAGS).parse(cleaned);
        } catch (RuntimeException e) {
            return plain(cleaned, analyzer);
        }
    }

    /** The words only, without any operators: the fallback when the syntax cannot be parsed. */
    static Query plain(String cleaned, Analyzer analyzer) {
        try {
            return parser(analyzer, 0).parse(cleaned);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SimpleQueryParser parser(Analyzer analyzer, int flags) {
        SimpleQueryParser p = new SimpleQueryParser(analyzer, IndexFields.SEARCH_WEIGHTS, flags);
        p.setDefaultOperator(BooleanClause.Occur.MUST);
        return p;
    }
}
