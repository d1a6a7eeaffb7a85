package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.auth.Caller;

/**
 * Who a limit counts — apart from whether they may proceed (the {@link RateLimiter}), as in spring-cloud-gateway's
 * {@code KeyResolver}. Keys carry a prefix so a user named like an address cannot share a counter with it.
 */
public final class KeyResolver {

    private KeyResolver() {
    }

    /**
     * @param caller   who is calling ({@link Caller#ANONYMOUS} before or without authentication)
     * @param key      what the limit counts
     * @param clientIp the client address as the gateway sees it
     * @return {@code sub:<subject>}, {@code tenant:<tenant>} or {@code ip:<address>}; anonymous callers are counted by
     * address for every key, and callers without a tenant (platform users) by subject for a tenant key
     */
    public static String resolve(Caller caller, RateLimitSpec.Key key, String clientIp) {
        String ip = "ip:" + (clientIp == null || clientIp.isBlank() ? "unknown" : clientIp);
        if (key == RateLimitSpec.Key.IP || !caller.authenticated()) {
            return ip;
        }
        if (key == RateLimitSpec.Key.TENANT && caller.tenant() != null) {
            return "tenant:" + caller.tenant();
        }
        return "sub:" + caller.subject();
    }
}
