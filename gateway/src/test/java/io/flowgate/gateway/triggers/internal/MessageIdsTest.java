package io.flowgate.gateway.triggers.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    private static ConsumerRecord<byte[], byte[]> record(String... headers) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("stock.external", 2, 41L, null, new byte[0]);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(new RecordHeader(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    @Test
    void prefersFlowgatesOwnEventId() {
        assertThat(MessageIds.of(record("ce_id", "ce-1", "flowgate-event-id", "fg-1"))).isEqualTo("fg-1");
    }

    @Test
    void takesTheCloudEventsIdOtherwise() {
        assertThat(MessageIds.of(record("ce_id", " ce-1 "))).isEqualTo("ce-1");
    }

    @Test
    void fallsBackToTheRecordsPositionWithoutAnIdHeader() {
        assertThat(MessageIds.of(record("flowgate-event-id", "  "))).isEqualTo("stock.external-2-41");
    }

    @Test
    void takesTheLastValueOfARepeatedHeader() {
        assertThat(MessageIds.of(record("flowgate-event-id", "a", "flowgate-event-id", "b"))).isEqualTo("b");
    }

    @Test
    void hashesIdsLongerThanTheEngineKeeps() {
        String id = MessageIds.of(record("flowgate-event-id", "x".repeat(300)));

        assertThat(id).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(MessageIds.of(record("flowgate-event-id", "x".repeat(300)))).isEqualTo(id);
    }

    @Test
    void scopesIdsByGroupAndTopic() {
        assertThat(MessageIds.received("flowgate", "stock.external", "fg-1").scope())
                .isEqualTo("kafka:flowgate:stock.external");
    }
}
