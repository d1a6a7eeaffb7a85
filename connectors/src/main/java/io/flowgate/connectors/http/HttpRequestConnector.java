package io.flowgate.connectors.http;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.http.internal.CallInputs;
import io.flowgate.connectors.http.internal.LimitedBody;
import io.flowgate.connectors.http.internal.OutboundPolicy;
import io.flowgate.connectors.http.internal.ResponseValues;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code http.request}: one outbound HTTP call whose answer becomes variables. Any answer, 4xx and 5xx included, is
 * returned for the flow to judge ({@code ok} says 2xx); only a call that gets no answer is a technical fault
 * ({@link HttpCallFailed}: retry, then incident). Targets are checked by {@link OutboundPolicy} before anything is
 * sent; redirects are never followed, since the next hop would escape that check — a 3xx is returned as it is.
 */
@Singleton
public final class HttpRequestConnector implements Connector {

    public static final String ID = "http.request";
    /** Methods that change nothing, so need no idempotency key. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestConnector.class);

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "HTTP request",
            "Calls an allow-listed HTTP(S) endpoint and returns its status, headers and body; 4xx/5xx answers are "
                    + "returned, not thrown.",
            List.of(new ConnectorParameter("method", "string", false,
                            "GET (default), POST, PUT, PATCH, DELETE, HEAD or OPTIONS"),
                    new ConnectorParameter("url", "string", true,
                            "Absolute http(s) URL; the host must be in flowgate.http.allowed-hosts"),
                    new ConnectorParameter("headers", "object", false, "Request headers, name → value"),
                    new ConnectorParameter("body", "object", false,
                            "JSON value sent as JSON; text is sent as it is"),
                    new ConnectorParameter("timeout", "string", false,
                            "Whole call, e.g. 5s or 500ms; default flowgate.http.default-timeout, at most 60s")),
            List.of(new ConnectorParameter("status", "integer", false, "HTTP status code of the answer"),
                    new ConnectorParameter("headers", "object", false,
                            "Answer headers, lower-case name → value (repeats joined with ', ')"),
                    new ConnectorParameter("body", "object", false,
                            "Parsed JSON when the answer is JSON, else text; null when empty"),
                    new ConnectorParameter("ok", "boolean", false, "True for a 2xx status")),
            List.of(HttpErrors.HTTP_REFUSED_SPEC, HttpErrors.HTTP_RESPONSE_TOO_LARGE_SPEC,
                    HttpErrors.INVALID_INPUT_SPEC), false);

    private final HttpSettings settings;
    private final OutboundPolicy policy;
    private final HttpClient client;

    public HttpRequestConnector(HttpSettings settings) {
        this.settings = settings.validate();
        this.policy = OutboundPolicy.of(settings);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.getConnectTimeout())
                .build();
        if (settings.getAllowedHosts().isEmpty()) {
            LOG.info("http.request: flowgate.http.allowed-hosts is empty, every outbound call will be refused");
        }
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        CallInputs.Call call = CallInputs.read(request, settings.getDefaultTimeout(), HttpSettings.MAX_TIMEOUT);
        String host = call.url().getHost();
        try {
            policy.check(call.url());
        } catch (UnknownHostException e) {
            throw new HttpCallFailed(host, "the host name does not resolve", e);
        }
        HttpResponse<byte[]> response = send(build(call, request.idempotencyKey()), call, host);
        LOG.debug("http.request {} {} → {}", call.method(), host, response.statusCode());
        return ResponseValues.of(response.statusCode(), response.headers(), response.body());
    }

    private static HttpRequest build(CallInputs.Call call, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.url()).timeout(call.timeout())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        try {
            call.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            throw new ConnectorBusinessError(HttpErrors.INVALID_INPUT, "'headers': " + e.getMessage());
        }
        boolean keyGiven = call.headers().keySet().stream().anyMatch("idempotency-key"::equalsIgnoreCase);
        if (!SAFE_METHODS.contains(call.method()) && !keyGiven) {
            // the same for every attempt of this task: a retried job can be recognised by the callee
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, CallInputs.Call call, String host) {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, LimitedBody.handler(settings.getMaxResponseSize()));
        try {
            // one deadline for the whole call: the request timeout alone stops at the headers, not the body
            return future.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpCallFailed(host, "no complete answer within " + call.timeout().toMillis() + "ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpCallFailed(host, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof LimitedBody.TooLarge) {
                    throw new ConnectorBusinessError(HttpErrors.HTTP_RESPONSE_TOO_LARGE,
                            "http.request to " + host + ": " + t.getMessage());
                }
            }
            throw new HttpCallFailed(host, String.valueOf(cause), cause);
        }
    }
}
