package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses a request whose path, query or body is not well-formed UTF-8 ({@link WellFormedUtf8}) with 400
 * {@code malformed-utf8} naming where ({@code in}: path, query or body) and the byte offset, before anything decodes
 * it. Every body counts, whatever its declared type or charset: each one the gateway accepts is read as UTF-8 text
 * (JSON, forms, text, YAML, BPMN), and a declared charset must not be a way around the check. A form body is checked
 * after percent-decoding too, as its values will be. Headers are left alone: the server reads them byte for byte
 * (ISO-8859-1), so no UTF-8 decoder ever sees them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class Utf8Filter implements Ordered {

    /** Right after the response headers filter, before authentication: nothing reads the request before this. */
    public static final int ORDER = SecurityHeadersFilter.ORDER + 1;

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseMalformed(HttpRequest<?> request, @Body @Nullable byte[] body) {
        String rawPath = request.getUri().getRawPath();
        String rawQuery = request.getUri().getRawQuery();
        Problem problem = malformed("path", rawPath == null ? null : WellFormedUtf8.percentDecoded(rawPath));
        if (problem == null && rawQuery != null) {
            problem = malformed("query", WellFormedUtf8.percentDecoded(rawQuery));
        }
        if (problem == null && body != null) {
            problem = malformed("body", body);
        }
        if (problem == null && body != null && isForm(request)) {
            String form = new String(body, StandardCharsets.ISO_8859_1);
            problem = malformed("body", WellFormedUtf8.percentDecoded(form));
        }
        return problem == null ? null : ProblemResponses.render(request, problem.at(rawPath), Map.of());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
    }

    /**
     * The problem when {@code bytes} are not well-formed UTF-8. Null bytes (a {@code %} without two hex digits) are
     * left to the parts that decode them, which answer it as they always did.
     */
    @Nullable
    private static Problem malformed(String in, @Nullable byte[] bytes) {
        int offset = bytes == null ? -1 : WellFormedUtf8.firstMalformed(bytes);
        if (offset < 0) {
            return null;
        }
        return Problem.of(400, "malformed-utf8", "Bad Request", "the request " + in + " is not well-formed UTF-8 "
                        + "at byte " + offset + " (an overlong form, a surrogate, a stray or truncated sequence); "
                        + "send text as UTF-8" + (in.equals("body") ? "" : ", percent-encoded byte by byte"))
                .with("in", in).with("offset", offset);
    }
}
