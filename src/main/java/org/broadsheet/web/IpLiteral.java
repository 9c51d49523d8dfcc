package org.broadsheet.web;

import java.util.Optional;

/**
 * A network address written as a literal: an IPv4 dotted quad ({@code 203.0.113.9}, four decimal parts
 * from 0 to 255 without leading zeros) or an IPv6 address in RFC 4291 text ({@code 2001:db8::1},
 * {@code ::ffff:192.0.2.1}). Nothing else is an address: no shorthand ({@code 127.1}), no integers
 * ({@code 2130706433}), no octal or hex parts, no zone ids, brackets or ports, and never a host name.
 * Parsing is pure text work: unlike {@code InetAddress.getByName} it cannot start a DNS lookup, so
 * header text a client wrote is safe to give it. Thread-safe (stateless).
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** The address's bytes (4 for IPv4, 16 for IPv6), or empty when the text is not exactly a literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        return Optional.ofNullable(text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text));
    }

    /** Whether the text is a loopback literal: 127.0.0.0/8, {@code ::1} or 127.x.x.x mapped into IPv6. */
    public static boolean isLoopback(String text) {
        return parse(text).map(IpLiteral::loopback).orElse(false);
    }

    private static boolean loopback(byte[] b) {
        if (b.length == 4) {
            return b[0] == 127;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean firstTwelveZero = b[10] == 0 && b[11] == 0;
        if (firstTwelveZero) {
            for (int i = 12; i < 15; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return b[15] == 1;
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF && b[12] == 127;
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0' || !p.chars().allMatch(IpLiteral::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] tail4 = null;
        String body = text;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.', lastColon) >= 0) {
            tail4 = ipv4(text.substring(lastColon + 1));
            if (tail4 == null) {
                return null;
            }
            body = text.substring(0, lastColon + 1) + "0:0"; // two placeholder groups, replaced below
        }
        int[] groups;
        if (gap >= 0) {
            int[] head = groups(body.substring(0, body.indexOf("::")));
            int[] tail = groups(body.substring(body.indexOf("::") + 2));
            if (head == null || tail == null || head.length + tail.length > 7) {
                return null;
            }
            groups = new int[8];
            System.arraycopy(head, 0, groups, 0, head.length);
            System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        } else {
            groups = groups(body);
            if (groups == null || groups.length != 8) {
                return null;
            }
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        if (tail4 != null) {
            System.arraycopy(tail4, 0, out, 12, 4);
        }
        return out;
    }

    /** Colon-separated groups of one to four hex digits; an empty string is no groups. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
            out[i] = Integer.parseInt(p, 16);
        }
        return out;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
