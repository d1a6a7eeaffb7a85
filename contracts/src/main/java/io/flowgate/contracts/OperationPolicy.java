package io.flowgate.contracts;

import java.util.Optional;
import java.util.Set;

/**
 * Who may call an operation and how often: {@code x-required-roles}, {@code x-public}, {@code x-rate-limit},
 * {@code x-idempotency}, {@code x-webhook}, parsed at publish time.
 *
 * @param requiredRoles any of these roles may call (empty: any authenticated caller)
 * @param isPublic      {@code x-public: true}: no authentication needed
 * @param rateLimit     the operation's own limit; empty = the gateway's default
 * @param idempotency   how {@code Idempotency-Key} is treated
 * @param webhook       {@code x-webhook}: a signature over the raw body replaces the bearer token
 */
public record OperationPolicy(Set<String> requiredRoles, boolean isPublic, Optional<RateLimitSpec> rateLimit,
                              Idempotency idempotency, Optional<WebhookSpec> webhook) {

    /** No roles, not public, default limit, keys honoured when sent. */
    public static final OperationPolicy DEFAULT = new OperationPolicy(Set.of(), false, Optional.empty(),
            Idempotency.OPTIONAL);

    public OperationPolicy {
        requiredRoles = Set.copyOf(requiredRoles);
    }

    /** A policy without {@code x-webhook}. */
    public OperationPolicy(Set<String> requiredRoles, boolean isPublic, Optional<RateLimitSpec> rateLimit,
                           Idempotency idempotency) {
        this(requiredRoles, isPublic, rateLimit, idempotency, Optional.empty());
    }

    /** {@code x-idempotency}. */
    public enum Idempotency {
        /** Honoured when the client sends a key (POST and PATCH). */
        OPTIONAL,
        /** A POST/PATCH without {@code Idempotency-Key} is refused (400). */
        REQUIRED
    }
}
