package org.broadsheet;

import picocli.CommandLine;

/** Lets tests in feature packages run the command line as the launcher does. */
public final class MainAccess {

    private MainAccess() {
    }

    public static CommandLine commandLine() {
        return Main.commandLine();
    }
}
