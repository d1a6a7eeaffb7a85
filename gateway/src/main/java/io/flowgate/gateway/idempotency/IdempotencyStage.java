package io.flowgate.gateway.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} stage (Stripe semantics, draft-ietf-httpapi-idempotency-key-header) for POST and PATCH.
 * The first request with a key runs and its answer is stored as bytes; a retry with the same key and the same request
 * gets those bytes again with {@code Idempotent-Replayed: true} and runs nothing. Keys are scoped by tenant, principal
 * and operation, so two clients never see each other's answers.
 *
 * <p>What is kept when the request fails:
 * <ul>
 *   <li>a client error before anything ran (validation, no matching instance, …) and 503: the key is released, so
 *       the corrected request or a later retry can use it;</li>
 *   <li>any other 5xx, and a 4xx that names a started instance (a BPMN error the contract maps to 409, say): the
 *       problem is stored and replayed, because the flow may have had side effects — a retry must not repeat them.
 *       Use a new key to try again.</li>
 * </ul>
 *
 * <p>The store alone cannot survive every crash: a node that dies between the flow's commit and storing the answer
 * leaves a key that a retry runs again. So the request that runs also hands {@code next} the key as the engine
 * records it ({@link #ENGINE_SCOPE}, the SHA-256 of the scoped key and the request's fingerprint), written in the same
 * transaction as the start, correlation or task completion: a retry that finds nothing in the store (the node's
 * memory is gone, the reservation expired) is answered from the instance the first request acted on, and a request
 * that committed nothing simply runs again.
 */
@Singleton
public class IdempotencyStage {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    /** The scope of request keys among the engine's received messages (next to Kafka's message ids). */
    public static final String ENGINE_SCOPE = "http:idempotency-key";

    /** The response headers replayed with the stored body. */

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyStage.class);

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final ResponseCapture capture;
    private final boolean enabled;
    private final Duration retention;
    private final AtomicBoolean storeDown = new AtomicBoolean();

    public IdempotencyStage(IdempotencyStore store, ObjectMapper json, IdempotencySettings settings) {
        settings.validate();
        this.store = store;
        this.json = json;
        this.capture = new ResponseCapture(json);
        this.enabled = settings.isEnabled();
        this.retention = settings.getRetention();
    }

    /**
     * Runs {@code next} at most once per key.
     *
     * @param body the request body as received (fingerprinted, never parsed for anything else)
     * @throws GatewayProblem 400 (key invalid or missing where required), 409 (the first request with this key is
     *                        still running), 422 (the key was used for another request), 503 (store unavailable)
     */
    public HttpResponse<?> execute(Caller caller, Operation operation, HttpRequest<?> request, byte[] body,
                                   Supplier<HttpResponse<?>> next) {
        return execute(caller, operation, request, body, key -> next.get());
    }

    /**
     * Runs {@code next} at most once per key, handing it the key for the engine to record with what the request
     * starts or advances (empty without a key).
     */
    public HttpResponse<?> execute(Caller caller, Operation operation, HttpRequest<?> request, byte[] body,
                                   Function<Optional<ReceivedMessage>, HttpResponse<?>> next) {
        String method = request.getMethodName();
        if (!enabled || !("POST".equals(method) || "PATCH".equals(method))) {
            return next.apply(Optional.empty());
        }
        Optional<String> key = IdempotencyKeys.read(request.getHeaders().getAll(KEY_HEADER));
        if (key.isEmpty()) {
            if (operation.policy().idempotency() == OperationPolicy.Idempotency.REQUIRED) {
                throw GatewayProblem.badRequest("idempotency-key-missing", operation.label()
                        + " requires an Idempotency-Key header (up to " + MAX_KEY_LENGTH + " printable characters)");
            }
            return next.apply(Optional.empty());
        }
        String scoped = IdempotencyKeys.scope(caller, clientAddress(request), operation, key.get());
        String pathAndQuery = request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        String fingerprint = Fingerprint.of(method, pathAndQuery,
                request.getContentType().map(MediaType::toString).orElse(null), body, json);
        Reservation reservation = reserve(scoped, fingerprint);
        return switch (reservation.outcome()) {
            case ACQUIRED -> run(scoped, request, () -> next.apply(Optional.of(engineKey(scoped, fingerprint))));
            case REPLAY -> replay(reservation.response().orElseThrow());
            case MISMATCH -> throw new GatewayProblem(Problem.of(422, "idempotency-key-reused",
                    "Idempotency key reused", "this Idempotency-Key was already used for a different request to "
                            + operation.label() + "; use a new key for a new request"));
            case IN_PROGRESS -> throw new GatewayProblem(Problem.of(409, "idempotency-key-in-use",
                    "Request in progress", "the first request with this Idempotency-Key is still running; retry"
                            + " later to receive its answer"), Map.of("Retry-After", "1"));
        };
    }

    private Reservation reserve(String scoped, String fingerprint) {
        try {
            Reservation reservation = store.reserve(scoped, fingerprint, retention);
            if (storeDown.compareAndSet(true, false)) {
                LOG.info("the idempotency store answers again");
            }
            return reservation;
        } catch (IdempotencyUnavailable e) {
            if (storeDown.compareAndSet(false, true)) {
                // once per outage: every request with a key is answered 503 until the store is back
                LOG.warn("idempotency store unavailable, requests with an Idempotency-Key get 503: {}",
                        e.getMessage());
            }
            throw unavailable();
        }
    }

    private HttpResponse<?> run(String scoped, HttpRequest<?> request, Supplier<HttpResponse<?>> next) {
        StoredResponse stored;
        try {
            stored = capture.capture(next.get());
        } catch (RuntimeException e) {
            Optional<StoredResponse> kept = capture.keptFailure(request, e, "its idempotency key");
            if (kept.isEmpty()) {
                releaseQuietly(scoped);
                throw e;
            }
            stored = kept.get();
        }
        try {
            store.complete(scoped, stored);
        } catch (RuntimeException e) {
            // the answer exists and goes out; the key stays "in progress" until the lock timeout, then it is free again
            LOG.error("could not store the answer for an idempotency key: {}", e.toString());
        }
        return toResponse(stored);
    }

    /** The key as the engine records it: the same key for another request (a 422 here) is another engine key. */
    static ReceivedMessage engineKey(String scoped, String fingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scoped.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            return new ReceivedMessage(ENGINE_SCOPE, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<?> replay(StoredResponse stored) {
        return toResponse(stored).header(REPLAYED_HEADER, "true");
    }

    private static MutableHttpResponse<byte[]> toResponse(StoredResponse stored) {
        return ResponseCapture.toResponse(stored.status(), stored);
    }

    private void releaseQuietly(String scoped) {
        try {
            store.release(scoped);
        } catch (RuntimeException e) {
            LOG.warn("could not release an idempotency key (it frees itself after the lock timeout): {}",
                    e.toString());
        }
    }

    private static GatewayProblem unavailable() {
        return new GatewayProblem(Problem.of(503, "idempotency-unavailable", "Service Unavailable",
                "the idempotency store is unavailable; the request was not executed, retry later"),
                Map.of("Retry-After", "1"));
    }

    private static String clientAddress(HttpRequest<?> request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }
}
