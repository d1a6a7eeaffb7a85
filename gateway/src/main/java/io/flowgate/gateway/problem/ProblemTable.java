package io.flowgate.gateway.problem;

import io.flowgate.contracts.ContractException;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractRejected;
import io.flowgate.contracts.ContractVersionNotFound;
import io.flowgate.contracts.mapping.ResponseContractViolation;
import io.flowgate.contracts.validation.RequestInvalid;
import io.flowgate.contracts.validation.UnsupportedMediaType;
import io.flowgate.contracts.validation.Violation;
import io.flowgate.engine.AmbiguousMatch;
import io.flowgate.engine.BusinessKeyInUse;
import io.flowgate.engine.FlowException;
import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowRejected;
import io.flowgate.engine.FlowSuspended;
import io.flowgate.engine.FlowVersionInUse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table from typed failures to problems: status, stable code, title and the data a client needs.
 * Unknown codes fall back to 500 so a new failure type is noticed rather than silently mis-mapped.
 */
public final class ProblemTable {

    private record Entry(int status, String title) {
    }

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("flow-rejected", new Entry(422, "Flow rejected")),
            Map.entry("flow-not-found", new Entry(404, "Flow not found")),
            Map.entry("instance-not-found", new Entry(404, "Instance not found")),
            Map.entry("incident-not-found", new Entry(404, "Incident not found")),
            Map.entry("task-not-found", new Entry(404, "Task not found")),
            Map.entry("task-claimed", new Entry(409, "Task claimed by someone else")),
            Map.entry("separation-of-duties", new Entry(403, "Separation of duties")),
            Map.entry("no-matching-instance", new Entry(404, "No matching instance")),
            Map.entry("not-committed-yet", new Entry(503, "Not accepted yet")),
            Map.entry("ambiguous-match", new Entry(409, "Ambiguous match")),
            Map.entry("business-key-in-use", new Entry(409, "Business key in use")),
            Map.entry("flow-suspended", new Entry(409, "Flow suspended")),
            Map.entry("flow-version-in-use", new Entry(409, "Flow version in use")),
            Map.entry("flow-failed", new Entry(502, "Flow failed")),
            Map.entry("invalid-variables", new Entry(400, "Invalid variables")),
            Map.entry("contract-rejected", new Entry(422, "Contract rejected")),
            Map.entry("contract-not-found", new Entry(404, "Contract not found")),
            Map.entry("contract-version-not-found", new Entry(404, "Contract version not found")),
            Map.entry("request-invalid", new Entry(400, "Request does not match the contract")),
            Map.entry("unsupported-media-type", new Entry(415, "Unsupported media type")),
            Map.entry("response-contract-violation", new Entry(502, "Flow broke its contract")));

    private ProblemTable() {
    }

    public static Problem forFlow(FlowException e) {
        Problem problem = base(e.code(), e.getMessage());
        if (e instanceof FlowRejected rejected) {
            problem = problem.with("findings", flowFindings(rejected.findings()));
        } else if (e instanceof AmbiguousMatch ambiguous) {
            problem = problem.with("matches", ambiguous.matches());
            if (!ambiguous.instanceIds().isEmpty()) {
                problem = problem.with("instances", ambiguous.instanceIds().stream().map(ProblemTable::statusLink)
                        .toList());
            }
        } else if (e instanceof BusinessKeyInUse inUse) {
            problem = problem.with("flow", inUse.flowKey()).with("businessKey", inUse.businessKey());
            if (inUse.instanceId().isPresent()) {
                String holder = inUse.instanceId().get();
                // not "status": in a problem document that member is the HTTP status code
                problem = problem.with("instanceId", holder).with("instanceStatus", statusPath(holder));
            }
        } else if (e instanceof FlowSuspended suspended) {
            problem = problem.with("flow", suspended.flowKey()).with("version", suspended.version());
        } else if (e instanceof FlowVersionInUse inUse) {
            problem = problem.with("flow", inUse.flowKey()).with("version", inUse.version())
                    .with("runningInstances", inUse.runningInstances());
        } else if (e instanceof FlowFailed failed) {
            if (failed.instanceId() != null) {
                problem = problem.with("instanceId", failed.instanceId());
            }
            if (failed.activityId() != null) {
                problem = problem.with("activityId", failed.activityId());
            }
        }
        return problem;
    }

    public static Problem forContract(ContractException e) {
        Problem problem = base(e.code(), e.getMessage());
        if (e instanceof ContractRejected rejected) {
            problem = problem.with("contract", rejected.contract())
                    .with("findings", contractFindings(rejected.findings()));
        } else if (e instanceof RequestInvalid invalid) {
            problem = problem.with("errors", violations(invalid.violations()));
        } else if (e instanceof ResponseContractViolation violation) {
            problem = problem.with("errors", violations(violation.violations()));
        } else if (e instanceof UnsupportedMediaType unsupported) {
            problem = problem.with("supported", unsupported.supported());
        } else if (e instanceof ContractVersionNotFound missing) {
            problem = problem.with("contract", missing.name()).with("version", missing.version());
        }
        return problem;
    }

    /**
     * An instance and where the caller reads it: its status resource. The engine names only instances of the
     * caller's own tenant, and the status resource shows nothing else.
     */
    private static Map<String, String> statusLink(String instanceId) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("instanceId", instanceId);
        link.put("status", statusPath(instanceId));
        return link;
    }

    private static String statusPath(String instanceId) {
        return "/instances/" + instanceId;
    }

    private static Problem base(String code, String detail) {
        Entry entry = ENTRIES.getOrDefault(code, new Entry(500, "Internal error"));
        return Problem.of(entry.status(), code, entry.title(), detail);
    }

    public static List<Map<String, Object>> flowFindings(List<FlowFinding> findings) {
        return findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("element", f.elementId());
            m.put("reason", f.reason());
            return m;
        }).toList();
    }

    public static List<Map<String, Object>> contractFindings(List<ContractFinding> findings) {
        return findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("contract", f.contract());
            if (f.method() != null) {
                m.put("operation", f.method() + " " + f.path());
                m.put("method", f.method());
                m.put("path", f.path());
                m.put("operationId", f.operationId());
            }
            m.put("reason", f.reason());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> violations(List<Violation> violations) {
        return violations.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("in", v.in());
            m.put("pointer", v.pointer());
            m.put("message", v.message());
            return m;
        }).toList();
    }
}
