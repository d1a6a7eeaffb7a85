package io.flowgate.connectors.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.payments.WebhookReceiver.Call;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.flowgate.connectors.payments.PaymentsFixture.orderRef;
import static io.flowgate.connectors.payments.WebhookReceiver.pause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sandbox confirms pending payments later, like a real provider: it settles them on its own after the settle
 * delay (or when settled by hand) and tells a real loopback receiver by a Standard Webhooks callback.
 */
class SandboxWebhooksIT {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration SETTLE_DELAY = Duration.ofMillis(300);
    /** Longer than the delay plus a first retry would take: what has not come by then will not come. */
    private static final Duration QUIET = Duration.ofMillis(1200);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebhookReceiver receiver;
    private static PaymentsFixture payments;
    private static final Map<String, String> ledgerStatusWhenCalled = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        PaymentSettings settings = PaymentsFixture.settings();
        settings.setSandboxWebhookUrl(receiver.uri().toString());
        settings.setSandboxWebhookSecret(SECRET);
        settings.setSandboxSettleDelay(SETTLE_DELAY);
        payments = new PaymentsFixture(settings);
        receiver.whenCalled(call -> ledgerStatusWhenCalled.putIfAbsent(call.header("webhook-id"),
                payments.sandbox.ledger().paymentsFor(call.orderRef()).get(0).status()));
    }

    @AfterAll
    static void stop() {
        payments.close();
        receiver.close();
    }

    @Test
    void settlesAPendingPaymentAfterTheDelayAndCallsBackOnceWithASignedSucceededEvent() {
        String order = orderRef();
        long charged = System.nanoTime();

        PaymentResult pending = payments.sale(order, "9.00", "pending", "k-" + order);

        assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
        List<Call> calls = receiver.awaitCalls(order, 1, WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - charged)).isGreaterThanOrEqualTo(SETTLE_DELAY);
        pause(QUIET);
        assertThat(receiver.callsFor(order)).as("exactly one callback").hasSize(1);
        Call call = calls.get(0);
        assertSignedWithTheSecret(call);
        assertThat(call.header("content-type")).isEqualTo("application/json");
        JsonNode event = call.json();
        assertThat(event.path("type").asText()).isEqualTo("payment.succeeded");
        assertThat(Instant.parse(event.path("timestamp").asText()))
                .isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));
        JsonNode data = event.path("data");
        assertThat(data.path("paymentId").asText()).isEqualTo(pending.paymentId());
        assertThat(data.path("orderRef").asText()).isEqualTo(order);
        assertThat(data.path("amount").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(data.path("currency").asText()).isEqualTo("EUR");
        assertThat(data.path("status").asText()).isEqualTo("APPROVED");
        assertThat(data.has("reason")).isFalse();
        assertThat(ledgerStatusWhenCalled.get(call.header("webhook-id")))
                .as("the ledger changed before the callback was sent").isEqualTo(LedgerEntry.CAPTURED);
        assertThat(payments.provider.find(pending.paymentId())).get()
                .extracting(PaymentResult::status).isEqualTo(PaymentStatus.APPROVED);
    }

    @Test
    void failsAPendingDeclinePaymentAfterTheDelayAndCallsBackWithAFailedEvent() {
        String order = orderRef();

        PaymentResult pending = payments.sale(order, "12.00", "pending-decline", "k-" + order);

        assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
        Call call = receiver.awaitCalls(order, 1, WAIT).get(0);
        assertSignedWithTheSecret(call);
        assertThat(call.json().path("type").asText()).isEqualTo("payment.failed");
        JsonNode data = call.json().path("data");
        assertThat(data.path("paymentId").asText()).isEqualTo(pending.paymentId());
        assertThat(data.path("status").asText()).isEqualTo("DECLINED");
        assertThat(data.path("reason").asText()).contains("pending-decline");
        assertThat(payments.sandbox.ledger().payment(pending.paymentId())).get()
                .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.FAILED);
        assertThat(ledgerStatusWhenCalled.get(call.header("webhook-id"))).isEqualTo(LedgerEntry.FAILED);
    }

    @Test
    void retriesAFailingReceiverWithTheSameWebhookIdUntilItAnswers() {
        String order = orderRef();
        receiver.failNext(order, 2);

        payments.sale(order, "15.00", "pending", "k-" + order);

        List<Call> calls = receiver.awaitCalls(order, 3, WAIT);
        pause(QUIET);
        assertThat(receiver.callsFor(order)).extracting(Call::answered).containsExactly(500, 500, 204);
        assertThat(calls).extracting(c -> c.header("webhook-id")).containsOnly(calls.get(0).header("webhook-id"));
        assertThat(calls).extracting(c -> new String(c.body(), StandardCharsets.UTF_8))
                .containsOnly(new String(calls.get(0).body(), StandardCharsets.UTF_8));
        calls.forEach(SandboxWebhooksIT::assertSignedWithTheSecret);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).as("backs off")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).as("longer each time")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void keepsAPendingManualPaymentUntilItIsSettledThroughTheSettlementEndpoint() throws Exception {
        String order = orderRef();
        PaymentResult pending = payments.sale(order, "20.00", "pending-manual", "k-" + order);
        pause(SETTLE_DELAY.plus(QUIET));
        assertThat(receiver.callsFor(order)).isEmpty();
        assertThat(payments.provider.find(pending.paymentId())).get()
                .extracting(PaymentResult::status).isEqualTo(PaymentStatus.PENDING);

        HttpResponse<String> settled = settle(pending.paymentId(), "{\"approved\": false}");

        assertThat(settled.statusCode()).isEqualTo(200);
        JsonNode payment = JSON.readTree(settled.body());
        assertThat(payment.path("paymentId").asText()).isEqualTo(pending.paymentId());
        assertThat(payment.path("status").asText()).isEqualTo("DECLINED");
        Call call = receiver.awaitCalls(order, 1, WAIT).get(0);
        assertSignedWithTheSecret(call);
        assertThat(call.json().path("type").asText()).isEqualTo("payment.failed");
        assertThat(call.json().path("data").path("reason").asText()).isEqualTo("payment failed (sandbox)");
    }

    @Test
    void answersTheSettlementEndpointWithAnErrorForAPaymentThatCannotBeSettled() throws Exception {
        String order = orderRef();
        PaymentResult approved = payments.sale(order, "5.00", "tok_visa", "k-" + order);

        HttpResponse<String> notPending = settle(approved.paymentId(), "{\"approved\": true}");
        HttpResponse<String> unknown = settle("pay_unknown", "{\"approved\": true}");
        HttpResponse<String> noDecision = settle(approved.paymentId(), "{\"approved\": \"yes\"}");

        assertThat(notPending.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(notPending.body()).path("error").asText()).isEqualTo("payment_not_pending");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(noDecision.statusCode()).isEqualTo(400);
        pause(QUIET);
        assertThat(receiver.callsFor(order)).isEmpty();
    }

    @Test
    void sendsNoCallbackForAPendingPaymentCancelledBeforeItSettled() {
        String order = orderRef();
        PaymentResult pending = payments.sale(order, "9.00", "pending", "k-" + order);

        CancelResult cancelled = payments.provider.cancel(new CancelRequest("k-" + order, null), "c-" + order);

        assertThat(cancelled.status()).isEqualTo(CancelStatus.VOIDED);
        pause(SETTLE_DELAY.plus(QUIET));
        assertThat(receiver.callsFor(order)).isEmpty();
        assertThat(payments.sandbox.ledger().payment(pending.paymentId())).get()
                .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.VOIDED);
    }

    @Test
    void settlesWithoutCallingBackWhenNoWebhookUrlIsConfigured() {
        PaymentSettings settings = PaymentsFixture.settings();
        settings.setSandboxSettleDelay(SETTLE_DELAY);
        try (PaymentsFixture quiet = new PaymentsFixture(settings)) {
            String order = orderRef();
            String manual = orderRef();
            PaymentResult pending = quiet.sale(order, "9.00", "pending", "k-" + order);
            PaymentResult byHand = quiet.sale(manual, "9.00", "pending-manual", "k-" + manual);

            pause(SETTLE_DELAY.plus(QUIET));

            assertThat(quiet.provider.find(pending.paymentId())).get()
                    .extracting(PaymentResult::status).isEqualTo(PaymentStatus.APPROVED);
            assertThat(quiet.sandbox.settle(byHand.paymentId(), true)).isTrue();
            assertThat(receiver.callsFor(order)).isEmpty();
            assertThat(receiver.callsFor(manual)).isEmpty();
        }
    }

    private static HttpResponse<String> settle(String paymentId, String body) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(payments.sandbox.baseUri() + "/payments/" + paymentId
                        + "/settlement"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Checks the Standard Webhooks signature with nothing but the JDK, not with the sandbox's own signer. */
    private static void assertSignedWithTheSecret(Call call) {
        String id = call.header("webhook-id");
        long timestamp = Long.parseLong(call.header("webhook-timestamp"));
        assertThat(id).startsWith("msg_");
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(30L));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = (id + "." + timestamp + "." + new String(call.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
            assertThat(call.header("webhook-signature")).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
