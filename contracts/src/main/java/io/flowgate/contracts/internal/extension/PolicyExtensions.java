package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.contracts.OperationPolicy.Idempotency;
import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.contracts.SecretSources;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.WebhookSpec;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code x-required-roles}, {@code x-public}, {@code x-rate-limit}, {@code x-idempotency} and
 * {@code x-webhook} once, at publish time. Every malformed value is a finding whose reason starts with the
 * extension's name.
 */
public final class PolicyExtensions {

    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final WebhookExtension webhooks;

    /** @param secrets where {@code x-webhook} secrets may be read from */
    public PolicyExtensions(SecretSources secrets) {
        this.webhooks = new WebhookExtension(secrets);
    }

    public OperationPolicy read(JsonNode op, String method, List<String> findings) {
        Set<String> roles = roles(op.get("x-required-roles"), findings);
        boolean isPublic = isPublic(op.get("x-public"), findings);
        if (isPublic && !roles.isEmpty()) {
            findings.add("x-public: an operation cannot be public and require roles (x-required-roles)");
        }
        Optional<RateLimitSpec> limit = op.has("x-rate-limit") ? rateLimit(op.get("x-rate-limit"), findings)
                : Optional.empty();
        Idempotency idempotency = idempotency(op.get("x-idempotency"), method, findings);
        Optional<WebhookSpec> webhook = webhooks.read(op.get(WebhookExtension.NAME), method, findings);
        if (op.has(WebhookExtension.NAME)) {
            checkWebhook(op, findings);
        }
        webhook.filter(w -> w.tenant().kind() == TenantSource.Kind.INSTANCE)
                .ifPresent(w -> checkInstanceTenant(op, findings));
        return new OperationPolicy(roles, isPublic, limit, idempotency, webhook);
    }

    /** A webhook's signature is its authentication: no bearer token, so no roles, and never public. */
    private static void checkWebhook(JsonNode op, List<String> findings) {
        for (String other : List.of("x-public", "x-required-roles")) {
            if (op.has(other)) {
                findings.add("x-webhook: cannot be combined with " + other + " (the signature replaces the bearer "
                        + "token)");
            }
        }
        if ("required".equals(op.path("x-idempotency").asText())) {
            findings.add("x-webhook: cannot be combined with x-idempotency: required (senders do not send "
                    + "Idempotency-Key; the delivery id protects against replays)");
        }
    }

    /**
     * The tenant of "the instance the message is for" exists only for a correlation: a start creates the instance,
     * and a task completion is a user's act, not a message.
     */
    private static void checkInstanceTenant(JsonNode op, List<String> findings) {
        JsonNode action = op.path("x-flow-action");
        if (!action.isTextual() || !"correlate".equals(action.asText().strip())) {
            findings.add(WebhookExtension.TENANT + ": instance applies only to x-flow-action: correlate (a start has "
                    + "no instance to take the tenant from); use {fixed: <tenant>} or per-tenant secrets");
        }
    }

    private static Set<String> roles(JsonNode node, List<String> findings) {
        Set<String> roles = new LinkedHashSet<>();
        if (node == null) {
            return roles;
        }
        if (!node.isArray() || node.isEmpty()) {
            findings.add("x-required-roles: must be a non-empty list of role names, e.g. [store-manager, finance]");
            return roles;
        }
        for (JsonNode role : node) {
            if (role.isTextual() && ROLE.matcher(role.asText()).matches()) {
                roles.add(role.asText());
            } else {
                findings.add("x-required-roles: '" + role + "' is not a role name (letters, digits, . _ -)");
            }
        }
        return roles;
    }

    private static boolean isPublic(JsonNode node, List<String> findings) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            findings.add("x-public: must be true or false, was " + node);
            return false;
        }
        return node.asBoolean();
    }

    private static Optional<RateLimitSpec> rateLimit(JsonNode node, List<String> findings) {
        if (!node.isObject()) {
            findings.add("x-rate-limit: must be an object {limit: 100, window: 1s, key: principal|tenant|ip}");
            return Optional.empty();
        }
        int before = findings.size();
        JsonNode limit = node.get("limit");
        if (limit == null || !limit.canConvertToInt() || !limit.isIntegralNumber() || limit.asInt() < 1) {
            findings.add("x-rate-limit: limit must be a whole number ≥ 1, was " + limit);
        }
        Duration window = window(node.get("window"), findings);
        RateLimitSpec.Key key = key(node.get("key"), findings);
        node.fieldNames().forEachRemaining(name -> {
            if (!Set.of("limit", "window", "key").contains(name)) {
                findings.add("x-rate-limit: unknown member '" + name + "' (known: limit, window, key)");
            }
        });
        return findings.size() > before ? Optional.empty()
                : Optional.of(new RateLimitSpec(limit.asInt(), window, key));
    }

    private static Duration window(JsonNode node, List<String> findings) {
        if (node == null) {
            findings.add("x-rate-limit: window is required, e.g. 1s or 1m");
            return null;
        }
        Optional<Duration> window = node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
        if (window.isEmpty() || window.get().isZero() || window.get().compareTo(MAX_WINDOW) > 0) {
            findings.add("x-rate-limit: window must be a duration like 500ms, 1s or 1m (at most 24h), was " + node);
            return null;
        }
        return window.get();
    }

    private static RateLimitSpec.Key key(JsonNode node, List<String> findings) {
        if (node == null) {
            return RateLimitSpec.Key.PRINCIPAL;
        }
        try {
            return RateLimitSpec.Key.valueOf(node.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            findings.add("x-rate-limit: key must be principal, tenant or ip, was " + node);
            return RateLimitSpec.Key.PRINCIPAL;
        }
    }

    private static Idempotency idempotency(JsonNode node, String method, List<String> findings) {
        if (node == null) {
            return Idempotency.OPTIONAL;
        }
        if (!node.isTextual() || !Set.of("required", "optional").contains(node.asText())) {
            findings.add("x-idempotency: must be required or optional, was " + node);
            return Idempotency.OPTIONAL;
        }
        if (!Set.of("POST", "PATCH").contains(method)) {
            findings.add("x-idempotency: only applies to POST and PATCH operations");
        }
        return "required".equals(node.asText()) ? Idempotency.REQUIRED : Idempotency.OPTIONAL;
    }
}
