package io.flowgate.gateway.triggers;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code flowgate.triggers.*} ({@code FLOWGATE_TRIGGERS_*}), checked once by {@link #validate()}. The connection
 * itself ({@code flowgate.kafka.bootstrap-servers}, security properties) is Kafka's, shared with
 * {@code kafka.publish}.
 */
@ConfigurationProperties("flowgate.triggers")
public class TriggerSettings {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
    public static final String DEFAULT_DEAD_LETTER_SUFFIX = ".dlt";
    public static final Duration DEFAULT_OUTAGE_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_POLL_RECORDS = 50;

    /** Where a consumer group that has committed nothing yet starts reading. */
    public enum StartFrom { EARLIEST, LATEST }

    private boolean enabled = true;
    private int attempts = DEFAULT_ATTEMPTS;
    private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
    private String deadLetterSuffix = DEFAULT_DEAD_LETTER_SUFFIX;
    private Duration outageBackoff = DEFAULT_OUTAGE_BACKOFF;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private int maxPollRecords = DEFAULT_MAX_POLL_RECORDS;
    private StartFrom startFrom = StartFrom.EARLIEST;

    public TriggerSettings validate() {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("flowgate.triggers.attempts (FLOWGATE_TRIGGERS_ATTEMPTS) must be "
                    + "between 1 and 20, was " + attempts);
        }
        check("retry-backoff", "FLOWGATE_TRIGGERS_RETRY_BACKOFF", retryBackoff, Duration.ZERO,
                Duration.ofSeconds(30));
        check("outage-backoff", "FLOWGATE_TRIGGERS_OUTAGE_BACKOFF", outageBackoff, Duration.ofMillis(100),
                Duration.ofMinutes(5));
        check("refresh-interval", "FLOWGATE_TRIGGERS_REFRESH_INTERVAL", refreshInterval, Duration.ofMillis(100),
                Duration.ofMinutes(5));
        if (deadLetterSuffix == null || !deadLetterSuffix.matches("[A-Za-z0-9._-]{1,20}")) {
            throw new IllegalArgumentException("flowgate.triggers.dead-letter-suffix "
                    + "(FLOWGATE_TRIGGERS_DEAD_LETTER_SUFFIX) must be 1 to 20 letters, digits, '.', '_' or '-', "
                    + "was '" + deadLetterSuffix + "'");
        }
        if (maxPollRecords < 1 || maxPollRecords > 1000) {
            throw new IllegalArgumentException("flowgate.triggers.max-poll-records "
                    + "(FLOWGATE_TRIGGERS_MAX_POLL_RECORDS) must be between 1 and 1000, was " + maxPollRecords);
        }
        if (startFrom == null) {
            throw new IllegalArgumentException("flowgate.triggers.start-from (FLOWGATE_TRIGGERS_START_FROM) must be "
                    + "earliest or latest");
        }
        return this;
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.triggers." + name + " (" + env + ") must be between " + min
                    + " and " + max + ", was " + value);
        }
    }

    /** The dead-letter topic of a topic: {@code stock.external} → {@code stock.external.dlt}. */
    public String deadLetterTopic(String topic) {
        return topic + deadLetterSuffix;
    }

    /** The wait before try {@code attempt + 1}: the backoff, doubled after each try. */
    public Duration backoffAfter(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** {@code auto.offset.reset} for a consumer group that has committed nothing yet. */
    public String autoOffsetReset() {
        return startFrom.name().toLowerCase(Locale.ROOT);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Tries of the flow per record before it goes to the dead-letter topic (unparseable records: one). */
    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public String getDeadLetterSuffix() {
        return deadLetterSuffix;
    }

    public void setDeadLetterSuffix(String deadLetterSuffix) {
        this.deadLetterSuffix = deadLetterSuffix;
    }

    /** How long a consumer waits before trying a record again when the database or Kafka cannot be reached. */
    public Duration getOutageBackoff() {
        return outageBackoff;
    }

    public void setOutageBackoff(Duration outageBackoff) {
        this.outageBackoff = outageBackoff;
    }

    /** How often published contracts are checked for new, changed or removed triggers. */
    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public StartFrom getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(StartFrom startFrom) {
        this.startFrom = startFrom;
    }
}
