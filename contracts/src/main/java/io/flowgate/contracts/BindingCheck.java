package io.flowgate.contracts;

import java.util.List;

/**
 * Checks a contract's flow bindings against what is deployed. Implemented outside this module (it needs the
 * workflow engine); the registry runs every registered check at publish, at start-up and on {@code recheck()}.
 */
public interface BindingCheck {

    List<ContractFinding> check(Contract contract);
}
