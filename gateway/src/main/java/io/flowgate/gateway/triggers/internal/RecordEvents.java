package io.flowgate.gateway.triggers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.triggers.TriggerEvent;
import io.flowgate.gateway.pipeline.WellFormedUtf8;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Kafka record as a trigger's templates read it: the value parsed as JSON, key and headers as UTF-8 text. */
final class RecordEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record cannot be read at all; trying it again cannot help. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private RecordEvents() {
    }

    static TriggerEvent read(ConsumerRecord<byte[], byte[]> record, String messageId) throws Unreadable {
        return new TriggerEvent(messageId, record.topic(), record.partition(), record.offset(),
                record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null, text(record.key()),
                value(record.value()), headers(record));
    }

    private static JsonNode value(byte[] bytes) throws Unreadable {
        if (bytes == null || bytes.length == 0) {
            throw new Unreadable("the record has no value" + (bytes == null ? " (a tombstone)" : ""));
        }
        // Jackson would decode overlong forms (C0 AF as '/'), as for request bodies
        int malformed = WellFormedUtf8.firstMalformed(bytes);
        if (malformed >= 0) {
            throw new Unreadable("the record value is not well-formed UTF-8 at byte " + malformed);
        }
        try {
            JsonNode value = JSON.readTree(bytes);
            if (value == null || value.isMissingNode()) {
                throw new Unreadable("the record value is blank, not JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new Unreadable("the record value is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable("the record value cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : text(header.value()));
        }
        return headers;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
