package io.flowgate.gateway.routing;

import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.FlowMode;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.mapping.MappedResponse;
import io.flowgate.contracts.mapping.ResponseContractViolation;
import io.flowgate.engine.FlowError;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.PendingMessage;
import io.flowgate.gateway.instances.ResponseContexts;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.problem.ProblemTable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the HTTP answer from where the instance stands: 202 + Location while it is still running (or always for
 * async operations), the mapped response once it settled, the declared status for a BPMN error.
 */
@Singleton
public class FlowAnswers {

    public static final String INSTANCE_HEADER = "Flowgate-Instance";
    public static final String STATE_HEADER = "Flowgate-Instance-State";

    private static final Logger LOG = LoggerFactory.getLogger(FlowAnswers.class);

    /**
     * A message kept for later ({@code x-flow-buffer}): {@code 202} with the kept message's id and until when it
     * waits for its instance. The sender's job is done; the message is not lost.
     */
    public HttpResponse<?> kept(PendingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", "BUFFERED");
        body.put("messageId", message.id());
        body.put("message", message.messageName());
        body.put("businessKey", message.businessKey());
        body.put("bufferedUntil", message.expiresAt().toString());
        return HttpResponse.accepted().body(body);
    }

    public HttpResponse<?> answer(Operation operation, FlowBinding binding, FlowInstance instance) {
        if (binding.mode() == FlowMode.ASYNC || !instance.state().isSettled()
                || instance.state() == InstanceState.INCIDENT) {
            return accepted(instance);
        }
        if (instance.state() == InstanceState.ERROR) {
            return flowError(operation, binding, instance);
        }
        if (instance.state() == InstanceState.FAILED) {
            String detail = instance.error().map(FlowError::message).orElse("the flow failed");
            throw new GatewayProblem(Problem.of(502, "flow-failed", "Flow failed", detail)
                    .with("instanceId", instance.id()));
        }
        return mapped(operation, instance);
    }

    private HttpResponse<?> mapped(Operation operation, FlowInstance instance) {
        MappedResponse response;
        try {
            response = operation.response().render(ResponseContexts.of(instance));
        } catch (ResponseContractViolation e) {
            LOG.warn("flow of {} broke its contract for instance {}: {}", operation.label(), instance.id(),
                    e.getMessage());
            throw new GatewayProblem(ProblemTable.forContract(e).with("instanceId", instance.id()));
        }
        MutableHttpResponse<Object> http = HttpResponse.status(HttpStatus.valueOf(response.status()));
        if (response.body() != null && !response.body().isMissingNode()) {
            http.body(response.body());
        }
        return withInstance(http, instance);
    }

    private HttpResponse<?> flowError(Operation operation, FlowBinding binding, FlowInstance instance) {
        FlowError error = instance.error().orElse(new FlowError("UNKNOWN", null, null));
        Integer declared = binding.errors().get(error.code());
        String detail = error.message() == null ? "the flow ended with the error " + error.code() : error.message();
        Problem problem = declared == null
                ? Problem.of(502, "undeclared-flow-error", "Flow ended in an undeclared error",
                "the flow ended with the BPMN error " + error.code() + ", which " + operation.label()
                        + " does not declare in x-flow-errors: " + detail)
                : Problem.of(declared, "flow-error", error.code(), detail);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errorCode", error.code());
        extra.put("instanceId", instance.id());
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            problem = problem.with(e.getKey(), e.getValue());
        }
        throw new GatewayProblem(problem, Map.of(INSTANCE_HEADER, instance.id()));
    }

    private static HttpResponse<?> accepted(FlowInstance instance) {
        String location = "/instances/" + instance.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instanceId", instance.id());
        body.put("state", instance.state().name());
        body.put("status", location);
        MutableHttpResponse<Object> http = HttpResponse.status(HttpStatus.ACCEPTED).body(body);
        http.header("Location", location);
        return withInstance(http, instance);
    }

    private static HttpResponse<?> withInstance(MutableHttpResponse<?> http, FlowInstance instance) {
        http.header(INSTANCE_HEADER, instance.id());
        http.header(STATE_HEADER, instance.state().name());
        return http;
    }
}
