package io.flowgate.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/** Renders a {@link Problem} as an {@code application/problem+json} response. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> render(HttpRequest<?> request, Problem problem) {
        return render(request, problem, Map.of());
    }

    public static MutableHttpResponse<Problem> render(HttpRequest<?> request, Problem problem,
                                                      Map<String, String> headers) {
        Problem located = problem.instance() == null && request != null ? problem.at(request.getPath()) : problem;
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(located);
        headers.forEach(response::header);
        return response;
    }
}
