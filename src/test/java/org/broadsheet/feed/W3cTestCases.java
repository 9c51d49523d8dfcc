package org.broadsheet.feed;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The W3C feed validator's conformance cases, read from {@code ../shared/data/feeds/w3c-feedvalidator-testcases}
 * beside the repository. Each case's leading comment names the message the validator gives ({@code Expect:}).
 */
final class W3cTestCases {

    static final Path ROOT = Path.of("..", "shared", "data", "feeds", "w3c-feedvalidator-testcases");
    private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(\\S+)");

    /** A well-formed case: its expectation (e.g. {@code InvalidTAG{parent:feed,element:id}}) and its document. */
    record Case(Path file, String expect, Document doc) {

        /** The message class without its parameters, e.g. {@code InvalidTAG} or {@code !InvalidTAG}. */
        String message() {
            int brace = expect.indexOf('{');
            return brace < 0 ? expect : expect.substring(0, brace);
        }

        /** Text of every element with this local name in this namespace ({@code null}: no namespace). */
        List<String> texts(String namespace, String localName) {
            NodeList nodes = namespace == null ? doc.getElementsByTagName(localName) : doc.getElementsByTagNameNS(namespace, localName);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (namespace != null || e.getNamespaceURI() == null) {
                    out.add(e.getTextContent());
                }
            }
            return out;
        }
    }

    private W3cTestCases() {
    }

    static boolean present() {
        return Files.isDirectory(ROOT);
    }

    /** Every well-formed case under {@code folder} whose expected message satisfies the filter. */
    static List<Case> load(String folder, java.util.function.Predicate<String> messageFilter) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                Matcher m = EXPECT.matcher(text);
                if (!m.find() || !messageFilter.test(m.group(1))) {
                    continue;
                }
                parse(f).ifPresent(doc -> cases.add(new Case(f, m.group(1), doc)));
            }
        }
        return cases;
    }

    private static Optional<Document> parse(Path f) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(f.toFile()));
        } catch (Exception e) {
            return Optional.empty(); // cases about malformed XML test the parser, not the rules here
        }
    }
}
