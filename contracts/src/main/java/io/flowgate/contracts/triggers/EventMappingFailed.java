package io.flowgate.contracts.triggers;

/**
 * A record that a trigger cannot map: its business key is missing or not text, or there is no JSON object to take
 * the default variables from. Retrying the same record cannot change that.
 */
public class EventMappingFailed extends RuntimeException {

    public EventMappingFailed(String message) {
        super(message);
    }
}
