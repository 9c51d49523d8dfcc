package org.broadsheet;

import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.SyntheticArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** The command line: {@code broadsheet serve}, and the operator's other commands. */
@Command(name = "broadsheet", mixinStandardHelpOptions = true, version = "Broadsheet 0.1",
        description = "A fast, self-hosted news publishing platform.",
        subcommands = {Main.Serve.class, UserCommand.class, ReindexCommand.class, Main.Generate.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("broadsheet: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("broadsheet: " + oneLine(e));
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof StartupException)) {
            if (t.getClass().getSimpleName().equals("JavalinBindException")) {
                break;
            }
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the news site and the newsroom.")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--port", paramLabel = "N", defaultValue = "${env:BROADSHEET_PORT:-8080}",
                description = "HTTP port (env BROADSHEET_PORT; default: ${DEFAULT-VALUE}).")
        int port;

        @CommandLine.Mixin
        StoreOptionsMixin store;

        @CommandLine.Mixin
        RankingOptionsMixin ranking;

        @Option(names = "--no-demo", description = "Start with an empty site instead of loading the Wikinews demo content.")
        boolean noDemo;

        @Option(names = "--site-name", paramLabel = "NAME", defaultValue = "${env:BROADSHEET_SITE_NAME:-Broadsheet}",
                description = "The outlet's name (env BROADSHEET_SITE_NAME; default: ${DEFAULT-VALUE}).")
        String siteName;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:BROADSHEET_BASE_URL}",
                description = "Public address for canonical links, e.g. https://news.example.com (env BROADSHEET_BASE_URL).")
        String baseUrl;

        @Option(names = "--no-page-cache", description = "Render every public page and run every search on every request (to measure the uncached path).")
        boolean noPageCache;

        @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "${env:BROADSHEET_MAX_UPLOAD_MB:-20}",
                description = "Largest photo the newsroom accepts, in megabytes (env BROADSHEET_MAX_UPLOAD_MB; default: ${DEFAULT-VALUE}).")
        int maxUploadMb;

        @Override
        public Integer call() throws InterruptedException {
            if (maxUploadMb < 1 || maxUploadMb > 1024) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--max-upload-mb must be between 1 and 1024");
            }
            if (port < 1 || port > 65535) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 1 and 65535");
            }
            Settings settings = new Settings(port, store.data, store.db, !noDemo, siteName, baseUrl, !noPageCache,
                    ranking.settings(this), maxUploadMb * 1024L * 1024);
            StopSignals.serveUntilStopped(App.start(settings, Clock.systemUTC()));
            return 0;
        }
    }

    /** How reads are counted and ranked. */
    static final class RankingOptionsMixin {
        @Option(names = "--view-counting", paramLabel = "MODE", defaultValue = "${env:BROADSHEET_VIEW_COUNTING:-server}",
                description = "Where reads are counted: 'server' (pages reach Broadsheet) or 'beacon' (a CDN or page cache serves pages) (env BROADSHEET_VIEW_COUNTING; default: ${DEFAULT-VALUE}).")
        String counting;

        @Option(names = "--proxy-hops", paramLabel = "N", defaultValue = "${env:BROADSHEET_PROXY_HOPS:-0}",
                description = "Trusted reverse proxies in front that append to X-Forwarded-For (env BROADSHEET_PROXY_HOPS; default: ${DEFAULT-VALUE}).")
        int proxyHops;

        @Option(names = "--top-days", paramLabel = "DAYS", defaultValue = "7", description = "Window of Top 5 This Week in days (default: ${DEFAULT-VALUE}).")
        int topDays;

        @Option(names = "--top-size", paramLabel = "N", defaultValue = "5", description = "Articles in Top 5 This Week (default: ${DEFAULT-VALUE}).")
        int topSize;

        @Option(names = "--popular-days", paramLabel = "DAYS", defaultValue = "30", description = "Window of Popular Articles in days (default: ${DEFAULT-VALUE}).")
        int popularDays;

        @Option(names = "--popular-size", paramLabel = "N", defaultValue = "5", description = "Articles in Popular Articles (default: ${DEFAULT-VALUE}).")
        int popularSize;

        RankingSettings settings(Object command) {
            try {
                RankingSettings d = RankingSettings.DEFAULTS;
                return new RankingSettings(RankingSettings.ViewCounting.parse(counting), proxyHops,
                        java.time.Duration.ofDays(topDays), topSize, java.time.Duration.ofDays(popularDays), popularSize,
                        d.trendingSize(), d.flushInterval());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(command), e.getMessage());
            }
        }
    }

    /** picocli mixin wrapper so several commands share the store options. */
    static final class StoreOptionsMixin {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:BROADSHEET_DATA:-data}",
                description = "Data folder for the SQLite file, media and search index (env BROADSHEET_DATA; default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:BROADSHEET_DB_URL}",
                description = "Database URL, e.g. jdbc:postgresql://host/db?user=u&password=p (env BROADSHEET_DB_URL; default: SQLite in the data folder).")
        String db;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Add a synthetic archive for load tests and benchmarks: articles recombined from the demo content, "
                    + "readers' comments and recent view history.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--articles", paramLabel = "N", required = true, description = "How many articles to add.")
        int count;

        @Option(names = "--days", paramLabel = "D", defaultValue = "365", description = "Spread them over the last D days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--comments-per-article", paramLabel = "AVG", defaultValue = "2",
                description = "Approved comments an article on average, many articles none, some a dozen or more (0 = none; default: ${DEFAULT-VALUE}).")
        double commentsPerArticle;

        @Option(names = "--view-days", paramLabel = "D", defaultValue = "90",
                description = "Give articles published in the last D days a view history (0 = none; at most 90, larger values count as 90; default: ${DEFAULT-VALUE}).")
        int viewDays;

        @CommandLine.Mixin
        StoreOptionsMixin store;

        @Override
        public Integer call() {
            SyntheticArchive.Options options;
            try {
                // Hourly buckets older than the longest ranking window are rolled into days, so none are made.
                options = new SyntheticArchive.Options(count, java.time.Duration.ofDays(days), seed, commentsPerArticle,
                        (int) Math.min(viewDays, RankingSettings.MAX_WINDOW.toDays()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
            Tools.generate(new Settings(Settings.DEFAULT_PORT, store.data, store.db, true, null, null), options,
                    Clock.systemUTC());
            return 0;
        }
    }
}
