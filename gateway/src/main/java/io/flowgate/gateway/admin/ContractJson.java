package io.flowgate.gateway.admin;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractDiff;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.PublishReport;
import io.flowgate.gateway.problem.ProblemTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of contracts for the admin API. */
final class ContractJson {

    private ContractJson() {
    }

    static Map<String, Object> report(PublishReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", report.ok());
        json.put("created", report.created());
        if (report.contract() != null) {
            json.putAll(header(report.contract()));
            json.put("operations", operations(report.contract().operations()));
        }
        json.put("unrouted", report.unrouted().stream().map(Operation::label).toList());
        json.put("findings", ProblemTable.contractFindings(report.findings()));
        return json;
    }

    static Map<String, Object> summary(ContractView view) {
        Map<String, Object> json = header(view.contract());
        List<Operation> ops = view.contract().operations();
        long routed = ops.stream().filter(op -> op.binding().isPresent()).count();
        json.put("status", view.findings().isEmpty() ? "live" : "degraded");
        json.put("operationCount", ops.size());
        json.put("routedCount", routed);
        json.put("unroutedCount", ops.size() - routed);
        return json;
    }

    static Map<String, Object> detail(ContractView view) {
        Map<String, Object> json = summary(view);
        json.put("operations", operations(view.contract().operations()));
        json.put("findings", ProblemTable.contractFindings(view.findings()));
        return json;
    }


    static Map<String, Object> diff(ContractDiff diff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", diff.name());
        json.put("from", diff.from());
        json.put("to", diff.to());
        json.put("breaking", diff.breaking());
        json.put("added", diff.added().stream().map(ContractJson::ref).toList());
        json.put("removed", diff.removed().stream().map(ContractJson::ref).toList());
        json.put("changed", diff.changed().stream().map(ContractJson::changes).toList());
        return json;
    }

    private static Map<String, Object> ref(ContractDiff.OperationRef ref) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", ref.method());
        json.put("path", ref.path());
        json.put("operationId", ref.operationId());
        return json;
    }

    private static Map<String, Object> changes(ContractDiff.OperationChanges operation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", ref(operation.operation()));
        json.put("breaking", operation.changes().stream().anyMatch(ContractDiff.Change::breaking));
        json.put("changes", operation.changes().stream().map(change -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", change.field());
            item.put("from", change.from());
            item.put("to", change.to());
            item.put("breaking", change.breaking());
            item.put("detail", change.detail());
            return item;
        }).toList());
        return json;
    }

    private static Map<String, Object> header(Contract contract) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", contract.name());
        json.put("version", contract.version());
        json.put("title", contract.title());
        json.put("openapi", contract.openApiVersion());
        json.put("sha256", contract.sha256());
        json.put("publishedAt", contract.publishedAt());
        return json;
    }

    static List<Map<String, Object>> operations(List<Operation> operations) {
        return operations.stream().map(ContractJson::operation).toList();
    }

    static Map<String, Object> operation(Operation op) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", op.method());
        json.put("path", op.path());
        json.put("operationId", op.operationId());
        json.put("summary", op.summary());
        json.put("routed", op.binding().isPresent());
        op.binding().ifPresent(b -> json.put("flow", binding(b)));
        return json;
    }

    private static Map<String, Object> binding(FlowBinding b) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (b.mock().isPresent()) {
            // answered from the contract: no flow, so no mode, timeout or errors to show
            json.put("action", b.action().value());
            json.put("status", b.mock().get().status());
            return json;
        }
        json.put("id", b.flowId());
        json.put("action", b.action().value());
        json.put("message", b.message());
        json.put("task", b.taskKey());
        json.put("mode", b.mode().name().toLowerCase(java.util.Locale.ROOT));
        json.put("timeout", b.timeout().toMillis() + "ms");
        json.put("errors", b.errors());
        return json;
    }
}
