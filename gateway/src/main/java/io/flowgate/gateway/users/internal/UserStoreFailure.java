package io.flowgate.gateway.users.internal;

/** The users database failed; the message names the operation, the cause carries the SQL error (logged, not shown). */
public class UserStoreFailure extends RuntimeException {

    public UserStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
