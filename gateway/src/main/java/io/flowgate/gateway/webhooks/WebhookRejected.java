package io.flowgate.gateway.webhooks;

/**
 * A delivery whose signature does not hold. The message is safe to show the sender: it says what is wrong with the
 * request, never what the expected signature or a key is.
 */
public class WebhookRejected extends RuntimeException {

    private final Reason reason;

    public WebhookRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why, as counted in the metrics ({@code reason} tag) and named in the problem. */
    public enum Reason {
        MISSING_HEADER("missing-header"),
        MALFORMED_HEADER("malformed-header"),
        STALE_TIMESTAMP("stale-timestamp"),
        FUTURE_TIMESTAMP("future-timestamp"),
        SIGNATURE_MISMATCH("signature-mismatch");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
