package org.broadsheet.demo;

import org.broadsheet.comment.CommentImport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Readers' comments on generated articles: {@code perArticle} approved comments an article on average, skewed
 * as on a real site — half the articles have none, a few have a dozen or more — and about a fifth of them
 * replies, nested one or two levels. The commenters are a fixed crowd of made-up readers (some of them
 * regulars) with {@code @example.org} addresses; the text recombines the demo's sentences. A comment is
 * dated between its article's publication (or its parent's time) and the earlier of now and the day
 * comments close by default, mostly within hours. Stored through {@link CommentImport} in transactions of
 * about {@value #BATCH} comments; an article's comments always go into one transaction. Deterministic for a
 * seed and a time. Not thread-safe.
 */
final class SyntheticComments {

    static final int BATCH = 4000;
    private static final double REPLY_SHARE = 0.3;
    private static final int MAX_DEPTH = 2;
    private static final Duration OPEN = Duration.ofDays(14);
    private static final long FIRST_DELAY = Duration.ofHours(8).toMillis();
    private static final long REPLY_DELAY = Duration.ofHours(2).toMillis();
    private static final List<String> FIRST = List.of("Alex", "Anna", "Ben", "Carla", "Chen", "Daniel", "Dana", "Elif",
            "Emma", "Farid", "Grace", "Hana", "Ivan", "Jamal", "Jonas", "Julia", "Kofi", "Laura", "Leo", "Maria", "Mateo",
            "Nadia", "Noah", "Olga", "Omar", "Paul", "Rosa", "Sam", "Sara", "Tariq", "Vera", "Yuki");
    private static final List<String> LAST = List.of("Adams", "Baker", "Berg", "Castro", "Costa", "Dubois", "Evans",
            "Fischer", "Garcia", "Hansen", "Ibrahim", "Jensen", "Kim", "Larsen", "Lopez", "Mensah", "Moreau", "Novak",
            "Nowak", "Okoro", "Patel", "Quinn", "Reyes", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Walsh", "Xu",
            "Young", "Zimmer");
    private static final List<String> OPENERS = List.of("Interesting piece.", "Thanks for covering this.",
            "I'm not convinced.", "Good reporting.", "This matters more than it seems.", "Finally some detail.",
            "I read this twice.", "Not surprised, to be honest.");
    private static final List<String> REPLY_OPENERS = List.of("Agreed.", "I see it differently.", "Good point.",
            "Not quite.", "Thanks, I didn't know that.", "Do you have a source?", "Exactly this.");
    private static final List<String> CLOSERS = List.of("We'll see what happens next.", "Let's hope someone listens.",
            "Keep us posted.", "More of this, please.");

    private final CommentImport store;
    private final List<String> sentences;
    private final double perArticle;
    private final double commentedShare;
    private final int maxPerArticle;
    private final Instant now;
    private final SplittableRandom random;
    private final List<CommentImport.Imported> pending = new ArrayList<>(BATCH + 100);
    private long stored;

    SyntheticComments(CommentImport store, DemoText text, double perArticle, Instant now, long seed) {
        this.store = store;
        this.sentences = text.sentences();
        this.perArticle = perArticle;
        // Half the articles get all the comments; below an average of one, fewer articles get one each.
        this.commentedShare = Math.min(0.5, perArticle);
        this.maxPerArticle = (int) Math.max(20, Math.ceil(10 * perArticle));
        this.now = now;
        this.random = new SplittableRandom(seed ^ 0x636f6d6d656e7473L);
    }

    /** Writes comments for these articles, committing whenever a batch is full. */
    void add(List<SyntheticNews.Stored> articles) {
        for (SyntheticNews.Stored article : articles) {
            pending.addAll(thread(article, pending.size()));
            if (pending.size() >= BATCH) {
                flush();
            }
        }
    }

    /** Commits what is pending. */
    void flush() {
        if (!pending.isEmpty()) {
            stored += store.importApproved(pending).size();
            pending.clear();
        }
    }

    /** Comments generated so far, committed or waiting for their batch. */
    long count() {
        return stored + pending.size();
    }

    /**
     * An article's comments, oldest first, each reply after its parent; {@code base} is where they will
     * start in the batch, for the replies' references.
     */
    private List<CommentImport.Imported> thread(SyntheticNews.Stored article, int base) {
        int n = draw();
        if (n == 0) {
            return List.of();
        }
        long published = article.publishedAt().toEpochMilli();
        long closes = Math.min(now.toEpochMilli(), article.publishedAt().plus(OPEN).toEpochMilli());
        int[] parent = new int[n];
        int[] depth = new int[n];
        long[] at = new long[n];
        int[] reader = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i > 0 && random.nextDouble() < REPLY_SHARE ? random.nextInt(i) : -1;
            if (parent[i] >= 0 && depth[parent[i]] >= MAX_DEPTH) {
                parent[i] = parent[parent[i]];
            }
            depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
            long from = parent[i] < 0 ? published : at[parent[i]];
            at[i] = from + delay(parent[i] < 0 ? FIRST_DELAY : REPLY_DELAY, closes - from);
            reader[i] = reader();
        }
        // Ids are shown in order, so store by time; a reply is never earlier than its parent, and on a tie the
        // stable sort keeps the parent (drawn first) ahead.
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(i -> at[i])).toArray(Integer[]::new);
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
        List<CommentImport.Imported> comments = new ArrayList<>(n);
        for (int i : order) {
            int replyTo = parent[i] < 0 ? -1 : base + position[parent[i]];
            comments.add(new CommentImport.Imported(article.id(), replyTo, name(reader[i]), email(reader[i]),
                    body(parent[i] >= 0), Instant.ofEpochMilli(at[i])));
        }
        return comments;
    }

    /** How many comments an article gets: often 0, else 1 plus a geometric number, averaging {@code perArticle}. */
    private int draw() {
        if (perArticle <= 0 || random.nextDouble() >= commentedShare) {
            return 0;
        }
        double extra = perArticle / commentedShare - 1;
        if (extra <= 0) {
            return 1;
        }
        int more = (int) (Math.log(1 - random.nextDouble()) / Math.log(extra / (extra + 1)));
        return Math.min(maxPerArticle, 1 + more);
    }

    /** An exponential delay with this mean, drawn again uniformly when it would fall after the window. */
    private long delay(long mean, long window) {
        long d = (long) (-mean * Math.log(1 - random.nextDouble()));
        return d <= window ? d : (long) (random.nextDouble() * window);
    }

    /** Readers with low numbers comment far more often: the regulars. */
    private int reader() {
        double u = random.nextDouble();
        return (int) (u * u * FIRST.size() * LAST.size());
    }

    private static String name(int reader) {
        return FIRST.get(reader % FIRST.size()) + " " + LAST.get(reader / FIRST.size());
    }

    private static String email(int reader) {
        return name(reader).toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org";
    }

    private String body(boolean reply) {
        StringBuilder text = new StringBuilder();
        if (reply) {
            text.append(pick(REPLY_OPENERS)).append(' ');
        } else if (random.nextInt(10) < 3) {
            text.append(pick(OPENERS)).append(' ');
        }
        int n = 1 + random.nextInt(3);
        for (int s = 0; s < n; s++) {
            text.append(pick(sentences)).append(s == n - 1 ? "" : " ");
        }
        if (random.nextInt(10) < 2) {
            text.append("\n\n").append(pick(CLOSERS));
        }
        return text.toString();
    }

    private String pick(List<String> pool) {
        return pool.get(random.nextInt(pool.size()));
    }
}
