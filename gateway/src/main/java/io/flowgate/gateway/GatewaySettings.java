package io.flowgate.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;

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

    /** Directory for the embedded H2 database (and other local state). */
    public Path dataDirectory() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** JDBC URL: the configured one, else an H2 file database under the data directory. */
    public String jdbcUrl() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDirectory().resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
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

    public int getDbPoolSize() {
        return dbPoolSize;
    }

    public void setDbPoolSize(int dbPoolSize) {
        this.dbPoolSize = dbPoolSize;
    }
}
