package io.flowgate.engine.internal;

import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;

import java.util.Set;

/**
 * Which Java types the engine may deserialize object variables into: plain collections and {@code java.lang}
 * values, nothing that could run code while being built (the classic gadget-chain attack on typed JSON).
 */
final class CollectionTypesOnly implements DeserializationTypeValidator {

    private static final Set<String> COLLECTIONS = Set.of("java.util.ArrayList", "java.util.LinkedList",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.List", "java.util.Map", "java.util.Set",
            "java.util.Collection");

    private static final Set<String> VALUES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
            "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float", "java.lang.Short",
            "java.lang.Byte", "java.lang.Character", "java.lang.Number");

    @Override
    public boolean validate(String className) {
        return className != null && (COLLECTIONS.contains(className) || VALUES.contains(className));
    }
}
