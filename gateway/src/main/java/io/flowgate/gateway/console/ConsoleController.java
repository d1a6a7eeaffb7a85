package io.flowgate.gateway.console;

import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.net.URI;

/**
 * Serves the admin console at {@code /ui/}: its files as built, and {@code index.html} for every path that is a
 * client route (no file extension), so deep links such as {@code /ui/instances/42} open directly. The console itself
 * is public (it holds no data); every call it makes goes through the API's authentication and authorization.
 * Hashed assets are cached for a year, the entry page is revalidated on every load, and a strict Content Security
 * Policy allows only the console's own scripts and calls to this origin.
 */
@Consumes(MediaType.ALL)
@RequiredScope(Scope.PUBLIC)
@Controller("/ui")
public class ConsoleController {

    /** bpmn-js sets inline styles on the SVG it draws and uses data: URIs for its icons. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ConsoleFiles files;

    public ConsoleController(ConsoleFiles files) {
        this.files = files;
    }

    /** {@code /ui} and {@code /ui/} reach this route alike: the bare one is sent to the console's own path. */
    @Get
    public HttpResponse<?> root(HttpRequest<?> request) {
        if (request.getPath().endsWith("/")) {
            return file(request, "");
        }
        return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY).headers(h -> h.location(URI.create("/ui/")));
    }

    @Get("/{+path}")
    public HttpResponse<?> file(HttpRequest<?> request, @PathVariable @Nullable String path) {
        String wanted = path == null ? "" : path;
        ConsoleFiles.File file = files.file(wanted).orElse(null);
        if (file == null && ConsoleFiles.looksLikeRoute(wanted)) {
            file = files.index().orElseThrow(() -> new GatewayProblem(Problem.of(404, "console-not-built",
                    "Console not built", "this gateway was built without the admin console (designer-ui)")));
        }
        if (file == null) {
            throw GatewayProblem.notFound("no console file at /ui/" + wanted);
        }
        boolean entryPage = file.path().equals(ConsoleFiles.INDEX);
        String cache = entryPage ? "no-cache" : wanted.startsWith("assets/") ? IMMUTABLE : "no-cache";
        if (file.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return secured(HttpResponse.status(HttpStatus.NOT_MODIFIED), file, cache);
        }
        return secured(HttpResponse.ok(file.bytes()), file, cache).contentType(file.contentType());
    }

    private static MutableHttpResponse<?> secured(MutableHttpResponse<?> response, ConsoleFiles.File file,
                                                  String cache) {
        return response.header(HttpHeaders.CACHE_CONTROL, cache)
                .header(HttpHeaders.ETAG, file.etag())
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }
}
