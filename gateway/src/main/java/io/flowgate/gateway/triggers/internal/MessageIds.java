package io.flowgate.gateway.triggers.internal;

import io.flowgate.engine.ReceivedMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A record's message id, the key of exactly-once: the header {@code flowgate-event-id} (what Flowgate's own events
 * carry), else the CloudEvents id ({@code ce_id}, Kafka binary mode), else the record's position
 * {@code <topic>-<partition>-<offset>} — which protects against redelivery of that record, not against a producer
 * sending the same event twice.
 */
public final class MessageIds {

    public static final String FLOWGATE_HEADER = "flowgate-event-id";
    public static final String CLOUDEVENTS_HEADER = "ce_id";

    private MessageIds() {
    }

    public static String of(ConsumerRecord<byte[], byte[]> record) {
        String id = header(record, FLOWGATE_HEADER);
        if (id == null) {
            id = header(record, CLOUDEVENTS_HEADER);
        }
        if (id == null) {
            id = record.topic() + "-" + record.partition() + "-" + record.offset();
        }
        return id.length() <= ReceivedMessage.MAX_ID ? id : "sha256:" + sha256(id);
    }

    /** Ids are unique per consumer group and topic: another group reading the same topic processes it again. */
    public static ReceivedMessage received(String group, String topic, String id) {
        return new ReceivedMessage("kafka:" + group + ":" + topic, id);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? null : value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
