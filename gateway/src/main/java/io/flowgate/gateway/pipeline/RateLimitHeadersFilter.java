package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.ratelimit.RateDecision;
import io.flowgate.gateway.ratelimit.RateLimitHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every answer to a rate-limited request carries the IETF RateLimit headers, whether it succeeded or failed later
 * in the pipeline (a 403 or a 400 counts against the limit too).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RateLimitHeadersFilter {

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(Guard.DECISION_ATTRIBUTE, RateDecision.class).ifPresent(decision ->
                RateLimitHeaders.of(decision).forEach((name, value) -> {
                    if (!response.getHeaders().contains(name)) {
                        response.header(name, value);
                    }
                }));
    }
}
