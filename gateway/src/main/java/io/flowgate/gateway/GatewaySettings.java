package io.flowgate.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Gateway settings ({@code flowgate.*}, set from {@code FLOWGATE_*} environment variables in application.yml).
 * Validated once at start-up by {@link #validate()}.
 */
@ConfigurationProperties("flowgate")
public class GatewaySettings {

    public static final String DEFAULT_DATA_DIR = "./data";
    public static final int DEFAULT_DB_POOL_SIZE = 20;
    /** Login attempts per minute per client address. */
    public static final int DEFAULT_LOGIN_RATE_LIMIT = 20;
    /** Login attempts per minute per username, from any address; 0 turns this limit off. */
    public static final int DEFAULT_LOGIN_USER_RATE_LIMIT = 10;
    /**
     * How long the embedded H2 may keep committed changes in memory before writing them to its file: none, so a
     * commit (and the 2xx/202 that follows it) survives {@code kill -9} of the process.
     */
    public static final Duration DEFAULT_H2_CRASH_LOSS_WINDOW = Duration.ZERO;
    /** The longest loss window accepted (H2's own default write delay is 500 ms). */
    public static final Duration MAX_H2_CRASH_LOSS_WINDOW = Duration.ofSeconds(10);

    private String dataDir = DEFAULT_DATA_DIR;
    private String contractsDir;
    private String flowsDir;
    private boolean example = true;
    private boolean startAnyway;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private int dbPoolSize = DEFAULT_DB_POOL_SIZE;
    private int loginRateLimit = DEFAULT_LOGIN_RATE_LIMIT;
    private int loginUserRateLimit = DEFAULT_LOGIN_USER_RATE_LIMIT;
    private Duration h2CrashLossWindow = DEFAULT_H2_CRASH_LOSS_WINDOW;

    /** Directory for the embedded H2 database (and other local state). */
    public Path dataDirectory() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /**
     * JDBC URL: the configured one, else an H2 file database under the data directory. H2 writes what a transaction
     * committed to its file after {@code WRITE_DELAY} milliseconds, from a background thread (500 ms by default): a
     * {@code kill -9} in between loses commits whose answers were already sent. With 0 (our default,
     * {@code FLOWGATE_H2_CRASH_LOSS_WINDOW}) the committing thread writes them to the file (the operating system's
     * cache) before the commit returns; H2 does not fsync on commit, so this holds against a crash of the process,
     * not against power loss or a crash of the operating system.
     */
    public String jdbcUrl() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDirectory().resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY="
                + h2CrashLossWindow.toMillis();
    }

    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank();
    }

    public void validate() {
        if (dbPoolSize < 2 || dbPoolSize > 500) {
            throw new IllegalArgumentException("FLOWGATE_DB_POOL_SIZE must be between 2 and 500, was " + dbPoolSize);
        }
        if (loginRateLimit < 1) {
            throw new IllegalArgumentException("FLOWGATE_LOGIN_RATE_LIMIT must be at least 1, was " + loginRateLimit);
        }
        if (loginUserRateLimit < 0) {
            throw new IllegalArgumentException("FLOWGATE_LOGIN_USER_RATE_LIMIT must be 0 (off) or more, was "
                    + loginUserRateLimit);
        }
        if (dbUrl != null && !dbUrl.isBlank() && !dbUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("FLOWGATE_DB_URL must be a JDBC URL (jdbc:postgresql://…), was " + dbUrl);
        }
        if (h2CrashLossWindow.isNegative() || h2CrashLossWindow.compareTo(MAX_H2_CRASH_LOSS_WINDOW) > 0) {
            throw new IllegalArgumentException("FLOWGATE_H2_CRASH_LOSS_WINDOW must be between 0ms and "
                    + MAX_H2_CRASH_LOSS_WINDOW.toMillis() + "ms, was " + h2CrashLossWindow.toMillis() + "ms");
        }
        if (!h2CrashLossWindow.isZero() && !embeddedDatabase()) {
            throw new IllegalArgumentException("FLOWGATE_H2_CRASH_LOSS_WINDOW applies to the embedded H2 only; "
                    + "with FLOWGATE_DB_URL set, the database's own settings decide (leave it at 0ms)");
        }
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @Nullable
    public String getContractsDir() {
        return contractsDir;
    }

    public void setContractsDir(@Nullable String contractsDir) {
        this.contractsDir = contractsDir;
    }

    @Nullable
    public String getFlowsDir() {
        return flowsDir;
    }

    public void setFlowsDir(@Nullable String flowsDir) {
        this.flowsDir = flowsDir;
    }

    public boolean isExample() {
        return example;
    }

    public void setExample(boolean example) {
        this.example = example;
    }

    public boolean isStartAnyway() {
        return startAnyway;
    }

    public void setStartAnyway(boolean startAnyway) {
        this.startAnyway = startAnyway;
    }

    @Nullable
    public String getDbUrl() {
        return dbUrl;
    }

    public void setDbUrl(@Nullable String dbUrl) {
        this.dbUrl = dbUrl;
    }

    @Nullable
    public String getDbUser() {
        return dbUser;
    }

    public void setDbUser(@Nullable String dbUser) {
        this.dbUser = dbUser;
    }

    @Nullable
    public String getDbPassword() {
        return dbPassword;
    }

    public void setDbPassword(@Nullable String dbPassword) {
        this.dbPassword = dbPassword;
    }

    public int getLoginRateLimit() {
        return loginRateLimit;
    }

    public void setLoginRateLimit(int loginRateLimit) {
        this.loginRateLimit = loginRateLimit;
    }

    public int getLoginUserRateLimit() {
        return loginUserRateLimit;
    }

    public void setLoginUserRateLimit(int loginUserRateLimit) {
        this.loginUserRateLimit = loginUserRateLimit;
    }

    /**
     * Opt-in: let the embedded H2 write commits up to this much later, from a background thread. Faster under many
     * small commits, but a {@code kill -9} (or any crash of the process) loses what was committed in the last window,
     * answers already sent included.
     */
    public Duration getH2CrashLossWindow() {
        return h2CrashLossWindow;
    }

    public void setH2CrashLossWindow(Duration h2CrashLossWindow) {
        this.h2CrashLossWindow = h2CrashLossWindow;
    }

    public int getDbPoolSize() {
        return dbPoolSize;
    }

    public void setDbPoolSize(int dbPoolSize) {
        this.dbPoolSize = dbPoolSize;
    }
}
