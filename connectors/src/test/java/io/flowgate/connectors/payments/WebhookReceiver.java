package io.flowgate.connectors.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A merchant's webhook endpoint: a loopback JDK {@link HttpServer} at {@code /hooks/payments} that records every
 * call (failed ones included) and answers 204, or 500 as many times as it was told to for an order.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as it arrived, with the status it was answered. */
    public record Call(Map<String, String> headers, byte[] body, JsonNode json, int answered, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String orderRef() {
            return json.path("data").path("orderRef").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private volatile Consumer<Call> onCall = call -> { };

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/payments", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** On any free port. */
    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    public static WebhookReceiver start(int port) {
        return new WebhookReceiver(port);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/payments");
    }

    /** The next {@code times} calls about this order are answered 500. */
    public void failNext(String orderRef, int times) {
        failures.put(orderRef, new AtomicInteger(times));
    }

    /** Runs while a call is being received, before it is answered (e.g. to look at the ledger at that moment). */
    public void whenCalled(Consumer<Call> action) {
        onCall = action;
    }

    public List<Call> callsFor(String orderRef) {
        return calls.stream().filter(c -> orderRef.equals(c.orderRef())).toList();
    }

    /** Waits until at least {@code count} calls about the order arrived; answers all of them so far. */
    public List<Call> awaitCalls(String orderRef, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (callsFor(orderRef).size() < count && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(20));
        }
        return callsFor(orderRef);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = JSON.readTree(body);
            String orderRef = json.path("data").path("orderRef").asText();
            AtomicInteger left = failures.get(orderRef);
            int status = left != null && left.getAndDecrement() > 0 ? 500 : 204;
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0)));
            Call call = new Call(headers, body, json, status, Instant.now());
            onCall.accept(call);
            calls.add(call);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
