package io.flowgate.gateway.crash;

import io.flowgate.gateway.crash.Books.Charge;
import io.flowgate.gateway.crash.Books.Instance;
import io.flowgate.gateway.crash.Books.Order;
import io.flowgate.gateway.crash.CrashRun.Outcome;
import io.flowgate.gateway.crash.OrderLoad.Sent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What must hold after a crash, each as a list of violations in words: which order (its number, kind, token, key
 * and ref), what it was answered, what the database holds, what was expected. Empty means the invariant holds.
 */
final class CrashInvariants {

    private static final Set<String> FINAL_ORDER_STATES = Set.of("PAID", "CANCELLED", "REFUNDED");

    private CrashInvariants() {
    }

    /** An order answered 2xx/202 before the crash has its instance and its order row after the restart. */
    static List<String> acceptedOrdersWithoutInstance(Outcome run) {
        List<String> violations = new ArrayList<>();
        for (Sent s : run.sent()) {
            Answer first = s.answer();
            if (!first.accepted()) {
                continue;
            }
            if (first.instanceId() == null) {
                violations.add(s.call() + " was answered " + first + " without a Flowgate-Instance header");
            } else if (!run.books().instances().containsKey(first.instanceId())) {
                violations.add(s.call() + " was answered " + first.status() + " naming instance " + first.instanceId()
                        + ", which the database does not have after the restart; instances with its ref: "
                        + run.books().instancesOf(s.call().ref()));
            } else if (!run.books().ordersByInstance().containsKey(first.instanceId())) {
                violations.add(s.call() + " was answered " + first.status() + " by instance " + first.instanceId()
                        + ", which has no order row after the restart");
            }
        }
        return violations;
    }

    /** Every order instance of the run has ended, and its order is PAID, CANCELLED or REFUNDED. */
    static List<String> unendedOrders(Outcome run) {
        List<String> violations = new ArrayList<>();
        if (run.unendedAfterWait() > 0) {
            violations.add(run.unendedAfterWait() + " order instances were still starting, running, waiting or on an "
                    + "incident " + run.waited().toSeconds() + " s after the restart");
        }
        for (Instance instance : run.books().instances().values()) {
            Order order = run.books().ordersByInstance().get(instance.id());
            String orderState = order == null ? "no order" : order.state();
            if (!instance.ended() || order != null && !FINAL_ORDER_STATES.contains(order.state())) {
                violations.add("instance " + instance.id() + " of " + callOf(run, instance.id()) + ": instance "
                        + instance.state() + (instance.ended() ? " (ended)" : " (not ended)") + ", order "
                        + orderState + "; expected an ended instance and an order PAID, CANCELLED or REFUNDED");
            }
        }
        return violations;
    }

    /**
     * The provider keeps exactly the total of every PAID order and nothing of any other; no money is kept under an
     * order that does not exist.
     */
    static List<String> moneyNotMatchingOrders(Outcome run) {
        List<String> violations = new ArrayList<>();
        Map<String, Order> ordersById = new java.util.HashMap<>();
        run.books().ordersByInstance().values().forEach(o -> ordersById.put(o.id(), o));
        for (Order order : ordersById.values()) {
            BigDecimal kept = kept(run.books().chargesOf(order.id()));
            BigDecimal expected = "PAID".equals(order.state()) ? BigDecimal.valueOf(order.totalMinor(), 2)
                    : BigDecimal.ZERO;
            if (kept.compareTo(expected) != 0 && !"REFUNDED".equals(order.state())) {
                String state = FINAL_ORDER_STATES.contains(order.state()) ? order.state()
                        : order.state() + " (not ended: neither paid nor cancelled)";
                violations.add("order " + order.id() + " of " + callOf(run, order.instanceId()) + " is " + state
                        + ": the provider keeps " + kept + ", expected " + expected + "; ledger "
                        + run.books().chargesOf(order.id()));
            }
        }
        for (Charge charge : run.books().charges()) {
            if (charge.orderRef() != null && !ordersById.containsKey(charge.orderRef())
                    && charge.kept().signum() > 0) {
                violations.add("the provider keeps " + charge.kept() + " for " + charge.orderRef()
                        + ", which is no order: " + charge);
            }
        }
        return violations;
    }

    /**
     * No order has two live charges, and no client order (one ref, however often it was sent) has money kept under
     * two orders.
     */
    static List<String> doubleCharges(Outcome run) {
        List<String> violations = new ArrayList<>();
        for (Order order : run.books().ordersByInstance().values()) {
            List<Charge> live = run.books().chargesOf(order.id()).stream()
                    .filter(c -> Set.of("CAPTURED", "AUTHORIZED", "PENDING").contains(c.status())).toList();
            if (live.size() > 1) {
                violations.add("order " + order.id() + " of " + callOf(run, order.instanceId()) + " has "
                        + live.size() + " charges: " + live);
            }
        }
        for (Sent s : run.sent()) {
            List<String> charged = run.books().instancesOf(s.call().ref()).stream()
                    .map(run.books().ordersByInstance()::get).filter(Objects::nonNull)
                    .filter(o -> kept(run.books().chargesOf(o.id())).signum() > 0).map(Order::id).toList();
            if (charged.size() > 1) {
                violations.add(s.call() + " was charged under " + charged.size() + " orders: " + charged);
            }
        }
        return violations;
    }

    /** No stock is held for an order that has ended; the stock's reserved counts equal the holds. */
    static List<String> stockHeldByEndedOrders(Outcome run) {
        List<String> violations = new ArrayList<>();
        for (Books.Hold hold : run.books().holds()) {
            if (!"HELD".equals(hold.status())) {
                continue;
            }
            Instance instance = run.books().instances().get(hold.instanceId());
            Order order = run.books().ordersByInstance().get(hold.instanceId());
            boolean ended = instance != null && instance.ended() || order != null
                    && FINAL_ORDER_STATES.contains(order.state());
            if (ended) {
                violations.add("reservation " + hold.id() + " is still HELD for " + callOf(run, hold.instanceId())
                        + " whose order is " + (order == null ? "missing" : order.state()) + " and instance "
                        + (instance == null ? "missing" : instance.state()));
            }
        }
        violations.addAll(run.books().stockMismatches());
        return violations;
    }

    /**
     * An order sent again with its Idempotency-Key after the restart gets what the first request got: the same
     * status and instance when it was answered before the crash; when it was not, the instance that committed (or a
     * clean first run when none did) — never a second instance, never a 5xx, never a key still in use.
     */
    static List<String> retriesNotGettingTheFirstOutcome(Outcome run) {
        List<String> violations = new ArrayList<>();
        for (Sent s : run.sent()) {
            if (s.call().key() == null) {
                continue;
            }
            Answer first = s.answer();
            Answer retry = run.retries().get(s.call().no());
            List<String> instances = run.books().instancesOf(s.call().ref());
            String context = s.call() + ": first " + first + "; retry after the restart " + retry
                    + "; instances with its ref " + instances;
            if (retry == null || !retry.answered() || retry.keyInUse() || retry.status() >= 500) {
                violations.add(context + " — expected the retry to be answered with the first outcome");
            } else if (instances.size() > 1) {
                violations.add(context + " — one key started " + instances.size() + " instances");
            } else if (first.answered() && first.status() < 500 && !first.keyInUse()) {
                if (retry.status() != first.status() || !Objects.equals(retry.instanceId(), first.instanceId())) {
                    violations.add(context + " — expected the first answer replayed");
                }
            } else if (instances.size() == 1 && !instances.get(0).equals(retry.instanceId())) {
                violations.add(context + " — expected the retry to answer about the instance that committed");
            }
        }
        return violations;
    }

    /**
     * The crash changes no order's fate: paid with tok_visa, pending or timeout-once it ends PAID, declined it ends
     * CANCELLED (stock is ample, so out of stock never decides).
     */
    static List<String> ordersChangedByTheCrash(Outcome run) {
        List<String> violations = new ArrayList<>();
        for (Sent s : run.sent()) {
            for (String instanceId : run.books().instancesOf(s.call().ref())) {
                Order order = run.books().ordersByInstance().get(instanceId);
                String state = order == null ? "no order" : order.state();
                if (!s.call().expectedState().equals(state)) {
                    Instance instance = run.books().instances().get(instanceId);
                    String ended = instance != null && instance.ended() ? "ended" : "has not ended";
                    violations.add(s.call() + ", first answer " + s.answer() + ": instance " + instanceId + " " + ended
                            + ", the order " + state + "; expected " + s.call().expectedState());
                }
            }
        }
        return violations;
    }

    /** An order whose instance committed is never answered 5xx (its effect happened; the answer must say so). */
    static List<String> takenOrdersAnswered5xx(Outcome run) {
        List<String> violations = new ArrayList<>();
        for (Sent s : run.sent()) {
            List<Answer> answers = new ArrayList<>(List.of(s.answer()));
            if (run.retries().containsKey(s.call().no())) {
                answers.add(run.retries().get(s.call().no()));
            }
            for (Answer answer : answers) {
                List<String> instances = run.books().instancesOf(s.call().ref());
                if (answer.status() >= 500 && !instances.isEmpty()) {
                    violations.add(s.call() + " was answered " + answer + " although its instance " + instances
                            + " committed");
                }
            }
        }
        return violations;
    }

    private static BigDecimal kept(List<Charge> charges) {
        return charges.stream().map(Charge::kept).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String callOf(Outcome run, String instanceId) {
        return run.sent().stream().filter(s -> run.books().instancesOf(s.call().ref()).contains(instanceId))
                .map(s -> s.call().toString()).findFirst().orElse("an order of no known ref");
    }
}
