package io.flowgate.connectors.storage;

import java.sql.SQLException;

/**
 * A database call failed. Unchecked so it reaches the engine as a technical fault (retry, then incident); callers
 * that expect a particular failure, such as a duplicate key from a concurrent twin, ask {@link #isUniqueViolation()}.
 */
public final class StorageFailure extends RuntimeException {

    /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    public StorageFailure(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public boolean isUniqueViolation() {
        for (SQLException e = (SQLException) getCause(); e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
