package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment the provider settles later, end to end: the order flow waits for {@code PaymentSettled}; the sandbox
 * provider settles the charge and calls {@code POST /payment-callbacks} back over HTTP, signed per Standard Webhooks;
 * the gateway verifies the signature and correlates the message to the order by its id (the flow's business key).
 * The customer has no tenant and orders in a store without tenant, made for these tests; an order of a tenant's
 * customer waits in its tenant, which a callback reaches only as the webhooks' tenant resolution allows.
 */
class PaymentCallbacksIT {

    private static final String SECRET = secret();
    /** A store without tenant, so the tenantless customer's flows can order there. */
    private static final String KIOSK = "kiosk";

    private static GatewayServer gateway;
    private static GatewayServer customer;
    private static Restaurant shop;
    private static URI base;

    @BeforeAll
    static void start() throws IOException, SQLException {
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        gateway = GatewayServer.start(Map.of("micronaut.server.port", port,
                "flowgate.payments.sandbox-webhook-url", base + "/payment-callbacks",
                "flowgate.payments.sandbox-webhook-secret", SECRET,
                "flowgate.payments.sandbox-settle-delay", "1s"));
        Path secretFile = Files.createTempFile("payment-callbacks", ".secret");
        Files.writeString(secretFile, SECRET);
        String callbacks = GatewayServer.resource("/examples/restaurant/payment-callbacks.yaml");
        assertThat(callbacks).contains("secret: env:FLOWGATE_PAYMENTS_WEBHOOK_SECRET");
        Reply published = gateway.post("/admin/contracts", "application/yaml",
                callbacks.replace("env:FLOWGATE_PAYMENTS_WEBHOOK_SECRET", "file:" + secretFile));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(gateway.deployFlow("late-payment.bpmn").status()).isEqualTo(201);
        Reply late = gateway.post("/admin/contracts", "application/yaml",
                GatewayServer.resource("late-payment.yaml").replace("SECRET_REF", "file:" + secretFile));
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        customer = gateway.as(gateway.createUser("ada", null, "customer"));
        shop = new Restaurant(gateway.context().getBean(DataSource.class));
        shop.openStore(KIOSK, null);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aPendingPaymentIsPaidWhenTheProvidersSignedCallbackArrives() throws Exception {
        Reply placed = customer.postJson("/orders", Restaurant.order(KIOSK, "pending",
                "{\"sku\":\"soda\",\"qty\":1}"));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().path("state").asText()).as("waiting for the provider").isEqualTo("PAYING");
        JsonNode ended = gateway.awaitEnded(placed.header("Flowgate-Instance"), Duration.ofSeconds(30));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        String orderId = placed.json().path("orderId").asText();
        assertThat(shop.orderState(orderId)).isEqualTo("PAID");
        assertThat(shop.ledger(orderId)).extracting(Map.Entry::getKey).containsExactly("CAPTURED");
    }

    @Test
    void aPaymentTheProviderFailsLaterCancelsTheOrderAndReleasesItsStock() throws Exception {
        Restaurant.Stock before = shop.stock(KIOSK, "burger");

        Reply placed = customer.postJson("/orders", Restaurant.order(KIOSK, "pending-decline",
                "{\"sku\":\"burger\",\"qty\":2}"));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode ended = gateway.awaitEnded(placed.header("Flowgate-Instance"), Duration.ofSeconds(30));
        assertThat(ended.path("error").path("code").asText()).as(ended.toString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(shop.stateOf(placed)).isEqualTo("CANCELLED");
        assertThat(shop.stock(KIOSK, "burger")).isEqualTo(before);
    }

    @Test
    void aForgedCallbackIsRefusedAndMovesNothing() throws Exception {
        Reply placed = customer.postJson("/orders", Restaurant.order(KIOSK, "pending-manual",
                "{\"sku\":\"fries\",\"qty\":1}"));
        String orderId = placed.json().path("orderId").asText();

        Reply forged = callback("/payment-callbacks", "msg_" + UUID.randomUUID(), settled(orderId, "APPROVED"),
                "whsec_" + Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        Thread.sleep(1_000);
        assertThat(shop.orderState(orderId)).isEqualTo("PAYING");
    }

    @Test
    void aReplayedCallbackIsAnsweredWithTheFirstOutcomeAndMovesNothingAgain() throws Exception {
        Reply placed = customer.postJson("/orders", Restaurant.order(KIOSK, "pending-manual",
                "{\"sku\":\"fries\",\"qty\":1}"));
        String orderId = placed.json().path("orderId").asText();
        String deliveryId = "msg_" + UUID.randomUUID();

        Reply first = callback("/payment-callbacks", deliveryId, settled(orderId, "APPROVED"), SECRET);
        Reply replay = callback("/payment-callbacks", deliveryId, settled(orderId, "APPROVED"), SECRET);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        JsonNode ended = gateway.awaitEnded(placed.header("Flowgate-Instance"), Duration.ofSeconds(30));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        assertThat(shop.orderState(orderId)).isEqualTo("PAID");
    }

    @Test
    void aCallbackThatArrivesBeforeTheFlowWaitsIsKeptAndDeliveredWhenItDoes() throws Exception {
        String orderId = "late-" + UUID.randomUUID();

        Reply early = callback("/late-callbacks", "msg_" + UUID.randomUUID(), settled(orderId, "APPROVED"), SECRET);
        assertThat(early.status()).as(early.toString()).isEqualTo(202);
        assertThat(early.json().path("state").asText()).isEqualTo("BUFFERED");

        Reply started = gateway.postJson("/late-orders", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(gateway.post("/late-orders/" + orderId + "/packed", "application/json", "").status())
                .isEqualTo(202);

        JsonNode ended = gateway.awaitEnded(started.header("Flowgate-Instance"), Duration.ofSeconds(30));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String settled(String orderId, String status) {
        return "{\"type\":\"payment.succeeded\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"paymentId\":"
                + "\"pay_test\",\"orderRef\":\"" + orderId + "\",\"amount\":3.5,\"currency\":\"USD\",\"status\":\""
                + status + "\"}}";
    }

    /** POSTs a callback signed the Standard Webhooks way with {@code secret}, as a provider would (no token). */
    private static Reply callback(String path, String id, String body, String secret) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return gateway.anonymous().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + sign(secret, id + "." + timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
