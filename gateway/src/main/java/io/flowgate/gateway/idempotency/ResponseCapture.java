package io.flowgate.gateway.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.ContractException;
import io.flowgate.engine.FlowException;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.problem.ProblemResponses;
import io.flowgate.gateway.problem.ProblemTable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response as bytes and the headers worth replaying, and back; and which failures are kept as the answer of a
 * key (or delivery id) because they may have had side effects. Shared by {@link IdempotencyStage} and the webhook
 * replay store.
 */
public final class ResponseCapture {

    private static final List<String> KEPT_HEADERS = List.of("Location", "Flowgate-Instance",
            "Flowgate-Instance-State");

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCapture.class);

    private final ObjectMapper json;

    public ResponseCapture(ObjectMapper json) {
        this.json = json;
    }

    public StoredResponse capture(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        Object body = response.getBody().orElse(null);
        Optional<MediaType> contentType = response.getContentType();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            contentType = contentType.or(() -> Optional.of(MediaType.TEXT_PLAIN_TYPE));
        } else {
            bytes = serialize(body);
            contentType = contentType.or(() -> Optional.of(MediaType.APPLICATION_JSON_TYPE));
        }
        contentType.ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type.toString()));
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaders().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(response.code(), headers, bytes);
    }

    public static MutableHttpResponse<byte[]> toResponse(int status, StoredResponse stored) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(status));
        stored.headers().forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                response.contentType(value);
            } else {
                response.header(name, value);
            }
        });
        if (stored.body().length > 0) {
            response.body(stored.body());
        }
        return response;
    }

    /**
     * The problem to keep for a failure that may have had side effects (an instance ran, or the server failed);
     * empty when nothing ran, so the key is free for a retry.
     *
     * @param what for the log of an unexpected failure, e.g. "its idempotency key"
     */
    public Optional<StoredResponse> keptFailure(HttpRequest<?> request, RuntimeException e, String what) {
        Problem problem;
        Map<String, String> headers = Map.of();
        if (e instanceof GatewayProblem gateway) {
            problem = gateway.problem();
            headers = gateway.headers();
        } else if (e instanceof ContractException contract) {
            problem = ProblemTable.forContract(contract);
        } else if (e instanceof FlowException flow) {
            problem = ProblemTable.forFlow(flow);
        } else {
            LOG.error("request failed; " + what + " keeps this 500 answer", e);
            problem = Problem.of(500, "internal-error", "Internal Server Error",
                    "The server failed to handle the request; the error is logged.");
        }
        boolean ran = problem.extensions().containsKey("instanceId");
        if (problem.status() == 503 || (problem.status() < 500 && !ran)) {
            return Optional.empty();
        }
        return Optional.of(capture(ProblemResponses.render(request, problem, headers)));
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the response body: " + e.getOriginalMessage(), e);
        }
    }
}
