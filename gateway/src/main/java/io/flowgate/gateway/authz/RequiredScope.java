package io.flowgate.gateway.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link Scope} a controller (every method of it) or a single controller method needs; a method's annotation
 * wins over its class's. A route without one is refused at start-up, so no endpoint can be added without saying who
 * may call it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiredScope {

    Scope value();
}
