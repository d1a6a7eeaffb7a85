package io.flowgate.contracts;

/**
 * Why a contract (or one of its operations) cannot be published.
 *
 * @param contract    contract name
 * @param method      operation method, null for document-level findings
 * @param path        operation path, null for document-level findings
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

    @Override
    public String toString() {
        return contract + (method == null ? "" : " " + method + " " + path
                + (operationId == null ? "" : " (" + operationId + ")")) + ": " + reason;
    }
}
