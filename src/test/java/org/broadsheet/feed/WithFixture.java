package org.broadsheet.feed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Base for tests that each want a fresh running site on SQLite: {@link #f} is started before and closed after every test. */
abstract class WithFixture {

    @TempDir
    Path dir;
    FeedFixture f;

    @BeforeEach
    void startSite() {
        f = new FeedFixture(dir);
    }

    @AfterEach
    void stopSite() {
        f.close();
    }
}
