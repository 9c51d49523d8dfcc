package org.broadsheet;

import org.broadsheet.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The command line: {@code broadsheet serve}, and the operator's other commands. */
@Command(name = "broadsheet", mixinStandardHelpOptions = true, version = "Broadsheet 0.1",
        description = "A fast, self-hosted news publishing platform.",
        subcommands = {Main.Serve.class, ReindexCommand.class})
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

        @Option(names = "--no-demo", description = "Start with an empty site instead of loading the Wikinews demo content.")
        boolean noDemo;

        @Option(names = "--site-name", paramLabel = "NAME", defaultValue = "${env:BROADSHEET_SITE_NAME:-Broadsheet}",
                description = "The outlet's name (env BROADSHEET_SITE_NAME; default: ${DEFAULT-VALUE}).")
        String siteName;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:BROADSHEET_BASE_URL}",
                description = "Public address for canonical links, e.g. https://news.example.com (env BROADSHEET_BASE_URL).")
        String baseUrl;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 1 || port > 65535) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 1 and 65535");
            }
            Settings settings = new Settings(port, store.data, store.db, !noDemo, siteName, baseUrl);
            App app = App.start(settings, Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
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
}
