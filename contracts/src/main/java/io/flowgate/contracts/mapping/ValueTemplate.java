package io.flowgate.contracts.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled {@code "{body.orderId}"}-style template. A template that is exactly one placeholder yields the value with
 * its JSON type; text with placeholders yields a string. Placeholders are plain path look-ups, never evaluated:
 * a looked-up value such as {@code ${...}} stays text.
 */
public interface ValueTemplate {

    /** The source text as declared. */
    String source();

    /** @return the value, or a {@code MissingNode} when a looked-up path does not exist */
    JsonNode render(TemplateScope scope);
}
