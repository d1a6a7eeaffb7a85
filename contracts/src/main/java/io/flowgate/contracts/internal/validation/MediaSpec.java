package io.flowgate.contracts.internal.validation;

import java.util.Map;

/**
 * One declared request media type.
 *
 * @param schema     compiled schema, null when the media type's body is not validated
 * @param formFields for form bodies: property name → shape, to coerce the fields before validation
 */
record MediaSpec(CompiledSchema schema, Map<String, ValueShape> formFields) {

    static final MediaSpec UNCHECKED = new MediaSpec(null, Map.of());

    MediaSpec {
        formFields = Map.copyOf(formFields);
    }
}
