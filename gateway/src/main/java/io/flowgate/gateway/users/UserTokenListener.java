package io.flowgate.gateway.users;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every change that ends a user's tokens or that a cache of token generations must see: a user created,
 * deleted, or given a new token generation (password, roles, tenant or disabled changed, tokens revoked).
 */
public interface UserTokenListener {

    /** Inside the change's transaction, so what it writes commits with the change or not at all. */
    void tokensChanging(Connection connection, String username) throws SQLException;

    /** After the change committed, on the node that made it. */
    void tokensChanged(String username);
}
