package io.flowgate.connectors.storage;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Each feature owns its tables: its migrations live in {@code classpath:db/migration/<feature>} and its Flyway
 * history in {@code flyway_<feature>_history}, so features migrate independently in one shared schema. Used by the
 * connectors' domains and the gateway's features alike (everything above this module may depend on it).
 */
public final class ModuleSchema {

    private ModuleSchema() {
    }

    /** Applies the feature's pending migrations; safe to call on every start and from every node. */
    public static void migrate(DataSource dataSource, String feature) {
        Flyway.configure(ModuleSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + feature)
                .table("flyway_" + feature + "_history")
                // other features' tables are already in the schema: start this history at 0, then run V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
