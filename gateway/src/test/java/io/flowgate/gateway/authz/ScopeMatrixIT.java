package io.flowgate.gateway.authz;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.pipeline.RouteScopes;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint × caller matrix, generated from the running gateway's own routes: every route is called as the
 * platform admin, the admins of tenants A and B, a non-admin of A and anonymously, and each answer must be what the
 * route's declared {@link Scope} promises — refused ones with 401 (and a bearer challenge) or 403
 * {@code insufficient-scope} naming the scope, admitted ones never with 401 or 403. A new route without a scope, or
 * a scope the pipeline does not enforce, fails here.
 *
 * <p>Path variables are filled with names that do not exist and bodies are {@code {}}, so no call changes anything:
 * an admitted caller gets 400 or 404, which is all the matrix needs to know.
 */
class ScopeMatrixIT {

    private static final String UNKNOWN = "matrix-unknown";

    private static GatewayServer gateway;
    private static Map<String, GatewayServer> callers;
    /** Who logs in as whom, for a route that ends the token it is called with. */
    private static final Map<String, String> USERNAMES = Map.of("platform admin", "admin",
            "tenant admin A", "matrix-admin-a", "tenant admin B", "matrix-admin-b", "non-admin of A", "matrix-clerk-a");

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        callers = Map.of(
                "platform admin", gateway,
                "tenant admin A", gateway.as(gateway.createUser("matrix-admin-a", "bistro", "admin")),
                "tenant admin B", gateway.as(gateway.createUser("matrix-admin-b", "diner", "admin")),
                "non-admin of A", gateway.as(gateway.createUser("matrix-clerk-a", "bistro", "store-manager")),
                "anonymous", gateway.anonymous());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachCallerAsItsScopeSays() {
        // the router lists some routes more than once: one call per method and template is enough
        Map<String, UriRouteInfo<?, ?>> routes = new TreeMap<>();
        gateway.context().getBean(Router.class).uriRoutes().forEach(route -> routes.putIfAbsent(name(route), route));
        Set<String> names = routes.keySet();
        // the matrix must be about the real table, not an empty one
        assertThat(names).contains("POST /admin/contracts", "DELETE /admin/contracts/{name}", "POST /admin/flows",
                "GET /admin/instances", "POST /admin/users", "PUT /admin/policies", "GET /admin/triggers",
                "GET /api/tasks", "GET /auth/me", "POST /auth/token", "POST /auth/logout",
                "POST /admin/users/{username}/revoke-tokens", "GET /ui", "GET /health", "GET /metrics",
                "POST /admin/flows/{key}/versions/{version}/suspend",
                "POST /admin/flows/{key}/versions/{version}/activate", "DELETE /admin/flows/{key}/versions/{version}",
                "GET /{+path}");
        return routes.values().stream().map(route -> {
            Scope scope = declared(route).orElseThrow(() -> new AssertionError(name(route) + " declares no scope"));
            return DynamicTest.dynamicTest(scope + " " + name(route), () -> callEveryone(route, scope));
        });
    }

    private static void callEveryone(UriRouteInfo<?, ?> route, Scope scope) {
        callers.forEach((who, caller) -> {
            Reply reply = call(endsItsToken(route) ? freshToken(who, caller) : caller, route);
            String as = name(route) + " as " + who + " → " + reply;
            switch (expected(scope, who)) {
                case ADMITTED -> assertThat(reply.status()).as(as).isNotIn(401, 403);
                case UNAUTHENTICATED -> {
                    assertThat(reply.status()).as(as).isEqualTo(401);
                    assertThat(reply.header("WWW-Authenticate")).as(as).startsWith("Bearer");
                }
                case FORBIDDEN -> {
                    assertThat(reply.status()).as(as).isEqualTo(403);
                    if (!route.getHttpMethodName().equals("HEAD")) {
                        assertThat(reply.header("Content-Type")).as(as).startsWith("application/problem+json");
                        assertThat(reply.json().path("type").asText()).as(as)
                                .isEqualTo("https://flowgate.io/problems/insufficient-scope");
                        assertThat(reply.json().path("requiredScope").asText()).as(as).isEqualTo(scope.label());
                        assertThat(reply.json().path("detail").asText()).as(as).contains(scope.label());
                    }
                }
            }
        });
    }

    /** {@code POST /auth/logout} revokes the token it is called with: every caller sends a fresh one of its own. */
    private static boolean endsItsToken(UriRouteInfo<?, ?> route) {
        return name(route).equals("POST /auth/logout");
    }

    private static GatewayServer freshToken(String who, GatewayServer caller) {
        String username = USERNAMES.get(who);
        if (username == null) {
            return caller;
        }
        String password = username.equals("admin") ? GatewayServer.ADMIN_PASSWORD : GatewayServer.USER_PASSWORD;
        return gateway.as(gateway.login(username, password));
    }

    private enum Outcome { ADMITTED, UNAUTHENTICATED, FORBIDDEN }

    /** What the declared scope promises each caller. */
    private static Outcome expected(Scope scope, String who) {
        return switch (scope) {
            case PUBLIC, CONTRACT -> Outcome.ADMITTED;
            case AUTHENTICATED -> who.equals("anonymous") ? Outcome.UNAUTHENTICATED : Outcome.ADMITTED;
            case TENANT_ADMIN -> who.equals("anonymous") ? Outcome.UNAUTHENTICATED
                    : who.equals("non-admin of A") ? Outcome.FORBIDDEN : Outcome.ADMITTED;
            case PLATFORM_ADMIN -> who.equals("anonymous") ? Outcome.UNAUTHENTICATED
                    : who.equals("platform admin") ? Outcome.ADMITTED : Outcome.FORBIDDEN;
        };
    }

    /** The route's {@link RequiredScope} (the method's, else its class's), or a management endpoint's table entry. */
    private static Optional<Scope> declared(UriRouteInfo<?, ?> route) {
        AnnotationMetadata metadata = route.getAnnotationMetadata();
        Optional<Scope> annotated = metadata.enumValue(RequiredScope.class, Scope.class);
        if (annotated.isPresent()) {
            return annotated;
        }
        return metadata.stringValue(Endpoint.class, "id").or(() -> metadata.stringValue(Endpoint.class))
                .map(RouteScopes.MANAGEMENT::get);
    }

    private static Reply call(GatewayServer caller, UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new HashMap<>();
        route.getUriMatchTemplate().getVariableNames().forEach(variable -> values.put(variable,
                switch (variable) {
                    case "path" -> UNKNOWN + "/file.txt";
                    case "version" -> "1";
                    default -> UNKNOWN;
                }));
        String path = route.getUriMatchTemplate().expand(values);
        String method = route.getHttpMethodName();
        HttpRequest.Builder request = HttpRequest.newBuilder(caller.uri(path));
        return caller.send(switch (method) {
            case "POST", "PUT", "PATCH" -> request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
            default -> request.method(method, HttpRequest.BodyPublishers.noBody());
        });
    }

    private static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate();
    }
}
