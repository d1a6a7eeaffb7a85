package io.flowgate.engine.internal;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.engine.TestEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An engine event commits with the command that writes it and vanishes with it, also for a command that wrote
 * nothing else (MyBatis alone would not roll such a session back).
 */
class EngineOutboxTest {

    private final CamundaWorkflowEngine engine = TestEngines.shared();
    private final ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) engine.processEngine().getProcessEngineConfiguration();
    private final Outbox outbox = new Outbox(configuration.getDataSource());

    @Test
    void anEventCommitsWithItsCommand() {
        String subject = TestEngines.uniqueKey();

        run(context -> {
            EngineOutbox.append(OutboxEvent.of("instance.started", "downtown", subject, Map.of()));
            return null;
        });

        assertThat(about(subject)).hasSize(1);
    }

    @Test
    void anEventOfACommandThatFailsIsRolledBack() {
        String subject = TestEngines.uniqueKey();

        assertThatThrownBy(() -> run(context -> {
            EngineOutbox.append(OutboxEvent.of("instance.started", "downtown", subject, Map.of()));
            throw new IllegalStateException("the command fails after the event");
        })).hasMessageContaining("the command fails");

        assertThat(about(subject)).isEmpty();
    }

    @Test
    void refusesToWriteOutsideAnEngineCommand() {
        assertThatThrownBy(() -> EngineOutbox.append(OutboxEvent.of("task.created", null, "t", Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside an engine command");
    }

    private void run(Command<Void> command) {
        configuration.getCommandExecutorTxRequired().execute(command);
    }

    private List<OutboxEvent> about(String subject) {
        return outbox.after(0, 1_000_000).stream().map(StoredEvent::event)
                .filter(event -> event.subject().equals(subject)).toList();
    }
}
