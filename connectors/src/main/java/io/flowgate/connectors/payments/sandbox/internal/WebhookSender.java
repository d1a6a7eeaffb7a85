package io.flowgate.connectors.payments.sandbox.internal;

import io.flowgate.connectors.signing.StandardWebhooksSigner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the sandbox's callbacks the way a real provider does: each event is POSTed to one URL from a background
 * thread, signed per Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}),
 * and retried with growing pauses while the receiver answers non-2xx or cannot be reached.
 *
 * <p>Every attempt of one event carries the same {@code webhook-id} and body, so the receiver can deduplicate; the
 * timestamp and signature are those of the attempt, so a late retry is not refused as a replay of an old message.
 * Deliveries still waiting when the sandbox closes are dropped: it is a sandbox, not an outbox.
 */
public final class WebhookSender implements AutoCloseable {

    /**
     * Pauses before the 2nd to 9th attempt: nine attempts within about 90 s, so a callback reaches a gateway that was
     * restarting (a real provider retries for hours; the crash suite relies on the callbacks outliving a restart).
     */
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofSeconds(30));
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int THREADS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final URI url;
    private final StandardWebhooksSigner signer;
    private final Clock clock;
    private final List<Duration> backoff;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor executor;

    public WebhookSender(URI url, StandardWebhooksSigner signer, Clock clock) {
        this(url, signer, clock, BACKOFF);
    }

    /** @param backoff the pause before each retry: {@code backoff.size() + 1} attempts in all */
    WebhookSender(URI url, StandardWebhooksSigner signer, Clock clock, List<Duration> backoff) {
        this.url = url;
        this.signer = signer;
        this.clock = clock;
        this.backoff = List.copyOf(backoff);
        // HTTP/1.1: no h2c upgrade dance with receivers that do not speak HTTP/2 in clear text
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(r, "payments-sandbox-webhooks-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Queues one event for delivery and answers its {@code webhook-id} at once. */
    public String send(byte[] body) {
        Delivery delivery = new Delivery("msg_" + UUID.randomUUID().toString().replace("-", ""), body.clone());
        try {
            executor.execute(() -> attempt(delivery, 1));
        } catch (RejectedExecutionException closed) {
            LOG.debug("sandbox closed: callback {} not sent", delivery.id());
        }
        return delivery.id();
    }

    private void attempt(Delivery delivery, int attempt) {
        String failure;
        try {
            HttpResponse<Void> response = http.send(request(delivery), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                LOG.debug("callback {} delivered to {} (attempt {})", delivery.id(), url, attempt);
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            // closing
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt > backoff.size()) {
            LOG.warn("callback {} to {} given up after {} attempts, last: {}", delivery.id(), url, attempt, failure);
            return;
        }
        Duration pause = backoff.get(attempt - 1);
        LOG.info("callback {} to {} failed ({}), attempt {} in {}", delivery.id(), url, failure, attempt + 1, pause);
        try {
            executor.schedule(() -> attempt(delivery, attempt + 1), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("sandbox closed: callback {} not retried", delivery.id());
        }
    }

    private HttpRequest request(Delivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "flowgate-payments-sandbox")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(delivery.id(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
    }

    /** Stops at once: an attempt in flight is interrupted, waiting retries are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("sandbox callbacks did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Delivery(String id, byte[] body) {
    }
}
