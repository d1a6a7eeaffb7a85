package io.flowgate.gateway.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment provider outside the gateways (it survives their crashes, as a real one does) speaking the sandbox's API
 * ({@code flowgate.payments.provider=http}), which records every charge attempt with the node that sent it: each
 * gateway is given its own base URL {@code http://127.0.0.1:<port>/<node>}, so the path names the caller. Charges
 * are idempotent by their {@code Idempotency-Key} (a retried key gets the first payment back) and approved; attempts
 * of a node can be held (the provider is "slow" for that node until {@link #close}) or delayed.
 */
final class RecordingPaymentProvider implements AutoCloseable {

    /** One {@code POST /payments} as it arrived. */
    record Attempt(String node, String key, String orderRef, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> cancellations = new ArrayList<>();
    private final Map<String, String> payments = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    private RecordingPaymentProvider(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordingPaymentProvider start() throws IOException {
        return new RecordingPaymentProvider(HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
    }

    /** The base URL a node called {@code node} is to use ({@code FLOWGATE_PAYMENTS_URL}). */
    String urlFor(String node) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + node;
    }

    /** From now on, charges from {@code node} get no answer (until {@link #close}): a charge in progress. */
    void hold(String node) {
        held.add(node);
    }

    /** Every charge answers after {@code delay}: a slow provider. */
    void delay(Duration delay) {
        this.delay = delay;
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<String> cancellations() {
        return List.copyOf(cancellations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            // /<node>/payments[/cancellations]
            if (!"POST".equals(exchange.getRequestMethod()) || path.length < 3 || !"payments".equals(path[2])) {
                respond(exchange, 404, Map.of("title", "not here"));
                return;
            }
            JsonNode body = RunningGateway.JSON.readTree(exchange.getRequestBody());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (path.length == 4 && "cancellations".equals(path[3])) {
                cancel(exchange, body.path("chargeKey").asText());
            } else if (path.length == 3) {
                charge(exchange, path[1], key, body);
            } else {
                respond(exchange, 404, Map.of("title", "not here"));
            }
        }
    }

    private void charge(HttpExchange exchange, String node, String key, JsonNode body) throws IOException {
        String orderRef = body.path("orderRef").asText();
        synchronized (this) {
            attempts.add(new Attempt(node, key, orderRef, Instant.now()));
        }
        try {
            if (held.contains(node)) {
                release.await(5, TimeUnit.MINUTES);
                return; // the caller is long gone
            }
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String paymentId = payments.computeIfAbsent(key, k -> "pay_" + ids.incrementAndGet());
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("paymentId", paymentId);
        payment.put("status", "APPROVED");
        payment.put("captured", true);
        payment.put("amount", body.path("amount").asText());
        payment.put("currency", body.path("currency").asText());
        payment.put("orderRef", orderRef);
        respond(exchange, 201, payment);
    }

    private void cancel(HttpExchange exchange, String chargeKey) throws IOException {
        synchronized (this) {
            cancellations.add(chargeKey);
        }
        String paymentId = payments.get(chargeKey);
        respond(exchange, 200, paymentId == null ? Map.of("status", "VOIDED")
                : Map.of("status", "REFUNDED", "paymentId", paymentId, "refundId", "ref_" + paymentId));
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = RunningGateway.json(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException gone) {
            // the node that asked was killed meanwhile
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
