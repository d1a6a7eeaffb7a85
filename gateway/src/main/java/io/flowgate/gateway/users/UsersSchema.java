package io.flowgate.gateway.users;

import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The users module's tables ({@code users}, {@code user_roles}, {@code auth_signing_secrets}) on the application's
 * {@link DataSource}, migrated by Flyway from {@value #MIGRATIONS} into its own history table, so other modules keep
 * theirs in the same schema. Inject it to get a data source whose tables are known to exist.
 */
@Singleton
public final class UsersSchema {

    static final String MIGRATIONS = "classpath:db/migration/users";
    static final String HISTORY_TABLE = "flyway_users_history";

    private final DataSource dataSource;

    public UsersSchema(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure(UsersSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                // other modules' tables may already be in the schema: start our own history at 0, then run V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
