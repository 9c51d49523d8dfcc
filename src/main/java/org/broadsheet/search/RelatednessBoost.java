package org.broadsheet.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The multiplier a related-posts candidate's text score gets: more when it shares the article's section
 * and tags, less the further apart in time the two were published (a news reader wants the story's
 * context, not last decade's namesake). Reads doc values only, so it costs no stored-field lookups.
 */
final class RelatednessBoost extends DoubleValuesSource {

    private static final double DAY_MILLIS = 86_400_000d;

    private final long sectionId;
    private final long[] tags;
    private final long published;
    private final Tuning tuning;

    RelatednessBoost(long sectionId, long[] sortedTags, long published, Tuning tuning) {
        this.sectionId = sectionId;
        this.tags = sortedTags;
        this.published = published;
        this.tuning = tuning;
    }

    /**
     * The weights, chosen on the Reuters-21578 benchmark (bench/search).
     *
     * @param sectionFactor  multiplier for a candidate in the same section
     * @param perSharedTag   added to 1 for each shared tag
     * @param halfLifeDays   time distance at which the multiplier halves
     * @param maxQueryTerms  the most words MoreLikeThis keeps from the article
     * @param nearDuplicate  word overlap (Jaccard) above which two candidates count as the same story
     */
    record Tuning(double sectionFactor, double perSharedTag, double halfLifeDays, int maxQueryTerms, double nearDuplicate) {
        static final Tuning DEFAULT = new Tuning(5, 0.5, 60, 25, 0.7);
    }

    double multiplier(long candidateSection, int sharedTags, long candidatePublished) {
        double days = Math.abs(candidatePublished - published) / DAY_MILLIS;
        double time = 1 / (1 + days / tuning.halfLifeDays());
        double section = candidateSection == sectionId ? tuning.sectionFactor() : 1;
        return section * (1 + tuning.perSharedTag() * sharedTags) * time;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues publishedValues = DocValues.getNumeric(ctx.reader(), IndexFields.PUBLISHED);
        NumericDocValues sectionValues = DocValues.getNumeric(ctx.reader(), IndexFields.SECTION);
        SortedNumericDocValues tagValues = DocValues.getSortedNumeric(ctx.reader(), IndexFields.TAG);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                long when = publishedValues.advanceExact(doc) ? publishedValues.longValue() : published;
                long section = sectionValues.advanceExact(doc) ? sectionValues.longValue() : -1;
                int shared = 0;
                if (tags.length > 0 && tagValues.advanceExact(doc)) {
                    for (int i = 0; i < tagValues.docValueCount(); i++) {
                        if (Arrays.binarySearch(tags, tagValues.nextValue()) >= 0) {
                            shared++;
                        }
                    }
                }
                value = multiplier(section, shared, when);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, IndexFields.PUBLISHED, IndexFields.SECTION, IndexFields.TAG);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelatednessBoost r && r.sectionId == sectionId && r.published == published
                && Arrays.equals(r.tags, tags) && r.tuning.equals(tuning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sectionId, published, Arrays.hashCode(tags), tuning);
    }

    @Override
    public String toString() {
        return "relatedness(section=" + sectionId + ", tags=" + Arrays.toString(tags) + ", published=" + published + ")";
    }
}
