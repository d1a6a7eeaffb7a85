package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.SecretSources;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.contracts.WebhookSpec.Scheme;
import io.flowgate.contracts.WebhookSpec.Secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code x-webhook: {scheme: …, secret: env:NAME | file:PATH | [several] | {<tenant>: …}, tenant: …}} and
 * resolves its secrets, once, at publish time. A secret that is missing, empty or not decodable is a finding naming
 * the extension and the secret's source — never its value. Per-tenant secrets ({@code secret: {bistro: env:A}}) make
 * the secret that verified a delivery name its tenant; {@code tenant: instance | {fixed: …}} is the alternative.
 */
public final class WebhookExtension {

    static final String NAME = "x-webhook";
    static final String TENANT = NAME + ".tenant";
    /** Standard Webhooks secrets are {@code whsec_} + base64 of the key. */
    static final String STANDARD_PREFIX = "whsec_";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Set<String> MEMBERS = Set.of("scheme", "secret", "tenant");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    private final SecretSources sources;
    private final SecretFiles files;

    public WebhookExtension(SecretSources sources) {
        this.sources = sources;
        this.files = new SecretFiles(sources.directory());
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
                findings.add(NAME + ": unknown member '" + member + "' (known: scheme, secret, tenant)");
            }
        });
        if (!METHODS.contains(method)) {
            findings.add(NAME + ": webhooks sign a request body; only POST, PUT and PATCH operations can be webhooks");
        }
        Optional<Scheme> scheme = scheme(node.get("scheme"), findings);
        Map<String, List<String>> sourcesByTenant = sourcesByTenant(node.get("secret"), findings);
        Optional<TenantSource> tenant = tenant(node, findings);
        if (scheme.isEmpty() || tenant.isEmpty() || findings.size() > before) {
            return Optional.empty();
        }
        List<Secret> secrets = new ArrayList<>();
        sourcesByTenant.forEach((owner, sources) -> sources.forEach(source ->
                resolve(source, scheme.get(), owner, findings).ifPresent(secrets::add)));
        checkKeysApart(secrets, findings);
        return findings.size() > before ? Optional.empty()
                : Optional.of(new WebhookSpec(scheme.get(), secrets, tenant.get()));
    }

    private static Optional<Scheme> scheme(JsonNode node, List<String> findings) {
        Optional<Scheme> scheme = node != null && node.isTextual() ? Scheme.of(node.asText()) : Optional.empty();
        if (scheme.isEmpty()) {
            findings.add(NAME + ": scheme must be one of " + Arrays.stream(Scheme.values()).map(Scheme::value)
                    .collect(Collectors.joining(", ")) + ", was " + node);
        }
        return scheme;
    }

    /** Per-tenant secrets name the tenant themselves; otherwise {@code tenant} says, or there is none. */
    private static Optional<TenantSource> tenant(JsonNode node, List<String> findings) {
        boolean perTenant = node.path("secret").isObject();
        if (perTenant && node.has("tenant")) {
            findings.add(TENANT + ": cannot be combined with per-tenant secrets (secret: {<tenant>: …}): the secret "
                    + "that verifies a delivery names its tenant");
            return Optional.empty();
        }
        return perTenant ? Optional.of(TenantSource.SECRET) : TenantMember.read(node.get("tenant"), TENANT, findings);
    }

    /**
     * {@code secret}: one {@code env:}/{@code file:} reference or a non-empty list of them (several keys while
     * rotating), under the key null; or, per tenant, {@code {<tenant>: reference or list}}.
     */
    private static Map<String, List<String>> sourcesByTenant(JsonNode node, List<String> findings) {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        if (node == null) {
            findings.add(NAME + ": secret is required: env:NAME or file:PATH (or a list of them while rotating)");
            return sources;
        }
        if (!node.isObject()) {
            sources.put(null, references(node, NAME + ": secret", findings));
            return sources;
        }
        if (node.isEmpty()) {
            findings.add(NAME + ".secret: per-tenant secrets must name at least one tenant: {<tenant>: env:NAME}");
        }
        node.fields().forEachRemaining(entry -> {
            String tenant = entry.getKey();
            if (!TenantSource.TENANT_ID.matcher(tenant).matches()) {
                findings.add(NAME + ".secret: '" + abbreviate(tenant) + "' is not a tenant id (1 to 64 letters, "
                        + "digits, '.', '_' or '-', starting with a letter or digit)");
            } else {
                sources.put(tenant, references(entry.getValue(), NAME + ".secret." + tenant, findings));
            }
        });
        return sources;
    }

    private static List<String> references(JsonNode node, String where, List<String> findings) {
        List<String> sources = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.isEmpty()) {
            findings.add(where + " must name at least one env:NAME or file:PATH");
        }
        for (JsonNode item : items) {
            String text = item.isTextual() ? item.asText().strip() : "";
            boolean env = text.startsWith("env:") && ENV_NAME.matcher(text.substring(4)).matches();
            boolean file = text.startsWith("file:") && text.length() > 5;
            if (env || file) {
                sources.add(text);
            } else {
                // the value may be a pasted secret: never echo it
                findings.add(where + " must be env:NAME or file:PATH (the secret itself never goes into a "
                        + "contract)");
            }
        }
        return sources;
    }

    private Optional<Secret> resolve(String source, Scheme scheme, String tenant, List<String> findings) {
        Optional<String> text = source.startsWith("env:") ? fromEnvironment(source, findings)
                : files.read(source, findings);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (scheme != Scheme.STANDARD_WEBHOOKS) {
            return Optional.of(new Secret(source, text.get().getBytes(StandardCharsets.UTF_8), tenant));
        }
        String encoded = text.get().startsWith(STANDARD_PREFIX) ? text.get().substring(STANDARD_PREFIX.length())
                : text.get();
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length > 0) {
                return Optional.of(new Secret(source, key, tenant));
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value
        }
        findings.add(NAME + ": secret " + source + " is not a Standard Webhooks secret (whsec_ followed by the "
                + "base64 of the key)");
        return Optional.empty();
    }

    private Optional<String> fromEnvironment(String source, List<String> findings) {
        Optional<String> value = sources.environment(source.substring(4)).filter(v -> !v.strip().isEmpty());
        if (value.isEmpty()) {
            findings.add(NAME + ": secret " + source + " is not set or empty in the gateway's environment");
        }
        return value;
    }

    /** Two tenants with the same key: a signature could not tell which tenant sent it. */
    private static void checkKeysApart(List<Secret> secrets, List<String> findings) {
        for (int i = 0; i < secrets.size(); i++) {
            for (int j = i + 1; j < secrets.size(); j++) {
                Secret a = secrets.get(i);
                Secret b = secrets.get(j);
                if (a.tenant() != null && !a.tenant().equals(b.tenant()) && Arrays.equals(a.key(), b.key())) {
                    findings.add(NAME + ".secret: the tenants " + a.tenant() + " and " + b.tenant() + " have the "
                            + "same key (" + a.source() + ", " + b.source() + "): a signature could not tell them "
                            + "apart; give each tenant its own secret");
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
