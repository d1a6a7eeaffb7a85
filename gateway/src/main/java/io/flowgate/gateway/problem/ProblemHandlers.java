package io.flowgate.gateway.problem;

import io.flowgate.contracts.ContractException;
import io.flowgate.engine.FlowException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Every typed failure goes through {@link ProblemTable} and is rendered once, here. */
@Factory
public class ProblemHandlers {

    @Singleton
    ExceptionHandler<FlowException, HttpResponse<?>> flowExceptions() {
        return (request, e) -> ProblemResponses.render(request, ProblemTable.forFlow(e));
    }

    @Singleton
    ExceptionHandler<ContractException, HttpResponse<?>> contractExceptions() {
        return (request, e) -> ProblemResponses.render(request, ProblemTable.forContract(e));
    }

    @Singleton
    ExceptionHandler<GatewayProblem, HttpResponse<?>> gatewayProblems() {
        return (HttpRequest request, GatewayProblem e) -> ProblemResponses.render(request, e.problem(), e.headers());
    }
}
