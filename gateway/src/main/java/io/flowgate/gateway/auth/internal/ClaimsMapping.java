package io.flowgate.gateway.auth.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.auth.internal.TokenRejected.Reason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verified claims → {@link Caller}: {@code sub}, the tenant and roles claims (names or dotted paths configured), and
 * every claim as plain JSON values (strings, numbers, booleans, lists, maps; times as epoch seconds).
 */
public final class ClaimsMapping {

    private final String rolesClaim;
    private final String tenantClaim;

    public ClaimsMapping(String rolesClaim, String tenantClaim) {
        this.rolesClaim = rolesClaim;
        this.tenantClaim = tenantClaim;
    }

    public Caller caller(JWTClaimsSet claims) throws TokenRejected {
        Map<String, Object> json = claims.toJSONObject();
        return new Caller(claims.getSubject(), tenant(lookup(json, tenantClaim)), roles(lookup(json, rolesClaim)),
                immutable(json));
    }

    /** A claim at a dotted path ({@code realm_access.roles}); a claim whose own name has the dots wins. */
    static Object lookup(Map<String, Object> json, String path) {
        if (json.containsKey(path)) {
            return json.get(path);
        }
        Object current = json;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String tenant(Object value) throws TokenRejected {
        if (value == null) {
            return null;
        }
        // a blank tenant must not turn a tenant user into a platform-wide one
        if (!(value instanceof String tenant) || tenant.isBlank()) {
            throw new TokenRejected(Reason.CLAIM_TYPE);
        }
        return tenant;
    }

    /** An array of strings; a single string is one role. */
    private static Set<String> roles(Object value) throws TokenRejected {
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String role) {
            return Set.of(role);
        }
        if (!(value instanceof List<?> list)) {
            throw new TokenRejected(Reason.CLAIM_TYPE);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : list) {
            if (!(role instanceof String name)) {
                throw new TokenRejected(Reason.CLAIM_TYPE);
            }
            roles.add(name);
        }
        return roles;
    }

    /** A deep, unmodifiable copy; top-level nulls are left out (the caller's claims map holds no nulls). */
    private static Map<String, Object> immutable(Map<String, Object> json) {
        Map<String, Object> copy = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, deep(value));
            }
        });
        return copy;
    }

    private static Object deep(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deep(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deep(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
