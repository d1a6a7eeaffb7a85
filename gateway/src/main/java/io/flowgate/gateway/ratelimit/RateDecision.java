package io.flowgate.gateway.ratelimit;

/**
 * The outcome of counting one call.
 *
 * @param allowed           whether the call may proceed
 * @param limit             calls allowed per window
 * @param remaining         calls left in the current window (0 when refused)
 * @param resetSeconds      seconds until the window resets
 * @param retryAfterSeconds when refused: seconds to wait before retrying
 */
public record RateDecision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
}
