package io.flowgate.gateway.events.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a webhook subscription may ask for: an exact type ({@code instance.completed}), a whole family
 * ({@code order.*}) or everything ({@code *}). Patterns naming no event Flowgate emits are refused, so a typo does not
 * silently receive nothing.
 */
public final class EventPatterns {

    /**
     * Every event type written to the outbox (the README's event catalogue). The writers keep their types in their
     * own modules' internals; a new type must be added here too, or subscriptions naming it are refused.
     */
    public static final List<String> KNOWN_TYPES = List.of(
            "contract.published", "contract.deleted",
            "flow.deployed",
            "instance.started", "instance.completed", "instance.failed",
            "task.created", "task.completed",
            "order.paid", "order.cancelled", "order.refunded",
            "stock.low");
    public static final int MAX_PATTERNS = 50;

    private static final Set<String> FAMILIES = new TreeSet<>(KNOWN_TYPES.stream()
            .map(type -> type.substring(0, type.indexOf('.'))).toList());

    private EventPatterns() {
    }

    /** Why the pattern is not acceptable, or empty. */
    public static Optional<String> problem(String pattern) {
        if (pattern.equals("*") || KNOWN_TYPES.contains(pattern)) {
            return Optional.empty();
        }
        if (pattern.endsWith(".*")) {
            String family = pattern.substring(0, pattern.length() - 2);
            return FAMILIES.contains(family) ? Optional.empty() : Optional.of("'" + pattern + "' names no event "
                    + "family; families: " + FAMILIES);
        }
        return Optional.of("'" + pattern + "' is not an event type, a family pattern such as order.* or *; types: "
                + KNOWN_TYPES);
    }

    /** Whether any of the (valid) patterns takes the type. */
    public static boolean matches(List<String> patterns, String type) {
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(type)
                    || pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
