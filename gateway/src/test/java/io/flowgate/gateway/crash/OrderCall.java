package io.flowgate.gateway.crash;

/**
 * One order a client sends: to the synchronous or the asynchronous operation, paid with a sandbox payment token that
 * decides what the provider does, with or without an {@code Idempotency-Key}. {@code ref} is the client's own mark
 * of the order (the header {@code X-Crash-Ref}, kept by the flow as the variable {@code crashRef}): a retry sends the
 * same ref, so the database shows every instance one client order ever started, answered or not.
 *
 * @param no       the order's number in the run, in the order they were generated
 * @param async    {@code POST /crash/async-orders} (202 once the start committed) rather than {@code /crash/orders}
 * @param token    the payment token: tok_visa (approved), decline, pending (settled later), timeout-once
 * @param key      the Idempotency-Key, or null
 * @param customer index of the customer placing it
 */
record OrderCall(int no, boolean async, String token, String key, String ref, String body, int customer) {

    String path() {
        return async ? "/crash/async-orders" : "/crash/orders";
    }

    /** What the order ends as when nothing goes wrong (out of stock aside): the crash must not change it. */
    String expectedState() {
        return "decline".equals(token) ? "CANCELLED" : "PAID";
    }

    @Override
    public String toString() {
        return "order #" + no + " (" + (async ? "async" : "sync") + ", " + token
                + (key == null ? "" : ", Idempotency-Key " + key) + ", ref " + ref + ")";
    }
}
