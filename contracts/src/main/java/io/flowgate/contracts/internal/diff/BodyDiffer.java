package io.flowgate.contracts.internal.diff;

import io.flowgate.contracts.ContractDiff.Change;
import io.flowgate.contracts.internal.diff.OperationFacts.Body;
import io.flowgate.contracts.internal.diff.OperationFacts.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.flowgate.contracts.internal.diff.OperationDiffer.presence;

/**
 * The changes of a request body: whether there is one and must be sent, its media types, and its properties. A
 * property inside an object that is itself new (or gone) is not listed apart from it.
 */
final class BodyDiffer {

    private static final String FIELD = "requestBody";

    private BodyDiffer() {
    }

    static List<Change> compare(Body before, Body after) {
        List<Change> changes = new ArrayList<>();
        if (before == null && after == null) {
            return changes;
        }
        if (before == null) {
            changes.add(new Change(FIELD, null, presence(after.required()), after.required(),
                    "new " + presence(after.required()) + " request body"));
            return changes;
        }
        if (after == null) {
            changes.add(new Change(FIELD, presence(before.required()), null, false, "request body removed"));
            return changes;
        }
        if (before.required() != after.required()) {
            changes.add(new Change(FIELD + ".required", before.required(), after.required(), after.required(),
                    "request body became " + presence(after.required())));
        }
        if (!before.mediaTypes().equals(after.mediaTypes())) {
            boolean dropped = !after.mediaTypes().containsAll(before.mediaTypes());
            changes.add(new Change(FIELD + ".content", before.mediaTypes(), after.mediaTypes(), dropped,
                    dropped ? "request media types dropped" : "request media types added"));
        }
        properties(before.properties(), after, changes);
        return changes;
    }

    private static void properties(Map<String, Property> was, Body after, List<Change> changes) {
        Map<String, Property> now = after.properties();
        now.forEach((path, property) -> {
            Property earlier = was.get(path);
            String field = FIELD + "." + path;
            String what = "request-body property '" + path + "'";
            if (earlier == null) {
                if (parentExisted(path, was)) {
                    changes.add(new Change(field, null, presence(property.required()), property.required(),
                            "new " + presence(property.required()) + " " + what));
                }
                return;
            }
            if (earlier.required() != property.required()) {
                changes.add(new Change(field + ".required", earlier.required(), property.required(),
                        property.required(), what + " became " + presence(property.required())));
            }
            if (!earlier.type().equals(property.type())) {
                changes.add(new Change(field + ".type", earlier.type(), property.type(), true,
                        what + " changed type from " + earlier.type() + " to " + property.type()));
            }
        });
        was.forEach((path, property) -> {
            if (!now.containsKey(path) && parentExisted(path, now)) {
                // a client still sending it is refused only when the schema allows no other properties
                boolean refused = after.closed() && parent(path).isEmpty();
                changes.add(new Change(FIELD + "." + path, presence(property.required()), null, refused,
                        "request-body property '" + path + "' removed"
                                + (refused ? " and additionalProperties is false" : "")));
            }
        });
    }

    private static boolean parentExisted(String path, Map<String, Property> other) {
        String parent = parent(path);
        return parent.isEmpty() || other.containsKey(parent);
    }

    /** {@code customer} for {@code customer.email}, {@code lines} for {@code lines[].sku}, empty at the top. */
    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String parent = path.substring(0, dot);
        return parent.endsWith("[]") ? parent.substring(0, parent.length() - 2) : parent;
    }
}
