package io.flowgate.gateway.routing;

import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.pipeline.RequestDrain;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Every request no built-in route claims ends here and is dispatched through the live route table. Built-in routes
 * ({@code /admin}, {@code /api/tasks}, {@code /health}) are more specific and win; contracts may not claim them.
 * Runs off the event loop: flows block on the database. At shutdown, the requests in flight finish before the
 * node's pools close ({@link RequestDrain}).
 */
@RequiredScope(Scope.CONTRACT)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContractDispatchController {

    private static final byte[] NO_BODY = new byte[0];

    private final OperationDispatcher dispatcher;
    private final RequestDrain drain;

    public ContractDispatchController(OperationDispatcher dispatcher, RequestDrain drain) {
        this.dispatcher = dispatcher;
        this.drain = drain;
    }

    @Get("/{+path}")
    public HttpResponse<?> get(HttpRequest<?> request, @PathVariable String path) {
        return drain.run(() -> dispatcher.dispatch(request, NO_BODY));
    }

    @Delete("/{+path}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String path, @Body @Nullable byte[] body) {
        return drain.run(() -> dispatcher.dispatch(request, body == null ? NO_BODY : body));
    }

    @Post("/{+path}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> post(HttpRequest<?> request, @PathVariable String path, @Body @Nullable byte[] body) {
        return drain.run(() -> dispatcher.dispatch(request, body == null ? NO_BODY : body));
    }

    @Put("/{+path}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> put(HttpRequest<?> request, @PathVariable String path, @Body @Nullable byte[] body) {
        return drain.run(() -> dispatcher.dispatch(request, body == null ? NO_BODY : body));
    }

    @Patch("/{+path}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> patch(HttpRequest<?> request, @PathVariable String path, @Body @Nullable byte[] body) {
        return drain.run(() -> dispatcher.dispatch(request, body == null ? NO_BODY : body));
    }
}
