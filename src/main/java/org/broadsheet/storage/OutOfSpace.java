package org.broadsheet.storage;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that recognises "the disk is full" in a failure, wherever it was raised: SQLite's
 * {@code SQLITE_FULL} or an I/O error while writing, PostgreSQL's {@code 53100 disk_full}, or a Java
 * {@code IOException} saying "No space left on device" (media files, the search index). The failure is
 * searched through its causes and its suppressed exceptions, since wrappers such as Jdbi's
 * {@code UnableToRestoreAutoCommitStateException} carry the real cause only there. Stateless.
 */
public final class OutOfSpace {

    /** PostgreSQL's SQLSTATE for {@code disk_full}. */
    static final String POSTGRES_DISK_FULL = "53100";
    /** The depth of causes and suppressed exceptions looked at; wrappers nest a few levels, never dozens. */
    private static final int MAX_VISITS = 64;

    private OutOfSpace() {
    }

    /** True when {@code failure}, or anything it wraps, says the disk is full. */
    public static boolean in(Throwable failure) {
        return cause(failure).isPresent();
    }

    /** The exception in {@code failure}'s chain that says the disk is full, if there is one. */
    public static Optional<Throwable> cause(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && seen.size() < MAX_VISITS) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (saysFull(t)) {
                return Optional.of(t);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return Optional.empty();
    }

    private static boolean saysFull(Throwable t) {
        if (t instanceof SQLiteException sqlite) {
            return isFull(sqlite.getResultCode());
        }
        if (t instanceof SQLException sql) {
            return POSTGRES_DISK_FULL.equals(sql.getSQLState()) || sqliteMessage(sql.getMessage());
        }
        if (t instanceof IOException io) {
            String m = io.getMessage() == null ? "" : io.getMessage();
            // Linux ENOSPC and EDQUOT, and what Windows says for ERROR_DISK_FULL
            return m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("There is not enough space on the disk");
        }
        return false;
    }

    /** Full, or an I/O error while writing or syncing (which is how a full disk shows in the WAL and its index). */
    private static boolean isFull(SQLiteErrorCode code) {
        return switch (code) {
            case SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_DIR_FSYNC, SQLITE_IOERR_TRUNCATE,
                 SQLITE_IOERR_SHMSIZE -> true;
            default -> false;
        };
    }

    /** sqlite-jdbc sometimes raises a plain {@code SQLException} with the code in the message. */
    private static boolean sqliteMessage(String message) {
        return message != null && (message.contains("[SQLITE_FULL]") || message.contains("database or disk is full"));
    }
}
