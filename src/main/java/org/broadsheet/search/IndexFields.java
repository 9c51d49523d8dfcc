package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

import java.util.Map;

/** The index layout: field names, how each is analysed, and how an article becomes a document. */
final class IndexFields {

    static final String ID = "id";
    /**
     * The id again as a doc value, so a page of hits learns its ids without decompressing each stored
     * document (a tenth of a search's time at 100,000 articles). Its own name because Lucene does not let a
     * field gain doc values once segments exist without them; such older segments fall back to the stored id.
     */
    static final String ID_VALUE = "id_value";
    static final String PUBLISHED = "published";
    static final String SECTION = "section";
    static final String TAG = "tag";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String AUTHORS = "authors";
    /** Unstemmed words of the text, the dictionary for "did you mean". */
    static final String WORDS = "words";

    /** Fields searched, with their weights: the headline counts most. */
    static final Map<String, Float> SEARCH_WEIGHTS = Map.of(HEADLINE, 4f, STANDFIRST, 2f, BODY, 1f, TAGS, 2.5f, AUTHORS, 2f);
    /** Fields the related-posts query is built from. */
    static final String[] SIMILARITY_FIELDS = {HEADLINE, STANDFIRST, BODY, TAGS};

    /** Stored, with offsets for fast highlighting and term vectors for fast MoreLikeThis. */
    private static final FieldType TEXT = textType(true);
    private static final FieldType TEXT_UNSTORED = textType(false);
    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    private IndexFields() {
    }

    private static FieldType textType(boolean stored) {
        FieldType t = new FieldType();
        t.setStored(stored);
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.setStoreTermVectors(true);
        t.freeze();
        return t;
    }

    /** English stemming for the text fields; plain lower-cased words for the spelling dictionary. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of(WORDS, new StandardAnalyzer(CharArraySet.EMPTY_SET)));
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static Document document(IndexedArticle a) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(ID_VALUE, a.id()));
        long published = a.publishedAt().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED, published));
        d.add(new StoredField(PUBLISHED, published));
        d.add(new StringField(SECTION, Long.toString(a.sectionId()), Field.Store.YES));
        d.add(new NumericDocValuesField(SECTION, a.sectionId()));
        for (long tag : a.tagIds()) {
            d.add(new StringField(TAG, Long.toString(tag), Field.Store.YES));
            d.add(new SortedNumericDocValuesField(TAG, tag));
        }
        d.add(new Field(HEADLINE, a.headline(), TEXT));
        d.add(new Field(STANDFIRST, a.standfirst(), TEXT));
        d.add(new Field(BODY, a.body(), TEXT));
        d.add(new Field(TAGS, String.join(" · ", a.tagNames()), TEXT_UNSTORED));
        d.add(new Field(AUTHORS, String.join(" · ", a.authors()), TEXT_UNSTORED));
        d.add(new Field(WORDS, a.headline() + "\n" + a.standfirst() + "\n" + a.body() + "\n"
                + String.join(" ", a.tagNames()), WORDS_TYPE));
        return d;
    }
}
