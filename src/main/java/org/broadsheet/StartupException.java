package org.broadsheet;

/** A reason Broadsheet cannot start that the operator can fix; its message is shown as one line. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }
}
