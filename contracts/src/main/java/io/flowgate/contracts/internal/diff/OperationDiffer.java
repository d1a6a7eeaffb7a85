package io.flowgate.contracts.internal.diff;

import io.flowgate.contracts.ContractDiff.Change;
import io.flowgate.contracts.internal.diff.OperationFacts.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changes of one operation from one version to the next, each judged breaking or not (the rules are on
 * {@link io.flowgate.contracts.ContractDiff}). The request body is {@link BodyDiffer}'s.
 */
final class OperationDiffer {

    private final OperationFacts before;
    private final OperationFacts after;
    private final List<Change> changes = new ArrayList<>();

    private OperationDiffer(OperationFacts before, OperationFacts after) {
        this.before = before;
        this.after = after;
    }

    static List<Change> compare(OperationFacts before, OperationFacts after) {
        OperationDiffer differ = new OperationDiffer(before, after);
        differ.naming();
        differ.parameters();
        differ.changes.addAll(BodyDiffer.compare(before.body(), after.body()));
        differ.responses();
        differ.access();
        differ.binding();
        return List.copyOf(differ.changes);
    }

    private void naming() {
        if (!before.ref().path().equals(after.ref().path())) {
            add("path", before.ref().path(), after.ref().path(), false, "path variables renamed");
        }
        if (!Objects.equals(before.ref().operationId(), after.ref().operationId())) {
            add("operationId", before.ref().operationId(), after.ref().operationId(), false, "operationId changed");
        }
    }

    private void parameters() {
        after.parameters().forEach((key, now) -> {
            Parameter was = before.parameters().get(key);
            String field = "parameters." + now.in() + "." + now.name();
            String what = now.in() + " parameter '" + now.name() + "'";
            if (was == null) {
                add(field, null, presence(now.required()), now.required(),
                        "new " + presence(now.required()) + " " + what);
                return;
            }
            if (was.required() != now.required()) {
                add(field + ".required", was.required(), now.required(), now.required(),
                        what + " became " + presence(now.required()));
            }
            if (!was.type().equals(now.type())) {
                add(field + ".type", was.type(), now.type(), true,
                        what + " changed type from " + was.type() + " to " + now.type());
            }
        });
        before.parameters().forEach((key, was) -> {
            if (!after.parameters().containsKey(key)) {
                add("parameters." + was.in() + "." + was.name(), presence(was.required()), null, false,
                        was.in() + " parameter '" + was.name() + "' removed");
            }
        });
    }

    private void responses() {
        for (String code : before.successCodes()) {
            if (!after.successCodes().contains(code)) {
                add("responses." + code, code, null, true, "success response " + code + " removed");
            }
        }
        for (String code : after.successCodes()) {
            if (!before.successCodes().contains(code)) {
                add("responses." + code, null, code, false, "success response " + code + " added");
            }
        }
    }

    /** Holding any one listed role is enough, so adding a role lets more callers in; dropping one shuts some out. */
    private void access() {
        List<String> was = before.roles();
        List<String> now = after.roles();
        if (!was.equals(now)) {
            Set<String> gained = new TreeSet<>(now);
            gained.removeAll(was);
            Set<String> lost = new TreeSet<>(was);
            lost.removeAll(now);
            boolean narrower = !now.isEmpty() && (was.isEmpty() || !lost.isEmpty());
            add("x-required-roles", was, now, narrower, roles(was, now, gained, lost));
        }
        if (before.isPublic() != after.isPublic()) {
            add("x-public", before.isPublic(), after.isPublic(), before.isPublic(), after.isPublic()
                    ? "now public: callers need no token" : "no longer public: callers need a token");
        }
        if (!Objects.equals(before.rateLimit(), after.rateLimit())) {
            add("x-rate-limit", before.rateLimit(), after.rateLimit(), false, "rate limit changed");
        }
    }

    private static String roles(List<String> was, List<String> now, Set<String> gained, Set<String> lost) {
        if (was.isEmpty()) {
            return "now requires one of " + now + " (any authenticated caller before)";
        }
        if (now.isEmpty()) {
            return "no longer requires a role (any authenticated caller)";
        }
        List<String> parts = new ArrayList<>();
        if (!gained.isEmpty()) {
            parts.add("also allows " + gained);
        }
        if (!lost.isEmpty()) {
            parts.add("no longer allows " + lost);
        }
        return String.join("; ", parts);
    }

    private void binding() {
        if (!Objects.equals(before.flowId(), after.flowId())) {
            boolean wasRouted = before.flowId() != null;
            add("x-flow-id", before.flowId(), after.flowId(), wasRouted, !wasRouted ? "now runs a flow"
                    : after.flowId() != null ? "runs another flow"
                    : after.action() != null ? "no longer runs a flow (answers its example: mock)"
                    : "no longer runs a flow (answers 501)");
            return;
        }
        if (!Objects.equals(before.action(), after.action())) {
            // without a flow on either side: an unrouted operation (501) that became a mock, or the reverse
            boolean wasAnswering = before.action() != null;
            add("x-flow-action", before.action(), after.action(), wasAnswering, !wasAnswering
                    ? "now answers its example (mock)" : after.action() == null
                    ? "no longer answers its example (answers 501)" : "flow action changed");
        }
        if (before.flowId() == null) {
            return;
        }
        if (!before.mode().equals(after.mode())) {
            add("x-flow-mode", before.mode(), after.mode(), true, "async".equals(after.mode())
                    ? "now answers 202 before the flow settles" : "now waits for the flow (no longer 202)");
        }
    }

    static String presence(boolean required) {
        return required ? "required" : "optional";
    }

    private void add(String field, Object from, Object to, boolean breaking, String detail) {
        changes.add(new Change(field, from, to, breaking, detail));
    }
}
