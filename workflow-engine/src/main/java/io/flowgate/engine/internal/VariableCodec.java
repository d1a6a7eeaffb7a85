package io.flowgate.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.engine.InvalidVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the gateway's JSON-like values and Camunda variables. Objects and arrays are stored as JSON text
 * (readable in the database, never Java-serialized) with a plain {@code java.util} type name, so reading them back
 * needs no class of ours. Values are data only: a string holding {@code ${x}} stays that string.
 */
final class VariableCodec {

    /** Variables whose name starts with this belong to Flowgate's bookkeeping and are never shown. */
    static final String RESERVED_PREFIX = "flowgate.";
    static final String JSON = Variables.SerializationDataFormats.JSON.getName();
    /** Camunda keeps longer strings out of its text column; beyond this they are stored as a JSON string. */
    private static final int MAX_PLAIN_STRING = 4000;

    private final ObjectMapper mapper = new ObjectMapper();

    /** Converts request variables, refusing what is not JSON-like. */
    Map<String, Object> toEngine(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (name == null || name.isBlank() || name.startsWith(RESERVED_PREFIX)) {
                throw new InvalidVariables("variable name '" + name + "' is not allowed");
            }
            typed.put(name, toTyped(name, value));
        });
        return typed;
    }

    /** One value as a Camunda typed value. */
    TypedValue toTyped(String name, Object value) {
        if (value == null) {
            return Variables.untypedNullValue();
        }
        if (value instanceof String text) {
            return text.length() <= MAX_PLAIN_STRING ? Variables.stringValue(text) : json(name, text, "java.lang.String");
        }
        if (value instanceof Boolean flag) {
            return Variables.booleanValue(flag);
        }
        if (value instanceof Number number) {
            return number(name, number);
        }
        if (value instanceof Map<?, ?> map) {
            return json(name, checked(name, map), "java.util.LinkedHashMap");
        }
        if (value instanceof List<?> list) {
            return json(name, checked(name, list), "java.util.ArrayList");
        }
        throw new InvalidVariables("variable '" + name + "' holds a " + value.getClass().getSimpleName()
                + "; only strings, numbers, booleans, null, objects and arrays can be stored");
    }

    /** Reads a Camunda value back as a JSON-like value. */
    Object fromTyped(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof ObjectValue object) {
            if (!JSON.equals(object.getSerializationDataFormat())) {
                return null; // not written by us; never deserialize foreign formats
            }
            try {
                return mapper.readValue(object.getValueSerialized(), Object.class);
            } catch (JsonProcessingException e) {
                return object.getValueSerialized();
            }
        }
        Object plain = value.getValue();
        return plain instanceof java.util.Date date ? date.toInstant().toString() : plain;
    }

    /** Variables for display: reserved names dropped, values converted. */
    Map<String, Object> visible(Map<String, TypedValue> typed) {
        Map<String, Object> result = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            if (!name.startsWith(RESERVED_PREFIX)) {
                result.put(name, fromTyped(value));
            }
        });
        return result;
    }

    /** Runtime variables for display, read without deserializing objects. */
    Map<String, Object> visible(VariableMap variables) {
        Map<String, TypedValue> typed = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            typed.put(name, variables.getValueTyped(name));
        }
        return visible(typed);
    }

    private TypedValue json(String name, Object value, String typeName) {
        try {
            return Variables.serializedObjectValue(mapper.writeValueAsString(value))
                    .serializationDataFormat(JSON).objectTypeName(typeName).create();
        } catch (JsonProcessingException e) {
            throw new InvalidVariables("variable '" + name + "' cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static TypedValue number(String name, Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return Variables.integerValue(number.intValue());
        }
        if (number instanceof Long) {
            return Variables.longValue(number.longValue());
        }
        if (number instanceof BigInteger big && big.bitLength() < 64) {
            return Variables.longValue(big.longValue());
        }
        if (number instanceof BigDecimal decimal && decimal.scale() <= 0 && decimal.abs().compareTo(
                BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return Variables.longValue(decimal.longValueExact());
        }
        double asDouble = number.doubleValue();
        if (Double.isNaN(asDouble) || Double.isInfinite(asDouble)) {
            throw new InvalidVariables("variable '" + name + "' is not a finite number");
        }
        return Variables.doubleValue(asDouble);
    }

    private static <T> T checked(String name, T value) {
        checkJsonLike(name, value);
        return value;
    }

    private static void checkJsonLike(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (!(key instanceof String)) {
                    throw new InvalidVariables("variable '" + path + "' has a non-text key " + key);
                }
                checkJsonLike(path + "." + key, item);
            });
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkJsonLike(path + "[" + i + "]", list.get(i));
            }
            return;
        }
        throw new InvalidVariables("variable '" + path + "' holds a " + value.getClass().getSimpleName()
                + "; only strings, numbers, booleans, null, objects and arrays can be stored");
    }
}
