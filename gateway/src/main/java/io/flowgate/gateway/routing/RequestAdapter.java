package io.flowgate.gateway.routing;

import io.flowgate.contracts.validation.RequestData;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a Micronaut request into the contract module's neutral {@link RequestData}. */
final class RequestAdapter {

    private RequestAdapter() {
    }

    static RequestData toRequestData(HttpRequest<?> request, Map<String, String> pathParameters, byte[] body,
                                     Map<String, Object> claims) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach(entry -> query.put(entry.getKey(), List.copyOf(entry.getValue())));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(entry ->
                headers.put(entry.getKey().toLowerCase(Locale.ROOT), List.copyOf(entry.getValue())));
        String contentType = request.getContentType()
                .map(MediaType::getName)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .orElse(null);
        return new RequestData(request.getMethodName(), request.getPath(), pathParameters, query, headers,
                contentType, body, claims);
    }
}
