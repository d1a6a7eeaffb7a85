package io.flowgate.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the secrets a contract names ({@code x-webhook}'s {@code env:NAME} and {@code file:PATH}) may be read from:
 * the gateway's environment, and files inside one secrets directory only. Without a directory, {@code file:}
 * secrets are refused: a contract publisher must not be able to make the gateway read (or report on) any file it can
 * reach.
 */
public final class SecretSources {

    private final Function<String, String> environment;
    private final Path directory;

    private SecretSources(Function<String, String> environment, Path directory) {
        this.environment = environment;
        this.directory = directory;
    }

    /** The process environment and no secrets directory: {@code file:} secrets are refused. */
    public static SecretSources environmentOnly() {
        return new SecretSources(System::getenv, null);
    }

    /**
     * @param environment variable name → value (null when unset)
     * @param directory   the secrets directory, or null for none
     * @throws IllegalArgumentException when the directory is not an existing directory
     */
    public static SecretSources of(Function<String, String> environment, Path directory) {
        return new SecretSources(environment, directory == null ? null : realDirectory(directory));
    }

    /** An environment variable's value; empty when unset. */
    public Optional<String> environment(String name) {
        return Optional.ofNullable(environment.apply(name));
    }

    /** The secrets directory as a real path (symbolic links resolved); empty when none is configured. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    private static Path realDirectory(Path directory) {
        try {
            Path real = directory.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("the secrets directory " + directory + " is not a directory");
            }
            return real;
        } catch (IOException e) {
            throw new IllegalArgumentException("the secrets directory " + directory + " does not exist or cannot "
                    + "be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
