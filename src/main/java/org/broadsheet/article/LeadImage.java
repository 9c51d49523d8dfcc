package org.broadsheet.article;

/**
 * The photo at the head of an article: a stored media file plus the words that go with it here.
 *
 * @param fileName stored file name under the media folder
 * @param credit   photographer / agency / pool, shown apart from the caption
 */
public record LeadImage(long mediaId, String fileName, int width, int height, String alt, String caption, String credit) {

    /** Widths the media library stores below the original, for {@code srcset}. */
    public static final int[] WIDTHS = {480, 960, 1600};

    public String url() {
        return "/media/" + fileName;
    }

    /** Every stored width of this image, for {@code <img srcset>}: the narrower copies and the original. */
    public String srcset() {
        int dot = fileName.lastIndexOf('.');
        StringBuilder out = new StringBuilder();
        for (int w : WIDTHS) {
            if (w < width) {
                out.append("/media/").append(fileName, 0, dot).append('-').append(w).append(fileName.substring(dot))
                        .append(' ').append(w).append("w, ");
            }
        }
        return out.append(url()).append(' ').append(width).append('w').toString();
    }
}
