package io.flowgate.connectors.payments.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.connectors.payments.CancelRequest;
import io.flowgate.connectors.payments.CancelResult;
import io.flowgate.connectors.payments.CancelStatus;
import io.flowgate.connectors.payments.Money;
import io.flowgate.connectors.payments.PaymentProvider;
import io.flowgate.connectors.payments.PaymentProviderException;
import io.flowgate.connectors.payments.PaymentProviderException.Kind;
import io.flowgate.connectors.payments.PaymentRequest;
import io.flowgate.connectors.payments.PaymentResult;
import io.flowgate.connectors.payments.PaymentStatus;
import io.flowgate.connectors.payments.RefundRequest;
import io.flowgate.connectors.payments.RefundResult;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link PaymentProvider} over the sandbox's JSON API (any provider speaking it will do), with the JDK HTTP client.
 * Every money-moving call carries its key in the {@code Idempotency-Key} header; timeouts, connection failures and
 * 5xx become {@link PaymentProviderException}, business refusals become DECLINED results.
 */
public final class HttpPaymentProvider implements PaymentProvider {

    private static final String JSON = "application/json";

    private final URI base;
    private final HttpClient client;
    private final Duration readTimeout;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public HttpPaymentProvider(URI base, Duration connectTimeout, Duration readTimeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.readTimeout = readTimeout;
        // HTTP/1.1: no h2c upgrade dance with simple providers
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI baseUri() {
        return base;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request, String idempotencyKey) {
        ObjectNode body = json.createObjectNode()
                .put("orderRef", request.orderRef())
                .put("amount", request.amount().toPlainString())
                .put("currency", request.currency())
                .put("paymentToken", request.paymentToken())
                .put("capture", request.capture());
        HttpResponse<String> response = send("authorize", post("/payments", body, idempotencyKey));
        return payment("authorize", expect("authorize", response, 200, 201));
    }

    @Override
    public PaymentResult capture(String paymentId, String idempotencyKey) {
        HttpResponse<String> response = send("capture",
                post("/payments/" + encode(paymentId) + "/captures", json.createObjectNode(), idempotencyKey));
        return payment("capture", expect("capture", response, 200, 201));
    }

    @Override
    public RefundResult refund(RefundRequest request, String idempotencyKey) {
        ObjectNode body = json.createObjectNode();
        if (request.amount() != null) {
            body.put("amount", request.amount().toPlainString());
        }
        HttpResponse<String> response = send("refund",
                post("/payments/" + encode(request.paymentId()) + "/refunds", body, idempotencyKey));
        if (response.statusCode() == 404) {
            return new RefundResult(null, request.paymentId(), PaymentStatus.DECLINED, request.amount(),
                    "the provider knows no payment " + request.paymentId());
        }
        JsonNode node = expect("refund", response, 200, 201);
        return new RefundResult(text(node, "refundId"), text(node, "paymentId"), status("refund", node),
                amount("refund", node), text(node, "reason"));
    }

    @Override
    public CancelResult cancel(CancelRequest request, String idempotencyKey) {
        ObjectNode body = json.createObjectNode().put("chargeKey", request.chargeKey());
        if (request.reason() != null) {
            body.put("reason", request.reason());
        }
        HttpResponse<String> response = send("cancel", post("/payments/cancellations", body, idempotencyKey));
        JsonNode node = expect("cancel", response, 200, 201);
        return new CancelResult(cancelStatus(node), text(node, "paymentId"), text(node, "refundId"),
                amount("cancel", node));
    }

    @Override
    public Optional<PaymentResult> find(String paymentId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/payments/" + encode(paymentId)))
                .timeout(readTimeout).header("Accept", JSON).GET().build();
        HttpResponse<String> response = send("find", request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(payment("find", expect("find", response, 200)));
    }

    private HttpRequest post(String path, ObjectNode body, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new IllegalArgumentException("an idempotency key of 1 to 255 characters is required");
        }
        try {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(readTimeout)
                    .header("Content-Type", JSON)
                    .header("Accept", JSON)
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String operation, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, operation, "no connection to " + base
                    + " within the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new PaymentProviderException(Kind.TIMEOUT, operation, "no answer from " + base + " within "
                    + readTimeout + "; the outcome is unknown, retry with the same idempotency key", e);
        } catch (ConnectException e) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, operation, "cannot connect to " + base, e);
        } catch (IOException e) {
            throw new PaymentProviderException(Kind.UNAVAILABLE, operation, "connection to " + base + " failed: "
                    + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderException(Kind.UNAVAILABLE, operation, "interrupted", e);
        }
    }

    private JsonNode expect(String operation, HttpResponse<String> response, int... accepted) {
        int status = response.statusCode();
        for (int ok : accepted) {
            if (status == ok) {
                return parse(operation, response.body());
            }
        }
        Kind kind = status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED;
        throw new PaymentProviderException(kind, operation, "HTTP " + status + " " + abbreviate(response.body()),
                null);
    }

    private JsonNode parse(String operation, String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new PaymentProviderException(Kind.BAD_RESPONSE, operation, "unreadable answer "
                    + abbreviate(body), e);
        }
    }

    private PaymentResult payment(String operation, JsonNode node) {
        return new PaymentResult(text(node, "paymentId"), status(operation, node),
                node.path("captured").asBoolean(false), amount(operation, node), text(node, "currency"),
                text(node, "reason"), text(node, "orderRef"));
    }

    private static PaymentStatus status(String operation, JsonNode node) {
        String status = node.path("status").asText("");
        try {
            return PaymentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new PaymentProviderException(Kind.BAD_RESPONSE, operation, "unknown status '" + status + "'", e);
        }
    }

    private static CancelStatus cancelStatus(JsonNode node) {
        String status = node.path("status").asText("");
        try {
            return CancelStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new PaymentProviderException(Kind.BAD_RESPONSE, "cancel", "unknown status '" + status + "'", e);
        }
    }

    private static java.math.BigDecimal amount(String operation, JsonNode node) {
        try {
            return Money.parse(node.path("amount").asText(null), "amount");
        } catch (IllegalArgumentException e) {
            throw new PaymentProviderException(Kind.BAD_RESPONSE, operation, e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
