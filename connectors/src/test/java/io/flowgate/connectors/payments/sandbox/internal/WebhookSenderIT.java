package io.flowgate.connectors.payments.sandbox.internal;

import io.flowgate.connectors.signing.StandardWebhooksSigner;

import io.flowgate.connectors.payments.WebhookReceiver;
import io.flowgate.connectors.payments.WebhookReceiver.Call;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery and retries against a real loopback receiver, with short pauses. */
class WebhookSenderIT {

    private static final StandardWebhooksSigner SIGNER =
            new StandardWebhooksSigner(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static byte[] event(String orderRef) {
        return ("{\"type\":\"payment.succeeded\",\"data\":{\"orderRef\":\"" + orderRef + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             WebhookSender sender = new WebhookSender(receiver.uri(), SIGNER, Clock.systemUTC(),
                     List.of(Duration.ofMillis(20), Duration.ofMillis(20)))) {
            receiver.failNext("o-1", 10);

            String id = sender.send(event("o-1"));

            receiver.awaitCalls("o-1", 3, WAIT);
            pause(Duration.ofMillis(300));
            assertThat(receiver.callsFor("o-1")).hasSize(3).allSatisfy(call -> {
                assertThat(call.answered()).isEqualTo(500);
                assertThat(call.header("webhook-id")).isEqualTo(id);
                assertThat(SIGNER.verify(id, Long.parseLong(call.header("webhook-timestamp")), call.body(),
                        call.header("webhook-signature"))).isTrue();
            });
        }
    }

    @Test
    void retriesWhenTheReceiverCannotBeReachedYet() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/hooks/payments");
        try (WebhookSender sender = new WebhookSender(url, SIGNER, Clock.systemUTC(),
                List.of(Duration.ofMillis(600)))) {
            long sent = System.nanoTime();
            String id = sender.send(event("o-2"));
            // the first attempt finds nobody listening (refused at once on loopback); the retry finds the receiver
            pause(Duration.ofMillis(200));
            try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
                List<Call> calls = receiver.awaitCalls("o-2", 1, WAIT);

                assertThat(calls).singleElement().satisfies(call -> {
                    assertThat(call.header("webhook-id")).isEqualTo(id);
                    assertThat(call.answered()).isEqualTo(204);
                });
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            }
        }
    }

    @Test
    void dropsWaitingRetriesWhenClosed() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.failNext("o-3", 10);
            WebhookSender sender = new WebhookSender(receiver.uri(), SIGNER, Clock.systemUTC(),
                    List.of(Duration.ofMillis(300)));
            sender.send(event("o-3"));
            receiver.awaitCalls("o-3", 1, WAIT);

            sender.close();

            pause(Duration.ofMillis(600));
            assertThat(receiver.callsFor("o-3")).hasSize(1);
            assertThat(sender.send(event("o-3"))).as("sending after close is a no-op").startsWith("msg_");
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
