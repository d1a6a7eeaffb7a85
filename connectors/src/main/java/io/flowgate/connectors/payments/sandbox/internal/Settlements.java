package io.flowgate.connectors.payments.sandbox.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides pending payments later, as a real provider does, and tells the merchant: the tokens {@code pending} and
 * {@code pending-decline} on a timer ({@code sandbox-settle-delay}), any pending payment by hand ({@link #settle}).
 * Each decision changes the ledger first and is then announced by a signed callback, when a webhook URL is set:
 * <pre>
 * {"type": "payment.succeeded" | "payment.failed", "timestamp": "2024-05-01T12:00:00Z",
 *  "data": {"paymentId", "orderRef", "amount": 9.00, "currency", "status": "APPROVED" | "DECLINED", "reason"?}}
 * </pre>
 */
public final class Settlements implements AutoCloseable {

    public static final String SUCCEEDED = "payment.succeeded";
    public static final String FAILED = "payment.failed";
    private static final String FAILED_BY_HAND = "payment failed (sandbox)";
    private static final String FAILED_BY_TOKEN = "payment failed (sandbox token 'pending-decline')";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Settlements.class);

    private final LedgerStore store;
    private final Duration delay;
    private final Optional<WebhookSender> webhooks;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ObjectMapper json = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** @param webhooks where settlements are announced; empty: nowhere */
    public Settlements(LedgerStore store, Duration delay, Optional<WebhookSender> webhooks, Clock clock) {
        this.store = store;
        this.delay = delay;
        this.webhooks = webhooks;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "payments-sandbox-settlements");
            t.setDaemon(true);
            return t;
        });
    }

    /** Settles a pending payment after the settle delay, unless it was settled or voided before. */
    public void later(String paymentId, boolean approved) {
        try {
            timer.schedule(() -> settleQuietly(paymentId, approved), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("sandbox closed: payment {} stays pending", paymentId);
        }
    }

    /**
     * Decides a pending payment: approved → captured (or authorized), otherwise FAILED; then calls back. False, and
     * no callback, when the payment is unknown or no longer pending (settled before, or voided by a cancellation).
     */
    public boolean settle(String paymentId, boolean approved) {
        return settle(paymentId, approved, FAILED_BY_HAND);
    }

    private boolean settle(String paymentId, boolean approved, String failure) {
        Optional<LedgerEntry> payment = store.payment(paymentId);
        if (payment.isEmpty()) {
            return false;
        }
        LedgerEntry pending = payment.get();
        String to = !approved ? LedgerEntry.FAILED : pending.capture() ? LedgerEntry.CAPTURED : LedgerEntry.AUTHORIZED;
        String reason = approved ? null : failure;
        // compare-and-set on PENDING: of a settlement and a cancellation (or two settlements), one wins
        if (!store.transition(paymentId, LedgerEntry.PENDING, to, reason)) {
            return false;
        }
        if (webhooks.isPresent()) {
            String id = webhooks.get().send(event(pending, approved, reason, clock.instant()));
            LOG.debug("payment {} settled {}, callback {}", paymentId, to, id);
        }
        return true;
    }

    private void settleQuietly(String paymentId, boolean approved) {
        try {
            settle(paymentId, approved, FAILED_BY_TOKEN);
        } catch (RuntimeException e) {
            // e.g. the database went away while the sandbox was closing: nobody is waiting for this timer
            LOG.warn("sandbox could not settle payment {}: {}", paymentId, e.toString());
        }
    }

    /** The callback's body, built from the decision rather than re-read: a later cancellation must not change it. */
    private byte[] event(LedgerEntry payment, boolean approved, String reason, Instant at) {
        ObjectNode data = json.createObjectNode()
                .put("paymentId", payment.paymentId())
                .put("orderRef", payment.orderRef())
                .put("amount", payment.amount())
                .put("currency", payment.currency())
                .put("status", approved ? "APPROVED" : "DECLINED");
        if (reason != null) {
            data.put("reason", reason);
        }
        ObjectNode event = json.createObjectNode()
                .put("type", approved ? SUCCEEDED : FAILED)
                .put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        event.set("data", data);
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a sandbox callback", e);
        }
    }

    /** Stops the timer (payments still waiting for it stay pending), then the callbacks. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // a settlement in progress finishes before the callbacks (and then the database) go away
            timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webhooks.ifPresent(WebhookSender::close);
    }
}
