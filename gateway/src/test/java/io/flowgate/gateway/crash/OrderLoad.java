package io.flowgate.gateway.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients placing orders of store downtown as fast as the gateway answers them, from several threads, until told to
 * stop: a mix of synchronous and asynchronous orders, paid with tok_visa, decline, pending and timeout-once, half of
 * them with an Idempotency-Key. Each order's kind follows from the run's seed and its number alone, so a seed
 * replays the same orders (the interleaving, and so where the crash falls, still varies a little).
 */
final class OrderLoad {

    /** The order as sent, and the first answer to it. */
    record Sent(OrderCall call, Answer answer) {
    }

    private final CrashClient client;
    private final long seed;
    private final int customers;
    private final int maxOrders;
    private final int asyncPercent;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private ExecutorService clients;

    OrderLoad(CrashClient client, long seed, int customers, int maxOrders, int asyncPercent) {
        this.client = client;
        this.seed = seed;
        this.customers = customers;
        this.maxOrders = maxOrders;
        this.asyncPercent = asyncPercent;
    }

    /** Order {@code no} of a run with {@code seed}. */
    static OrderCall order(long seed, int no, int customers, int asyncPercent) {
        Random random = new Random(seed * 1_000_003L + no);
        int roll = random.nextInt(100);
        String token = roll < 60 ? "tok_visa" : roll < 75 ? "decline" : roll < 90 ? "pending" : "timeout-once";
        boolean async = random.nextInt(100) < asyncPercent;
        String ref = "r" + Long.toHexString(seed & 0xffffffL) + "-" + no;
        String key = random.nextBoolean() ? "k-" + ref : null;
        String sku = no % 5 < 3 ? "soda" : "fries";
        String body = "{\"store\":\"downtown\",\"items\":[{\"sku\":\"" + sku + "\",\"qty\":1}],\"paymentToken\":\""
                + token + "\"}";
        return new OrderCall(no, async, token, key, ref, body, random.nextInt(customers));
    }

    void start(int threads) {
        clients = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            clients.submit(this::placeUntilStopped);
        }
    }

    private void placeUntilStopped() {
        while (!stopped.get()) {
            int no = next.getAndIncrement();
            if (no >= maxOrders) {
                return;
            }
            OrderCall call = order(seed, no, customers, asyncPercent);
            sent.add(new Sent(call, client.place(call)));
        }
    }

    /** No new order from now on; what is in flight goes on. */
    void stopSending() {
        stopped.set(true);
    }

    int sentSoFar() {
        return sent.size();
    }

    /** Polls until {@code count} orders have their answer (or gave up on one); at most {@code patience}. */
    void awaitAnswers(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (sent.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Every order sent, by number, once the clients have their answers (or gave up) — at most {@code patience}. */
    List<Sent> finish(Duration patience) throws InterruptedException {
        stopSending();
        clients.shutdown();
        if (!clients.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("clients still waiting for answers " + patience + " after the crash");
        }
        List<Sent> all = new ArrayList<>(sent);
        all.sort(Comparator.comparingInt(s -> s.call().no()));
        return all;
    }
}
