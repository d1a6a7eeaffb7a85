package io.flowgate.gateway.pipeline;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A controller that forgot its scope, present only when {@link StartupRefusesUnscopedRoutesIT} asks for it. */
@Requires(property = StartupRefusesUnscopedRoutesIT.PROPERTY, value = "true")
@Controller("/unscoped")
public class UnscopedController {

    @Get("/report")
    public String report() {
        return "anyone could read this";
    }
}
