package io.flowgate.gateway.routing;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.Route;
import io.flowgate.contracts.RouteMatch;
import io.flowgate.contracts.validation.RequestData;
import io.flowgate.contracts.validation.ValidatedRequest;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.Authorizer;
import io.flowgate.gateway.idempotency.IdempotencyStage;
import io.flowgate.gateway.instances.InstanceStatusResource;
import io.flowgate.gateway.pipeline.Guard;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.webhooks.WebhookDelivery;
import io.flowgate.gateway.webhooks.WebhookStage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract pipeline, in order: route look-up → authentication (a webhook's signature for {@code x-webhook}
 * operations) → rate limit → authorization → idempotency (and a webhook's delivery id) → validation → flow, or a
 * mock's example (body and header size limits apply before, in Netty). Routes, policies, schemas and mappings were compiled at publish time;
 * this class only looks things up.
 */
@Singleton
public class OperationDispatcher {

    private static final Pattern STATUS_PATH = Pattern.compile("^/instances/([A-Za-z0-9-]{1,64})/?$");

    private final ContractRegistry registry;
    private final Guard guard;
    private final Authorizer authorizer;
    private final IdempotencyStage idempotency;
    private final FlowCall flowCall;
    private final InstanceStatusResource statusResource;
    private final WebhookStage webhooks;

    public OperationDispatcher(ContractRegistry registry, Guard guard, Authorizer authorizer,
                               IdempotencyStage idempotency, FlowCall flowCall,
                               InstanceStatusResource statusResource, WebhookStage webhooks) {
        this.registry = registry;
        this.guard = guard;
        this.authorizer = authorizer;
        this.idempotency = idempotency;
        this.flowCall = flowCall;
        this.statusResource = statusResource;
        this.webhooks = webhooks;
    }

    public HttpResponse<?> dispatch(HttpRequest<?> request, byte[] body) {
        String method = request.getMethodName();
        String rawPath = request.getUri().getRawPath();
        Optional<RouteMatch> match = registry.match(method, rawPath);
        if (match.isEmpty()) {
            return fallback(request, method, rawPath);
        }
        Route route = match.get().route();
        Operation operation = route.operation();
        String operationKey = operation.contractName() + " " + operation.method() + " " + operation.path();
        // x-webhook: the signature over the raw body replaces the bearer token
        WebhookDelivery delivery = operation.policy().webhook()
                .map(webhook -> webhooks.verify(operation, webhook, request, body)).orElse(null);
        Caller caller = delivery == null ? guard.admit(request, operationKey, operation.policy().rateLimit())
                : guard.admitAs(delivery.caller(), request, operationKey, operation.policy().rateLimit());
        authorizer.authorizeOperation(caller, operation);
        if (route.unavailableReason().isPresent()) {
            throw new GatewayProblem(Problem.of(503, "route-unavailable", "Route unavailable",
                    operation.label() + " is unavailable: " + route.unavailableReason().get()));
        }
        FlowBinding binding = operation.binding().orElseThrow(() -> new GatewayProblem(Problem.of(501,
                "operation-unrouted", "Not Implemented", operation.label() + " of contract '"
                        + operation.contractName() + "' has no x-flow-id: nothing runs behind it yet")));
        Supplier<HttpResponse<?>> run = () -> idempotency.execute(caller, operation, request, body,
                (Optional<ReceivedMessage> key) -> {
                    RequestData data = RequestAdapter.toRequestData(request, match.get().pathParameters(), body,
                            caller.claims());
                    ValidatedRequest validated = operation.validator().validate(data);
                    return flowCall.call(caller, operation, binding, validated, key);
                });
        return delivery == null ? run.get() : webhooks.once(operation, delivery, request, run);
    }

    private HttpResponse<?> fallback(HttpRequest<?> request, String method, String rawPath) {
        Set<String> allowed = registry.allowedMethods(rawPath);
        if (!allowed.isEmpty()) {
            throw new GatewayProblem(Problem.of(405, "method-not-allowed", "Method Not Allowed",
                    method + " is not declared for " + rawPath + "; declared: " + String.join(", ", allowed)),
                    Map.of("Allow", String.join(", ", allowed)));
        }
        Matcher status = STATUS_PATH.matcher(rawPath);
        if ("GET".equals(method) && status.matches()) {
            Caller caller = guard.admit(request, "GET /instances/{id}", Optional.empty());
            Guard.requireAuthenticated(caller);
            return statusResource.status(caller, status.group(1));
        }
        throw new GatewayProblem(Problem.of(404, "route-not-found", "Not Found",
                "no published contract declares " + method + " " + rawPath));
    }
}
