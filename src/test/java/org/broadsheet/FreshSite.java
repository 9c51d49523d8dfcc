package org.broadsheet;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * JUnit extension: a test method with a {@link TestApp} parameter gets a fresh, empty site (SQLite file in
 * its own temporary folder, no demo content), stopped and deleted when the test ends. Use
 * {@code @ExtendWith(FreshSite.class)}; build a {@link TestApp} yourself for anything else.
 */
public final class FreshSite implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshSite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestApp.class;
    }

    @Override
    public TestApp resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            Path dataDir = Files.createTempDirectory("broadsheet-test-");
            Running running = new Running(TestApp.in(dataDir).start(), dataDir);
            context.getStore(NAMESPACE).put(parameter.getIndex(), running);
            return running.site();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit at the end of the test: stops the app, then deletes its data folder. */
    private record Running(TestApp site, Path dataDir) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            site.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
