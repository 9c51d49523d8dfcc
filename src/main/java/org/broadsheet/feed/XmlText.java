package org.broadsheet.feed;

/**
 * Text made fit for XML 1.0, whose documents may not hold most control characters (even as {@code &#0;}),
 * lone surrogates or U+FFFE/U+FFFF. The newsroom refuses them at save, but a row stored before that rule,
 * or by an import, must not make a feed or sitemap unreadable for every subscriber: they are dropped on output.
 * Thread-safe (stateless).
 */
final class XmlText {

    private XmlText() {
    }

    /** The text without the characters XML 1.0 forbids; the same instance when there are none (the usual case). */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && allowedAt(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (allowedAt(text, i)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean allowedAt(String text, int i) {
        int c = text.codePointAt(i);
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
