package io.flowgate.gateway.events.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt to deliver an event to a subscriber: a signed POST of the CloudEvent JSON (Standard Webhooks headers),
 * redirects not followed, bounded by the connect and read timeouts. Only a 2xx answer counts as delivered.
 */
public final class WebhookSender {

    static final String USER_AGENT = "Flowgate-Webhooks/1";

    /** What an attempt came to; {@code status} is null when no answer arrived. */
    public record Outcome(boolean delivered, Integer status, String error, Duration retryAfter) {

        static Outcome failed(String error) {
            return new Outcome(false, null, error, null);
        }
    }

    private final HttpClient http;
    private final SubscriberUrls urls;
    private final Duration readTimeout;
    private final Clock clock;

    public WebhookSender(SubscriberUrls urls, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.urls = urls;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    public Outcome send(Delivery delivery) throws InterruptedException {
        Optional<String> refused = urls.addressProblem(delivery.url());
        if (refused.isPresent()) {
            return Outcome.failed("refused: " + refused.get());
        }
        long timestamp = clock.millis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(delivery.url())
                // over plain http, HTTP/1.1: no h2c upgrade headers for subscribers that choke on them
                .version("https".equalsIgnoreCase(delivery.url().getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .timeout(readTimeout)
                .header("Content-Type", CloudEventJson.CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.eventId(), timestamp,
                        delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            // the request timeout covers the wait for the headers; this bounds a body that trickles in afterwards
            HttpResponse<Void> response = answer.get(readTimeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null, null);
            }
            return new Outcome(false, status, "answered HTTP " + status, retryAfter(response));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Outcome.failed("no answer within " + readTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Outcome.failed(describe(e.getCause()));
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + readTimeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "cannot connect: " + (failure.getMessage() == null ? "connection refused" : failure.getMessage());
        }
        if (failure instanceof IOException) {
            return "connection failed: " + failure;
        }
        return String.valueOf(failure);
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is ignored: the backoff applies then). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,7}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }
}
