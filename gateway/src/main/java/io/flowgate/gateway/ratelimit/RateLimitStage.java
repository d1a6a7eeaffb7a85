package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The rate-limit stage of the pipeline: resolves whom to count ({@link KeyResolver}), counts one call
 * ({@link RateLimiter}) and refuses with a 429 problem when the caller is over the limit. The decision of an allowed
 * call goes back to the caller, which adds {@link RateLimitHeaders#of} to the response.
 */
@Singleton
public class RateLimitStage {

    /** The policy name of a limit declared with {@code x-rate-limit}. */
    public static final String OPERATION_POLICY = "operation";

    private final RateLimiter limiter;
    private final boolean enabled;
    private final RateLimitSpec defaultSpec;

    public RateLimitStage(RateLimiter limiter, RateLimitSettings settings) {
        settings.validate();
        this.limiter = limiter;
        this.enabled = settings.isEnabled();
        this.defaultSpec = settings.defaultSpec();
    }

    /**
     * Counts one call.
     *
     * @param caller       who is calling
     * @param operationKey names the operation, e.g. {@code "POST /refunds"}; each operation has its own counters
     * @param declared     the operation's {@code x-rate-limit}; empty = the configured default
     * @param clientIp     the client address
     * @return the decision for the RateLimit headers; empty when rate limiting is switched off
     * @throws GatewayProblem 429 {@code rate-limited} with {@code Retry-After} and the RateLimit headers
     */
    public Optional<RateDecision> check(Caller caller, String operationKey, Optional<RateLimitSpec> declared,
                                        String clientIp) {
        if (!enabled) {
            return Optional.empty();
        }
        RateLimitSpec spec = declared.orElse(defaultSpec);
        String policy = declared.isPresent() ? OPERATION_POLICY : RateDecision.DEFAULT_POLICY;
        return count(operationKey, KeyResolver.resolve(caller, spec.key(), clientIp), spec, policy);
    }

    /**
     * Counts one call for a key the caller names itself rather than one resolved from the caller, e.g. the username
     * a login attempt names ({@code who} must carry its own prefix, such as {@code user:}).
     *
     * @return the decision; empty when rate limiting is switched off
     * @throws GatewayProblem 429 {@code rate-limited}, as {@link #check}
     */
    public Optional<RateDecision> checkKey(String operationKey, String who, RateLimitSpec spec) {
        if (!enabled) {
            return Optional.empty();
        }
        return count(operationKey, who, spec, OPERATION_POLICY);
    }

    private Optional<RateDecision> count(String operationKey, String who, RateLimitSpec spec, String policy) {
        RateDecision decision = limiter.acquire(operationKey + "|" + who, spec).withPolicy(policy);
        if (!decision.allowed()) {
            throw refusal(operationKey, spec, decision);
        }
        return Optional.of(decision);
    }

    private static GatewayProblem refusal(String operationKey, RateLimitSpec spec, RateDecision decision) {
        long retryAfter = Math.max(1, decision.retryAfterSeconds());
        String detail = "at most " + spec.limit() + " calls per " + describe(spec.window()) + " per "
                + spec.key().name().toLowerCase(Locale.ROOT) + " for " + operationKey + "; retry in " + retryAfter
                + " s";
        Problem problem = Problem.of(429, "rate-limited", "Too Many Requests", detail)
                .with("limit", spec.limit())
                .with("window", describe(spec.window()))
                .with("retryAfter", retryAfter);
        return new GatewayProblem(problem, RateLimitHeaders.refused(decision));
    }

    private static String describe(Duration window) {
        if (window.toMillis() % 1000 != 0) {
            return window.toMillis() + "ms";
        }
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
