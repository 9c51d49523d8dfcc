package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Lucene index in a folder of the data directory. One {@link IndexWriter}; readers come from a
 * {@link SearcherManager} refreshed after every write, so searches run concurrently with writes and see
 * a change as soon as the write returns. A marker file is written before a full rebuild and removed
 * after it, so a rebuild cut short (a crash, a kill) is detected and redone at the next start.
 * An I/O failure Lucene cannot undo (a full disk during a flush or merge) closes the writer for good;
 * {@link #broken()} then says so and {@link #reopen()} opens a new writer on the last commit, while
 * searches keep answering from the last good reader until {@link #commit()} succeeds on the new one.
 * Thread-safe; writes should come from one thread so they apply in order.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    static final String MARKER = ".index-inconsistent";
    /** Present while changes are visible to searches but not yet committed to disk. */
    static final String UNCOMMITTED = ".index-uncommitted";

    private final Path folder;
    private final Directory directory;
    private final Analyzer analyzer = IndexFields.analyzer();
    /** Replaced by {@link #reopen()}; guarded by this object's lock, volatile for {@link #broken()}. */
    private volatile IndexWriter writer;
    /** What searches read. */
    private volatile SearcherManager searchers;
    /** Refreshed after each write: {@link #searchers} itself, except after a reopen until the next commit. */
    private SearcherManager written;
    private final boolean needsRebuild;
    private final boolean leftUncommitted;
    private boolean dirty;
    /** Advanced after every change searches can see; see {@link #generation()}. */
    private final AtomicLong generation = new AtomicLong();
    private final Snippets snippets;
    private final Spelling spelling = new Spelling();
    private final SimilarArticles similar;

    private LuceneSearchIndex(Path folder, Directory directory, IndexWriter writer, boolean needsRebuild) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.written = searchers;
        this.needsRebuild = needsRebuild;
        this.leftUncommitted = Files.exists(folder.resolve(UNCOMMITTED));
        this.snippets = new Snippets(analyzer);
        this.similar = new SimilarArticles(analyzer);
    }

    /**
     * Opens the index in {@code folder}, creating it if missing. A corrupt index is thrown away and an
     * empty one created; either way {@link #needsRebuild()} then says so.
     *
     * @throws IndexInUseException when another process holds the index
     */
    public static LuceneSearchIndex open(Path folder) {
        try {
            Files.createDirectories(folder);
            boolean rebuild = Files.exists(folder.resolve(MARKER));
            Directory dir = FSDirectory.open(folder);
            if (!DirectoryReader.indexExists(dir)) {
                rebuild = true;
            }
            try {
                // Damage shows when the writer or the first reader opens the segments: no separate read-through first.
                return openWith(folder, dir, rebuild);
            } catch (IndexInUseException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                log.warn("the search index in {} is damaged; it will be rebuilt ({})", folder, e.toString());
                dir.close();
                wipe(folder);
                return openWith(folder, FSDirectory.open(folder), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    private static IndexWriterConfig config() {
        return new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64);
    }

    private static LuceneSearchIndex openWith(Path folder, Directory dir, boolean rebuild) throws IOException {
        IndexWriter writer;
        try {
            writer = new IndexWriter(dir, config());
        } catch (LockObtainFailedException e) {
            dir.close();
            throw new IndexInUseException(folder);
        }
        try {
            writer.commit();
            return new LuceneSearchIndex(folder, dir, writer, rebuild);
        } catch (IOException | RuntimeException e) {
            try {
                writer.rollback(); // releases the lock without committing anything
            } catch (IOException | RuntimeException ignored) {
                // already failing; the first error is the one to report
            }
            throw e;
        }
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals(MARKER)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** True when the index was missing, damaged or left half-rebuilt, so its contents cannot be trusted. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** True when the last run stopped before committing its latest changes: usable, but may be stale. */
    public boolean leftUncommitted() {
        return leftUncommitted;
    }

    @Override
    public void upsert(IndexedArticle article) {
        write(() -> writer.updateDocument(IndexFields.idTerm(article.id()), IndexFields.document(article)));
    }

    @Override
    public void delete(long articleId) {
        write(() -> writer.deleteDocuments(IndexFields.idTerm(articleId)));
    }

    /** Applies a change and makes it visible at once (near-real-time); {@link #commit()} makes it durable. */
    private synchronized void write(IoAction action) {
        try {
            if (!dirty) {
                Files.writeString(folder.resolve(UNCOMMITTED), "changes since the last commit\n");
                dirty = true;
            }
            action.run();
            written.maybeRefreshBlocking();
            if (written == searchers) {
                generation.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the writer was closed by an I/O failure it could not recover from (Lucene's "tragic"
     * exception, e.g. no space left while flushing): no write can succeed until {@link #reopen()}.
     */
    public boolean broken() {
        IndexWriter w = writer;
        return !w.isOpen() || w.getTragicException() != null;
    }

    /**
     * Opens a new writer on the last commit when the current one is {@link #broken()}; a no-op otherwise.
     * Changes made since that commit are gone from the new writer: the caller applies them again, then
     * commits, and only that commit moves searches to the new reader (until then they keep the last good one).
     *
     * @throws UncheckedIOException when the writer cannot be opened yet (e.g. the disk is still full)
     */
    public synchronized void reopen() {
        if (!broken()) {
            return;
        }
        try {
            writer.close(); // already closed by the tragedy: releases nothing more, but never leaves it half-open
        } catch (IOException | RuntimeException ignored) {
            // the tragic exception is the one that matters, and it was reported when it happened
        }
        try {
            IndexWriter fresh = new IndexWriter(directory, config());
            SearcherManager freshReaders;
            try {
                freshReaders = new SearcherManager(fresh, null);
            } catch (IOException | RuntimeException e) {
                fresh.rollback();
                throw e;
            }
            if (written != searchers) {
                IOUtils.closeWhileHandlingException(written); // from an earlier reopen that never reached a commit
            }
            writer = fresh;
            written = freshReaders;
            dirty = true; // what the caller applies again must be committed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the search index writer", e);
        }
    }

    /**
     * Writes pending changes to disk. Separate from the writes because an fsync can take far longer than
     * a reader should wait to see a change; the caller commits when its queue of changes is drained.
     */
    public synchronized void commit() {
        if (!dirty) {
            return;
        }
        try {
            writer.commit();
            Files.deleteIfExists(folder.resolve(UNCOMMITTED));
            dirty = false;
            if (written != searchers) {
                SearcherManager old = searchers;
                searchers = written; // searches still running on the old reader finish on it
                generation.incrementAndGet();
                old.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void replaceAll(Iterator<IndexedArticle> articles, int total, RebuildProgress progress) {
        Path marker = folder.resolve(MARKER);
        try {
            Files.writeString(marker, "A rebuild of the search index started at " + Instant.now() + " and has not finished.\n");
            writer.deleteAll();
            int done = 0;
            while (articles.hasNext()) {
                IndexedArticle a = articles.next();
                writer.addDocument(IndexFields.document(a));
                progress.update(++done, Math.max(total, done));
            }
            writer.commit();
            written.maybeRefreshBlocking();
            if (written != searchers) {
                SearcherManager old = searchers;
                searchers = written;
                old.close();
            }
            generation.incrementAndGet();
            Files.deleteIfExists(marker);
            Files.deleteIfExists(folder.resolve(UNCOMMITTED));
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the search index failed", e);
        }
    }

    @Override
    public SearchResults search(SearchQuery query) {
        String text = QueryText.clean(query.text());
        Query parsed = QueryText.parse(text, analyzer);
        if (parsed == null) {
            return SearchResults.empty();
        }
        IndexSearcher searcher = acquire();
        try {
            SearchResults results;
            try {
                results = run(searcher, parsed, query);
            } catch (RuntimeException e) {
                // e.g. too many clauses from an odd prefix: fall back to the words alone
                Query plain = QueryText.plain(text, analyzer);
                results = plain == null ? SearchResults.empty() : run(searcher, plain, query);
            }
            if (results.total() == 0) {
                String suggestion = spelling.suggest(text, searcher.getIndexReader());
                return new SearchResults(List.of(), 0, suggestion);
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private SearchResults run(IndexSearcher searcher, Query text, SearchQuery q) throws IOException {
        Instant until = q.until() == null || q.until().isAfter(q.now()) ? q.now() : q.until();
        long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (!coversEverything(searcher.getIndexReader(), from, until.toEpochMilli())) {
            b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, until.toEpochMilli()), BooleanClause.Occur.FILTER);
        }
        if (!q.sectionIds().isEmpty()) {
            b.add(new TermInSetQuery(IndexFields.SECTION, q.sectionIds().stream().map(id -> new BytesRef(Long.toString(id))).toList()),
                    BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        int wanted = q.offset() + q.limit();
        TopDocs top = q.order() == SearchQuery.Order.NEWEST
                ? searcher.search(query, wanted, new Sort(new SortField(IndexFields.PUBLISHED, SortField.Type.LONG, true)))
                : searcher.search(query, wanted);
        // Past the first thousand matches the count is a lower bound (the collector stops counting): enough
        // for the hundred pages a reader can reach, without visiting every match of a common word.
        int total = (int) Math.min(Integer.MAX_VALUE, top.totalHits.value);
        boolean atLeast = top.totalHits.relation != TotalHits.Relation.EQUAL_TO;
        if (top.scoreDocs.length <= q.offset()) {
            return new SearchResults(List.of(), total, null, atLeast);
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, q.offset(), top.scoreDocs.length);
        int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        String[] passages = snippets.highlight(searcher, text, docIds);
        List<SearchResults.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchResults.Hit(articleId(searcher, docIds[i]), passages[i]));
        }
        return new SearchResults(hits, total, null, atLeast);
    }

    /**
     * A number that changes after every change searches can see. Read it before a search: an answer kept
     * under that number is current for as long as the number stays the same.
     */
    public long generation() {
        return generation.get();
    }

    /**
     * The earliest publication time after {@code now} among indexed articles (an embargo still to pass), or
     * null when there is none: until then, a search's answer stays the same without any change to the index.
     */
    public Instant nextPublicationAfter(Instant now) {
        IndexSearcher searcher = acquire();
        try {
            byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), IndexFields.PUBLISHED);
            if (max == null || LongPoint.decodeDimension(max, 0) <= now.toEpochMilli()) {
                return null;
            }
            TopDocs first = searcher.search(LongPoint.newRangeQuery(IndexFields.PUBLISHED, now.toEpochMilli() + 1, Long.MAX_VALUE), 1,
                    new Sort(new SortField(IndexFields.PUBLISHED, SortField.Type.LONG)));
            if (first.scoreDocs.length == 0) {
                return null; // only deleted documents lie ahead
            }
            return Instant.ofEpochMilli((Long) ((FieldDoc) first.scoreDocs[0]).fields[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * True when every indexed article was published within [from, until], so the time filter would keep them
     * all. The usual case (no date filter, no embargoed article waiting): its upper bound is "now", new on
     * every request, so Lucene's query cache filled a bit set of every document for it each time and never
     * used one again — an eighth of a search's time at 100,000 articles.
     */
    private static boolean coversEverything(IndexReader reader, long from, long until) throws IOException {
        byte[] min = PointValues.getMinPackedValue(reader, IndexFields.PUBLISHED);
        byte[] max = PointValues.getMaxPackedValue(reader, IndexFields.PUBLISHED);
        return min == null || LongPoint.decodeDimension(min, 0) >= from && LongPoint.decodeDimension(max, 0) <= until;
    }

    /** A hit's article id: from its doc value, or from the stored field in segments written before doc values held it. */
    private static long articleId(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(IndexFields.ID_VALUE);
        if (values != null && values.advanceExact(doc - leaf.docBase)) {
            return values.longValue();
        }
        return Long.parseLong(searcher.storedFields().document(doc).get(IndexFields.ID));
    }

    @Override
    public List<Long> similar(long articleId, int count, Instant now) {
        return similar(similar, articleId, count, now);
    }

    /** The same with other weights: for tuning them on a benchmark. */
    List<Long> similar(long articleId, int count, Instant now, RelatednessBoost.Tuning tuning) {
        return similar(new SimilarArticles(analyzer, tuning), articleId, count, now);
    }

    private List<Long> similar(SimilarArticles finder, long articleId, int count, Instant now) {
        IndexSearcher searcher = acquire();
        try {
            return finder.find(searcher, articleId, count, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Ids of every indexed article, for a background refresh of derived lists. */
    List<Long> ids() {
        IndexSearcher searcher = acquire();
        try {
            List<Long> ids = new ArrayList<>();
            var stored = searcher.storedFields();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live == null || live.get(d)) {
                        ids.add(Long.parseLong(stored.document(leaf.docBase + d).get(IndexFields.ID)));
                    }
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    boolean contains(long articleId) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(new org.apache.lucene.search.TermQuery(IndexFields.idTerm(articleId))) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        while (true) {
            SearcherManager current = searchers;
            try {
                return current.acquire();
            } catch (AlreadyClosedException e) {
                if (current == searchers) {
                    throw e;
                }
                // replaced by a commit after a reopen between reading the field and acquiring: take the new one
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Each part is closed even if one before it fails. Lucene reports a lost write lock unchecked; the
        // index is derived data, and the marker then left in place makes the next start check it.
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("committing the search index at close failed", e);
        }
        try {
            IOUtils.close(written == searchers ? null : written, searchers, writer, directory);
        } catch (IOException | RuntimeException e) {
            log.warn("closing the search index failed", e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Another process (a running server, or a reindex) has the index open for writing. */
    public static final class IndexInUseException extends RuntimeException {
        IndexInUseException(Path folder) {
            super("the search index in " + folder.toAbsolutePath() + " is in use by another Broadsheet process; stop it first");
        }
    }
}
