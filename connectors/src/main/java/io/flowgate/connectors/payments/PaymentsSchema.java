package io.flowgate.connectors.payments;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The payments feature's tables, migrated by Flyway from {@code classpath:db/migration/payments} into its own
 * history table {@code flyway_payments_history}, so other features keep theirs in the same schema (the same
 * convention as the gateway's {@code ModuleSchema}, which connectors cannot depend on).
 */
public final class PaymentsSchema {

    static final String FEATURE = "payments";

    private PaymentsSchema() {
    }

    /** Applies pending migrations; safe to call on every start and from every node. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(PaymentsSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + FEATURE)
                .table("flyway_" + FEATURE + "_history")
                // other features' tables are already in the schema: start this history at 0, then run V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
