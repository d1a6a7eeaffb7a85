package io.flowgate.connectors.payments.sandbox.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.flowgate.connectors.payments.CancelResult;
import io.flowgate.connectors.payments.Money;
import io.flowgate.connectors.payments.sandbox.LedgerEntry;
import io.flowgate.connectors.payments.sandbox.RefundEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The sandbox's JSON API over {@code /payments}:
 * <pre>
 * POST /payments                  {orderRef, amount, currency, paymentToken, capture?=true}  → 201 payment
 * GET  /payments/{id}                                                                        → 200 payment
 * POST /payments/{id}/captures                                                               → 200 payment
 * POST /payments/{id}/refunds     {amount?} (absent: everything not refunded yet)            → 201 refund
 * POST /payments/cancellations    {chargeKey, reason?}                                       → 200 cancellation
 * POST /payments/{id}/settlement  {approved: true|false}                                     → 200 payment
 * </pre>
 * The POSTs that create something need an {@code Idempotency-Key} header; a repeat answers {@code 200} with the
 * first outcome and {@code Idempotent-Replayed: true}. A cancellation ({@code {status: VOIDED|REFUNDED|NOT_CHARGED,
 * paymentId?, refundId?, amount?}}) answers {@code 200} every time: repeating it changes nothing and answers the
 * same. Errors are {@code {"error": code, "message": …}}.
 *
 * <p>A settlement decides a PENDING payment as the provider would later on its own (approved → APPROVED, otherwise
 * DECLINED with a reason), then calls back when a webhook URL is configured; a payment that is not pending any more
 * answers {@code 409 payment_not_pending}. It needs no {@code Idempotency-Key}: it is for people trying the
 * sandbox out (token {@code pending-manual}), not for clients.
 */
public final class SandboxHandler implements HttpHandler {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_TEXT = 200;
    private static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

    private final SandboxBank bank;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public SandboxHandler(SandboxBank bank) {
        this.bank = bank;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (SandboxFailure f) {
                send(exchange, f.status(), error(f.code(), f.getMessage()), false);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, error("invalid_request", e.getMessage()), false);
            } catch (RuntimeException e) {
                LOG.warn("sandbox payment request failed", e);
                send(exchange, 500, error("internal_error", String.valueOf(e.getMessage())), false);
            }
        } catch (IOException e) {
            // the client gave up (e.g. its read timeout during a 'timeout' payment): nobody is left to answer
            LOG.debug("sandbox could not answer: {}", e.toString());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().replaceAll("/+$", "").split("/");
        // "", "payments", id?, action?
        String method = exchange.getRequestMethod();
        if (parts.length == 2 && "POST".equals(method)) {
            charge(exchange);
        } else if (parts.length == 3 && "POST".equals(method) && "cancellations".equals(parts[2])) {
            cancel(exchange);
        } else if (parts.length == 3 && "GET".equals(method)) {
            LedgerEntry entry = bank.find(parts[2])
                    .orElseThrow(() -> new SandboxFailure(404, "payment_not_found", "no payment " + parts[2]));
            send(exchange, 200, payment(entry), false);
        } else if (parts.length == 4 && "POST".equals(method) && "captures".equals(parts[3])) {
            key(exchange);
            send(exchange, 200, payment(bank.capture(parts[2])), false);
        } else if (parts.length == 4 && "POST".equals(method) && "refunds".equals(parts[3])) {
            refund(exchange, parts[2]);
        } else if (parts.length == 4 && "POST".equals(method) && "settlement".equals(parts[3])) {
            settle(exchange, parts[2]);
        } else {
            throw new SandboxFailure(404, "not_found", method + " " + exchange.getRequestURI().getPath());
        }
    }

    private void charge(HttpExchange exchange) throws IOException {
        String key = key(exchange);
        JsonNode body = body(exchange);
        SandboxBank.Charge charge = new SandboxBank.Charge(text(body, "orderRef"),
                Money.checkAmount(Money.parse(value(body, "amount"), "amount"), "amount"),
                Money.checkCurrency(text(body, "currency")), text(body, "paymentToken"),
                !body.has("capture") || body.get("capture").asBoolean(true));
        SandboxBank.Outcome<LedgerEntry> outcome = bank.charge(key, charge);
        send(exchange, outcome.replayed() ? 200 : 201, payment(outcome.entry()), outcome.replayed());
    }

    private void refund(HttpExchange exchange, String paymentId) throws IOException {
        String key = key(exchange);
        JsonNode body = body(exchange);
        Object amount = value(body, "amount");
        BigDecimal parsed = amount == null ? null : Money.checkAmount(Money.parse(amount, "amount"), "amount");
        SandboxBank.Outcome<RefundEntry> outcome = bank.refund(key, paymentId, parsed);
        send(exchange, outcome.replayed() ? 200 : 201, refund(outcome.entry()), outcome.replayed());
    }

    private void settle(HttpExchange exchange, String paymentId) throws IOException {
        JsonNode approved = body(exchange).get("approved");
        if (approved == null || !approved.isBoolean()) {
            throw new IllegalArgumentException("approved is required (true or false)");
        }
        send(exchange, 200, payment(bank.settlement(paymentId, approved.booleanValue())), false);
    }

    private void cancel(HttpExchange exchange) throws IOException {
        String key = key(exchange);
        JsonNode body = body(exchange);
        String chargeKey = text(body, "chargeKey", MAX_KEY_LENGTH);
        String reason = body.hasNonNull("reason") ? text(body, "reason", MAX_TEXT) : null;
        CancelResult result = bank.cancel(key, chargeKey, reason);
        ObjectNode node = json.createObjectNode().put("status", result.status().name());
        if (result.paymentId() != null) {
            node.put("paymentId", result.paymentId());
        }
        if (result.refundId() != null) {
            node.put("refundId", result.refundId()).put("amount", result.refunded().toPlainString());
        }
        send(exchange, 200, node, false);
    }

    private ObjectNode payment(LedgerEntry e) {
        ObjectNode node = json.createObjectNode()
                .put("paymentId", e.paymentId())
                .put("status", switch (e.status()) {
                    case LedgerEntry.AUTHORIZED, LedgerEntry.CAPTURED -> "APPROVED";
                    case LedgerEntry.PENDING -> "PENDING";
                    default -> "DECLINED";
                })
                .put("captured", LedgerEntry.CAPTURED.equals(e.status()))
                .put("orderRef", e.orderRef())
                .put("amount", e.amount() == null ? null : e.amount().toPlainString())
                .put("currency", e.currency())
                .put("refundedAmount", e.refundedAmount().toPlainString());
        if (e.reason() != null) {
            node.put("reason", e.reason());
        }
        return node;
    }

    private ObjectNode refund(RefundEntry r) {
        ObjectNode node = json.createObjectNode()
                .put("refundId", r.refundId())
                .put("paymentId", r.paymentId())
                .put("status", RefundEntry.REFUNDED.equals(r.status()) ? "APPROVED" : "DECLINED")
                .put("amount", r.amount().toPlainString());
        if (r.reason() != null) {
            node.put("reason", r.reason());
        }
        return node;
    }

    private ObjectNode error(String code, String message) {
        return json.createObjectNode().put("error", code).put("message", message);
    }

    private static String key(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new SandboxFailure(400, "idempotency_key_required",
                    "an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH + " characters is required");
        }
        return key;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
            }
            if (bytes.length == 0) {
                return json.createObjectNode();
            }
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Object value(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : node.asText();
    }

    private static String text(JsonNode body, String field) {
        return text(body, field, MAX_TEXT);
    }

    private static String text(JsonNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank() || node.asText().length() > maxLength) {
            throw new IllegalArgumentException(field + " is required (a string of 1 to " + maxLength
                    + " characters)");
        }
        return node.asText();
    }

    private void send(HttpExchange exchange, int status, ObjectNode body, boolean replayed) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (replayed) {
            exchange.getResponseHeaders().set(REPLAYED, "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        LOG.trace("sandbox answered {} {}", status, new String(bytes, StandardCharsets.UTF_8));
    }
}
