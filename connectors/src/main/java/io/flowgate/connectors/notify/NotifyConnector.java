package io.flowgate.connectors.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code notify}: records a notification on a channel ({@code kitchen}, {@code store-42} …) for the console and the
 * events feed to show, in the instance's tenant. Once per (instance, task): a retried job returns the first record's
 * id.
 */
@Singleton
public final class NotifyConnector implements Connector {

    public static final String ID = "notify";
    public static final String INVALID_INPUT = "INVALID_INPUT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_MESSAGE = 4000;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Notify",
            "Records a notification on a channel for the console and the events feed.",
            List.of(new ConnectorParameter("channel", "string", true,
                            "Channel name: lower-case letters, digits, '.', '_' or '-', e.g. kitchen"),
                    new ConnectorParameter("subject", "string", true, "Short subject line, up to 500 characters"),
                    new ConnectorParameter("message", "string", false, "Message text, up to 4000 characters"),
                    new ConnectorParameter("data", "object", false, "Structured details kept as JSON")),
            List.of(new ConnectorParameter("notificationId", "string", false, "Id of the notification record"),
                    new ConnectorParameter("createdAt", "string", false, "When it was recorded (ISO-8601)")),
            List.of(new ConnectorErrorSpec(INVALID_INPUT, "A channel, subject, message or data input is missing, "
                    + "malformed or too long; nothing was recorded.")), false);

    private final NotificationStore store;
    private final NotifySettings settings;

    public NotifyConnector(NotificationStore store, NotifySettings settings) {
        this.store = store;
        this.settings = settings.validate();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        String channel = text(request, "channel", 64);
        if (!channel.matches("[a-z0-9][a-z0-9._-]*")) {
            throw invalid("'channel' must be lower-case letters, digits, '.', '_' or '-', was " + channel);
        }
        String subject = text(request, "subject", MAX_SUBJECT);
        Object message = request.input("message");
        if (message != null && message.toString().length() > MAX_MESSAGE) {
            throw invalid("'message' is longer than " + MAX_MESSAGE + " characters");
        }
        Notification n = store.write(request.idempotencyKey(), channel, subject,
                message == null ? null : message.toString(), data(request.input("data")), request.instanceId(),
                request.activityId(), request.tenantId());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("notificationId", n.id());
        outputs.put("createdAt", n.createdAt().toString());
        return outputs;
    }

    /** JSON text of the data input; text that is already JSON is kept as it is, other text becomes a JSON string. */
    private String data(Object value) {
        if (value == null) {
            return null;
        }
        String json;
        try {
            json = value instanceof String text && isJson(text) ? text : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw invalid("'data' cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > settings.getMaxDataSize()) {
            throw invalid("'data' is larger than " + settings.getMaxDataSize()
                    + " bytes (flowgate.notify.max-data-size)");
        }
        return json;
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String text(ConnectorRequest request, String name, int max) {
        Object value = request.input(name);
        if (value == null || value.toString().isBlank()) {
            throw invalid("'" + name + "' is required");
        }
        String text = value.toString().trim();
        if (text.length() > max) {
            throw invalid("'" + name + "' is longer than " + max + " characters");
        }
        return text;
    }

    private static ConnectorBusinessError invalid(String message) {
        return new ConnectorBusinessError(INVALID_INPUT, message);
    }
}
