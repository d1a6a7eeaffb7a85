package io.flowgate.connectors.payments.sandbox.internal;

import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import io.flowgate.connectors.payments.sandbox.RefundEntry;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JDBC access to the sandbox ledger tables. Portable SQL (H2 and PostgreSQL). */
public final class LedgerStore {

    private static final String PAYMENT_COLUMNS = "payment_id, idempotency_key, order_ref, amount, currency, capture, "
            + "status, refunded_amount, reason, created_at, request_hash";
    private static final String REFUND_COLUMNS = "refund_id, idempotency_key, payment_id, amount, status, reason, "
            + "created_at, request_hash";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public LedgerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A ledger row with the hash of the request that created it (to refuse a key reused for another request). */
    public record Stored<T>(T entry, String requestHash) {
    }

    /** Inserts the row; false when its idempotency key is already taken (a concurrent request won). */
    public boolean insertPayment(LedgerEntry e, String requestHash) {
        String sql = "INSERT INTO sandbox_payment_ledger (" + PAYMENT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.paymentId());
            ps.setString(2, e.idempotencyKey());
            ps.setString(3, e.orderRef());
            ps.setBigDecimal(4, e.amount());
            ps.setString(5, e.currency());
            ps.setBoolean(6, e.capture());
            ps.setString(7, e.status());
            ps.setBigDecimal(8, e.refundedAmount());
            ps.setString(9, e.reason());
            ps.setLong(10, e.createdAt().toEpochMilli());
            ps.setString(11, requestHash);
            ps.executeUpdate();
            return true;
        } catch (SQLException ex) {
            if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("sandbox ledger insert failed", ex);
        }
    }

    public Optional<Stored<LedgerEntry>> paymentByKey(String key) {
        return queryPayments("WHERE idempotency_key = ?", key).stream().findFirst();
    }

    public Optional<LedgerEntry> payment(String paymentId) {
        return queryPayments("WHERE payment_id = ?", paymentId).stream().findFirst().map(Stored::entry);
    }

    public List<LedgerEntry> payments(String where, String argument) {
        return queryPayments(where, argument).stream().map(Stored::entry).toList();
    }

    /** Moves a payment from one status to another; false when it was not in {@code from}. */
    public boolean transition(String paymentId, String from, String to, String reason) {
        String sql = "UPDATE sandbox_payment_ledger SET status = ?, reason = ? WHERE payment_id = ? AND status = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, to);
            ps.setString(2, reason);
            ps.setString(3, paymentId);
            ps.setString(4, from);
            return ps.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new IllegalStateException("sandbox ledger update failed", ex);
        }
    }

    /**
     * In one transaction: claims the refund's idempotency key and, when {@code refund.status()} is REFUNDED, adds
     * the amount to the payment's refunded amount — only if it stays within the captured amount (a compare-and-set
     * that holds under concurrent refunds). Answers the row written (turned DECLINED when the set failed), or empty
     * when the key was already taken.
     */
    public Optional<RefundEntry> insertRefund(RefundEntry refund, String requestHash, String declinedReason) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                RefundEntry written = refund;
                if (RefundEntry.REFUNDED.equals(refund.status()) && !addRefunded(c, refund)) {
                    written = new RefundEntry(refund.refundId(), refund.idempotencyKey(), refund.paymentId(),
                            refund.amount(), RefundEntry.DECLINED, declinedReason, refund.createdAt());
                }
                insertRefundRow(c, written, requestHash);
                c.commit();
                return Optional.of(written);
            } catch (SQLException ex) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                    return Optional.empty();
                }
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("sandbox refund failed", ex);
        }
    }

    /**
     * In one transaction: locks the captured payment's row, refunds everything not refunded yet and writes
     * {@code refund} with that amount. Empty when nothing was written: nothing was left to refund (or the payment is
     * not captured), or the refund's key was already taken. The lock makes concurrent full refunds of one payment
     * run one after the other: the first takes what is left, the next finds nothing.
     */
    public Optional<RefundEntry> refundRest(RefundEntry refund, String requestHash) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                BigDecimal left = lockLeftToRefund(c, refund.paymentId());
                Optional<RefundEntry> written = Optional.empty();
                if (left.signum() > 0) {
                    RefundEntry rest = new RefundEntry(refund.refundId(), refund.idempotencyKey(),
                            refund.paymentId(), scale(left), RefundEntry.REFUNDED, refund.reason(),
                            refund.createdAt());
                    if (!addRefunded(c, rest)) {
                        throw new IllegalStateException("payment " + refund.paymentId() + " changed under its lock");
                    }
                    insertRefundRow(c, rest, requestHash);
                    written = Optional.of(rest);
                }
                c.commit();
                return written;
            } catch (SQLException ex) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                    return Optional.empty();
                }
                throw ex;
            } catch (RuntimeException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("sandbox refund failed", ex);
        }
    }

    public Optional<Stored<RefundEntry>> refundByKey(String key) {
        return queryRefunds("WHERE idempotency_key = ?", key).stream().findFirst();
    }

    public List<RefundEntry> refunds(String where, String argument) {
        return queryRefunds(where, argument).stream().map(Stored::entry).toList();
    }

    private static BigDecimal lockLeftToRefund(Connection c, String paymentId) throws SQLException {
        String sql = "SELECT amount, refunded_amount FROM sandbox_payment_ledger WHERE payment_id = ? AND status = ? "
                + "FOR UPDATE";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, paymentId);
            ps.setString(2, LedgerEntry.CAPTURED);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1).subtract(rs.getBigDecimal(2)) : BigDecimal.ZERO;
            }
        }
    }

    private static boolean addRefunded(Connection c, RefundEntry refund) throws SQLException {
        String sql = "UPDATE sandbox_payment_ledger SET refunded_amount = refunded_amount + ? "
                + "WHERE payment_id = ? AND status = ? AND refunded_amount + ? <= amount";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBigDecimal(1, refund.amount());
            ps.setString(2, refund.paymentId());
            ps.setString(3, LedgerEntry.CAPTURED);
            ps.setBigDecimal(4, refund.amount());
            return ps.executeUpdate() == 1;
        }
    }

    private static void insertRefundRow(Connection c, RefundEntry r, String requestHash) throws SQLException {
        String sql = "INSERT INTO sandbox_refund_ledger (" + REFUND_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.refundId());
            ps.setString(2, r.idempotencyKey());
            ps.setString(3, r.paymentId());
            ps.setBigDecimal(4, r.amount());
            ps.setString(5, r.status());
            ps.setString(6, r.reason());
            ps.setLong(7, r.createdAt().toEpochMilli());
            ps.setString(8, requestHash);
            ps.executeUpdate();
        }
    }

    private List<Stored<LedgerEntry>> queryPayments(String where, String argument) {
        String sql = "SELECT " + PAYMENT_COLUMNS + " FROM sandbox_payment_ledger " + where + " ORDER BY created_at";
        return query(sql, argument, rs -> new Stored<>(new LedgerEntry(rs.getString(1), rs.getString(2),
                rs.getString(3), scale(rs.getBigDecimal(4)), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                scale(rs.getBigDecimal(8)), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10))),
                rs.getString(11)));
    }

    private List<Stored<RefundEntry>> queryRefunds(String where, String argument) {
        String sql = "SELECT " + REFUND_COLUMNS + " FROM sandbox_refund_ledger " + where + " ORDER BY created_at";
        return query(sql, argument, rs -> new Stored<>(new RefundEntry(rs.getString(1), rs.getString(2),
                rs.getString(3), scale(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7))), rs.getString(8)));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, String argument, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (argument != null) {
                ps.setString(1, argument);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("sandbox ledger query failed", ex);
        }
    }

    private static BigDecimal scale(BigDecimal value) {
        // null: the amount of a charge key voided before any charge
        return value == null ? null : value.setScale(2);
    }
}
