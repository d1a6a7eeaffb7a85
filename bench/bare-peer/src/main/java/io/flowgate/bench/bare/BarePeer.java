package io.flowgate.bench.bare;

import io.micronaut.runtime.Micronaut;

/** The benchmark's ceiling: a Micronaut/Netty server with one endpoint and no gateway work at all. */
public final class BarePeer {

    private BarePeer() {
    }

    public static void main(String[] args) {
        Micronaut.run(BarePeer.class, args);
    }
}
