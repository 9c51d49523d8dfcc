package org.broadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the data folder exists and can be written before anything else touches it. */
final class DataFolder {

    private DataFolder() {
    }

    static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupException("the data folder " + dir.toAbsolutePath() + " cannot be written: " + e.getMessage());
        }
    }
}
