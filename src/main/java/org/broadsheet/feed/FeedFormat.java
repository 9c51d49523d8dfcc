package org.broadsheet.feed;

/** The two syndication formats we publish, each at its own file name under a page's address. */
enum FeedFormat {
    RSS("feed.xml", "application/rss+xml", "RSS"),
    ATOM("atom.xml", "application/atom+xml", "Atom");

    private final String fileName;
    private final String mediaType;
    private final String label;

    FeedFormat(String fileName, String mediaType, String label) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.label = label;
    }

    String fileName() {
        return fileName;
    }

    /** The media type without parameters, as autodiscovery links name it. */
    String mediaType() {
        return mediaType;
    }

    String contentType() {
        return mediaType + "; charset=utf-8";
    }

    String label() {
        return label;
    }
}
