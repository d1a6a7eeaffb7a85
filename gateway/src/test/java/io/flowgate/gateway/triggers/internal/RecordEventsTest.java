package io.flowgate.gateway.triggers.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Kafka record's value is strict UTF-8 JSON, as a request body is: an overlong '/' is a poison record. */
class RecordEventsTest {

    @Test
    void refusesAValueWithOverlongUtf8InsteadOfDecodingIt() {
        byte[] value = HexFormat.of().parseHex("7b22736b75223a2261c0af62227d"); // {"sku":"a<C0 AF>b"}

        assertThatThrownBy(() -> RecordEvents.read(record(value), "m-1"))
                .isInstanceOf(RecordEvents.Unreadable.class)
                .hasMessageContaining("not well-formed UTF-8 at byte 9");
    }

    @Test
    void readsAWellFormedValue() throws Exception {
        byte[] value = "{\"sku\":\"café\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(RecordEvents.read(record(value), "m-2").value().path("sku").asText()).isEqualTo("café");
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("topic", 0, 0, "k".getBytes(StandardCharsets.UTF_8), value);
    }
}
