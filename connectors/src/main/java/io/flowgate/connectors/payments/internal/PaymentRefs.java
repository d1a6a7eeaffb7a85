package io.flowgate.connectors.payments.internal;

import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.storage.StorageFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Flowgate's own record of payments ({@code db/migration/payment_refs}): which payment the provider made for which
 * order of which tenant, and the refunds made of it. The provider's books know the order only as a reference the
 * caller chose; this record is written by the connector that charged, with the tenant of its flow, so a refund can
 * insist on a payment of its own tenant (and order) whatever payment id a request carries.
 *
 * <p>Writes are idempotent: a retried job records the same payment or refund again, which changes nothing.
 */
@Singleton
public final class PaymentRefs {

    static final String FEATURE = "payment_refs";

    private final DataSource dataSource;
    private final Clock clock;

    /** A payment as Flowgate recorded it; {@code tenant} null for a flow without a tenant. */
    public record PaymentRef(String paymentId, String tenant, String orderId, String chargeKey, BigDecimal amount,
                             String currency) {
    }

    @Inject
    public PaymentRefs(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public PaymentRefs(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    /**
     * Records a payment the provider accepted (approved or pending). Recording it again is a no-op.
     *
     * @throws IllegalStateException when the payment id is already recorded for another order or tenant (a provider
     *                               answering one payment id for two charges): a technical fault, never a refund
     */
    public void charged(PaymentRef ref) {
        try {
            Jdbc.inTransaction(dataSource, "cannot record payment " + ref.paymentId(), c -> insert(c, ref));
        } catch (StorageFailure failure) {
            if (!failure.isUniqueViolation()) {
                throw failure;
            }
            PaymentRef kept = Jdbc.read(dataSource, "cannot read payment " + ref.paymentId(),
                    c -> load(c, ref.paymentId())).orElseThrow(() -> failure);
            if (!Objects.equals(kept.tenant(), ref.tenant()) || !kept.orderId().equals(ref.orderId())) {
                throw new IllegalStateException("payment " + ref.paymentId() + " is already recorded for another "
                        + "order", failure);
            }
        }
    }

    /** The payment if it was recorded for {@code tenant} (null: for a flow without a tenant). */
    public Optional<PaymentRef> find(String paymentId, String tenant) {
        return Jdbc.read(dataSource, "cannot read payment " + paymentId, c -> load(c, paymentId))
                .filter(ref -> Objects.equals(tenant, ref.tenant()));
    }

    /**
     * Records a refund the provider accepted. Recording it again is a no-op.
     *
     * @param orderId the order the payment was for; null when Flowgate never recorded the payment (a cancelled
     *                charge whose answer was lost)
     */
    public void refunded(String refundId, String paymentId, String tenant, String orderId, String refundKey,
                         BigDecimal amount) {
        try {
            Jdbc.inTransaction(dataSource, "cannot record refund " + refundId, c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO refund_refs (refund_id, payment_id, "
                        + "tenant, order_id, refund_key, amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, refundId);
                    insert.setString(2, paymentId);
                    insert.setString(3, tenant);
                    insert.setString(4, orderId);
                    insert.setString(5, refundKey);
                    insert.setBigDecimal(6, amount);
                    insert.setLong(7, clock.millis());
                    return insert.executeUpdate();
                }
            });
        } catch (StorageFailure failure) {
            if (!failure.isUniqueViolation()) {
                throw failure; // the engine retries; the provider replays the same refund for the same key
            }
        }
    }

    private int insert(Connection c, PaymentRef ref) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO payment_refs (payment_id, tenant, order_id, "
                + "charge_key, amount, currency, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, ref.paymentId());
            insert.setString(2, ref.tenant());
            insert.setString(3, ref.orderId());
            insert.setString(4, ref.chargeKey());
            insert.setBigDecimal(5, ref.amount());
            insert.setString(6, ref.currency());
            insert.setLong(7, clock.millis());
            return insert.executeUpdate();
        }
    }

    private static Optional<PaymentRef> load(Connection c, String paymentId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT payment_id, tenant, order_id, charge_key, amount, "
                + "currency FROM payment_refs WHERE payment_id = ?")) {
            select.setString(1, paymentId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new PaymentRef(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getString(6))) : Optional.empty();
            }
        }
    }
}
