package io.flowgate.gateway.users;

import jakarta.inject.Singleton;
import io.flowgate.connectors.storage.ModuleSchema;

import javax.sql.DataSource;

/**
 * The users module's tables ({@code users}, {@code user_roles}, {@code auth_signing_secrets}) on the application's
 * {@link DataSource}, migrated by Flyway ({@link ModuleSchema}) into its own history table, so other modules keep
 * theirs in the same schema. Inject it to get a data source whose tables are known to exist.
 */
@Singleton
public final class UsersSchema {

    static final String FEATURE = "users";

    private final DataSource dataSource;

    public UsersSchema(DataSource dataSource) {
        this.dataSource = dataSource;
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
