package io.flowgate.contracts.triggers;

/**
 * Where a trigger's records come from: {@code x-flow-triggers[i].kafka}.
 *
 * @param topic the topic read
 * @param group the consumer group that reads it; each group gets every record once
 */
public record KafkaSource(String topic, String group) {

    /** The group used when a trigger names none. */
    public static final String DEFAULT_GROUP = "flowgate";
}
