package org.broadsheet.comment;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body, refusing invalid UTF-8 instead of silently
 * replacing it (the server's own form parsing substitutes U+FFFD, which would store something the reader
 * never sent).
 */
final class StrictForm {

    private StrictForm() {
    }

    static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int eq = indexOf(body, (byte) '=', start, i);
                    String name = decode(body, start, eq < 0 ? i : eq);
                    String value = eq < 0 ? "" : decode(body, eq + 1, i);
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < to && hex(b, i + 1) >= 0 && hex(b, i + 2) >= 0) {
                out.write(hex(b, i + 1) * 16 + hex(b, i + 2));
                i += 2;
            } else if (c == '%') {
                throw new CommentForm.InvalidForm("The form data is malformed (a broken %-escape).");
            } else {
                out.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new CommentForm.InvalidForm("Your comment could not be read: it contains bytes that are not valid UTF-8 text. Please check it and post it again.");
        }
    }

    private static int hex(byte[] b, int i) {
        if (i >= b.length) {
            return -1;
        }
        return Character.digit(b[i], 16);
    }
}
