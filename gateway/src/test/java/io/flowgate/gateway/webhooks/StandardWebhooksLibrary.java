package io.flowgate.gateway.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signs with the official {@code standardwebhooks} npm library, so the verifier is checked against the reference
 * implementation rather than against itself. The package is installed once per build into
 * {@code target/standardwebhooks} ({@code npm install --no-save}); Node and npm are on every machine and in CI.
 */
final class StandardWebhooksLibrary {

    static final String VERSION = "1.1.1";
    private static final Path DIR = Path.of("target", "standardwebhooks").toAbsolutePath();
    private static final String SCRIPT = """
            const { Webhook } = require('standardwebhooks');
            const [secret, id, seconds] = process.argv.slice(2);
            const chunks = [];
            process.stdin.on('data', c => chunks.push(c));
            process.stdin.on('end', () => {
              const payload = Buffer.concat(chunks).toString('utf8');
              process.stdout.write(new Webhook(secret).sign(id, new Date(Number(seconds) * 1000), payload));
            });
            """;

    private StandardWebhooksLibrary() {
    }

    /** {@code v1,<base64>} as the library signs {@code payload} (UTF-8) for this id and time. */
    static synchronized String sign(String secret, String id, Instant timestamp, String payload) {
        install();
        return run(List.of("node", DIR.resolve("sign.js").toString(), secret, id,
                Long.toString(timestamp.getEpochSecond())), payload);
    }

    private static void install() {
        if (Files.isDirectory(DIR.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("sign.js"), SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", DIR.toString(),
                "standardwebhooks@" + VERSION), "");
    }

    private static String run(List<String> command, String input) {
        try {
            Path err = Files.createTempFile("node", ".err");
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile())
                    .redirectError(err.toFile()).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
