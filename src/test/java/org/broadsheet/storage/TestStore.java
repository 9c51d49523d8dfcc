package org.broadsheet.storage;

import java.nio.file.Path;

/** The two stores storage tests run on; parameterize a test with {@code @EnumSource(TestStore.class)}. */
public enum TestStore {
    SQLITE {
        @Override
        public String freshUrl(Path tempDir) {
            return "jdbc:sqlite:" + tempDir.resolve("broadsheet.db").toAbsolutePath();
        }
    },
    POSTGRESQL {
        @Override
        public String freshUrl(Path tempDir) {
            return TestPostgres.freshDatabaseUrl();
        }
    };

    /** The JDBC URL of a new, empty database of this kind. */
    public abstract String freshUrl(Path tempDir);
}
