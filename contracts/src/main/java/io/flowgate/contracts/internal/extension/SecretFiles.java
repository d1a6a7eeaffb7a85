package io.flowgate.contracts.internal.extension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code file:PATH} secrets from inside the secrets directory only: {@code PATH} is relative to it (an absolute
 * path must lie inside it), {@code ..} and symbolic links may not lead out of it. Every reason a file cannot be used
 * — missing, outside, a directory, unreadable, empty, too large — gives the same finding, so a contract publisher
 * cannot find out which files exist on the gateway's machine.
 */
final class SecretFiles {

    static final int MAX_FILE_BYTES = 64 * 1024;
    /** The setting's environment variable, named in findings so an operator knows what to set. */
    static final String SETTING = "FLOWGATE_SECRETS_DIR";

    private final Optional<Path> directory;

    /** @param directory the secrets directory as a real path, empty when none is configured */
    SecretFiles(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The secret's text; a trailing line break (as {@code echo} writes) is not part of it. */
    Optional<String> read(String source, List<String> findings) {
        if (directory.isEmpty()) {
            findings.add(WebhookExtension.NAME + ": secret " + source + " is refused: file: secrets are read only "
                    + "from the gateway's secrets directory, and none is configured (" + SETTING + ")");
            return Optional.empty();
        }
        String text = confined(directory.get(), source.substring("file:".length()))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "")).orElse("");
        if (text.isEmpty()) {
            findings.add(WebhookExtension.NAME + ": secret " + source + " cannot be used: it must name a readable, "
                    + "non-empty file of at most " + MAX_FILE_BYTES / 1024 + " KiB inside the secrets directory ("
                    + SETTING + ")");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** The file's bytes; empty for every reason it cannot be used, deliberately alike. */
    private static Optional<byte[]> confined(Path root, String name) {
        try {
            // links and ".." are resolved (in that order, as the file system does) before the check: neither may
            // lead out of the directory; a relative name resolves against it, an absolute one must lie in it
            Path real = root.resolve(name).toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                return bytes.length > MAX_FILE_BYTES ? Optional.empty() : Optional.of(bytes);
            }
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }
}
