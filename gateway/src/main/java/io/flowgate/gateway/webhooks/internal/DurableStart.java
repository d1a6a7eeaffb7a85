package io.flowgate.gateway.webhooks.internal;

import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.InstanceState;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A webhook sender takes 2xx as "kept" and will not send again. A webhook's asynchronous start or correlation is
 * answered once it has committed (the engine waits for that, up to {@code FLOWGATE_WEBHOOK_ACCEPT_TIMEOUT}); this
 * turns a flow that failed before its commit into a 503 (nothing was kept, the sender retries) and logs a 202 that
 * had to be given before the commit.
 */
public final class DurableStart {

    /** The answer's instance state header (the routing's; not imported, so webhooks do not depend on routing). */
    static final String STATE_HEADER = "Flowgate-Instance-State";
    private static final Logger LOG = LoggerFactory.getLogger(DurableStart.class);

    private final Duration timeout;

    public DurableStart(Duration timeout) {
        this.timeout = timeout;
    }

    public HttpResponse<?> kept(Supplier<HttpResponse<?>> call) {
        HttpResponse<?> response;
        try {
            response = call.get();
        } catch (FlowFailed failed) {
            throw new GatewayProblem(Problem.of(503, "webhook-not-accepted", "Service Unavailable",
                    "the flow could not be started, so the delivery was not kept; send it again later"),
                    Map.of("Retry-After", "5"));
        }
        if (InstanceState.STARTING.name().equals(response.getHeaders().get(STATE_HEADER))) {
            LOG.warn("the flow started by a webhook has not committed within {}; answered 202 anyway", timeout);
        }
        return response;
    }
}
