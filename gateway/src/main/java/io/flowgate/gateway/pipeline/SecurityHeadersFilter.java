package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.auth.CallerAttribute;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries. {@code X-Content-Type-Options: nosniff} on all of them, so a browser never runs an
 * answer as something other than its declared type. {@code Cache-Control: no-store} on answers to requests that
 * carry credentials (or that the pipeline authenticated otherwise, such as a signed webhook), so no cache keeps one
 * caller's data for another — unless the answer already says how it may be cached. The console's files are fetched
 * without credentials and keep their own caching. Runs first on the way in, so it sees every answer on the way out,
 * including the refusals of the filters after it; an idempotent replay passes it as the first answer did.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1_000;
    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(CONTENT_TYPE_OPTIONS)) {
            response.header(CONTENT_TYPE_OPTIONS, "nosniff");
        }
        boolean withCredentials = request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                || CallerAttribute.get(request).authenticated();
        if (withCredentials && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
