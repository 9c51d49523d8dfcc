package org.broadsheet.feed;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;

/** The sitemap protocol's schemas (URL sets with the Google News extension, and indexes), for validation. */
final class SitemapSchemas {

    private final Schema urlset;
    private final Schema index;

    SitemapSchemas() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            urlset = factory.newSchema(new Source[] {source("sitemap.xsd"), source("sitemap-news.xsd")});
            index = factory.newSchema(source("siteindex.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    void validateUrlset(String xml) throws SAXException, IOException {
        urlset.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    void validateIndex(String xml) throws SAXException, IOException {
        index.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Source source(String name) {
        return new StreamSource(SitemapSchemas.class.getResource("/sitemap/" + name).toExternalForm());
    }
}
