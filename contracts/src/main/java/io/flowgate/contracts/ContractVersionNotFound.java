package io.flowgate.contracts;

/** The contract exists, but not in this version. */
public final class ContractVersionNotFound extends ContractException {

    private final String name;
    private final int version;

    public ContractVersionNotFound(String name, int version) {
        super("contract '" + name + "' has no version " + version);
        this.name = name;
        this.version = version;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    @Override
    public String code() {
        return "contract-version-not-found";
    }
}
