package io.flowgate.contracts;

/**
 * Why a contract (or one of its operations) cannot be published.
 *
 * @param contract    contract name
 * @param method      operation method, null for document-level findings and findings about a trigger
 * @param path        operation path; for a finding about one {@code x-flow-triggers} entry its location
 *                    ({@code x-flow-triggers[0]}); null for document-level findings
 * @param operationId may be null
 * @param reason      human sentence
 */
public record ContractFinding(String contract, String method, String path, String operationId, String reason) {

    public static ContractFinding ofDocument(String contract, String reason) {
        return new ContractFinding(contract, null, null, null, reason);
    }

    public static ContractFinding of(Operation op, String reason) {
        return new ContractFinding(op.contractName(), op.method(), op.path(), op.operationId(), reason);
    }

    /** A finding about one {@code x-flow-triggers} entry: it stops that trigger only, never the routes. */
    public static ContractFinding ofTrigger(String contract, String location, String reason) {
        return new ContractFinding(contract, null, location, null, reason);
    }

    /** True for findings about the whole document: every operation and trigger of the contract is unavailable. */
    public boolean aboutDocument() {
        return method == null && path == null;
    }

    /** True for findings about the {@code x-flow-triggers} entry at {@code location}. */
    public boolean aboutTrigger(String location) {
        return method == null && location.equals(path);
    }

    @Override
    public String toString() {
        return contract + (method == null ? "" : " " + method + " " + path
                + (operationId == null ? "" : " (" + operationId + ")")) + ": " + reason;
    }
}
