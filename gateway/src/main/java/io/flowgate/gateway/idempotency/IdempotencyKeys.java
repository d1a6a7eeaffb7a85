package io.flowgate.gateway.idempotency;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.problem.GatewayProblem;

import java.util.List;
import java.util.Optional;

/** Reading and scoping {@code Idempotency-Key}. */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /**
     * The key, unquoted when sent as the draft's Structured Field string ({@code "abc"}) and as-is otherwise
     * (Stripe's style); 1–255 printable ASCII characters.
     */
    static Optional<String> read(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid("send one Idempotency-Key header, not " + values.size());
        }
        String key = values.get(0).strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > IdempotencyStage.MAX_KEY_LENGTH) {
            throw invalid("Idempotency-Key must have 1 to " + IdempotencyStage.MAX_KEY_LENGTH
                    + " characters, had " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid("Idempotency-Key must be printable ASCII; character " + (i + 1) + " is not");
            }
        }
        return Optional.of(key);
    }

    /**
     * Tenant, principal, operation and key, each length-prefixed so no choice of values can collide. Anonymous
     * callers (public operations) are told apart by their address.
     */
    static String scope(Caller caller, String clientAddress, Operation operation, String key) {
        String principal = caller.authenticated() ? "sub:" + caller.subject() : "anon:" + clientAddress;
        StringBuilder scoped = new StringBuilder();
        for (String part : new String[]{caller.tenant() == null ? "" : caller.tenant(), principal,
                operation.contractName() + " " + operation.method() + " " + operation.path(), key}) {
            scoped.append(part.length()).append(':').append(part).append('|');
        }
        return scoped.toString();
    }

    private static GatewayProblem invalid(String detail) {
        return GatewayProblem.badRequest("idempotency-key-invalid", detail);
    }
}
