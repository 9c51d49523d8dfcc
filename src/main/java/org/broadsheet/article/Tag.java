package org.broadsheet.article;

/** A topic label; an article carries several. */
public record Tag(long id, String slug, String name) {

    public String url() {
        return "/tag/" + slug + "/";
    }
}
