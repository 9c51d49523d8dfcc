package org.broadsheet.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything Broadsheet reads from the outside world, read once at start and passed down.
 *
 * @param port           HTTP port; 0 picks a free one (tests)
 * @param dataDir        folder for the SQLite file, media and the search index
 * @param databaseUrl    JDBC URL; {@code null} means SQLite inside {@code dataDir}
 * @param loadDemo       load the Wikinews demo content into an empty store
 * @param siteName       the outlet's name, shown in the header and page titles
 * @param baseUrl        public address used in canonical links and feeds, without trailing slash
 * @param pageCache      keep rendered public pages and recent search answers in memory (off only to measure the uncached path)
 * @param ranking        how reads are counted and ranked
 * @param maxUploadBytes the largest photo the newsroom accepts
 */
public record Settings(int port, Path dataDir, String databaseUrl, boolean loadDemo,
                       String siteName, String baseUrl, boolean pageCache, RankingSettings ranking,
                       long maxUploadBytes) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    public Settings {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        siteName = siteName == null || siteName.isBlank() ? "Broadsheet" : siteName.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + (port == 0 ? DEFAULT_PORT : port)
                : baseUrl.replaceAll("/+$", "");
        ranking = ranking == null ? RankingSettings.DEFAULTS : ranking;
        if (maxUploadBytes < 1024 || maxUploadBytes > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("the upload limit must be between 1 KB and 1 GB, got " + maxUploadBytes);
        }
    }

    /** Settings with every tunable at its default: page cache on, default ranking, 20 MB uploads. */
    public Settings(int port, Path dataDir, String databaseUrl, boolean loadDemo, String siteName, String baseUrl) {
        this(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, true, RankingSettings.DEFAULTS, DEFAULT_MAX_UPLOAD_BYTES);
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
        return new Settings(port, dataDir, databaseUrl, demo, siteName, baseUrl, pageCache, ranking, maxUploadBytes);
    }

    public Settings withPageCache(boolean enabled) {
        return new Settings(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, enabled, ranking, maxUploadBytes);
    }

    public Settings withRanking(RankingSettings ranking) {
        return new Settings(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, pageCache, ranking, maxUploadBytes);
    }

    public Settings withMaxUploadBytes(long bytes) {
        return new Settings(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, pageCache, ranking, bytes);
    }
}
