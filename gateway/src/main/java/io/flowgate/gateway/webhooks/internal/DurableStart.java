package io.flowgate.gateway.webhooks.internal;

import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A webhook sender takes 2xx as "kept" and will not send again, so a webhook's answer comes only once what it started
 * has committed, at most {@code FLOWGATE_WEBHOOK_ACCEPT_TIMEOUT} after the call began. An asynchronous start or
 * correlation already answers after its commit (the engine waits, up to that timeout); a synchronous one whose
 * budget ran out first answers with state STARTING, and is waited for here. A flow that failed before its commit
 * becomes a 503: nothing was kept, the sender retries.
 */
public final class DurableStart {

    // the routing's answer headers (not imported, so webhooks do not depend on routing)
    static final String INSTANCE_HEADER = "Flowgate-Instance";
    static final String STATE_HEADER = "Flowgate-Instance-State";
    private static final long POLL_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DurableStart.class);

    private final WorkflowEngine engine;
    private final Duration timeout;

    public DurableStart(WorkflowEngine engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
    }

    public HttpResponse<?> kept(Supplier<HttpResponse<?>> call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<?> response;
        try {
            response = call.get();
        } catch (FlowFailed failed) {
            throw notKept();
        }
        String id = response.getHeaders().get(INSTANCE_HEADER);
        if (id == null || !InstanceState.STARTING.name().equals(response.getHeaders().get(STATE_HEADER))) {
            return response;
        }
        InstanceState state = awaitCommit(id, deadline);
        if (state == InstanceState.FAILED) {
            throw notKept();
        }
        if (state == InstanceState.STARTING) {
            LOG.warn("instance {} started by a webhook has not committed within {}; answering 202 anyway", id,
                    timeout);
            return response;
        }
        return withState(response, state);
    }

    private InstanceState awaitCommit(String id, long deadline) {
        Optional<FlowInstance> instance = engine.instance(id);
        // empty: the engine has handed out the id but not yet registered the start (a moment); keep looking
        while (instance.map(i -> i.state() == InstanceState.STARTING).orElse(true)
                && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            sleep();
            instance = engine.instance(id);
        }
        return instance.map(FlowInstance::state).orElse(InstanceState.STARTING);
    }

    private static GatewayProblem notKept() {
        return new GatewayProblem(Problem.of(503, "webhook-not-accepted", "Service Unavailable",
                "the flow could not be started, so the delivery was not kept; send it again later"),
                Map.of("Retry-After", "5"));
    }

    /** The accepted answer tells where the instance stands now that it is kept. */
    @SuppressWarnings("unchecked")
    private static HttpResponse<?> withState(HttpResponse<?> response, InstanceState state) {
        if (!(response instanceof MutableHttpResponse<?> mutable)) {
            return response;
        }
        mutable.getHeaders().set(STATE_HEADER, state.name());
        if (mutable.body() instanceof Map<?, ?> body && body.containsKey("state")) {
            Map<Object, Object> updated = new LinkedHashMap<>(body);
            updated.put("state", state.name());
            ((MutableHttpResponse<Object>) mutable).body(updated);
        }
        return mutable;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
