package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Scope} of every route of the gateway, worked out once at start-up: a controller method's
 * {@link RequiredScope}, else its class's; for the management endpoints, which are Micronaut's and not our
 * controllers, the table {@link #MANAGEMENT}. Start-up fails naming every route that has neither, so no endpoint
 * can be added without saying who may call it.
 */
@Singleton
public class RouteScopes implements ApplicationEventListener<StartupEvent> {

    /** Management endpoints by id: the health summary is open; the metrics describe the whole platform. */
    public static final Map<String, Scope> MANAGEMENT = Map.of(
            "health", Scope.PUBLIC,
            "metrics", Scope.PLATFORM_ADMIN);

    // the router is complete only once the context has run every route builder: read it at the start-up event
    private final BeanProvider<Router> router;
    private volatile Map<RouteInfo<?>, Scope> table = Map.of();

    public RouteScopes(BeanProvider<Router> router) {
        this.router = router;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        table = build(router.get().uriRoutes().toList());
    }

    /** The scope of a matched route; empty only for a route the start-up check would have refused. */
    public Optional<Scope> of(RouteInfo<?> route) {
        Scope known = table.get(route);
        return known != null ? Optional.of(known) : declared(route);
    }

    /**
     * Every route with its scope.
     *
     * @throws IllegalStateException naming every route without one
     */
    static Map<RouteInfo<?>, Scope> build(List<UriRouteInfo<?, ?>> routes) {
        Map<RouteInfo<?>, Scope> scopes = new IdentityHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (UriRouteInfo<?, ?> route : routes) {
            declared(route).ifPresentOrElse(scope -> scopes.put(route, scope), () -> missing.add(describe(route)));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("every route must say who may call it, and " + missing.size()
                    + " do not: " + String.join("; ", missing) + ". Annotate the controller or the method with "
                    + "@RequiredScope (io.flowgate.gateway.authz), or give a management endpoint its scope in "
                    + "RouteScopes.MANAGEMENT");
        }
        return Collections.unmodifiableMap(scopes);
    }

    /** The method's annotation, else its class's (route metadata holds both, the method's first); else the table. */
    static Optional<Scope> declared(RouteInfo<?> route) {
        AnnotationMetadata metadata = route.getAnnotationMetadata();
        Optional<Scope> annotated = metadata.enumValue(RequiredScope.class, Scope.class);
        if (annotated.isPresent()) {
            return annotated;
        }
        Optional<String> endpoint = metadata.stringValue(Endpoint.class, "id").or(() -> metadata.stringValue(Endpoint.class));
        return endpoint.map(MANAGEMENT::get);
    }

    static String describe(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate() + " ("
                + route.getDeclaringType().getName() + "." + route.getTargetMethod().getMethodName() + ")";
    }
}
