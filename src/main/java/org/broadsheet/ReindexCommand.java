package org.broadsheet;

import org.broadsheet.config.Settings;
import org.broadsheet.search.RebuildProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code broadsheet reindex}: rebuilds the search index from the database, with a progress bar. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database (stop the server first).")
final class ReindexCommand implements Callable<Integer> {

    @CommandLine.Mixin
    Main.StoreOptionsMixin store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = new Settings(0, store.data, store.db, false, null, null);
        ProgressBar bar = new ProgressBar(out);
        long started = System.nanoTime();
        int indexed = App.reindex(settings, Clock.systemUTC(), bar);
        bar.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("Indexed %,d articles in %.1f s.%n", indexed, seconds);
        out.flush();
        return 0;
    }

    /** A one-line bar redrawn in place: {@code [#######.............]  35%  35,000/100,000}. */
    static final class ProgressBar implements RebuildProgress {
        private static final int WIDTH = 30;
        private final PrintWriter out;
        private int shownPercent = -1;
        private int lastTotal;

        ProgressBar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void update(int done, int total) {
            lastTotal = total;
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            if (percent != shownPercent || done == total) {
                shownPercent = percent;
                draw(done, total, percent);
            }
        }

        private void draw(int done, int total, int percent) {
            int filled = percent * WIDTH / 100;
            out.printf("\r[%s%s] %3d%%  %,d/%,d", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total);
            out.flush();
        }

        void finish() {
            if (shownPercent < 0) {
                draw(lastTotal, lastTotal, 100);
            }
            out.println();
        }
    }
}
