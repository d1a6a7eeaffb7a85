package io.flowgate.gateway.triggers;

/**
 * One {@code x-flow-triggers} entry as this node runs it ({@code GET /admin/triggers}).
 *
 * @param contract        contract name
 * @param location        e.g. {@code x-flow-triggers[0]}
 * @param topic           topic read
 * @param group           consumer group
 * @param flow            flow started or advanced
 * @param action          {@code start} or {@code correlate}
 * @param message         message name (correlate), may be null
 * @param active          true while a consumer reads the topic for it
 * @param reason          why it is inactive, null when active
 * @param deadLetterTopic where records it cannot process go
 * @param counts          what this node did with its records since start-up
 */
public record TriggerStatus(String contract, String location, String topic, String group, String flow,
                            String action, String message, boolean active, String reason, String deadLetterTopic,
                            Counts counts) {

    /**
     * @param processed    records that started or advanced an instance
     * @param duplicates   records whose message id had been processed before (nothing ran)
     * @param deadLettered records sent to the dead-letter topic
     */
    public record Counts(long processed, long duplicates, long deadLettered) {
    }
}
