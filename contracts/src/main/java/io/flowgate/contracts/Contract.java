package io.flowgate.contracts;

import io.flowgate.contracts.triggers.FlowTrigger;

import java.time.Instant;
import java.util.List;

/**
 * A parsed contract version with its operations.
 *
 * @param name           contract name (URL-safe)
 * @param version        publish counter, from 1
 * @param title          info.title
 * @param openApiVersion e.g. 3.0.3 or 3.1.0
 * @param operations     every operation, in document order
 * @param sha256         hash of the source, hex
 * @param publishedAt    when this version was stored (null while only checked)
 * @param triggers       {@code x-flow-triggers}: records that start or advance flows, in document order
 */
public record Contract(String name, int version, String title, String openApiVersion, List<Operation> operations,
                       String sha256, Instant publishedAt, List<FlowTrigger> triggers) {
    public Contract {
        operations = List.copyOf(operations);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /** A contract without triggers. */
    public Contract(String name, int version, String title, String openApiVersion, List<Operation> operations,
                    String sha256, Instant publishedAt) {
        this(name, version, title, openApiVersion, operations, sha256, publishedAt, List.of());
    }
}
