package io.flowgate.contracts;

import java.util.Map;

/** A route and the path parameters taken from the request path (raw, still percent-decoded once). */
public record RouteMatch(Route route, Map<String, String> pathParameters) {
    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
