package org.broadsheet.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything Broadsheet reads from the outside world, read once at start and passed down.
 *
 * @param port        HTTP port; 0 picks a free one (tests)
 * @param dataDir     folder for the SQLite file, media and the search index
 * @param databaseUrl JDBC URL; {@code null} means SQLite inside {@code dataDir}
 * @param loadDemo    load the Wikinews demo content into an empty store
 * @param siteName    the outlet's name, shown in the header and page titles
 * @param baseUrl     public address used in canonical links and feeds, without trailing slash
 * @param maxUploadBytes the largest photo the newsroom accepts
 */
public record Settings(int port, Path dataDir, String databaseUrl, boolean loadDemo,
                       String siteName, String baseUrl, long maxUploadBytes) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    public Settings(int port, Path dataDir, String databaseUrl, boolean loadDemo, String siteName, String baseUrl) {
        this(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public Settings {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        siteName = siteName == null || siteName.isBlank() ? "Broadsheet" : siteName.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + (port == 0 ? DEFAULT_PORT : port)
                : baseUrl.replaceAll("/+$", "");
        if (maxUploadBytes < 1024 || maxUploadBytes > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("the upload limit must be between 1 KB and 1 GB, got " + maxUploadBytes);
        }
    }

    /** The JDBC URL to use: the configured one, or the default SQLite file in the data folder. */
    public String jdbcUrl() {
        return databaseUrl != null && !databaseUrl.isBlank() ? databaseUrl
                : "jdbc:sqlite:" + dataDir.resolve("broadsheet.db").toAbsolutePath();
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** Settings for a test: a free port, the given data folder, no demo content. */
    public static Settings forTest(Path dataDir, String databaseUrl) {
        return new Settings(0, dataDir, databaseUrl, false, "Broadsheet", null);
    }

    public Settings withDemo(boolean demo) {
        return new Settings(port, dataDir, databaseUrl, demo, siteName, baseUrl, maxUploadBytes);
    }
}
