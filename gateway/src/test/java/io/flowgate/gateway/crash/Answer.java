package io.flowgate.gateway.crash;

/**
 * What a client got for one request: an HTTP answer, or none ({@code failure}: the connection broke or timed out).
 *
 * @param instanceId the {@code Flowgate-Instance} header (the instance the answer is about), or null
 * @param replayed   the answer carried {@code Idempotent-Replayed: true}
 * @param atNanos    when the answer (or the failure) arrived, {@link System#nanoTime()}
 */
record Answer(int status, String instanceId, boolean replayed, String body, String failure, long atNanos) {

    static Answer none(String failure) {
        return new Answer(0, null, false, "", failure, System.nanoTime());
    }

    boolean answered() {
        return failure == null;
    }

    /** 2xx (202 included): the gateway said the order was taken. */
    boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** The first request with this key is still running (or, before the crash, was). */
    boolean keyInUse() {
        return status == 409 && body.contains("idempotency-key-in-use");
    }

    @Override
    public String toString() {
        if (!answered()) {
            return "no answer (" + failure + ")";
        }
        String shortBody = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return status + (replayed ? " (replayed)" : "") + (instanceId == null ? "" : " instance " + instanceId)
                + " " + shortBody;
    }
}
