package org.broadsheet.storage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.UnableToRestoreAutoCommitStateException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutOfSpaceTest {

    private static final SQLiteException SQLITE_FULL =
            new SQLiteException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)", SQLiteErrorCode.SQLITE_FULL);

    @Test
    void aFullDiskIsRecognisedWhereverItIsRaised() {
        assertThat(OutOfSpace.in(new UnableToExecuteStatementException(SQLITE_FULL, null))).isTrue();
        assertThat(OutOfSpace.in(new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_WRITE))).isTrue();
        assertThat(OutOfSpace.in(new SQLException("could not extend file \"base/16384/16385\": No space left", "53100"))).isTrue();
        assertThat(OutOfSpace.in(new UncheckedIOException("cannot write", new IOException("No space left on device")))).isTrue();
        assertThat(OutOfSpace.in(new FileSystemException("/data/media/x.jpg", null, "No space left on device"))).isTrue();
    }

    @Test
    void jdbisAutoCommitWrapperDoesNotHideTheCause() {
        // The wrapper's own cause is the failed setAutoCommit; the real failure may sit among the suppressed ones.
        UnableToRestoreAutoCommitStateException viaSuppressed =
                new UnableToRestoreAutoCommitStateException(new SQLException("cannot restore auto-commit"));
        viaSuppressed.addSuppressed(new UnableToExecuteStatementException(SQLITE_FULL, null));
        assertThat(OutOfSpace.cause(viaSuppressed)).containsSame(SQLITE_FULL);
        assertThat(OutOfSpace.in(new RuntimeException(new UnableToRestoreAutoCommitStateException(SQLITE_FULL)))).isTrue();
    }

    @Test
    void otherFailuresAreNotMistakenForAFullDisk() {
        assertThat(OutOfSpace.in(new SQLiteException("[SQLITE_BUSY] database is locked", SQLiteErrorCode.SQLITE_BUSY))).isFalse();
        assertThat(OutOfSpace.in(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(OutOfSpace.in(new IOException("Permission denied"))).isFalse();
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertThat(OutOfSpace.in(loop)).isFalse();
        assertThat(OutOfSpace.in(null)).isFalse();
    }

    @Test
    void theCauseIsLoggedOncePerMinuteWithTheCountInBetween() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        OutOfSpaceLog spaceLog = new OutOfSpaceLog(clock);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OutOfSpaceLog.class);
        logger.addAppender(logged);
        logged.start();
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(spaceLog.report("POST /comments", new UnableToExecuteStatementException(SQLITE_FULL, null))).isTrue();
            }
            assertThat(spaceLog.report("POST /comments", new IllegalStateException("not about space"))).isFalse();
            clock.advance(Duration.ofSeconds(59));
            spaceLog.report("view-flusher", SQLITE_FULL);
            assertThat(logged.list).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            spaceLog.report("view-flusher", SQLITE_FULL);
            assertThat(logged.list).hasSize(2);
            assertThat(logged.list.get(0).getFormattedMessage()).contains("POST /comments").contains("SQLITE_FULL")
                    .contains("0 more refused");
            assertThat(logged.list.get(1).getFormattedMessage()).contains("view-flusher").contains("50 more refused");
            assertThat(logged.list).allMatch(e -> e.getThrowableProxy() == null);
        } finally {
            logger.detachAppender(logged);
        }
    }
}
