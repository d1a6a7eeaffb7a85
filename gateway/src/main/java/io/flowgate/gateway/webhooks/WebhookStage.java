package io.flowgate.gateway.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.idempotency.IdempotencyStore;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.webhooks.internal.DeliveryReplay;
import io.flowgate.gateway.webhooks.internal.DurableStart;
import io.flowgate.gateway.webhooks.internal.Verifiers;
import io.flowgate.gateway.webhooks.internal.WebhookCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Inbound webhooks ({@code x-webhook}): for these operations a signature over the raw body takes the place of the
 * bearer token, and each delivery id runs once. The dispatcher calls {@link #verify} where it would authenticate and
 * wraps the rest of the pipeline in {@link #once}.
 */
@Singleton
public class WebhookStage {

    /** Code of the 401 problem: {@code https://flowgate.io/problems/webhook-signature-invalid}. */
    public static final String PROBLEM_CODE = "webhook-signature-invalid";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookStage.class);

    private final WebhookCounters counters;
    private final DeliveryReplay replay;
    private final DurableStart durable;
    private final Duration tolerance;
    private final Clock clock = Clock.systemUTC();

    public WebhookStage(WebhookSettings settings, IdempotencyStore store, ObjectMapper json, WorkflowEngine engine,
                        @Nullable MeterRegistry meters) {
        settings.validate();
        // without micronaut.metrics the counts are still kept, only not exposed
        this.counters = new WebhookCounters(meters == null ? new SimpleMeterRegistry() : meters);
        this.replay = new DeliveryReplay(store, json, settings.getReplayWindow());
        this.durable = new DurableStart(engine, settings.getAcceptTimeout());
        this.tolerance = settings.getTolerance();
    }

    /**
     * Checks the delivery's signature over exactly the bytes received.
     *
     * @throws GatewayProblem 401 {@value #PROBLEM_CODE}, counted by operation and reason; nothing else runs
     */
    public WebhookDelivery verify(Operation operation, WebhookSpec webhook, HttpRequest<?> request, byte[] body) {
        SignedRequest signed = new SignedRequest(headers(request), body, clock.instant(), tolerance);
        try {
            Verifiers.Verified verified = Verifiers.verify(webhook, signed);
            return new WebhookDelivery(caller(operation, webhook, verified), verified.deliveryId());
        } catch (WebhookRejected e) {
            counters.rejected(operation, e.reason());
            LOG.debug("webhook delivery to {} of {} refused: {}", operation.label(), operation.contractName(),
                    e.getMessage());
            throw new GatewayProblem(Problem.of(401, PROBLEM_CODE, "Webhook signature invalid", e.getMessage())
                    .with("reason", e.reason().tag()).with("scheme", webhook.scheme().value()),
                    Map.of("WWW-Authenticate", "Signature realm=\"flowgate\""));
        }
    }

    /**
     * Runs {@code next} at most once per delivery id and answers only once a started flow is kept.
     *
     * @throws GatewayProblem 409 while the same delivery runs, 503 when it cannot be kept
     */
    public HttpResponse<?> once(Operation operation, WebhookDelivery delivery, HttpRequest<?> request,
                                Supplier<HttpResponse<?>> next) {
        Supplier<HttpResponse<?>> accepted = () -> {
            HttpResponse<?> response = durable.kept(next);
            counters.accepted(operation);
            return response;
        };
        if (delivery.deliveryId().isEmpty()) {
            return accepted.get();
        }
        // one delivery id per tenant: with per-tenant secrets two tenants' senders may well pick the same ids
        return replay.once(operation, delivery.caller().tenant(), delivery.deliveryId().get(), request, accepted,
                () -> counters.replayed(operation));
    }

    /**
     * The sender as the flow sees it: no roles, and the tenant {@code x-webhook} names (fixed, or the one whose secret
     * verified the signature); none for {@code tenant: instance}, whose correlation finds the tenant by its instance.
     */
    private static Caller caller(Operation operation, WebhookSpec webhook, Verifiers.Verified verified) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "webhook:" + operation.contractName());
        claims.put("webhookScheme", webhook.scheme().value());
        verified.deliveryId().ifPresent(value -> claims.put("deliveryId", value));
        if (verified.tenant() != null) {
            claims.put("tenant", verified.tenant());
        }
        return new Caller("webhook:" + operation.contractName(), verified.tenant(), Set.of(), claims);
    }

    private static Map<String, List<String>> headers(HttpRequest<?> request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, values));
        return headers;
    }
}
