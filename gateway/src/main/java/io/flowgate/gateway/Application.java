package io.flowgate.gateway;

import io.micronaut.runtime.Micronaut;

/** Starts Flowgate: the gateway, the embedded engine and the contract registry. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
