package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.webhooks.WebhookRejected.Reason;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a {@link WebhookVerifier} checks: the headers, the body exactly as received, and when it arrived.
 *
 * @param headers    header name (any case) → values
 * @param body       the raw bytes the sender signed
 * @param receivedAt now, for timestamp checks
 * @param tolerance  how far a signed timestamp may lie from {@code receivedAt}, either way
 */
public record SignedRequest(Map<String, List<String>> headers, byte[] body, Instant receivedAt, Duration tolerance) {

    /** Longest delivery id accepted (as for Idempotency-Key). */
    public static final int MAX_ID_LENGTH = 255;

    public SignedRequest {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        headers = Map.copyOf(lower);
    }

    /** The header's single value; empty when absent. Several values are refused: which one was signed? */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        if (values.size() > 1) {
            throw new WebhookRejected(Reason.MALFORMED_HEADER, "send one " + name + " header, not " + values.size());
        }
        return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    /** @throws WebhookRejected {@link Reason#MISSING_HEADER} when absent or empty */
    public String required(String name) {
        return header(name).orElseThrow(() -> new WebhookRejected(Reason.MISSING_HEADER,
                "the " + name + " header is missing"));
    }

    /** A delivery id header's value: 1–255 printable ASCII characters. */
    public Optional<String> deliveryId(String name, boolean required) {
        Optional<String> id = required ? Optional.of(required(name)) : header(name);
        id.ifPresent(value -> {
            boolean printable = value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
            if (value.length() > MAX_ID_LENGTH || !printable) {
                throw new WebhookRejected(Reason.MALFORMED_HEADER, "the " + name + " header must have 1 to "
                        + MAX_ID_LENGTH + " printable ASCII characters");
            }
        });
        return id;
    }
}
