package io.flowgate.engine;

/**
 * A message from outside that drives a flow, identified for deduplication: the engine runs it at most once per
 * {@code scope} and {@code id}.
 *
 * @param scope where ids are unique, e.g. {@code kafka:<group>:<topic>}; 1 to 512 characters
 * @param id    the message id within the scope; 1 to 255 characters
 */
public record ReceivedMessage(String scope, String id) {

    public static final int MAX_SCOPE = 512;
    public static final int MAX_ID = 255;

    public ReceivedMessage {
        if (scope == null || scope.isBlank() || scope.length() > MAX_SCOPE) {
            throw new IllegalArgumentException("a message scope has 1 to " + MAX_SCOPE + " characters: " + scope);
        }
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("a message id has 1 to " + MAX_ID + " characters: " + id);
        }
    }
}
