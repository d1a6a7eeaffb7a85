package io.flowgate.gateway.idempotency;

/**
 * Who holds a reservation in a store shared by several nodes: each node names itself in the reservations it takes,
 * and a reservation whose node is gone (stopped, or found dead by the others) is free at once — its request was cut
 * short, and whatever it committed is found by the retry through the engine's record of the key — instead of after
 * the lock timeout.
 */
public interface Holders {

    /** The name this node writes into its reservations. */
    String self();

    /** True when {@code holder} is certainly not running any more. */
    boolean gone(String holder);

    /** No names: reservations are free only after the lock timeout. */
    static Holders none() {
        return new Holders() {
            @Override
            public String self() {
                return "";
            }

            @Override
            public boolean gone(String holder) {
                return false;
            }
        };
    }
}
