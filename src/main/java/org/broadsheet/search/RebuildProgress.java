package org.broadsheet.search;

/** Told how far a rebuild of the index has got; e.g. a progress bar on the terminal. */
@FunctionalInterface
public interface RebuildProgress {

    void update(int done, int total);

    RebuildProgress SILENT = (done, total) -> {
    };
}
