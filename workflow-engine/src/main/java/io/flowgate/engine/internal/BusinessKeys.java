package io.flowgate.engine.internal;

import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.engine.BusinessKeyInUse;
import io.flowgate.engine.FlowException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Unique business keys: {@code flow_business_keys} holds one row per tenant, flow and key for each running instance
 * whose start claimed its key, written with the engine command's own connection — inserted by the start (from the
 * process-start listener, before the first activity runs, so a refused start has run nothing) and deleted by the
 * command that ends the instance (completed, failed with an uncaught error or cancelled).
 *
 * <p>Why a row and not only a query for running instances: the primary key makes concurrent starts race-free on
 * every node. The second insert waits for the first start's transaction and is refused once it commits (or goes
 * through if it rolled back); a query would see nothing uncommitted and let both start. The query is still made, once
 * the row is in: it finds instances that hold the key without a row — started before the flow's starts declared the
 * key unique, or by a start that does not declare it — so a key already shared in existing data is never shared
 * further.
 */
final class BusinessKeys {

    /** H2's lock timeout: another start holds the row and has not committed within it. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private final DataSource dataSource;

    BusinessKeys(DataSource dataSource) {
        this.dataSource = dataSource;
        ModuleSchema.migrate(dataSource, "keys");
    }

    /**
     * Claims the ticket's business key for the instance being started, in its start command.
     *
     * @throws BusinessKeyInUse when an instance of the flow runs with the key in the ticket's tenant
     */
    void claim(DelegateExecution instance, StartTicket ticket) {
        Connection connection = CommandConnection.of(Context.getCommandContext(), "a unique business key");
        String tenant = scope(ticket.tenantId);
        String instanceId = instance.getProcessInstanceId();
        Optional<String> holder = holder(connection, tenant, ticket.flowKey, ticket.businessKey);
        if (holder.isPresent() && isRunning(connection, holder.get())) {
            throw new BusinessKeyInUse(ticket.flowKey, ticket.businessKey, ticket.tenantId, holder.get());
        }
        if (holder.isEmpty() || !takeOver(connection, tenant, ticket, holder.get(), instanceId)) {
            insert(connection, tenant, ticket, instanceId);
        }
        Optional<String> unclaimed = runningWithoutRow(connection, tenant, ticket, instanceId);
        if (unclaimed.isPresent()) {
            throw new BusinessKeyInUse(ticket.flowKey, ticket.businessKey, ticket.tenantId, unclaimed.get());
        }
    }

    /** Frees the key of an instance that ends; nothing when it held none. */
    void release(DelegateExecution instance) {
        String businessKey = instance.getProcessBusinessKey();
        if (businessKey == null || !(instance instanceof ExecutionEntity execution)) {
            return;
        }
        Connection connection = CommandConnection.of(Context.getCommandContext(), "freeing a unique business key");
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flow_business_keys WHERE "
                + "tenant_scope = ? AND flow_key = ? AND business_key = ? AND instance_id = ?")) {
            delete.setString(1, scope(instance.getTenantId()));
            delete.setString(2, execution.getProcessDefinition().getKey());
            delete.setString(3, businessKey);
            delete.setString(4, instance.getProcessInstanceId());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot free the business key of instance "
                    + instance.getProcessInstanceId(), e);
        }
    }

    /**
     * A start's failure, where a refusal that could not name the instance holding the key (its start had not
     * committed, or PostgreSQL refused to read on in the failed transaction) names it if it has committed by now.
     * Runs after the refused start's transaction has rolled back.
     */
    FlowException named(FlowException failure) {
        if (!(failure instanceof BusinessKeyInUse inUse) || inUse.instanceId().isPresent()) {
            return failure;
        }
        return Jdbc.read(dataSource, "cannot read a business key", connection -> holder(connection,
                scope(inUse.tenantId()), inUse.flowKey(), inUse.businessKey()))
                .map(holder -> new BusinessKeyInUse(inUse.flowKey(), inUse.businessKey(), inUse.tenantId(), holder))
                .orElse(inUse);
    }

    private static Optional<String> holder(Connection connection, String tenant, String flowKey, String key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT instance_id FROM flow_business_keys "
                + "WHERE tenant_scope = ? AND flow_key = ? AND business_key = ?")) {
            select.setString(1, tenant);
            select.setString(2, flowKey);
            select.setString(3, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the business key '" + key + "'", e);
        }
    }

    private static void insert(Connection connection, String tenant, StartTicket ticket, String instanceId) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flow_business_keys "
                + "(tenant_scope, flow_key, business_key, instance_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant);
            insert.setString(2, ticket.flowKey);
            insert.setString(3, ticket.businessKey);
            insert.setString(4, instanceId);
            insert.setLong(5, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw refusedOr(e, ticket);
        }
    }

    /**
     * Takes over a row whose instance no longer runs (removed without its end listener, e.g. by hand in the
     * database). Of two starts doing so at once, the second waits for the first and then updates nothing.
     *
     * @return false when the row had changed meanwhile: insert instead, which settles who holds the key
     */
    private static boolean takeOver(Connection connection, String tenant, StartTicket ticket, String staleId,
                                    String instanceId) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE flow_business_keys SET instance_id = ?, "
                + "created_at = ? WHERE tenant_scope = ? AND flow_key = ? AND business_key = ? AND instance_id = ?")) {
            update.setString(1, instanceId);
            update.setLong(2, System.currentTimeMillis());
            update.setString(3, tenant);
            update.setString(4, ticket.flowKey);
            update.setString(5, ticket.businessKey);
            update.setString(6, staleId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw refusedOr(e, ticket);
        }
    }

    /** A running instance of the flow with the key in the tenant, other than the one being started. */
    private static Optional<String> runningWithoutRow(Connection connection, String tenant, StartTicket ticket,
                                                      String instanceId) {
        try (PreparedStatement select = connection.prepareStatement("SELECT e.ID_ FROM ACT_RU_EXECUTION e "
                + "JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_ WHERE e.BUSINESS_KEY_ = ? "
                + "AND e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = ? AND COALESCE(e.TENANT_ID_, '') = ? AND e.ID_ <> ?")) {
            select.setString(1, ticket.businessKey);
            select.setString(2, ticket.flowKey);
            select.setString(3, tenant);
            select.setString(4, instanceId);
            select.setMaxRows(1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for instances with the business key '"
                    + ticket.businessKey + "'", e);
        }
    }

    private static boolean isRunning(Connection connection, String instanceId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM ACT_RU_EXECUTION WHERE ID_ = ?")) {
            select.setString(1, instanceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up instance " + instanceId, e);
        }
    }

    /**
     * 23xxx: the key's row was inserted by a start that committed while this one waited. A lock timeout (H2): that
     * start has not committed yet. Either way the key is taken; who holds it is read after this transaction rolled
     * back ({@link #holder(String, String, String)}), since PostgreSQL reads nothing more in a failed transaction.
     */
    private static RuntimeException refusedOr(SQLException e, StartTicket ticket) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("23") || state.equals(H2_LOCK_TIMEOUT))) {
            return new BusinessKeyInUse(ticket.flowKey, ticket.businessKey, ticket.tenantId, null);
        }
        return new IllegalStateException("cannot claim the business key '" + ticket.businessKey + "'", e);
    }

    private static String scope(String tenantId) {
        return tenantId == null ? "" : tenantId;
    }
}
