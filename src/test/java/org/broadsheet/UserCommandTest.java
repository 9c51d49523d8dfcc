package org.broadsheet;

import org.broadsheet.account.AccountService;
import org.broadsheet.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTest {

    @TempDir
    Path dir;
    private final InputStream stdin = System.in;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private int run(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void createsTheFirstAdminWithAPasswordFromStandardInput() {
        int code = run("a long enough passphrase\n", "user", "add", "--email", "boss@example.com", "--name", "The Boss",
                "--role", "admin", "--password-stdin", "--data", dir.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Created admin boss@example.com");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("broadsheet.db").toAbsolutePath())) {
            var session = new AccountService(db.jdbi(), Clock.systemUTC()).signIn("boss@example.com", "a long enough passphrase", "cli", null)
                    .join();
            assertThat(session.principal().role().name()).isEqualTo("ADMIN");
        }
    }

    @Test
    void refusesAWeakPasswordAndAnUnknownRole() {
        assertThat(run("short\n", "user", "add", "--email", "a@example.com", "--name", "A", "--role", "admin", "--password-stdin",
                "--data", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(run("", "user", "add", "--email", "a@example.com", "--name", "A", "--role", "boss", "--data", dir.toString()))
                .isEqualTo(2);
    }

    @Test
    void refusesAPasswordMadeFromTheEmailAddress() {
        assertThat(run("Reporter.Jones@Example.com\n", "user", "add", "--email", "reporter.jones@example.com", "--name", "R",
                "--role", "author", "--password-stdin", "--data", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("must not be your email address");
        assertThat(run("reporterjones2026!\n", "user", "add", "--email", "reporter.jones@example.com", "--name", "R",
                "--role", "author", "--password-stdin", "--data", dir.toString())).isEqualTo(1);
        assertThat(run("reporter jones writes the news\n", "user", "add", "--email", "reporter.jones@example.com", "--name", "R",
                "--role", "author", "--password-stdin", "--data", dir.toString())).as(err.toString()).isZero();
    }

    @Test
    void withoutAPasswordItPrintsAOneTimeLink() {
        assertThat(run("", "user", "add", "--email", "e@example.com", "--name", "E", "--role", "editor", "--data", dir.toString())).isZero();
        assertThat(out.toString()).contains("/newsroom/set-password?token=");
    }
}
