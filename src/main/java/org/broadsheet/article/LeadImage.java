package org.broadsheet.article;

/**
 * The photo at the head of an article: a stored media file plus the words that go with it here.
 *
 * @param fileName stored file name under the media folder
 * @param credit   photographer / agency / pool, shown apart from the caption
 */
public record LeadImage(long mediaId, String fileName, int width, int height, String alt, String caption, String credit) {

    public String url() {
        return "/media/" + fileName;
    }
}
