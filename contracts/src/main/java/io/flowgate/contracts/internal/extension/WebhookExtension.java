package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.contracts.WebhookSpec.Scheme;
import io.flowgate.contracts.WebhookSpec.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code x-webhook: {scheme: …, secret: env:NAME | file:PATH | [several]}} and resolves its secrets, once, at
 * publish time. A secret that is missing, empty or not decodable is a finding naming the extension and the secret's
 * source — never its value.
 */
public final class WebhookExtension {

    static final String NAME = "x-webhook";
    /** Standard Webhooks secrets are {@code whsec_} + base64 of the key. */
    static final String STANDARD_PREFIX = "whsec_";
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Set<String> MEMBERS = Set.of("scheme", "secret");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    private final Function<String, String> environment;

    public WebhookExtension() {
        this(System::getenv);
    }

    /** @param environment variable name → value (null when unset); tests pass their own */
    WebhookExtension(Function<String, String> environment) {
        this.environment = environment;
    }

    /** @return the webhook, empty when the operation has none or it is malformed (then findings were added) */
    public Optional<WebhookSpec> read(JsonNode node, String method, List<String> findings) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            findings.add(NAME + ": must be an object {scheme: standard-webhooks|github|hmac-sha256, "
                    + "secret: env:NAME|file:PATH}, not " + node);
            return Optional.empty();
        }
        int before = findings.size();
        node.fieldNames().forEachRemaining(member -> {
            if (!MEMBERS.contains(member)) {
                findings.add(NAME + ": unknown member '" + member + "' (known: scheme, secret)");
            }
        });
        if (!METHODS.contains(method)) {
            findings.add(NAME + ": webhooks sign a request body; only POST, PUT and PATCH operations can be webhooks");
        }
        Optional<Scheme> scheme = scheme(node.get("scheme"), findings);
        List<String> sources = sources(node.get("secret"), findings);
        if (scheme.isEmpty() || findings.size() > before) {
            return Optional.empty();
        }
        List<Secret> secrets = new ArrayList<>();
        for (String source : sources) {
            resolve(source, scheme.get(), findings).ifPresent(secrets::add);
        }
        return findings.size() > before ? Optional.empty() : Optional.of(new WebhookSpec(scheme.get(), secrets));
    }

    private static Optional<Scheme> scheme(JsonNode node, List<String> findings) {
        Optional<Scheme> scheme = node != null && node.isTextual() ? Scheme.of(node.asText()) : Optional.empty();
        if (scheme.isEmpty()) {
            findings.add(NAME + ": scheme must be one of " + Arrays.stream(Scheme.values()).map(Scheme::value)
                    .collect(Collectors.joining(", ")) + ", was " + node);
        }
        return scheme;
    }

    /** One {@code env:}/{@code file:} reference, or a non-empty list of them (several keys while rotating). */
    private static List<String> sources(JsonNode node, List<String> findings) {
        List<String> sources = new ArrayList<>();
        if (node == null) {
            findings.add(NAME + ": secret is required: env:NAME or file:PATH (or a list of them while rotating)");
            return sources;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.isEmpty()) {
            findings.add(NAME + ": secret must name at least one env:NAME or file:PATH");
        }
        for (JsonNode item : items) {
            String text = item.isTextual() ? item.asText().strip() : "";
            boolean env = text.startsWith("env:") && ENV_NAME.matcher(text.substring(4)).matches();
            boolean file = text.startsWith("file:") && text.length() > 5;
            if (env || file) {
                sources.add(text);
            } else {
                // the value may be a pasted secret: never echo it
                findings.add(NAME + ": secret must be env:NAME or file:PATH (the secret itself never goes into a "
                        + "contract)");
            }
        }
        return sources;
    }

    private Optional<Secret> resolve(String source, Scheme scheme, List<String> findings) {
        Optional<String> text = source.startsWith("env:") ? fromEnvironment(source, findings)
                : fromFile(source, findings);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (scheme != Scheme.STANDARD_WEBHOOKS) {
            return Optional.of(new Secret(source, text.get().getBytes(StandardCharsets.UTF_8)));
        }
        String encoded = text.get().startsWith(STANDARD_PREFIX) ? text.get().substring(STANDARD_PREFIX.length())
                : text.get();
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length > 0) {
                return Optional.of(new Secret(source, key));
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value
        }
        findings.add(NAME + ": secret " + source + " is not a Standard Webhooks secret (whsec_ followed by the "
                + "base64 of the key)");
        return Optional.empty();
    }

    private Optional<String> fromEnvironment(String source, List<String> findings) {
        String value = environment.apply(source.substring(4));
        if (value == null || value.strip().isEmpty()) {
            findings.add(NAME + ": secret " + source + " is not set or empty in the gateway's environment");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Reads at most 64 KiB; a trailing line break (as {@code echo} writes) is not part of the secret. */
    private static Optional<String> fromFile(String source, List<String> findings) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(source.substring(5)))) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException | InvalidPathException | SecurityException e) {
            findings.add(NAME + ": secret " + source + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            findings.add(NAME + ": secret " + source + " is larger than " + MAX_FILE_BYTES + " bytes");
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
        if (text.isEmpty()) {
            findings.add(NAME + ": secret " + source + " is empty");
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
