package io.flowgate.contracts;

/**
 * What an {@code x-flow-action: mock} operation answers, decided and serialized once at publish: the declared
 * success status and its JSON example as bytes, so that a request only looks the answer up.
 *
 * @param status      the first declared 2xx, or {@code x-flow-response.status}
 * @param contentType the example's media type ({@code application/json}); null when there is no body
 * @param body        the serialized example, empty when the response declares no content. Shared by every request
 *                    to the operation: never modify it.
 */
public record MockAnswer(int status, String contentType, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    /** A response that declares no content: the status alone. */
    public static MockAnswer empty(int status) {
        return new MockAnswer(status, null, NO_BODY);
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
