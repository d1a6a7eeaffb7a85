package io.flowgate.gateway.authz.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Decisions of one {@link CompiledPolicy}, so a request only looks one up. Dropped with its policy on every swap.
 * Bounded the simple way: when full it is emptied and refills from the calls that come next.
 */
final class DecisionCache {

    /**
     * What a decision depends on.
     *
     * @param object  operation (contract and path) or the admin API
     * @param action  HTTP method
     * @param domain  the caller's tenant
     * @param roles   the caller's token roles, sorted and joined
     * @param subject the caller's user name (user grants)
     */
    record Key(String object, String action, String domain, String roles, String subject) {
    }

    private final Map<Key, Boolean> decisions = new ConcurrentHashMap<>();
    private final int capacity;

    DecisionCache(int capacity) {
        this.capacity = capacity;
    }

    boolean decide(Key key, Predicate<Key> enforce) {
        Boolean known = decisions.get(key);
        if (known != null) {
            return known;
        }
        boolean decision = enforce.test(key);
        if (decisions.size() >= capacity) {
            decisions.clear();
        }
        decisions.put(key, decision);
        return decision;
    }

    int size() {
        return decisions.size();
    }
}
