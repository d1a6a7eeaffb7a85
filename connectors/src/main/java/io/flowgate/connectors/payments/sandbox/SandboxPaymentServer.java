package io.flowgate.connectors.payments.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.flowgate.connectors.payments.PaymentSettings;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.payments.sandbox.internal.LedgerStore;
import io.flowgate.connectors.payments.sandbox.internal.SandboxBank;
import io.flowgate.connectors.payments.sandbox.internal.SandboxHandler;
import io.flowgate.connectors.payments.sandbox.internal.Settlements;
import io.flowgate.connectors.payments.sandbox.internal.WebhookSender;
import io.flowgate.connectors.signing.StandardWebhooksSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A built-in payment provider for development and tests, reached over real HTTP on the loopback interface so the
 * whole client path (connection, timeouts, idempotency header, JSON) is exercised. Its ledger lives in the
 * application's database ({@code sandbox_payment_ledger}, {@code sandbox_refund_ledger}).
 *
 * <p>Outcomes are steered by test data — the payment token (or method): {@code decline} → DECLINED;
 * {@code pending} → PENDING, settled approved after {@code sandbox-settle-delay}; {@code pending-decline} →
 * PENDING, settled as failed after that delay; {@code pending-manual} → PENDING until {@link #settle} (or
 * {@code POST /payments/{id}/settlement}); {@code slow} → approved after {@code sandbox-slow-delay};
 * {@code timeout} → no answer before the client's read timeout, nothing recorded; {@code timeout-once} → the charge
 * is recorded but its answer comes too late, a retry with the same key gets it at once; {@code timeout-captured} →
 * the charge is captured and recorded but every answer, retries included, comes too late (money taken, answer lost
 * for good: only a cancellation undoes it); {@code error} → 500. Otherwise an amount whose cents are {@code .13} is
 * declined and anything else approved.
 *
 * <p>Like a real provider it confirms pending payments by a callback: with {@code sandbox-webhook-url} set, every
 * settlement (timed or by hand) is POSTed there, signed per Standard Webhooks with {@code sandbox-webhook-secret},
 * after the ledger has changed, and retried while the receiver fails (format in {@code internal/Settlements}).
 *
 * <p>Not a real provider: no authentication, no card data, loopback only.
 */
public final class SandboxPaymentServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxPaymentServer.class);
    /** Enough for hundreds of concurrent requests, some of them sleeping on purpose ('timeout', 'slow'). */
    private static final int MAX_THREADS = 512;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxBank bank;
    private final Settlements settlements;
    private final SandboxLedger ledger;

    private SandboxPaymentServer(HttpServer server, ExecutorService executor, SandboxBank bank,
                                 Settlements settlements, LedgerStore store) {
        this.server = server;
        this.executor = executor;
        this.bank = bank;
        this.settlements = settlements;
        this.ledger = new SandboxLedger(store);
    }

    /** Migrates the ledger tables and starts listening on {@code 127.0.0.1:sandbox-port} (0: any free port). */
    public static SandboxPaymentServer start(DataSource dataSource, PaymentSettings settings) {
        settings.validate();
        ModuleSchema.migrate(dataSource, "payments");
        LedgerStore store = new LedgerStore(dataSource);
        Clock clock = Clock.systemUTC();
        Settlements settlements = new Settlements(store, settings.getSandboxSettleDelay(), webhooks(settings, clock),
                clock);
        SandboxBank bank = new SandboxBank(store, settings.getSandboxSlowDelay(), settings.sandboxTimeoutDelay(),
                clock, settlements);
        ExecutorService executor = executor();
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.getSandboxPort()), 1024);
            server.createContext("/payments", new SandboxHandler(bank));
            server.setExecutor(executor);
            server.start();
            SandboxPaymentServer sandbox = new SandboxPaymentServer(server, executor, bank, settlements, store);
            LOG.info("Sandbox payment provider listening on {}; callbacks {}", sandbox.baseUri(),
                    settings.hasSandboxWebhookUrl() ? "to " + settings.getSandboxWebhookUrl().trim() : "off");
            return sandbox;
        } catch (IOException e) {
            executor.shutdownNow();
            settlements.close();
            throw new UncheckedIOException("sandbox payment provider cannot listen on port "
                    + settings.getSandboxPort() + " (flowgate.payments.sandbox-port)", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the base URL a {@code PaymentProvider} calls. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    public SandboxLedger ledger() {
        return ledger;
    }

    /**
     * Decides a pending payment, as the real provider does before it calls back: approved → captured (or
     * authorized), otherwise FAILED; then the callback goes out, when configured. False (and no callback) when the
     * payment is unknown or no longer pending.
     */
    public boolean settle(String paymentId, boolean approved) {
        return bank.settle(paymentId, approved);
    }

    /** Stops listening, then settling: payments still waiting for their settle delay stay pending. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        settlements.close();
    }

    private static Optional<WebhookSender> webhooks(PaymentSettings settings, Clock clock) {
        if (!settings.hasSandboxWebhookUrl()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSender(URI.create(settings.getSandboxWebhookUrl().trim()),
                new StandardWebhooksSigner(settings.sandboxWebhookKey()), clock));
    }

    private static ExecutorService executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "payments-sandbox-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        return pool;
    }
}
