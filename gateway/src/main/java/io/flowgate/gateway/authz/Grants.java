package io.flowgate.gateway.authz;

import java.util.List;

/**
 * The role grants the authorizer uses beside the contracts' {@code x-required-roles}: those of the policy file
 * (read-only, {@code flowgate.authz.policy-file}) and those managed through {@code /admin/policies} (stored).
 */
public interface Grants {

    /** Grants stored through the admin API. */
    List<Grant> stored();

    /** Grants from the policy file, read once at start-up; empty without a file. */
    List<Grant> fromFile();

    /**
     * Replaces every stored grant; the authorizer uses them from its next decision on.
     *
     * @throws InvalidGrants listing every invalid grant; nothing is changed then
     */
    void replace(List<Grant> grants);

    /**
     * Replaces the stored grants of one domain (a tenant, or {@code *}), leaving every other domain's as stored.
     *
     * @throws InvalidGrants            listing every invalid grant; nothing is changed then
     * @throws IllegalArgumentException for a grant of another domain (callers check the admin's scope first:
     *                                  {@link GrantScope#checkReplace})
     */
    void replaceDomain(String domain, List<Grant> grants);

    /** Changes whenever the grants change; the authorizer rebuilds its policies when it moves. */
    long generation();
}
