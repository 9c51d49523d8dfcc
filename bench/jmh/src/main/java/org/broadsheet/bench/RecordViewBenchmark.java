package org.broadsheet.bench;

import org.broadsheet.ranking.BotDetector;
import org.broadsheet.ranking.PublishedArticles;
import org.broadsheet.ranking.ReadCounter;
import org.broadsheet.ranking.ViewCounter;
import org.broadsheet.ranking.VisitorHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Recording one read on one core, in process. {@code count} is the in-memory counter alone (30-minute
 * deduplication in Caffeine, then the per-article, per-hour LongAdder); every operation is a new
 * reader, so every one inserts into the deduplication memory (the costly case). {@code pageRead} is the
 * whole path a page request takes: robot check (cached user-agent answer), HMAC-SHA256 visitor hash,
 * deduplication, count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class RecordViewBenchmark {

    private static final String[] AGENTS = {
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"};

    private ViewCounter counter;
    private ReadCounter reads;
    private String[] addresses;
    private long next;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        counter = new ViewCounter(clock, 1_000_000);
        PublishedArticles published = new PublishedArticles(null);
        reads = new ReadCounter(clock, new VisitorHasher(clock), new BotDetector(), new ViewCounter(clock, 1_000_000), published);
        addresses = new String[65_536];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = "10." + (i >> 8) + "." + (i & 255) + "." + (i % 7);
        }
        for (String agent : AGENTS) {
            reads.pageRead(1, "127.0.0.1", agent, false);
        }
    }

    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long cpuAtStart;
    private long opsAtStart;

    /**
     * The machine may be shared, so wall-clock throughput understates one core's: also print operations
     * per second of CPU time of the benchmark thread.
     */
    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void startCpuClock() {
        cpuAtStart = threads.getCurrentThreadCpuTime();
        opsAtStart = next;
    }

    @org.openjdk.jmh.annotations.TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void printCpuRate() {
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
        System.out.printf(" [%,.0f ops per CPU-second of the benchmark thread] ", (next - opsAtStart) / cpuSeconds);
    }

    @Benchmark
    public boolean count() {
        long n = next++;
        return counter.count(n * 0x9E3779B97F4A7C15L, 1 + (n & 1023));
    }

    @Benchmark
    public Object pageRead() {
        long n = next++;
        return reads.pageRead(1 + (n & 1023), addresses[(int) (n & 65_535)], AGENTS[(int) ((n >> 16) & 3)], false);
    }
}
