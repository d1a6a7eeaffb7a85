package io.flowgate.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.engine.AmbiguousMatch;
import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.PendingMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Messages that arrived before their instance waited ({@code flow_pending_messages}), and the loop that delivers
 * them. Every node runs the loop; a message is delivered at most once because the row is deleted in the same engine
 * transaction as the correlation: of two nodes racing, one deletes nothing and backs off, and a correlation that
 * fails rolls the delete back, so the message stays for the next round.
 */
final class PendingMessages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMessages.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
    };
    /** How often waiting messages are tried: a callback that outran its flow waits about this long. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** The longest a message may be kept. */
    static final Duration MAX_KEEP = Duration.ofDays(7);
    private static final int BATCH = 200;

    private final DataSource dataSource;
    private final ProcessEngine engine;
    private final VariableCodec codec;
    private final Clock clock;
    private final ScheduledExecutorService loop;

    PendingMessages(DataSource dataSource, ProcessEngine engine, VariableCodec codec, Clock clock) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.codec = codec;
        this.clock = clock;
        ModuleSchema.migrate(dataSource, "messages");
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "flowgate-pending-messages");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        loop.scheduleWithFixedDelay(this::deliverSafely, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * @throws AmbiguousMatch when the message takes the tenant of its instance and the flow's instances with its
     *                        business key belong to several tenants: it could never be delivered
     */
    PendingMessage buffer(CorrelateRequest request, Duration keepFor) {
        if (request.flowKey() == null || blank(request.messageName()) || blank(request.businessKey())) {
            throw new InvalidVariables("a flow key, a message name and a business key are required to keep a "
                    + "message for later");
        }
        if (keepFor.isNegative() || keepFor.isZero() || keepFor.compareTo(MAX_KEEP) > 0) {
            throw new IllegalArgumentException("a message is kept for more than 0 and at most " + MAX_KEEP);
        }
        // an instance that exists but does not wait yet fixes the tenant now; none yet: resolved on delivery
        CorrelateRequest scoped = InstanceTenant.resolve(engine.getHistoryService(), request).orElse(request);
        Instant now = clock.instant();
        PendingMessage message = new PendingMessage(UUID.randomUUID().toString(), scoped.flowKey(),
                scoped.messageName(), scoped.businessKey(), scoped.tenantId(), scoped.tenantOfInstance(),
                now.plus(keepFor));
        String variables = json(scoped.variables());
        Jdbc.inTransaction(dataSource, "cannot keep the message", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO flow_pending_messages (id, flow_key, "
                    + "message_name, business_key, tenant_id, tenant_of_instance, variables, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, message.id());
                insert.setString(2, message.flowKey());
                insert.setString(3, message.messageName());
                insert.setString(4, message.businessKey());
                insert.setString(5, message.tenantId());
                insert.setBoolean(6, message.tenantOfInstance());
                insert.setString(7, variables);
                insert.setLong(8, now.toEpochMilli());
                insert.setLong(9, message.expiresAt().toEpochMilli());
                return insert.executeUpdate();
            }
        });
        // say exactly what was looked at: "no instance waits" alone once hid a message kept for the wrong tenant
        LOG.info("Kept message '{}' for flow '{}' with business key '{}' ({}) until {}: {}", message.messageName(),
                message.flowKey(), message.businessKey(), scoped.tenantScope(), message.expiresAt(),
                scoped.tenantOfInstance() ? "no instance with that business key existed yet"
                        : "no instance of that tenant waited for it when it arrived");
        warnIfWaitingElsewhere(scoped);
        return message;
    }

    /**
     * A message for one tenant that an instance of another tenant (or without tenant) waits for is never delivered
     * to it — which an operator should hear about: the sender's tenant is most likely configured wrongly (see
     * {@code x-webhook} / {@code x-flow-triggers} {@code tenant}). Only the log says so, never the sender.
     */
    private void warnIfWaitingElsewhere(CorrelateRequest request) {
        if (request.tenantOfInstance()) {
            return;
        }
        long everywhere = engine.getRuntimeService().createExecutionQuery().processDefinitionKey(request.flowKey())
                .messageEventSubscriptionName(request.messageName())
                .processInstanceBusinessKey(request.businessKey()).count();
        long elsewhere = everywhere - CorrelateMessage.waitingQuery(engine.getRuntimeService(), request).count();
        if (elsewhere > 0) {
            LOG.warn("Message '{}' for flow '{}' with business key '{}' is kept for {}, but {} instance(s) of other "
                    + "tenants wait for it; it will not be delivered to them. Check where its sender's tenant comes "
                    + "from (x-webhook / x-flow-triggers: tenant)", request.messageName(), request.flowKey(),
                    request.businessKey(), request.tenantScope(), elsewhere);
        }
    }

    /** One round: drops expired messages, then delivers each one exactly one instance waits for, oldest first. */
    void deliver() {
        long now = clock.millis();
        int expired = Jdbc.inTransaction(dataSource, "cannot drop expired messages", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM flow_pending_messages WHERE expires_at <= ?")) {
                delete.setLong(1, now);
                return delete.executeUpdate();
            }
        });
        if (expired > 0) {
            LOG.warn("Dropped {} kept message(s): no instance waited for them before they expired", expired);
        }
        for (Stored stored : oldest()) {
            try {
                Optional<CorrelateRequest> scoped = InstanceTenant.resolve(engine.getHistoryService(),
                        stored.request());
                List<Execution> waiting = scoped.isEmpty() ? List.of()
                        : CorrelateMessage.waitingQuery(engine.getRuntimeService(), scoped.get()).listPage(0, 2);
                if (waiting.size() == 1) {
                    deliver(stored, waiting.get(0).getProcessInstanceId(), scoped.get().tenantScope());
                }
            } catch (RuntimeException e) {
                // AmbiguousMatch included: instances of several tenants carry the key; the message stays, never
                // delivered to either, and expires
                // the instance moved on meanwhile, a node raced us: the message stays for the next round
                LOG.debug("Kept message {} not delivered this round: {}", stored.id(), e.toString());
            }
        }
    }

    private void deliver(Stored stored, String instanceId, String tenantScope) {
        Map<String, Object> variables = codec.toEngine(stored.request().variables());
        Command<Boolean> deliverOnce = commandContext -> {
            try (PreparedStatement delete = CommandConnection.of(commandContext, "taking a kept message")
                    .prepareStatement(
                    "DELETE FROM flow_pending_messages WHERE id = ?")) {
                delete.setString(1, stored.id());
                if (delete.executeUpdate() == 0) {
                    return false; // another node delivered it
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot take the kept message " + stored.id(), e);
            }
            commandContext.getProcessEngineConfiguration().getRuntimeService()
                    .createMessageCorrelation(stored.request().messageName()).processInstanceId(instanceId)
                    .setVariables(variables).correlateWithResult();
            return true;
        };
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (Boolean.TRUE.equals(configuration.getCommandExecutorTxRequired().execute(deliverOnce))) {
            LOG.info("Delivered kept message '{}' to instance {} ({})", stored.request().messageName(), instanceId,
                    tenantScope);
        }
    }

    private record Stored(String id, CorrelateRequest request) {
    }

    private List<Stored> oldest() {
        return Jdbc.read(dataSource, "cannot read kept messages", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, flow_key, message_name, business_key, "
                    + "tenant_id, variables, tenant_of_instance FROM flow_pending_messages ORDER BY created_at")) {
                select.setMaxRows(BATCH);
                List<Stored> stored = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.add(new Stored(rs.getString(1), new CorrelateRequest(rs.getString(2),
                                rs.getString(3), rs.getString(4), variables(rs.getString(6)), rs.getString(5),
                                rs.getBoolean(7))));
                    }
                }
                return stored;
            }
        });
    }

    private void deliverSafely() {
        try {
            deliver();
        } catch (RuntimeException e) {
            // a database hiccup: the next round retries
            LOG.warn("Delivering kept messages failed this round: {}", e.toString());
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String json(Map<String, Object> variables) {
        try {
            return JSON.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new InvalidVariables("the message's variables are not JSON-like: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> variables(String json) {
        try {
            return JSON.readValue(json, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable kept message variables", e);
        }
    }
}
