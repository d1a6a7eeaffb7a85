package io.flowgate.gateway.problem;

/**
 * A failure the gateway itself detects (no route, unrouted operation, unavailable route, bad admin input), carrying
 * the problem it renders as. Engine and contract failures keep their own types and are mapped in {@link ProblemTable}.
 */
public class GatewayProblem extends RuntimeException {

    private final transient Problem problem;
    private final java.util.Map<String, String> headers;

    public GatewayProblem(Problem problem) {
        this(problem, java.util.Map.of());
    }

    public GatewayProblem(Problem problem, java.util.Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = java.util.Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    /** Headers the answer must carry (e.g. {@code Allow} on 405). */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static GatewayProblem notFound(String detail) {
        return new GatewayProblem(Problem.of(404, "not-found", "Not Found", detail));
    }

    public static GatewayProblem badRequest(String code, String detail) {
        return new GatewayProblem(Problem.of(400, code, "Bad Request", detail));
    }
}
