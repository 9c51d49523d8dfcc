package org.broadsheet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every page type validates with the Nu Html Checker: zero errors, warnings printed. The public pages and,
 * as a signed-in administrator sees them, the newsroom's screens. Runs in its own surefire execution (the
 * checker's Jetty 11 breaks Javalin), on the HTML that {@code PublicPagesTest} saved from real responses
 * earlier in the same build.
 */
@Tag("html-validation")
class PublicPagesHtmlValidationTest {

    static final List<String> PAGE_TYPES = RenderedPages.PAGE_TYPES;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void renderedPagesArePresent() {
        Path folder = RenderedPages.folder();
        if (!Files.isDirectory(folder)) {
            fail("No rendered pages in " + folder.toAbsolutePath() + ": run the default tests first (mvn test), "
                    + "PublicPagesTest saves them there");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("PAGE_TYPES")
    void pageValidatesWithoutErrors(String pageType) throws Exception {
        Path file = RenderedPages.folder().resolve(pageType + ".html");
        assertThat(file).as("rendered page; PublicPagesTest saves it").exists();

        JsonNode report = json.readTree(validateToJson(file));

        List<String> errors = new ArrayList<>();
        for (JsonNode message : report.path("messages")) {
            String line = pageType + ".html:" + message.path("lastLine").asText("?") + ": " + message.path("message").asText()
                    + (message.has("extract") ? "  [" + message.get("extract").asText().strip() + "]" : "");
            if ("info".equals(message.path("type").asText())) {
                System.out.println("warning: " + line);
            } else {
                errors.add(message.path("type").asText() + ": " + line);
            }
        }
        assertThat(errors).as("Nu Html Checker errors in " + pageType).isEmpty();
    }

    /**
     * Runs {@code nu.validator.client.EmbeddedValidator} with JSON output. The checker is added to the classpath
     * only by this test's surefire execution (never to the compile classpath, where its Jetty would win over
     * Javalin's), so it is called by name.
     */
    private static String validateToJson(Path file) throws ReflectiveOperationException {
        Class<?> validatorType = Class.forName("nu.validator.client.EmbeddedValidator");
        Class<?> formatType = Class.forName("nu.validator.client.EmbeddedValidator$OutputFormat");
        Object validator = validatorType.getConstructor().newInstance();
        validatorType.getMethod("setOutputFormat", formatType).invoke(validator, formatType.getField("JSON").get(null));
        return (String) validatorType.getMethod("validate", Path.class).invoke(validator, file);
    }
}
