package io.flowgate.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.FlowMode;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.mapping.RequestScope;
import io.flowgate.contracts.mapping.ValueTemplate;
import io.flowgate.contracts.validation.ValidatedRequest;
import io.flowgate.engine.CompleteTaskRequest;
import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.NoMatchingInstance;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.instances.InstanceStatusResource;
import io.flowgate.gateway.instances.OperationRef;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.webhooks.WebhookSettings;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an operation's flow action with the mapped variables and hands the outcome to {@link FlowAnswers}; a mock
 * runs nothing and answers its example ({@link MockCall}).
 */
@Singleton
public class FlowCall {

    private final WorkflowEngine engine;
    private final FlowAnswers answers;
    private final InstanceStatusResource statusResource;
    private final Duration webhookAcceptTimeout;

    public FlowCall(WorkflowEngine engine, FlowAnswers answers, InstanceStatusResource statusResource,
                    WebhookSettings webhooks) {
        this.engine = engine;
        this.answers = answers;
        this.statusResource = statusResource;
        this.webhookAcceptTimeout = webhooks.getAcceptTimeout();
    }

    /**
     * Runs the operation's flow action for the caller: new instances get the caller's tenant and record the caller
     * as initiator; correlation and task completion only find instances of the caller's tenant — a webhook's being
     * the one {@code x-webhook} names, or for {@code tenant: instance} the tenant of the instance it correlates to.
     *
     * @param key the request's Idempotency-Key as the engine records it, in the same transaction as the start,
     *            correlation or completion: a retry whose key committed runs nothing and is answered from the
     *            instance the first request acted on, as it stands now
     */
    public HttpResponse<?> call(Caller caller, Operation operation, FlowBinding binding, ValidatedRequest request,
                                Optional<ReceivedMessage> key) {
        if (binding.action() == FlowAction.MOCK) {
            return MockCall.answer(binding.mock().orElseThrow());
        }
        if (binding.action() == FlowAction.STATUS) {
            // the status resource, declared in a contract: same document as the built-in one for every flow
            return statusResource.status(caller, instanceId(binding, request));
        }
        Map<String, Object> variables = new LinkedHashMap<>(binding.variables().variables(request));
        Duration budget = binding.mode() == FlowMode.ASYNC ? Duration.ZERO : binding.timeout();
        String tenant = caller.tenant();
        if (binding.action() == FlowAction.CORRELATE) {
            String businessKey = requiredBusinessKey(binding, request);
            // x-webhook tenant: instance — a platform-wide sender; the business key's instance decides the tenant
            boolean ofInstance = operation.policy().webhook()
                    .filter(webhook -> webhook.tenant().kind() == TenantSource.Kind.INSTANCE).isPresent();
            return correlate(operation, binding, ofInstance
                    ? CorrelateRequest.inTenantOfInstance(binding.flowId(), binding.message(), businessKey, variables)
                    : new CorrelateRequest(binding.flowId(), binding.message(), businessKey, variables, tenant),
                    budget, key.orElse(null));
        }
        FlowInstance instance = switch (binding.action()) {
            case START -> {
                variables.put(OperationRef.VARIABLE, OperationRef.of(operation).encode());
                StartRequest start = new StartRequest(binding.flowId(), businessKey(binding, request).orElse(null),
                        variables, tenant, caller.subject(), binding.uniqueBusinessKey());
                // an asynchronous 202 stands for a start that has committed, within the timeout (a webhook
                // sender's: within FLOWGATE_WEBHOOK_ACCEPT_TIMEOUT)
                if (binding.mode() == FlowMode.ASYNC) {
                    Duration wait = operation.policy().webhook().isPresent() ? webhookAcceptTimeout : binding.timeout();
                    yield key.isPresent() ? engine.startCommitted(start, wait, key.get())
                            : engine.startCommitted(start, wait);
                }
                yield key.isPresent() ? engine.start(start, budget, key.get()) : engine.start(start, budget);
            }
            case COMPLETE_TASK -> {
                CompleteTaskRequest complete = new CompleteTaskRequest(binding.flowId(), binding.taskKey(),
                        requiredBusinessKey(binding, request), variables, tenant, caller.subject());
                yield key.isPresent() ? engine.completeTask(complete, budget, key.get())
                        : engine.completeTask(complete, budget);
            }
            case CORRELATE, STATUS, MOCK -> throw new IllegalStateException("handled above");
        };
        return answers.answer(operation, binding, instance);
    }

    /**
     * A message for a waiting instance. {@code x-flow-buffer}: one that arrives before its instance waits is kept,
     * not refused. A webhook sender's asynchronous 2xx means "kept": it comes once the correlation has committed.
     */
    private HttpResponse<?> correlate(Operation operation, FlowBinding binding, CorrelateRequest correlate,
                                      Duration budget, ReceivedMessage key) {
        boolean committedFirst = binding.mode() == FlowMode.ASYNC && operation.policy().webhook().isPresent();
        try {
            FlowInstance instance;
            if (committedFirst) {
                instance = key == null ? engine.correlateCommitted(correlate, webhookAcceptTimeout)
                        : engine.correlateCommitted(correlate, webhookAcceptTimeout, key);
            } else {
                instance = key == null ? engine.correlate(correlate, budget) : engine.correlate(correlate, budget, key);
            }
            return answers.answer(operation, binding, instance);
        } catch (NoMatchingInstance notYet) {
            if (binding.buffer().isZero()) {
                throw notYet;
            }
            return answers.kept(engine.buffer(correlate, binding.buffer()));
        }
    }

    private static String instanceId(FlowBinding binding, ValidatedRequest request) {
        return binding.instance().flatMap(template -> render(template, request))
                .orElseThrow(() -> GatewayProblem.badRequest("instance-id-missing",
                        "the instance id " + binding.instance().map(ValueTemplate::source).orElse("{path.id}")
                                + " resolved to nothing for this request"));
    }

    private static Optional<String> businessKey(FlowBinding binding, ValidatedRequest request) {
        return binding.businessKey().flatMap(template -> render(template, request));
    }

    private static String requiredBusinessKey(FlowBinding binding, ValidatedRequest request) {
        return businessKey(binding, request).orElseThrow(() -> GatewayProblem.badRequest("business-key-missing",
                "the business key " + binding.businessKey().map(ValueTemplate::source).orElse("(none declared)")
                        + " resolved to nothing for this request"));
    }

    private static Optional<String> render(ValueTemplate template, ValidatedRequest request) {
        JsonNode value = template.render(RequestScope.of(request));
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
