package io.flowgate.engine.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * How the nodes sharing a database know of each other, bound from {@code flowgate.nodes.*} (environment:
 * {@code FLOWGATE_NODE_HEARTBEAT_INTERVAL}, {@code FLOWGATE_NODE_TIMEOUT}, {@code FLOWGATE_JOB_LOCK_TIME}). Each
 * component may be left out (null): the compact constructor fills in the named default and checks the value.
 *
 * @param heartbeatInterval how often a node writes its heartbeat (and renews the locks of the jobs it runs)
 * @param timeout           a node whose last heartbeat is older than this is dead: a live node releases its job
 *                          locks, so its jobs run again elsewhere. Keep it well above the longest pause a live node
 *                          can have (garbage collection, a stalled VM): a paused node taken for dead finds its jobs
 *                          taken over
 * @param jobLockTime       how long a job executor's lock on a job lasts (Camunda's {@code lockTimeInMillis}). A live
 *                          node renews the locks of the jobs it still runs, so a job may run longer than this; the
 *                          lock time only bounds how long a job stays locked when nothing releases it (the owner
 *                          died and no heartbeating node is left to notice, or the owner runs a Flowgate without
 *                          heartbeats)
 */
@ConfigurationProperties("flowgate.nodes")
public record NodeSettings(@Nullable Duration heartbeatInterval, @Nullable Duration timeout,
                           @Nullable Duration jobLockTime) {

    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_JOB_LOCK_TIME = Duration.ofMinutes(1);

    private static final Duration MIN_HEARTBEAT_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_HEARTBEAT_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MIN_JOB_LOCK_TIME = Duration.ofSeconds(5);
    private static final Duration MAX_JOB_LOCK_TIME = Duration.ofHours(1);

    public NodeSettings {
        heartbeatInterval = heartbeatInterval == null ? DEFAULT_HEARTBEAT_INTERVAL : heartbeatInterval;
        require(heartbeatInterval.compareTo(MIN_HEARTBEAT_INTERVAL) >= 0
                        && heartbeatInterval.compareTo(MAX_HEARTBEAT_INTERVAL) <= 0,
                "flowgate.nodes.heartbeat-interval (FLOWGATE_NODE_HEARTBEAT_INTERVAL) must be between 100ms and 1m, "
                        + "was " + heartbeatInterval);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        require(timeout.compareTo(heartbeatInterval.multipliedBy(3)) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0,
                "flowgate.nodes.timeout (FLOWGATE_NODE_TIMEOUT) must be at least three heartbeat intervals ("
                        + heartbeatInterval.multipliedBy(3) + ": one late heartbeat must not make a live node dead) "
                        + "and at most 10m, was " + timeout);
        jobLockTime = jobLockTime == null ? DEFAULT_JOB_LOCK_TIME : jobLockTime;
        require(jobLockTime.compareTo(MIN_JOB_LOCK_TIME) >= 0 && jobLockTime.compareTo(MAX_JOB_LOCK_TIME) <= 0
                        && jobLockTime.compareTo(heartbeatInterval.multipliedBy(4)) >= 0,
                "flowgate.nodes.job-lock-time (FLOWGATE_JOB_LOCK_TIME) must be between 5s and 1h and at least four "
                        + "heartbeat intervals (" + heartbeatInterval.multipliedBy(4) + ": locks are renewed by the "
                        + "heartbeat), was " + jobLockTime);
    }

    /** Every setting at its default. */
    public static NodeSettings defaults() {
        return new NodeSettings(null, null, null);
    }

    /**
     * How often a node renews the locks of the jobs it runs: four times per lock time, renewing those with less than
     * half of it left, so a lock always has at least a quarter of the lock time to go.
     */
    public Duration lockRenewalInterval() {
        Duration quarter = jobLockTime.dividedBy(4);
        return quarter.compareTo(heartbeatInterval) < 0 ? heartbeatInterval : quarter;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
