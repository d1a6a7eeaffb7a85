package io.flowgate.gateway.triggers.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of our own infrastructure (the database cannot be reached) from a flow refusing a record. A record
 * that fails because the database is down is not poison: sending it to the dead-letter topic would drain the whole
 * topic there during an outage. Such a record is tried again, without counting attempts, until the outage ends.
 */
final class Outages {

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            // SQL state class 08: connection exception (PostgreSQL's driver reports these as plain SQLExceptions)
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
