package io.flowgate.connectors.inventory;

import io.flowgate.connectors.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.inventory.internal.InventorySchema;
import io.flowgate.connectors.inventory.internal.LowStock;
import io.flowgate.connectors.inventory.internal.Reservations;
import io.flowgate.connectors.inventory.internal.StockMoves;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Every inventory connector on one fresh database, wired by hand as the bean context would. */
final class InventoryFixture implements AutoCloseable {

    final HikariDataSource pool;
    final Outbox outbox;
    final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    final Reservations reservations;
    final StockMoves moves;
    final ReservationSweeper sweeper;
    final InventoryReserveConnector reserve;
    final InventoryConfirmConnector confirm;
    final InventoryReleaseConnector release;
    final InventoryTransferConnector transfer;
    final InventoryAdjustConnector adjust;
    final InventoryStockConnector stock;

    InventoryFixture(int poolSize) {
        this(poolSize, InventorySettings.DEFAULT_LOW_STOCK_THRESHOLD);
    }

    InventoryFixture(int poolSize, long lowStockThreshold) {
        pool = TestDatabase.pool(poolSize);
        outbox = new Outbox(pool);
        InventorySchema schema = new InventorySchema(pool, clock);
        InventorySettings settings = new InventorySettings();
        settings.setSweepInterval(Duration.ZERO); // tests sweep by hand
        settings.setLowStockThreshold(lowStockThreshold);
        LowStock lowStock = new LowStock(settings, outbox);
        reservations = new Reservations(schema, lowStock);
        moves = new StockMoves(schema, lowStock);
        sweeper = new ReservationSweeper(reservations, settings);
        reserve = new InventoryReserveConnector(reservations, settings, sweeper);
        confirm = new InventoryConfirmConnector(reservations);
        release = new InventoryReleaseConnector(reservations);
        transfer = new InventoryTransferConnector(moves);
        adjust = new InventoryAdjustConnector(moves);
        stock = new InventoryStockConnector(moves);
    }

    /** Puts a stock row in place (replacing the seeded one, if any), in a tenantless store made if missing. */
    void stock(String store, String sku, long onHand) {
        TestDatabase.store(pool, store, null);
        TestDatabase.execute(pool, "DELETE FROM stock WHERE store = ? AND sku = ?", store, sku);
        TestDatabase.execute(pool, "INSERT INTO stock (store, sku, on_hand, reserved, version, updated_at) "
                + "VALUES (?, ?, ?, 0, 0, 0)", store, sku, onHand);
    }

    long onHand(String store, String sku) {
        return TestDatabase.queryLong(pool, "SELECT on_hand FROM stock WHERE store = ? AND sku = ?", store, sku);
    }

    long reserved(String store, String sku) {
        return TestDatabase.queryLong(pool, "SELECT reserved FROM stock WHERE store = ? AND sku = ?", store, sku);
    }

    long available(String store, String sku) {
        return onHand(store, sku) - reserved(store, sku);
    }

    static ConnectorRequest request(Map<String, Object> inputs) {
        return new ConnectorRequest(UUID.randomUUID().toString(), "task", null, null, inputs);
    }

    @Override
    public void close() {
        sweeper.close();
        pool.close();
    }
}
