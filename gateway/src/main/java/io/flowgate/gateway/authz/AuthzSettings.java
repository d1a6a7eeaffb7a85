package io.flowgate.gateway.authz;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Authorization settings, bound from {@code flowgate.authz.*}.
 *
 * @param policyFile    casbin CSV of {@code g} lines (role grants) read at start-up; blank = none
 *                      ({@code FLOWGATE_POLICY_FILE})
 * @param decisionCache decisions kept per policy version before the cache is emptied and refilled
 *                      ({@code FLOWGATE_AUTHZ_DECISION_CACHE})
 */
@ConfigurationProperties("flowgate.authz")
public record AuthzSettings(@Nullable String policyFile, @Nullable Integer decisionCache) {

    public static final int DEFAULT_DECISION_CACHE = 10_000;

    public AuthzSettings {
        policyFile = policyFile == null || policyFile.isBlank() ? null : policyFile.trim();
        decisionCache = decisionCache == null ? DEFAULT_DECISION_CACHE : decisionCache;
        if (decisionCache < 16 || decisionCache > 10_000_000) {
            throw new IllegalArgumentException("flowgate.authz.decision-cache must be between 16 and 10000000, was "
                    + decisionCache);
        }
        if (policyFile != null && !Files.isRegularFile(Path.of(policyFile))) {
            throw new IllegalArgumentException("flowgate.authz.policy-file (FLOWGATE_POLICY_FILE) is not a readable"
                    + " file: " + policyFile);
        }
    }

    public static AuthzSettings defaults() {
        return new AuthzSettings(null, null);
    }
}
