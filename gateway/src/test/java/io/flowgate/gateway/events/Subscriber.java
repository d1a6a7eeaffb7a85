package io.flowgate.gateway.events;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook subscriber: a real HTTP server on loopback that records every request it gets and answers with the
 * status a test sets (200 by default). It can go away (port closed) and come back on the same port.
 */
final class Subscriber implements AutoCloseable {

    /** One request as received, with the status it was answered with. */
    record Received(String webhookId, String timestamp, String signature, String contentType, String body,
                    int answeredWith) {

        boolean delivered() {
            return answeredWith >= 200 && answeredWith < 300;
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile int status = 200;
    private HttpServer server;

    private Subscriber(int port) {
        this.server = bind(port);
        this.port = server.getAddress().getPort();
    }

    static Subscriber start() {
        return new Subscriber(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/flowgate";
    }

    /** From now on answers every request with this status. */
    void answer(int status) {
        this.status = status;
    }

    /** Closes the port: deliveries fail to connect until {@link #comeBack()}. */
    void goAway() {
        server.stop(0);
    }

    void comeBack() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                server = bind(port);
                return;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof BindException) || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(50);
            }
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> delivered() {
        return received.stream().filter(Received::delivered).toList();
    }

    /** Waits until the delivered requests satisfy the condition; returns them (a test then asserts what it needs). */
    List<Received> awaitDelivered(Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(delivered()) && System.nanoTime() < deadline) {
            sleep(25);
        }
        return delivered();
    }

    private HttpServer bind(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            http.createContext("/hooks/flowgate", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int answer = status;
                    var headers = exchange.getRequestHeaders();
                    received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                            headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body, answer));
                    exchange.sendResponseHeaders(answer, -1);
                } finally {
                    exchange.close();
                }
            });
            http.setExecutor(Executors.newFixedThreadPool(8));
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
