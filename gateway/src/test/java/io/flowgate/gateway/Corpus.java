package io.flowgate.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds {@code shared/corpus}, which sits beside the repository clone (locally and in CI). */
final class Corpus {

    private Corpus() {
    }

    static Path dir() {
        String configured = System.getProperty("flowgate.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus not found above " + Path.of("").toAbsolutePath()
                + "; set -Dflowgate.corpus=...");
    }

    static Path file(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no corpus file ending in " + suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
