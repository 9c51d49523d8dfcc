package org.broadsheet.comment;

import org.broadsheet.storage.Dialect;
import org.broadsheet.storage.OutOfSpace;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes new comments ("comment-writer"), with group commit: it takes every submission
 * waiting in its queue (up to {@value #MAX_BATCH}), applies the rules that need the database (idempotency,
 * flood, duplicates, trusted commenters, thread depth) and inserts them in ONE transaction, then completes
 * each caller's future. A reader is answered only after that commit, so every acknowledged comment is durable;
 * on SQLite the writer's connection uses {@code synchronous=FULL}. One writer also makes the flood and duplicate
 * rules race-free. Started and stopped by the composition root; {@link #close()} finishes what is queued.
 */
final class CommentWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommentWriter.class);
    static final int MAX_BATCH = 256;

    /** What became of a submission. */
    sealed interface Outcome permits Stored, Refused {
    }

    /** Stored now ({@code created}) or earlier by the same form (an idempotent repeat). */
    record Stored(Comment comment, boolean created) implements Outcome {
    }

    /** Not stored; the message says why. */
    record Refused(String message) implements Outcome {
    }

    static final String DUPLICATE = "Duplicate comment detected: it looks as though you’ve already said that!";
    static final String FLOOD = "You are posting comments too quickly. Please wait a few seconds, then post again.";
    static final String PARENT_GONE = "The comment you are replying to is no longer available.";

    private record Job(Submission submission, CompletableFuture<Outcome> result) {
    }

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;
    private final CommentSettings settings;
    private final Moderation moderation;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(8192);
    private final Thread thread;
    private volatile boolean running = true;

    CommentWriter(Jdbi jdbi, Dialect dialect, Clock clock, CommentSettings settings, Moderation moderation) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
        this.settings = settings;
        this.moderation = moderation;
        this.thread = new Thread(this::run, "comment-writer");
    }

    void start() {
        thread.start();
    }

    /** Queues a submission; the future completes after the commit. */
    CompletableFuture<Outcome> submit(Submission submission) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IllegalStateException("the comment writer is stopped"));
            return result;
        }
        try {
            if (!queue.offer(new Job(submission, result), 5, TimeUnit.SECONDS)) {
                result.completeExceptionally(new IllegalStateException("the comment writer is overloaded"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        return result;
    }

    private void run() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Job> batch) {
        try {
            List<Outcome> outcomes = inTransaction(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outcomes.get(i));
            }
        } catch (RuntimeException batchFailure) {
            // One bad submission must not fail its neighbours: retry each alone.
            if (batch.size() == 1) {
                if (!OutOfSpace.in(batchFailure)) { // a full disk is reported, once a minute, where the reader is answered
                    log.error("could not store a comment", batchFailure);
                }
                batch.get(0).result().completeExceptionally(batchFailure);
                return;
            }
            for (Job job : batch) {
                write(List.of(job));
            }
        }
    }

    private List<Outcome> inTransaction(List<Job> batch) {
        try (Handle h = jdbi.open()) {
            if (dialect == Dialect.SQLITE) {
                h.execute("PRAGMA synchronous = FULL");
            }
            return h.inTransaction(tx -> {
                List<Outcome> outcomes = new ArrayList<>(batch.size());
                for (Job job : batch) {
                    outcomes.add(apply(tx, job.submission()));
                }
                return outcomes;
            });
        }
    }

    private Outcome apply(Handle h, Submission s) {
        var existing = CommentRepository.idByKey(h, s.idempotencyKey());
        if (existing.isPresent()) {
            return new Stored(CommentRepository.find(h, existing.get()).orElseThrow(), false);
        }
        long now = clock.millis();
        CommentValidator.Valid f = s.fields();
        if (!s.staff()) {
            if (!settings.floodInterval().isZero()
                    && CommentRepository.recentFrom(h, s.address(), f.emailKey(), now - settings.floodInterval().toMillis())) {
                return new Refused(FLOOD);
            }
            if (CommentRepository.sameTextFrom(h, f.emailKey(), s.articleId(), s.bodyHash())) {
                return new Refused(DUPLICATE);
            }
        }
        Long parentId = null;
        Long rootId = null;
        int depth = 0;
        if (s.parentId() != null) {
            var parent = CommentRepository.find(h, s.parentId());
            if (parent.isEmpty() || parent.get().articleId() != s.articleId() || parent.get().status() != CommentStatus.APPROVED) {
                return new Refused(PARENT_GONE);
            }
            Comment p = parent.get();
            // Beyond the deepest level a reply becomes a sibling at that level, under the same parent.
            if (p.depth() + 1 >= settings.maxDepth()) {
                parentId = p.parentId() == null ? p.id() : p.parentId();
                depth = p.parentId() == null ? 1 : p.depth();
            } else {
                parentId = p.id();
                depth = p.depth() + 1;
            }
            rootId = p.threadRoot();
        }
        if (settings.maxDepth() == 1 && parentId != null) {
            depth = 0;
            rootId = null;
            parentId = null;
        }
        CommentStatus status = s.staff() ? CommentStatus.APPROVED
                : moderation.decide(f, s.address(), moderation.needsTrust()
                        && CommentRepository.hasApproved(h, f.emailKey()));
        long id = CommentRepository.insert(h, s, parentId, rootId, depth, status, now);
        java.time.Instant at = java.time.Instant.ofEpochMilli(now);
        return new Stored(new Comment(id, s.articleId(), parentId, rootId, depth, f.name(), f.email(), f.website(),
                s.address(), f.body(), status, s.staff(), at, at), true);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
