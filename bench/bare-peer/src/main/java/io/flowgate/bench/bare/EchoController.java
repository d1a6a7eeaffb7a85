package io.flowgate.bench.bare;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/**
 * {@code POST /echo}: reads the request body and answers a small JSON body, on the event loop — what the gateway's
 * pipeline-only scenario is measured against.
 */
@Controller("/echo")
public class EchoController {

    private static final byte[] OK = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] echo(@Body byte[] body) {
        return OK;
    }
}
