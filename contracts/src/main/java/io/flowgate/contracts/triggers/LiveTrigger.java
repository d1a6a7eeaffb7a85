package io.flowgate.contracts.triggers;

import java.util.Optional;

/**
 * A trigger of a live contract and whether it may run.
 *
 * @param trigger           the compiled trigger
 * @param contractVersion   the version it comes from
 * @param unavailableReason the contract's current findings about it (a flow or message that is not deployed after a
 *                          forced start-up or a flow change); empty when it may run
 */
public record LiveTrigger(FlowTrigger trigger, int contractVersion, Optional<String> unavailableReason) {
}
