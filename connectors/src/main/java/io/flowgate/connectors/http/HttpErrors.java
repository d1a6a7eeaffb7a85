package io.flowgate.connectors.http;

import io.flowgate.connectors.ConnectorErrorSpec;

/** The BPMN error codes of {@code http.request}, with what they mean (shown in the element template). */
public final class HttpErrors {

    /** The target is not allowed: host not on the allow-list, a private address, or a scheme other than http(s). */
    public static final String HTTP_REFUSED = "HTTP_REFUSED";
    public static final String HTTP_RESPONSE_TOO_LARGE = "HTTP_RESPONSE_TOO_LARGE";
    public static final String INVALID_INPUT = "INVALID_INPUT";

    static final ConnectorErrorSpec HTTP_REFUSED_SPEC = new ConnectorErrorSpec(HTTP_REFUSED,
            "The call was not sent: the URL is not http(s), its host is not in flowgate.http.allowed-hosts, or it "
                    + "resolves to a loopback, private, link-local, multicast or unspecified address.");
    static final ConnectorErrorSpec HTTP_RESPONSE_TOO_LARGE_SPEC = new ConnectorErrorSpec(HTTP_RESPONSE_TOO_LARGE,
            "The answer's body is larger than flowgate.http.max-response-size; the request itself was sent.");
    static final ConnectorErrorSpec INVALID_INPUT_SPEC = new ConnectorErrorSpec(INVALID_INPUT,
            "An input is missing or malformed (an unknown method, a URL that does not parse, a bad timeout).");

    private HttpErrors() {
    }
}
