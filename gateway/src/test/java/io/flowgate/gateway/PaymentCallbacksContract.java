package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment the provider settles later, end to end: the order flow waits for {@code PaymentSettled}; the sandbox
 * provider settles the charge and calls {@code POST /payment-callbacks} back over HTTP, signed per Standard Webhooks;
 * the gateway verifies the signature and correlates the message to the order by its id (the flow's business key), in
 * the tenant of that order's instance ({@code x-webhook tenant: instance}): the provider serves every tenant.
 * Subclasses start the gateway with {@link #properties()} on a database and hand it to {@link #prepare}.
 */
abstract class PaymentCallbacksContract {

    private static final String SECRET = secret();

    static GatewayServer gateway;
    private static GatewayServer customer;
    private static GatewayServer bistroManager;
    private static GatewayServer dinerManager;
    private static Restaurant shop;
    private static URI base;

    /**
     * The gateway's properties: a fixed port (the sandbox provider must know where to call back before the gateway
     * starts), the provider's callback secret, and a secrets directory holding it for the contracts.
     */
    static Map<String, Object> properties() throws IOException {
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        Path secrets = Files.createTempDirectory("payment-secrets");
        Files.writeString(secrets.resolve("payments"), SECRET);
        return Map.of("micronaut.server.port", port,
                "flowgate.payments.sandbox-webhook-url", base + "/payment-callbacks",
                "flowgate.payments.sandbox-webhook-secret", SECRET,
                "flowgate.payments.sandbox-settle-delay", "1s",
                "flowgate.webhooks.secrets-dir", secrets.toString());
    }

    /** Publishes the example's callbacks and the late-payment fixture on {@code started}, and creates the users. */
    static void prepare(GatewayServer started) {
        gateway = started;
        // the example as shipped, but for where the secret is read (a test cannot set the gateway's environment)
        String callbacks = GatewayServer.resource("/examples/restaurant/payment-callbacks.yaml");
        assertThat(callbacks).contains("secret: env:FLOWGATE_PAYMENTS_WEBHOOK_SECRET").contains("tenant: instance");
        Reply published = gateway.post("/admin/contracts", "application/yaml",
                callbacks.replace("env:FLOWGATE_PAYMENTS_WEBHOOK_SECRET", "file:payments"));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(gateway.deployFlow("late-payment.bpmn").status()).isEqualTo(201);
        Reply late = gateway.post("/admin/contracts", "application/yaml",
                GatewayServer.resource("late-payment.yaml").replace("SECRET_REF", "file:payments"));
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        customer = gateway.as(gateway.createUser("grace", "bistro", "customer"));
        bistroManager = gateway.as(gateway.createUser("bistro-manager", "bistro", "store-manager"));
        dinerManager = gateway.as(gateway.createUser("diner-manager", "diner", "store-manager"));
        shop = new Restaurant(gateway.context().getBean(DataSource.class));
    }

    /** The README tour, step 7, with the payment token "pending": exactly its requests, for its tenant customer. */
    @Test
    void theToursPendingPaymentOfATenantCustomerEndsPaid() throws Exception {
        Reply created = gateway.postJson("/admin/users",
                "{\"username\":\"ada\",\"password\":\"ada-password-123\",\"roles\":[\"customer\"],"
                        + "\"tenant\":\"bistro\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        GatewayServer ada = gateway.as(gateway.login("ada", "ada-password-123"));

        Reply placed = ada.postJson("/orders", "{\"store\":\"downtown\",\"items\":[{\"sku\":\"burger\",\"qty\":2},"
                + "{\"sku\":\"soda\",\"qty\":1}],\"paymentToken\":\"pending\"}");

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().path("state").asText()).isEqualTo("PAYING");
        String orderId = placed.json().path("orderId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode order = ada.get("/me/orders/" + orderId).json();
        while (!"PAID".equals(order.path("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            order = ada.get("/me/orders/" + orderId).json();
        }
        assertThat(order.path("state").asText()).as(order.toString()).isEqualTo("PAID");
        JsonNode ended = gateway.awaitEnded(placed.header("Flowgate-Instance"), Duration.ofSeconds(10));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        assertThat(shop.ledger(orderId)).extracting(Map.Entry::getKey).containsExactly("CAPTURED");
    }

    @Test
    void aPendingPaymentIsPaidWhenTheProvidersSignedCallbackArrives() throws Exception {
        Reply placed = customer.postJson("/orders", Restaurant.order("downtown", "pending",
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
        Restaurant.Stock before = shop.stock("downtown", "burger");

        Reply placed = customer.postJson("/orders", Restaurant.order("downtown", "pending-decline",
                "{\"sku\":\"burger\",\"qty\":2}"));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode ended = gateway.awaitEnded(placed.header("Flowgate-Instance"), Duration.ofSeconds(30));
        assertThat(ended.path("error").path("code").asText()).as(ended.toString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(shop.stateOf(placed)).isEqualTo("CANCELLED");
        assertThat(shop.stock("downtown", "burger")).isEqualTo(before);
    }

    @Test
    void aForgedCallbackIsRefusedAndMovesNothing() throws Exception {
        Reply placed = customer.postJson("/orders", Restaurant.order("downtown", "pending-manual",
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
        Reply placed = customer.postJson("/orders", Restaurant.order("uptown", "pending-manual",
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
    void aCallbackThatArrivesBeforeTheFlowWaitsIsKeptAndDeliveredToItInItsTenant() throws Exception {
        String orderId = "late-" + UUID.randomUUID();

        Reply early = callback("/late-callbacks", "msg_" + UUID.randomUUID(), settled(orderId, "APPROVED"), SECRET);
        assertThat(early.status()).as(early.toString()).isEqualTo(202);
        assertThat(early.json().path("state").asText()).isEqualTo("BUFFERED");

        String instance = lateOrder(bistroManager, orderId);

        JsonNode ended = gateway.awaitEnded(instance, Duration.ofSeconds(30));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        assertThat(gateway.get("/admin/instances/" + instance).json().path("tenantId").asText()).isEqualTo("bistro");
    }

    @Test
    void aKeptCallbackReachesNeitherTenantWhenABistroAndADinerOrderShareItsKey() throws Exception {
        String orderId = "late-" + UUID.randomUUID();
        Reply early = callback("/late-callbacks", "msg_" + UUID.randomUUID(), settled(orderId, "APPROVED"), SECRET);
        assertThat(early.json().path("state").asText()).as(early.toString()).isEqualTo("BUFFERED");

        // both exist before either waits: a kept message could otherwise go to the first one, rightly
        String bistro = startLateOrder(bistroManager, orderId);
        String diner = startLateOrder(dinerManager, orderId);
        pack(bistroManager, orderId);
        pack(dinerManager, orderId);
        Thread.sleep(2_000); // four rounds of the kept messages' delivery

        for (String instance : List.of(bistro, diner)) {
            JsonNode status = gateway.get("/instances/" + instance).json();
            assertThat(status.path("activities").toString()).as(status.toString()).contains("waitForPayment");
            assertThat(status.path("state").asText()).isEqualTo("WAITING");
        }
    }

    @Test
    void aCallbackForABistroOrderNeverSettlesADinerInstanceWithTheSameKey() throws Exception {
        String orderId = "late-" + UUID.randomUUID();
        String bistro = lateOrder(bistroManager, orderId);
        Reply paid = callback("/late-callbacks", "msg_" + UUID.randomUUID(), settled(orderId, "APPROVED"), SECRET);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(202);
        assertThat(gateway.awaitEnded(bistro, Duration.ofSeconds(30)).path("state").asText()).isEqualTo("COMPLETED");

        // a diner order crafted with the bistro order's key, then the provider's callback for the bistro order again
        String diner = lateOrder(dinerManager, orderId);
        Reply again = callback("/late-callbacks", "msg_" + UUID.randomUUID(), settled(orderId, "APPROVED"), SECRET);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("https://flowgate.io/problems/ambiguous-match");
        assertThat(again.body()).doesNotContain("bistro").doesNotContain("diner");
        Thread.sleep(1_000);
        assertThat(gateway.get("/instances/" + diner).json().path("state").asText()).isEqualTo("WAITING");
        assertThat(gateway.get("/admin/instances/" + diner).json().path("variables").has("settlement")).isFalse();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Starts a late-payment order as {@code manager} (in its tenant), packs it, and returns its instance. */
    private static String lateOrder(GatewayServer manager, String orderId) {
        String instance = startLateOrder(manager, orderId);
        pack(manager, orderId);
        return instance;
    }

    private static String startLateOrder(GatewayServer manager, String orderId) {
        Reply started = manager.postJson("/late-orders", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.header("Flowgate-Instance");
    }

    /** After this the order waits for its payment: it completes the task of {@code manager}'s tenant's instance. */
    private static void pack(GatewayServer manager, String orderId) {
        Reply packed = manager.post("/late-orders/" + orderId + "/packed", "application/json", "");
        assertThat(packed.status()).as(packed.toString()).isEqualTo(202);
    }

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
