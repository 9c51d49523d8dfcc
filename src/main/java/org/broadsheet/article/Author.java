package org.broadsheet.article;

/** A person (or collective) credited in bylines. */
public record Author(long id, String slug, String name, String bio) {

    public String url() {
        return "/author/" + slug + "/";
    }
}
