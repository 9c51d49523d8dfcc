package org.broadsheet.feed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves that {@link ValidatorRules} judge values as the W3C feed validator does, on the validator's own
 * cases: every value in a case it accepts passes, and some value in a case it rejects fails.
 */
class ValidatorRulesCalibrationTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @BeforeAll
    static void casesArePresent() {
        assumeTrue(W3cTestCases.present(), "W3C feed validator cases not found beside the repository");
    }

    @Test
    void rfc822DatesAreJudgedAsTheValidatorJudgesThem() throws IOException {
        List<W3cTestCases.Case> cases = W3cTestCases.load("rss20", m -> m.contains("RFC2822Date") || m.contains("RFC822Date"));
        assertThat(cases).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (W3cTestCases.Case c : cases) {
            if (c.file().endsWith("everything.xml")) {
                continue; // the full RFC 2822 grammar (comments, 2-digit years, any case): tolerated, never written by us
            }
            List<String> values = new ArrayList<>(c.texts(null, "pubDate"));
            values.addAll(c.texts(null, "lastBuildDate"));
            boolean rejected = c.message().startsWith("Invalid") || c.message().startsWith("Problematical");
            check(c, values, ValidatorRules::isRfc822, rejected, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void rfc3339DatesAreJudgedAsTheValidatorJudgesThem() throws IOException {
        List<W3cTestCases.Case> cases = W3cTestCases.load("atom", m -> m.contains("RFC3339Date") || m.equals("ValidW3CDTFDate")
                || m.startsWith("ValidW3CDTFDate{"));
        assertThat(cases).hasSizeGreaterThan(50);
        List<String> wrong = new ArrayList<>();
        for (W3cTestCases.Case c : cases) {
            List<String> values = new ArrayList<>(c.texts(ATOM, "updated"));
            values.addAll(c.texts(ATOM, "published"));
            check(c, values, ValidatorRules::isRfc3339, c.message().startsWith("Invalid"), wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void tagUrisAreJudgedAsTheValidatorJudgesThem() throws IOException {
        List<W3cTestCases.Case> cases = W3cTestCases.load("atom", m -> m.contains("TAG") && !m.startsWith("!Valid"));
        assertThat(cases).hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        for (W3cTestCases.Case c : cases) {
            List<String> values = c.texts(ATOM, "id").stream().filter(v -> v.strip().startsWith("tag:")).toList();
            check(c, values, ValidatorRules::isTagUri, c.message().startsWith("Invalid"), wrong);
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(W3cTestCases.Case c, List<String> values, Predicate<String> rule, boolean rejected, List<String> wrong) {
        if (values.isEmpty()) {
            return;
        }
        boolean allPass = values.stream().allMatch(rule);
        if (rejected == allPass) {
            wrong.add(W3cTestCases.ROOT.relativize(c.file()) + " expects " + c.expect() + " but the rule says "
                    + (allPass ? "valid" : "invalid") + " for " + values);
        }
    }
}
