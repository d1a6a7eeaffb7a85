package io.flowgate.gateway.idempotency;

import io.flowgate.gateway.idempotency.Reservation.Outcome;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a store shared by several nodes does with a reservation whose node is gone: two stores on one back-end act as
 * two nodes, with a lock timeout of an hour, so only the holder's fate can free the key.
 */
final class GoneHolderScenario {

    private static final Duration DAY = Duration.ofHours(24);

    private GoneHolderScenario() {
    }

    /** A node's store: its name, and the names of the nodes it is to take for gone. */
    static Holders holders(String self, Set<String> gone) {
        return new Holders() {
            @Override
            public String self() {
                return self;
            }

            @Override
            public boolean gone(String holder) {
                return gone.contains(holder);
            }
        };
    }

    static void takesOverAtOnceOnlyTheReservationOfANodeThatIsGone(
            BiFunction<String, Set<String>, IdempotencyStore> storeAs) {
        Set<String> gone = ConcurrentHashMap.newKeySet();
        IdempotencyStore first = storeAs.apply("node-a", gone);
        IdempotencyStore second = storeAs.apply("node-b", gone);
        try {
            String key = "scoped:" + UUID.randomUUID();
            assertThat(first.reserve(key, "fp", DAY).outcome()).isEqualTo(Outcome.ACQUIRED);

            assertThat(second.reserve(key, "fp", DAY).outcome()).as("node-a lives").isEqualTo(Outcome.IN_PROGRESS);

            gone.add("node-a");
            assertThat(second.reserve(key, "other", DAY).outcome()).as("another request, even once node-a is gone")
                    .isEqualTo(Outcome.MISMATCH);
            assertThat(second.reserve(key, "fp", DAY).outcome()).as("node-a is gone").isEqualTo(Outcome.ACQUIRED);
            assertThat(second.reserve(key, "fp", DAY).outcome()).as("node-b holds it now")
                    .isEqualTo(Outcome.IN_PROGRESS);

            second.complete(key, IdempotencyStoreContract.created());
            assertThat(first.reserve(key, "fp", DAY).outcome()).isEqualTo(Outcome.REPLAY);
        } finally {
            first.close();
            second.close();
        }
    }
}
