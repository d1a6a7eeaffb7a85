package io.flowgate.engine.config;

import io.flowgate.engine.deploy.FlowChecker;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * How the embedded engine is built, bound from {@code flowgate.engine.*} (kebab-case, e.g.
 * {@code flowgate.engine.job-executor-enabled}). Every component may be left out (null):
 * the compact constructor fills in the named default and checks the value, so a wrong setting stops start-up with
 * a message naming the property.
 *
 * @param name                     process engine name, unique per JVM
 * @param history                  {@code audit} or {@code full}; ended instances are read from history, so lower
 *                                 levels are refused
 * @param jobExecutorEnabled       whether this node runs asynchronous continuations, timers and retries
 * @param jobExecutorCorePoolSize  job executor threads kept alive
 * @param jobExecutorMaxPoolSize   job executor threads at most
 * @param jobExecutorQueueSize     acquired jobs waiting for a job executor thread
 * @param commandThreads           threads that run start/correlate/complete so callers can stop waiting at their
 *                                 budget; keep below the DB pool size
 * @param commandQueueSize         commands waiting for a command thread
 * @param historyTimeToLive        default for processes that declare none (ISO-8601 period, e.g. P30D)
 * @param databaseSchemaUpdate     {@code true} (create/upgrade tables), {@code false} (check only) or
 *                                 {@code create-drop}
 * @param failedStartRetention     how long a start that failed after its caller got the id stays readable
 * @param historyCleanupWindow     when Camunda's history cleanup runs each day, {@code HH:mm-HH:mm} in the server's
 *                                 time zone (it removes the history of instances ended longer than their flow's
 *                                 time to live ago), or {@code off}: only on demand
 * @param timerFloor               the shortest interval a timer start event (cycle or duration) or any repeating
 *                                 timer may have; shorter ones are refused at deploy; {@code 0} turns the check off
 */
@ConfigurationProperties("flowgate.engine")
public record EngineSettings(@Nullable String name, @Nullable String history,
                             @Nullable Boolean jobExecutorEnabled, @Nullable Integer jobExecutorCorePoolSize,
                             @Nullable Integer jobExecutorMaxPoolSize, @Nullable Integer jobExecutorQueueSize,
                             @Nullable Integer commandThreads, @Nullable Integer commandQueueSize,
                             @Nullable String historyTimeToLive, @Nullable String databaseSchemaUpdate,
                             @Nullable Duration failedStartRetention, @Nullable String historyCleanupWindow,
                             @Nullable Duration timerFloor) {

    public static final String DEFAULT_NAME = "flowgate";
    public static final String DEFAULT_HISTORY = "audit";
    public static final boolean DEFAULT_JOB_EXECUTOR_ENABLED = true;
    public static final int DEFAULT_JOB_EXECUTOR_CORE_POOL_SIZE = 2;
    public static final int DEFAULT_JOB_EXECUTOR_MAX_POOL_SIZE = 4;
    public static final int DEFAULT_JOB_EXECUTOR_QUEUE_SIZE = 8;
    public static final int DEFAULT_COMMAND_THREADS = 6;
    public static final int DEFAULT_COMMAND_QUEUE_SIZE = 10_000;
    public static final String DEFAULT_HISTORY_TIME_TO_LIVE = "P30D";
    public static final String DEFAULT_DATABASE_SCHEMA_UPDATE = "true";
    public static final Duration DEFAULT_FAILED_START_RETENTION = Duration.ofMinutes(10);
    public static final String HISTORY_CLEANUP_OFF = "off";
    public static final Duration DEFAULT_TIMER_FLOOR = FlowChecker.DEFAULT_TIMER_FLOOR;

    private static final Set<String> HISTORY_LEVELS = Set.of("audit", "full");
    private static final Set<String> SCHEMA_UPDATES = Set.of("true", "false", "create-drop");

    public EngineSettings {
        name = orDefault(name, DEFAULT_NAME);
        history = orDefault(history, DEFAULT_HISTORY).toLowerCase();
        require(HISTORY_LEVELS.contains(history), "flowgate.engine.history must be audit or full (ended instances "
                + "are read from history), was " + history);
        jobExecutorEnabled = jobExecutorEnabled == null ? DEFAULT_JOB_EXECUTOR_ENABLED : jobExecutorEnabled;
        jobExecutorCorePoolSize = positive("job-executor-core-pool-size", jobExecutorCorePoolSize,
                DEFAULT_JOB_EXECUTOR_CORE_POOL_SIZE);
        jobExecutorMaxPoolSize = positive("job-executor-max-pool-size", jobExecutorMaxPoolSize,
                Math.max(DEFAULT_JOB_EXECUTOR_MAX_POOL_SIZE, jobExecutorCorePoolSize));
        require(jobExecutorMaxPoolSize >= jobExecutorCorePoolSize,
                "flowgate.engine.job-executor-max-pool-size must be at least job-executor-core-pool-size");
        jobExecutorQueueSize = positive("job-executor-queue-size", jobExecutorQueueSize,
                DEFAULT_JOB_EXECUTOR_QUEUE_SIZE);
        commandThreads = positive("command-threads", commandThreads, DEFAULT_COMMAND_THREADS);
        commandQueueSize = positive("command-queue-size", commandQueueSize, DEFAULT_COMMAND_QUEUE_SIZE);
        historyTimeToLive = orDefault(historyTimeToLive, DEFAULT_HISTORY_TIME_TO_LIVE);
        checkPeriod(historyTimeToLive);
        databaseSchemaUpdate = orDefault(databaseSchemaUpdate, DEFAULT_DATABASE_SCHEMA_UPDATE);
        require(SCHEMA_UPDATES.contains(databaseSchemaUpdate),
                "flowgate.engine.database-schema-update must be true, false or create-drop, was "
                        + databaseSchemaUpdate);
        failedStartRetention = failedStartRetention == null ? DEFAULT_FAILED_START_RETENTION : failedStartRetention;
        require(!failedStartRetention.isNegative(), "flowgate.engine.failed-start-retention must not be negative");
        historyCleanupWindow = orDefault(historyCleanupWindow, HISTORY_CLEANUP_OFF).toLowerCase();
        checkWindow(historyCleanupWindow);
        timerFloor = timerFloor == null ? DEFAULT_TIMER_FLOOR : timerFloor;
        require(!timerFloor.isNegative(), "flowgate.engine.timer-floor (FLOWGATE_TIMER_FLOOR) must not be negative, "
                + "was " + timerFloor);
    }

    /** Every setting at its default. */
    public static EngineSettings defaults() {
        return new EngineSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public EngineSettings withName(String newName) {
        return new EngineSettings(newName, history, jobExecutorEnabled, jobExecutorCorePoolSize,
                jobExecutorMaxPoolSize, jobExecutorQueueSize, commandThreads, commandQueueSize, historyTimeToLive,
                databaseSchemaUpdate, failedStartRetention, historyCleanupWindow, timerFloor);
    }

    public EngineSettings withJobExecutorEnabled(boolean enabled) {
        return new EngineSettings(name, history, enabled, jobExecutorCorePoolSize, jobExecutorMaxPoolSize,
                jobExecutorQueueSize, commandThreads, commandQueueSize, historyTimeToLive, databaseSchemaUpdate,
                failedStartRetention, historyCleanupWindow, timerFloor);
    }

    public EngineSettings withCommandThreads(int threads) {
        return new EngineSettings(name, history, jobExecutorEnabled, jobExecutorCorePoolSize,
                jobExecutorMaxPoolSize, jobExecutorQueueSize, threads, commandQueueSize, historyTimeToLive,
                databaseSchemaUpdate, failedStartRetention, historyCleanupWindow, timerFloor);
    }

    public EngineSettings withHistoryCleanupWindow(String window) {
        return new EngineSettings(name, history, jobExecutorEnabled, jobExecutorCorePoolSize,
                jobExecutorMaxPoolSize, jobExecutorQueueSize, commandThreads, commandQueueSize, historyTimeToLive,
                databaseSchemaUpdate, failedStartRetention, window, timerFloor);
    }

    public EngineSettings withTimerFloor(Duration floor) {
        return new EngineSettings(name, history, jobExecutorEnabled, jobExecutorCorePoolSize,
                jobExecutorMaxPoolSize, jobExecutorQueueSize, commandThreads, commandQueueSize, historyTimeToLive,
                databaseSchemaUpdate, failedStartRetention, historyCleanupWindow, floor);
    }

    /** The cleanup window's start and end ({@code HH:mm}), or empty when it is {@code off}. */
    public Optional<String[]> historyCleanupTimes() {
        return historyCleanupWindow.equals(HISTORY_CLEANUP_OFF) ? Optional.empty()
                : Optional.of(historyCleanupWindow.split("-"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int positive(String property, Integer value, int fallback) {
        int result = value == null ? fallback : value;
        require(result > 0, "flowgate.engine." + property + " must be positive, was " + result);
        return result;
    }

    private static void checkPeriod(String period) {
        try {
            java.time.Period.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("flowgate.engine.history-time-to-live must be an ISO-8601 period "
                    + "such as P30D, was " + period, e);
        }
    }

    private static void checkWindow(String window) {
        if (window.equals(HISTORY_CLEANUP_OFF)) {
            return;
        }
        String[] times = window.split("-");
        boolean valid = times.length == 2 && times[0].matches("\\d{2}:\\d{2}") && times[1].matches("\\d{2}:\\d{2}");
        try {
            valid = valid && !LocalTime.parse(times[0]).equals(LocalTime.parse(times[1]));
        } catch (DateTimeParseException e) {
            valid = false;
        }
        require(valid, "flowgate.engine.history-cleanup-window (FLOWGATE_HISTORY_CLEANUP_WINDOW) must be off or "
                + "HH:mm-HH:mm with two different times, such as 00:00-06:00, was " + window);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
