package io.flowgate.contracts;

import java.util.Optional;

/**
 * A live operation in the route table.
 *
 * @param operation         the compiled operation
 * @param contractVersion   version of the contract that declares it
 * @param unavailableReason present when start-up was forced past a failing check: the route answers 503
 */
public record Route(Operation operation, int contractVersion, Optional<String> unavailableReason) {
}
