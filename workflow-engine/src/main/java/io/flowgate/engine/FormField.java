package io.flowgate.engine;

import java.util.List;

/**
 * One field of a user task's form, as the BPMN declares it ({@code camunda:formData/camunda:formField}). Nothing in
 * it is evaluated: a default value written as an expression ({@code ${amount}}) is returned as that text.
 *
 * @param id           the variable the field fills in
 * @param label        may be null
 * @param type         one of {@link #TYPES}
 * @param required     the field declares {@code <camunda:constraint name="required"/>}
 * @param defaultValue as declared, never evaluated; null when none
 * @param values       the choices of an {@code enum} field in declared order; empty for the other types
 */
public record FormField(String id, String label, String type, boolean required, String defaultValue,
                        List<EnumValue> values) {

    /** The form field types Camunda knows without plug-ins; the deploy checks refuse any other. */
    public static final List<String> TYPES = List.of("string", "long", "boolean", "date", "enum");

    public FormField {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** One choice of an {@code enum} field: {@code <camunda:value id="…" name="…"/>}. */
    public record EnumValue(String id, String name) {
    }
}
