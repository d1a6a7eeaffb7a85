package io.flowgate.contracts.triggers;

/** A trigger's {@code business-key} and {@code variables}, compiled at publish time. */
public interface EventMapping {

    /** @throws EventMappingFailed when the record does not have what the mapping needs */
    MappedEvent map(TriggerEvent event);
}
