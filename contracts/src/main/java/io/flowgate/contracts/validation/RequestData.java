package io.flowgate.contracts.validation;

import java.util.List;
import java.util.Map;

/**
 * A request as the gateway received it, before validation.
 *
 * @param method          upper-case
 * @param path            decoded path
 * @param pathParameters  from the route match
 * @param query           decoded query parameters, in order
 * @param headers         header names lower-case
 * @param contentType     media type without parameters, lower-case, null when absent
 * @param body            raw body bytes, empty when none
 * @param claims          authenticated caller's claims, empty when anonymous
 */
public record RequestData(String method, String path, Map<String, String> pathParameters,
                          Map<String, List<String>> query, Map<String, List<String>> headers, String contentType,
                          byte[] body, Map<String, Object> claims) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
