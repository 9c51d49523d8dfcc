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
 * @param pageCache   keep rendered public pages in memory (off only to measure the uncached path)
 * @param ranking     how reads are counted and ranked
 */
public record Settings(int port, Path dataDir, String databaseUrl, boolean loadDemo,
                       String siteName, String baseUrl, boolean pageCache, RankingSettings ranking) {

    public static final int DEFAULT_PORT = 8080;

    public Settings {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        siteName = siteName == null || siteName.isBlank() ? "Broadsheet" : siteName.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + (port == 0 ? DEFAULT_PORT : port)
                : baseUrl.replaceAll("/+$", "");
        ranking = ranking == null ? RankingSettings.DEFAULTS : ranking;
    }

    /** Settings with the page cache on and the default ranking settings. */
    public Settings(int port, Path dataDir, String databaseUrl, boolean loadDemo, String siteName, String baseUrl) {
        this(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, true, RankingSettings.DEFAULTS);
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
        return new Settings(0, dataDir, databaseUrl, false, "Broadsheet", null, true, RankingSettings.DEFAULTS);
    }

    public Settings withDemo(boolean demo) {
        return new Settings(port, dataDir, databaseUrl, demo, siteName, baseUrl, pageCache, ranking);
    }

    public Settings withPageCache(boolean enabled) {
        return new Settings(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, enabled, ranking);
    }

    public Settings withRanking(RankingSettings ranking) {
        return new Settings(port, dataDir, databaseUrl, loadDemo, siteName, baseUrl, pageCache, ranking);
    }
}
