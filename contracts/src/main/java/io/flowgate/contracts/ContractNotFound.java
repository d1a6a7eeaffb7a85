package io.flowgate.contracts;

/** No live contract has this name. */
public final class ContractNotFound extends ContractException {

    public ContractNotFound(String name) {
        super("no contract is published under the name '" + name + "'");
    }

    @Override
    public String code() {
        return "contract-not-found";
    }
}
