package org.broadsheet;

import org.broadsheet.account.AccountService;
import org.broadsheet.config.Settings;
import org.broadsheet.storage.Database;
import org.broadsheet.web.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code broadsheet user add}: creates a newsroom account from the shell, e.g. the first admin. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage newsroom accounts.",
        subcommands = {UserCommand.Add.class})
final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create a newsroom account. There is no default password: give one on standard input with",
                    "--password-stdin, or leave it out to get a one-time link where the person sets their own."})
    static final class Add implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Email address, used to sign in.")
        String email;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The person's name, as the newsroom shows it.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "contributor, author, editor or admin.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:BROADSHEET_BASE_URL}",
                description = "Public address, for the set-password link (env BROADSHEET_BASE_URL).")
        String baseUrl;

        @CommandLine.Mixin
        Main.StoreOptionsMixin store;

        @Override
        public Integer call() throws IOException {
            Role parsed;
            try {
                parsed = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                parsed = Role.ANYONE;
            }
            if (parsed == Role.ANYONE) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--role must be contributor, author, editor or admin");
            }
            String password = null;
            if (passwordStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--password-stdin: no password on standard input");
                }
            }
            Settings settings = new Settings(Settings.DEFAULT_PORT, store.data, store.db, false, null, baseUrl);
            DataFolder.prepare(settings.dataDir());
            try (Database database = Database.open(settings.jdbcUrl())) {
                AccountService accounts = new AccountService(database.jdbi(), Clock.systemUTC());
                try {
                    if (password != null) {
                        accounts.addUser(email, name, parsed, password);
                        spec.commandLine().getOut().println("Created " + parsed.name().toLowerCase(Locale.ROOT) + " " + email.strip()
                                + ". Sign in at " + settings.baseUrl() + "/newsroom/sign-in");
                    } else {
                        String token = accounts.invite(email, name, parsed);
                        spec.commandLine().getOut().println("Created " + parsed.name().toLowerCase(Locale.ROOT) + " " + email.strip()
                                + ". To set the password (link valid for 7 days, once): " + settings.baseUrl()
                                + "/newsroom/set-password?token=" + token);
                    }
                } catch (AccountService.AccountException e) {
                    spec.commandLine().getErr().println("broadsheet: " + e.getMessage());
                    return 1;
                }
            }
            return 0;
        }
    }
}
