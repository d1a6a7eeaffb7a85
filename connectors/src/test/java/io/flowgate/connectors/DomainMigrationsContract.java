package io.flowgate.connectors;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.inventory.internal.InventorySchema;
import io.flowgate.connectors.notify.NotificationStore;
import io.flowgate.connectors.orders.internal.OrderStore;
import io.flowgate.connectors.payments.internal.PaymentRefs;
import io.flowgate.connectors.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The domain tables' migrations: a fresh database gets both tenants' stores, menus and stock; a database that the
 * release before stores had tenants left behind migrates with its rows, each given the tenant of its store, and
 * stores that only its stock rows named kept as tenantless stores. Implementations choose the database.
 */
abstract class DomainMigrationsContract {

    /** A fresh database, closed by the test. */
    protected abstract HikariDataSource database();

    @Test
    void aFreshDatabaseHasTheStoresMenusAndStockOfBothTenants() throws SQLException {
        try (HikariDataSource db = database()) {
            migrateAll(db);

            assertThat(rows(db, "SELECT id || ' ' || tenant FROM stores ORDER BY id"))
                    .containsExactly("downtown bistro", "harbour diner", "station diner", "uptown bistro");
            assertThat(rows(db, "SELECT DISTINCT store FROM menu_items ORDER BY store"))
                    .containsExactly("downtown", "harbour", "station", "uptown");
            assertThat(rows(db, "SELECT store || ' ' || sku || ' ' || on_hand FROM stock WHERE store = 'harbour' "
                    + "ORDER BY sku")).containsExactly("harbour coffee 250", "harbour pancakes 80", "harbour shake 60");
        }
    }

    @Test
    void aDatabaseOfTheReleaseBeforeMigratesAndItsRowsGetTheTenantOfTheirStore() throws SQLException {
        try (HikariDataSource db = database()) {
            // what the release before left: its migrations, and rows its connectors wrote
            migrate(db, "orders", "2");
            migrate(db, "inventory", "2");
            migrate(db, "notify", "1");
            TestDatabase.execute(db, "INSERT INTO orders (id, create_key, store, customer, state, total_minor, "
                    + "currency, version, created_at, updated_at) VALUES ('old-1', 'i-1:create', 'downtown', 'ada', "
                    + "'PAID', 850, 'USD', 2, 0, 0)");
            TestDatabase.execute(db, "INSERT INTO order_lines (order_id, line_no, sku, name, qty, unit_price_minor) "
                    + "VALUES ('old-1', 1, 'burger', 'Classic burger', 1, 850)");
            // a transfer to a store nobody had made: the old connectors created its stock row
            TestDatabase.execute(db, "INSERT INTO stock (store, sku, on_hand, reserved, version, updated_at) "
                    + "VALUES ('pier', 'fries', 4, 0, 0, 0)");
            TestDatabase.execute(db, "INSERT INTO stock_reservations (id, idem_key, store, status, expires_at, "
                    + "created_at, updated_at) VALUES ('r-1', 'i-1:reserve', 'uptown', 'HELD', 0, 0, 0)");
            TestDatabase.execute(db, "INSERT INTO stock_movements (store, sku, on_hand_delta, kind, reason, "
                    + "idem_key, moved_at) VALUES ('uptown', 'fries', -4, 'TRANSFER_OUT', 'to pier', 'i-2:move', 0)");
            TestDatabase.execute(db, "INSERT INTO stock_movements (store, sku, on_hand_delta, kind, reason, "
                    + "idem_key, moved_at) VALUES ('pier', 'fries', 4, 'TRANSFER_IN', 'from uptown', 'i-2:move', 0)");
            TestDatabase.execute(db, "INSERT INTO inventory_applied_keys (idem_key, operation, result, applied_at) "
                    + "VALUES ('i-2:move', 'transfer', '{}', 0)");
            TestDatabase.execute(db, "INSERT INTO notifications (id, channel, subject, idempotency_key, created_at) "
                    + "VALUES ('n-1', 'kitchen-downtown', 'Order old-1 is paid', 'i-1:notify', 0)");

            migrateAll(db);

            assertThat(rows(db, "SELECT id || ' ' || COALESCE(tenant, '-') FROM stores ORDER BY id")).containsExactly(
                    "downtown bistro", "harbour diner", "pier -", "station diner", "uptown bistro");
            assertThat(rows(db, "SELECT tenant FROM orders WHERE id = 'old-1'")).containsExactly("bistro");
            assertThat(rows(db, "SELECT tenant FROM stock_reservations WHERE id = 'r-1'")).containsExactly("bistro");
            assertThat(rows(db, "SELECT store || ' ' || COALESCE(tenant, '-') FROM stock_movements ORDER BY store"))
                    .containsExactly("pier -", "uptown bistro");
            assertThat(rows(db, "SELECT COALESCE(tenant, '-') FROM notifications")).containsExactly("-");
            assertThat(rows(db, "SELECT COUNT(*) FROM stock WHERE store IN ('harbour', 'station')"))
                    .containsExactly("6");
            assertThatThrownBy(() -> TestDatabase.execute(db, "INSERT INTO stock (store, sku, on_hand, reserved, "
                    + "version, updated_at) VALUES ('nowhere', 'fries', 1, 0, 0, 0)"))
                    .as("stock of a store that does not exist").hasMessageContaining("nowhere");
        }
    }

    /** Every domain feature, as the connectors migrate them when they are created. */
    private static void migrateAll(HikariDataSource db) {
        new OrderStore(db);
        new InventorySchema(db, Clock.systemUTC());
        new NotificationStore(db);
        new PaymentRefs(db);
    }

    /** One feature up to {@code version}, as {@code ModuleSchema} does it. */
    private static void migrate(HikariDataSource db, String feature, String version) {
        Flyway.configure(DomainMigrationsContract.class.getClassLoader()).dataSource(db)
                .locations("classpath:db/migration/" + feature).table("flyway_" + feature + "_history")
                .baselineOnMigrate(true).baselineVersion("0").target(version).load().migrate();
    }

    private static List<String> rows(HikariDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
