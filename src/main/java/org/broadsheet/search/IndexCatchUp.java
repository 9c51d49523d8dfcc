package org.broadsheet.search;

import org.broadsheet.storage.OutOfSpace;
import org.broadsheet.storage.OutOfSpaceLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Keeps the search index following the articles through failed writes. Every change goes through
 * {@link #follow}; when a write fails for lack of space, or Lucene has closed its writer after such a
 * failure, the article is remembered, and {@link #recover} later reopens the writer, applies again what
 * it lost (everything since the last commit) and what was missed, and commits. Recovery runs at the next
 * change, or {@value #RETRY_SECONDS} seconds after the failure, whichever comes first. An article the index
 * cannot take for its own reasons is logged and left for the next rebuild, as before, so it never holds
 * the others back. Not thread-safe: used on the index thread only.
 */
final class IndexCatchUp {

    private static final Logger log = LoggerFactory.getLogger(IndexCatchUp.class);
    /** How long after a failed index write it is tried again when no new change comes first. */
    static final int RETRY_SECONDS = 10;

    private final LuceneSearchIndex index;
    private final LongConsumer apply;
    private final Runnable rebuild;
    private final OutOfSpaceLog spaceLog;
    private final Consumer<Runnable> later;
    /** Articles applied since the last successful commit: a reopened writer has lost them. */
    private final Set<Long> sinceCommit = new LinkedHashSet<>();
    /** Articles whose change could not be applied at all. */
    private final Set<Long> missed = new LinkedHashSet<>();
    private boolean rebuildMissed;
    private boolean retryScheduled;

    /**
     * @param apply   applies one article's current state to the index
     * @param rebuild rebuilds the whole index from the database
     * @param later   runs a task on the index thread {@value #RETRY_SECONDS} seconds from now
     */
    IndexCatchUp(LuceneSearchIndex index, LongConsumer apply, Runnable rebuild, OutOfSpaceLog spaceLog, Consumer<Runnable> later) {
        this.index = index;
        this.apply = apply;
        this.rebuild = rebuild;
        this.spaceLog = spaceLog;
        this.later = later;
    }

    /** Applies an article's change, or remembers it (and catches up) when writes are failing. */
    void follow(long id) {
        sinceCommit.add(id);
        if (index.broken() || rebuildMissed || !missed.isEmpty()) {
            missed.add(id);
            recover(); // applies this change with the earlier ones
            return;
        }
        try {
            apply.accept(id);
        } catch (RuntimeException e) {
            if (!isWriteFailure(e)) {
                skipped(id, e);
                return;
            }
            missed.add(id);
            failed("the search index update for article " + id, e);
        }
    }

    /** Commits what was applied; a writer Lucene closed is left for the recovery. */
    void commit() {
        if (index.broken()) {
            scheduleRecovery();
            return;
        }
        try {
            index.commit();
            sinceCommit.clear();
        } catch (RuntimeException e) {
            failed("a search index commit", e);
        }
    }

    /** A rebuild (at start) failed: the recovery rebuilds instead of applying single articles. */
    void rebuildFailed(RuntimeException e) {
        rebuildMissed = true;
        failed("the search index rebuild", e);
    }

    /**
     * Brings the index back after failed writes: reopens a broken writer, applies again what it lost and what
     * was missed (or rebuilds, if a rebuild failed), and commits. On failure, tries again later.
     */
    private void recover() {
        retryScheduled = false;
        Set<Long> again = new LinkedHashSet<>(missed);
        try {
            boolean reopened = index.broken();
            index.reopen();
            if (reopened) {
                again.addAll(sinceCommit);
            }
            missed.clear();
            if (rebuildMissed) {
                rebuild.run();
                rebuildMissed = false;
            } else {
                for (long id : again) {
                    sinceCommit.add(id);
                    try {
                        apply.accept(id);
                    } catch (RuntimeException e) {
                        if (isWriteFailure(e)) {
                            throw e;
                        }
                        skipped(id, e);
                    }
                }
            }
            index.commit();
            sinceCommit.clear();
            if (reopened || !again.isEmpty()) {
                log.warn("the search index is written to again{}; {} changed articles caught up",
                        reopened ? " after reopening its writer" : "", again.size());
            }
        } catch (RuntimeException e) {
            missed.addAll(again);
            failed("the search index recovery", e);
        }
    }

    /** A failure any write would meet now (no space, or a writer Lucene closed), not one of this article's. */
    private boolean isWriteFailure(RuntimeException e) {
        return index.broken() || OutOfSpace.in(e);
    }

    private static void skipped(long id, RuntimeException e) {
        log.error("could not update the search index for article {}; it will be put right by the next rebuild", id, e);
    }

    /** Reports a failed index write (a full disk once a minute, anything else every time) and plans a retry. */
    private void failed(String what, RuntimeException e) {
        if (!spaceLog.report(what, e)) {
            log.error("{} failed; it will be tried again", what, e);
        }
        scheduleRecovery();
    }

    private void scheduleRecovery() {
        if (!retryScheduled) {
            retryScheduled = true;
            later.accept(this::recover);
        }
    }
}
