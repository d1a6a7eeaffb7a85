package io.flowgate.gateway.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.gateway.testsupport.GatewayProcess;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash suite's client of a gateway child process: the admin's set-up calls and the customers' orders. Tokens
 * are kept across restarts (the token secret lives in the database).
 */
final class CrashClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final String CUSTOMER_PASSWORD = "crash-customer-password";
    /** Longer than the order operation's sync budget (20 s), so a client never gives up before the gateway answers. */
    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(45);

    private final GatewayProcess gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> customers = new ArrayList<>();
    private String admin;

    CrashClient(GatewayProcess gateway) {
        this.gateway = gateway;
    }

    /**
     * Customers of tenant bistro, and the contract {@code crash-orders}: the restaurant's own {@code placeOrder}
     * operation (read back from the gateway, so it is exactly what {@code POST /orders} runs) published twice —
     * {@code POST /crash/orders} synchronous as shipped, {@code POST /crash/async-orders} with {@code x-flow-mode:
     * async} — each with one more variable, {@code crashRef} from the header {@code X-Crash-Ref}.
     */
    void setUp(int customerCount) throws Exception {
        admin = login("admin", ADMIN_PASSWORD);
        for (int i = 0; i < customerCount; i++) {
            String name = "crash-customer-" + i;
            expect(201, post(admin, "/admin/users", "application/json", JSON.writeValueAsString(JSON.createObjectNode()
                    .put("username", name).put("password", CUSTOMER_PASSWORD).put("tenant", "bistro")
                    .set("roles", JSON.createArrayNode().add("customer")))), "create " + name);
            customers.add(login(name, CUSTOMER_PASSWORD));
        }
        JsonNode restaurant = JSON.readTree(expect(200, get(admin, "/admin/contracts/restaurant-orders/openapi"),
                "the restaurant contract").body());
        expect(201, post(admin, "/admin/contracts", "application/json", crashContract(restaurant).toString()),
                "publish crash-orders");
    }

    private static ObjectNode crashContract(JsonNode restaurant) {
        ObjectNode contract = restaurant.deepCopy();
        ObjectNode info = (ObjectNode) contract.path("info");
        info.put("title", "Restaurant orders for the crash suite").put("x-contract-name", "crash-orders");
        ObjectNode placeOrder = (ObjectNode) restaurant.path("paths").path("/orders").path("post");
        ObjectNode paths = JSON.createObjectNode();
        paths.set("/crash/orders", JSON.createObjectNode().set("post", variant(placeOrder, "crashPlaceOrder", false)));
        paths.set("/crash/async-orders", JSON.createObjectNode().set("post", variant(placeOrder, "crashPlaceOrderAsync",
                true)));
        contract.set("paths", paths);
        return contract;
    }

    private static ObjectNode variant(ObjectNode placeOrder, String operationId, boolean async) {
        ObjectNode operation = placeOrder.deepCopy();
        operation.put("operationId", operationId);
        ((ObjectNode) operation.path("x-flow-variables")).put("crashRef", "{header.X-Crash-Ref}");
        if (async) {
            operation.put("x-flow-mode", "async");
        }
        return operation;
    }

    /** Sends the order as its customer; never throws for a broken connection (that is an {@link Answer} too). */
    Answer place(OrderCall order) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(order.path())).timeout(ORDER_TIMEOUT)
                .header("Authorization", "Bearer " + customers.get(order.customer()))
                .header("Content-Type", "application/json").header("X-Crash-Ref", order.ref())
                .POST(HttpRequest.BodyPublishers.ofString(order.body()));
        if (order.key() != null) {
            request.header("Idempotency-Key", order.key());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Flowgate-Instance").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent(),
                    response.body(), null, System.nanoTime());
        } catch (IOException e) {
            return Answer.none(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none("interrupted");
        }
    }

    /** Order-fulfilment instances in {@code state} (RUNNING, WAITING, INCIDENT, …), as the admin API counts them. */
    long instancesIn(String state) throws Exception {
        HttpResponse<String> page = expect(200, get(admin, "/admin/instances?flow=order-fulfilment&size=1&state="
                + state), "count " + state + " instances");
        return JSON.readTree(page.body()).path("total").asLong();
    }

    private String login(String username, String password) throws Exception {
        HttpResponse<String> reply = expect(200, post(null, "/auth/token", "application/json",
                JSON.writeValueAsString(JSON.createObjectNode().put("username", username).put("password", password))),
                "login " + username);
        return JSON.readTree(reply.body()).path("access_token").asText();
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return send(token, HttpRequest.newBuilder(gateway.uri(path)).GET());
    }

    private HttpResponse<String> post(String token, String path, String type, String body) throws Exception {
        return send(token, HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }
}
