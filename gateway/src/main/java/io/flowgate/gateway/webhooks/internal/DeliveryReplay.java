package io.flowgate.gateway.webhooks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.Operation;
import io.flowgate.gateway.idempotency.IdempotencyStore;
import io.flowgate.gateway.idempotency.ResponseCapture;
import io.flowgate.gateway.idempotency.IdempotencyUnavailable;
import io.flowgate.gateway.idempotency.Reservation;
import io.flowgate.gateway.idempotency.StoredResponse;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a delivery at most once per delivery id, keeping its first answer in the idempotency store (database, or
 * Redis when configured: every node sees it, restarts keep it). A delivery sent again is answered 200 with the
 * first answer's body and {@code Webhook-Replayed: true}: the sender only needs to learn that it arrived. Of
 * concurrent duplicates exactly one runs; the others get 409 with {@code Retry-After} while it does.
 *
 * <p>As for {@code Idempotency-Key}: a refusal before anything ran (validation, no waiting instance, 503) forgets the
 * id, so the sender's retry is handled afresh; a failure after a flow started is kept and replayed.
 */
public final class DeliveryReplay {

    public static final String REPLAYED_HEADER = "Webhook-Replayed";
    /** Deliveries have no "different request with the same key": the id alone names the delivery. */
    private static final String FINGERPRINT = "webhook-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReplay.class);

    private final IdempotencyStore store;
    private final ResponseCapture capture;
    private final Duration window;

    public DeliveryReplay(IdempotencyStore store, ObjectMapper json, Duration window) {
        this.store = store;
        this.capture = new ResponseCapture(json);
        this.window = window;
    }

    /**
     * @param tenant   the delivery's tenant (null: none): ids are per tenant
     * @param replayed called when the answer is a replay
     * @throws GatewayProblem 409 while the first delivery with this id runs, 503 when the store is unavailable
     */
    public HttpResponse<?> once(Operation operation, String tenant, String deliveryId, HttpRequest<?> request,
                                Supplier<HttpResponse<?>> next, Runnable replayed) {
        String key = key(operation, tenant, deliveryId);
        Reservation reservation = reserve(key);
        return switch (reservation.outcome()) {
            case ACQUIRED -> run(key, request, next);
            case REPLAY -> {
                replayed.run();
                yield ResponseCapture.toResponse(200, reservation.response().orElseThrow())
                        .header(REPLAYED_HEADER, "true");
            }
            case IN_PROGRESS, MISMATCH -> throw new GatewayProblem(Problem.of(409, "webhook-delivery-in-progress",
                    "Delivery in progress", "the delivery " + deliveryId + " is being processed; send it again "
                            + "later to receive its answer"), Map.of("Retry-After", "1"));
        };
    }

    /**
     * Operation, tenant (when there is one) and id, each length-prefixed, so no two differ only in where one ends;
     * apart from every Idempotency-Key scope, which starts with a digit. A delivery without tenant keeps the key it
     * had before tenants were part of it.
     */
    static String key(Operation operation, String tenant, String deliveryId) {
        StringBuilder key = new StringBuilder("webhook|");
        List<String> parts = tenant == null
                ? List.of(operation.contractName(), operation.method() + " " + operation.path(), deliveryId)
                : List.of(operation.contractName(), operation.method() + " " + operation.path(), "tenant=" + tenant,
                        deliveryId);
        for (String part : parts) {
            key.append(part.length()).append(':').append(part).append('|');
        }
        return key.toString();
    }

    private Reservation reserve(String key) {
        try {
            return store.reserve(key, FINGERPRINT, window);
        } catch (IdempotencyUnavailable e) {
            LOG.warn("webhook delivery refused with 503: the replay store is unavailable: {}", e.getMessage());
            throw new GatewayProblem(Problem.of(503, "webhook-replay-store-unavailable", "Service Unavailable",
                    "deliveries cannot be checked for replays right now; nothing was run, send it again later"),
                    Map.of("Retry-After", "5"));
        }
    }

    private HttpResponse<?> run(String key, HttpRequest<?> request, Supplier<HttpResponse<?>> next) {
        StoredResponse stored;
        try {
            stored = capture.capture(next.get());
        } catch (RuntimeException e) {
            Optional<StoredResponse> kept = capture.keptFailure(request, e, "its delivery id");
            if (kept.isEmpty()) {
                releaseQuietly(key);
                throw e;
            }
            stored = kept.get();
        }
        try {
            store.complete(key, stored);
        } catch (RuntimeException e) {
            // the answer goes out; the id stays "in progress" until the store's lock timeout, then it is free again
            LOG.error("could not keep the answer of a webhook delivery: {}", e.toString());
        }
        return ResponseCapture.toResponse(stored.status(), stored);
    }

    private void releaseQuietly(String key) {
        try {
            store.release(key);
        } catch (RuntimeException e) {
            LOG.warn("could not forget a webhook delivery id (it frees itself after the lock timeout): {}",
                    e.toString());
        }
    }
}
