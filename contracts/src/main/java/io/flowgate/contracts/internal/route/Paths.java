package io.flowgate.contracts.internal.route;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splitting and percent-decoding request paths. */
final class Paths {

    private Paths() {
    }

    /** Segments of a path; a trailing slash is not significant and the root path has none. */
    static List<String> split(String path) {
        String p = path;
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return List.of();
        }
        return List.of(p.split("/", -1));
    }

    /** Decodes each segment once ({@code %2F} inside a segment stays inside it); empty when malformed. */
    static Optional<List<String>> decodeSegments(String rawPath) {
        List<String> decoded = new ArrayList<>();
        for (String segment : split(rawPath)) {
            String value = decode(segment);
            if (value == null) {
                return Optional.empty();
            }
            decoded.add(value);
        }
        return Optional.of(decoded);
    }

    /** Percent-decoding as in RFC 3986: '+' is a plus sign in a path, not a space. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) && i + 1 < segment.length() ? i + 2 : i + 1;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            if (i + 2 >= segment.length()) {
                return null;
            }
            int hi = Character.digit(segment.charAt(i + 1), 16);
            int lo = Character.digit(segment.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
