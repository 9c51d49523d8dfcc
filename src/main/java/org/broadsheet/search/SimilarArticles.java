package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Related posts: a MoreLikeThis query over headline, standfirst, body and tags, with each candidate's
 * score multiplied by {@link RelatednessBoost} (shared section and tags, closeness in time). Candidates
 * whose words largely repeat an already chosen one are skipped, so a list never offers the same story
 * twice. Stateless apart from its tuning; thread-safe.
 */
final class SimilarArticles {

    /** How many text matches get the boost. */
    private static final int POOL = 100;
    /** How many boosted candidates to consider before removing near-duplicates. */
    private static final int CANDIDATES = 24;
    private final Analyzer analyzer;
    private final RelatednessBoost.Tuning tuning;

    SimilarArticles(Analyzer analyzer) {
        this(analyzer, RelatednessBoost.Tuning.DEFAULT);
    }

    SimilarArticles(Analyzer analyzer, RelatednessBoost.Tuning tuning) {
        this.analyzer = analyzer;
        this.tuning = tuning;
    }

    List<Long> find(IndexSearcher searcher, long articleId, int count, Instant now) throws IOException {
        TopDocs self = searcher.search(new TermQuery(IndexFields.idTerm(articleId)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        int doc = self.scoreDocs[0].doc;
        Document source = searcher.storedFields().document(doc);
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(IndexFields.SIMILARITY_FIELDS);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(tuning.maxQueryTerms());
        mlt.setBoost(true);
        Query like = mlt.like(doc);
        Query query = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(IndexFields.idTerm(articleId)), BooleanClause.Occur.MUST_NOT)
                .add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, Long.MIN_VALUE, now.toEpochMilli()), BooleanClause.Occur.FILTER)
                .build();
        long sectionId = Long.parseLong(source.get(IndexFields.SECTION));
        long[] tags = Arrays.stream(source.getFields(IndexFields.TAG)).map(IndexableField::stringValue)
                .mapToLong(Long::parseLong).sorted().toArray();
        long published = source.getField(IndexFields.PUBLISHED).numericValue().longValue();
        RelatednessBoost boost = new RelatednessBoost(sectionId, tags, published, tuning);
        return distinct(searcher, rerank(searcher, searcher.search(query, POOL).scoreDocs, boost), count);
    }

    /**
     * Multiplies the text scores of the best {@link #POOL} matches by the boost and keeps the best
     * {@link #CANDIDATES}. Boosting only the pool (rather than every match, as a function query would) lets
     * Lucene skip the long tail of weak matches, which is what keeps this to milliseconds at 100,000 articles.
     */
    private static ScoreDoc[] rerank(IndexSearcher searcher, ScoreDoc[] pool, RelatednessBoost boost) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScoreDoc[] boosted = new ScoreDoc[pool.length];
        for (int i = 0; i < pool.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(pool[i].doc, leaves));
            DoubleValues values = boost.getValues(leaf, null);
            values.advanceExact(pool[i].doc - leaf.docBase);
            boosted[i] = new ScoreDoc(pool[i].doc, (float) (pool[i].score * values.doubleValue()));
        }
        Arrays.sort(boosted, (a, b) -> Float.compare(b.score, a.score));
        return Arrays.copyOf(boosted, Math.min(CANDIDATES, boosted.length));
    }

    private List<Long> distinct(IndexSearcher searcher, ScoreDoc[] candidates, int count) throws IOException {
        List<Long> chosen = new ArrayList<>(count);
        List<Set<String>> chosenWords = new ArrayList<>(count);
        for (ScoreDoc c : candidates) {
            if (chosen.size() == count) {
                break;
            }
            Document d = searcher.storedFields().document(c.doc);
            Set<String> words = words(d);
            if (chosenWords.stream().noneMatch(w -> jaccard(w, words) > tuning.nearDuplicate())) {
                chosen.add(Long.parseLong(d.get(IndexFields.ID)));
                chosenWords.add(words);
            }
        }
        return chosen;
    }

    /** The distinct words of the headline and the opening of the text: enough to tell a repeat. */
    private static Set<String> words(Document d) {
        String body = d.get(IndexFields.BODY);
        String text = d.get(IndexFields.HEADLINE) + " " + d.get(IndexFields.STANDFIRST) + " "
                + (body.length() > 600 ? body.substring(0, 600) : body);
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
