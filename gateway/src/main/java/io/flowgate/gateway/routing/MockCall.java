package io.flowgate.gateway.routing;

import io.flowgate.contracts.MockAnswer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * {@code x-flow-action: mock}: the operation's declared example, as serialized at publish. Nothing reaches the
 * engine, so the answer carries no instance headers and no {@code Location}.
 */
final class MockCall {

    private MockCall() {
    }

    static HttpResponse<?> answer(MockAnswer answer) {
        MutableHttpResponse<byte[]> http = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        if (answer.hasBody()) {
            http.contentType(answer.contentType()).body(answer.body());
        }
        return http;
    }
}
