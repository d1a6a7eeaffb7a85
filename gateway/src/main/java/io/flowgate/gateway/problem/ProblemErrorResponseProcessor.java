package io.flowgate.gateway.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Micronaut's own errors (body too large, unreadable JSON, unknown admin route, method not allowed, unexpected
 * exceptions) rendered as problems too, so no endpoint ever answers with another error format or a stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String detail = context.getErrors().stream().map(Error::getMessage)
                .collect(Collectors.joining("; "));
        if (status >= 500) {
            // never leak internals (exception messages may carry SQL or class names)
            detail = "The server failed to handle the request; the error is logged.";
        } else if (detail.isBlank()) {
            detail = response.reason();
        }
        String code = codeFor(status);
        Problem problem = Problem.of(status, code, response.reason(), detail)
                .at(context.getRequest().getPath());
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

}
