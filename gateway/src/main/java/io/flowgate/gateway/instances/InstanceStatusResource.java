package io.flowgate.gateway.instances;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.mapping.MappedResponse;
import io.flowgate.contracts.mapping.ResponseContractViolation;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceNotFound;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.Authorizer;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /instances/{id}}: the status resource a 202 points to — state, current activities, and once the
 * instance has ended, the response its operation maps. Variables are not shown here (that is the admin view).
 */
@Singleton
public class InstanceStatusResource {

    private final WorkflowEngine engine;
    private final ContractRegistry registry;
    private final Authorizer authorizer;

    public InstanceStatusResource(WorkflowEngine engine, ContractRegistry registry, Authorizer authorizer) {
        this.engine = engine;
        this.registry = registry;
        this.authorizer = authorizer;
    }

    /**
     * The caller sees instances of its own tenant (tenantless callers the tenantless ones); the platform admin every
     * tenant's.
     *
     * @throws InstanceNotFound also for an instance of another tenant: its existence is not revealed
     */
    public HttpResponse<?> status(Caller caller, String instanceId) {
        FlowInstance instance = engine.instance(instanceId)
                .filter(found -> Objects.equals(caller.tenant(), found.tenantId())
                        || authorizer.adminScope(caller).platform())
                .orElseThrow(() -> new InstanceNotFound(instanceId));
        return HttpResponse.ok(view(instance));
    }

    Map<String, Object> view(FlowInstance instance) {
        Map<String, Object> view = InstanceViews.summary(instance);
        if (instance.state() == InstanceState.COMPLETED) {
            operation(instance).ifPresent(op -> view.put("response", response(op, instance)));
        }
        return view;
    }

    private Optional<Operation> operation(FlowInstance instance) {
        return OperationRef.decode(instance.variables().get(OperationRef.VARIABLE))
                .flatMap(ref -> registry.contract(ref.contract())
                        .flatMap(c -> c.contract().operations().stream()
                                .filter(op -> op.method().equals(ref.method()) && op.path().equals(ref.path()))
                                .findFirst()));
    }

    private static Map<String, Object> response(Operation operation, FlowInstance instance) {
        Map<String, Object> response = new LinkedHashMap<>();
        try {
            MappedResponse mapped = operation.response().render(ResponseContexts.of(instance));
            response.put("status", mapped.status());
            if (mapped.body() != null && !mapped.body().isMissingNode()) {
                response.put("body", mapped.body());
            }
        } catch (ResponseContractViolation e) {
            response.put("status", 502);
            response.put("error", e.getMessage());
        }
        return response;
    }
}
