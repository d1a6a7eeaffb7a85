package io.flowgate.gateway.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629 §4; Unicode Table 3-7, "well-formed UTF-8 byte sequences"). Jackson decodes the overlong
 * forms ({@code C0 AF}, {@code E0 80 AF} become {@code /}) and the JDK replaces every ill-formed sequence with
 * U+FFFD; both let a text through that is not what its bytes say, so ill-formed input is refused before anything
 * reads it: overlong forms, UTF-16 surrogates (ED A0..BF), code points above U+10FFFF, stray continuation bytes and
 * truncated sequences.
 */
public final class WellFormedUtf8 {

    private WellFormedUtf8() {
    }

    /** The offset of the first byte of the first ill-formed sequence; -1 when all of {@code bytes} is well-formed. */
    public static int firstMalformed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, lead);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /**
     * The bytes a URI component stands for: {@code %XX} decoded; every other character as its UTF-8 bytes, except
     * characters up to U+00FF, which are taken as the byte they are (the server reads the request line byte for
     * byte, so raw bytes arrive as such characters). {@code +} stays {@code +}.
     *
     * @return null when a {@code %} is not followed by two hex digits
     */
    public static byte[] percentDecoded(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                int hi = i + 2 < component.length() ? Character.digit(component.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(component.charAt(i + 2), 16);
                if (lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < component.length() ? i + 2 : i + 1;
                bytes.writeBytes(component.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toByteArray();
    }

    /** Length of the well-formed multi-byte sequence starting at {@code i}, 0 when it is ill-formed. */
    private static int sequenceLength(byte[] bytes, int i, int lead) {
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            // E0: below A0 would be an overlong form; ED: from A0 on, a UTF-16 surrogate
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            // F0: below 90 would be an overlong form; F4: from 90 on, above U+10FFFF
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            // C0, C1 (always overlong), F5..FF (beyond Unicode) or a continuation byte without a lead
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
