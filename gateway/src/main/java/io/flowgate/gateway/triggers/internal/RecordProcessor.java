package io.flowgate.gateway.triggers.internal;

import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.triggers.EventMappingFailed;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.contracts.triggers.MappedEvent;
import io.flowgate.contracts.triggers.TriggerEvent;
import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.FlowError;
import io.flowgate.engine.FlowException;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.FlowSuspended;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.MessageReceipt;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.triggers.TriggerSettings;
import io.flowgate.gateway.triggers.internal.DeadLetter.Reason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * One record through its trigger: message id → JSON → mapping → the engine's exactly-once start or correlation,
 * tried up to {@code attempts} times with a doubling backoff. A record that cannot be read or mapped, or that the
 * flow refuses every time, goes to the dead-letter topic; either way it is then done and may be committed.
 */
final class RecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

    /** What the consumer does with the record's offset. */
    enum Result {
        /** The engine transaction (or the dead letter) is committed: commit the offset. */
        DONE,
        /** The database or the dead-letter topic cannot be reached: read the record again after a pause. */
        RETRY_LATER,
        /** The consumer is stopping: leave the record uncommitted for whoever reads the partition next. */
        STOPPED
    }

    /** A wait the consumer cuts short when it stops. */
    interface Pause {
        /** @return false when the consumer is stopping */
        boolean sleep(Duration duration);
    }

    private final WorkflowEngine engine;
    private final TriggerSettings settings;
    private final DeadLetters deadLetters;
    private final TriggerCounters counters;

    RecordProcessor(WorkflowEngine engine, TriggerSettings settings, DeadLetters deadLetters,
                    TriggerCounters counters) {
        this.engine = engine;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    Result process(ConsumerRecord<byte[], byte[]> record, FlowTrigger trigger, Pause pause) {
        Delivery delivery = new Delivery(record, trigger, MessageIds.of(record));
        TriggerEvent event;
        MappedEvent mapped;
        try {
            event = RecordEvents.read(record, delivery.messageId());
            mapped = trigger.map(event);
        } catch (RecordEvents.Unreadable e) {
            return deadLetter(delivery, new DeadLetter(Reason.UNPARSEABLE, e.getMessage(), null, 1, null));
        } catch (EventMappingFailed e) {
            return deadLetter(delivery, new DeadLetter(Reason.MAPPING_FAILED, e.getMessage(), null, 1, null));
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.getAttempts(); attempt++) {
            try {
                return settled(delivery, run(delivery, mapped));
            } catch (RuntimeException failure) {
                if (Outages.isOutage(failure)) {
                    LOG.warn("{}: the database cannot be reached ({}); record {} will be read again",
                            trigger.label(), failure.toString(), delivery.where());
                    return Result.RETRY_LATER;
                }
                if (failure instanceof FlowSuspended suspended) {
                    // a suspended flow is "not now", not "never": its records wait in Kafka until it is activated
                    LOG.warn("{}: {}; record {} will be read again", trigger.label(), suspended.getMessage(),
                            delivery.where());
                    return Result.RETRY_LATER;
                }
                last = failure;
                LOG.info("{}: try {} of {} for record {} failed: {}", trigger.label(), attempt,
                        settings.getAttempts(), delivery.where(), failure.getMessage());
                if (attempt < settings.getAttempts() && !pause.sleep(settings.backoffAfter(attempt))) {
                    return Result.STOPPED;
                }
            }
        }
        String code = last instanceof FlowException flow ? flow.code() : last.getClass().getSimpleName();
        return deadLetter(delivery, new DeadLetter(Reason.FLOW_REFUSED, String.valueOf(last.getMessage()), code,
                settings.getAttempts(), null));
    }

    private MessageReceipt run(Delivery delivery, MappedEvent mapped) {
        FlowTrigger trigger = delivery.trigger();
        ReceivedMessage message = MessageIds.received(trigger.kafka().group(), delivery.record().topic(),
                delivery.messageId());
        // the trigger's tenant is the contract's word (fixed, or the instance's), never a value of the record
        String tenant = trigger.tenant().tenant();
        if (trigger.action() == FlowAction.CORRELATE) {
            return engine.correlateOnce(message, trigger.tenant().kind() == TenantSource.Kind.INSTANCE
                    ? CorrelateRequest.inTenantOfInstance(trigger.flowId(), trigger.message(), mapped.businessKey(),
                            mapped.variables())
                    : new CorrelateRequest(trigger.flowId(), trigger.message(), mapped.businessKey(),
                            mapped.variables(), tenant));
        }
        // the initiator names where the start came from (and can never be a user, for separation of duties)
        return engine.startOnce(message, new StartRequest(trigger.flowId(), mapped.businessKey(), mapped.variables(),
                tenant, "kafka:" + delivery.record().topic()));
    }

    private Result settled(Delivery delivery, MessageReceipt receipt) {
        FlowTrigger trigger = delivery.trigger();
        if (receipt.duplicate()) {
            counters.duplicate(trigger.kafka());
            LOG.info("{}: message {} (record {}) was processed before (instance {}); nothing ran", trigger.label(),
                    delivery.messageId(), delivery.where(), receipt.instanceId());
            return Result.DONE;
        }
        counters.processed(trigger.kafka());
        Optional<FlowError> error = receipt.instance().filter(i -> i.state() == InstanceState.ERROR)
                .flatMap(FlowInstance::error);
        if (error.isPresent()) {
            String detail = "the flow ended in the BPMN error " + error.get().code()
                    + (error.get().message() == null ? "" : ": " + error.get().message());
            return deadLetter(delivery, new DeadLetter(Reason.FLOW_ERROR, detail, error.get().code(), 1,
                    receipt.instanceId()));
        }
        LOG.debug("{}: message {} → instance {}", trigger.label(), delivery.messageId(), receipt.instanceId());
        return Result.DONE;
    }

    private Result deadLetter(Delivery delivery, DeadLetter letter) {
        FlowTrigger trigger = delivery.trigger();
        String topic = settings.deadLetterTopic(delivery.record().topic());
        try {
            deadLetters.send(topic, delivery.record(), trigger.kafka().group(), delivery.messageId(), trigger, letter);
        } catch (RuntimeException e) {
            LOG.error("{}: record {} could not be sent to {} ({}); it will be read again", trigger.label(),
                    delivery.where(), topic, e.getMessage());
            return Result.RETRY_LATER;
        }
        counters.deadLettered(trigger.kafka());
        LOG.warn("{}: record {} (message {}) sent to {}: {} — {}", trigger.label(), delivery.where(),
                delivery.messageId(), topic, letter.reason().value(), letter.detail());
        return Result.DONE;
    }

    /** The record being processed. */
    private record Delivery(ConsumerRecord<byte[], byte[]> record, FlowTrigger trigger, String messageId) {
        String where() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }
}
