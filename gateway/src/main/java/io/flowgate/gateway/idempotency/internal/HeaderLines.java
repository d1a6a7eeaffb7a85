package io.flowgate.gateway.idempotency.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stored headers as {@code name: value} lines (header values cannot contain line breaks). */
final class HeaderLines {

    private HeaderLines() {
    }

    static String format(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return lines.toString();
    }

    static Map<String, String> parse(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines == null) {
            return headers;
        }
        for (String line : lines.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}
