package io.flowgate.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.SecretSources;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.internal.extension.PolicyExtensions;
import io.flowgate.contracts.internal.load.ContractNaming;
import io.flowgate.contracts.internal.load.DocumentRefused;
import io.flowgate.contracts.internal.load.OpenApiSyntaxCheck;
import io.flowgate.contracts.internal.load.RefGuard;
import io.flowgate.contracts.internal.load.SafeDocumentReader;
import io.flowgate.contracts.internal.route.PathTemplate;
import io.flowgate.contracts.internal.triggers.TriggerExtensions;
import io.flowgate.contracts.internal.validation.SchemaCompiler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Source text → compiled contract: safe parse, reference guard, OpenAPI check, then every operation compiled.
 * Each step's problems are findings; later steps run only on a document the earlier ones accepted.
 */
public final class ContractCompiler {

    /** Paths the gateway serves itself; a contract may not claim them. */
    public static final List<String> RESERVED_PREFIXES = List.of("/admin", "/api/tasks", "/auth", "/health", "/metrics",
            "/ui");
    static final String UNNAMED = "(unnamed)";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final SafeDocumentReader reader = new SafeDocumentReader();
    private final RefGuard refGuard = new RefGuard();
    private final OpenApiSyntaxCheck syntax = new OpenApiSyntaxCheck();
    private final PolicyExtensions policies;

    /** @param secrets where {@code x-webhook} secrets may be read from */
    public ContractCompiler(SecretSources secrets) {
        this.policies = new PolicyExtensions(secrets);
    }

    public CompiledContract compile(String source, String nameOverride) {
        String fallback = nameOverride == null || nameOverride.isBlank() ? UNNAMED : nameOverride;
        JsonNode document;
        try {
            document = reader.read(source);
        } catch (DocumentRefused e) {
            return failed(fallback, e.getMessage());
        }
        String name = ContractNaming.name(document, nameOverride).orElse(null);
        if (name == null) {
            return failed(fallback, "the contract has no name: set info.title or info.x-contract-name");
        }
        if (!ContractNaming.isValid(name)) {
            return failed(name, "contract name '" + name + "' must match " + ContractNaming.VALID.pattern());
        }
        String version = document.path("openapi").asText("");
        if (!version.startsWith("3.0.") && !version.startsWith("3.1.")) {
            return failed(name, "only OpenAPI 3.0.x and 3.1.x documents are accepted (openapi: '" + version + "')");
        }
        List<String> problems = new ArrayList<>(refGuard.check(document));
        if (problems.isEmpty()) {
            problems.addAll(syntax.check(document, version.startsWith("3.1.")));
        }
        if (!problems.isEmpty()) {
            return new CompiledContract(name, Optional.empty(),
                    problems.stream().map(p -> ContractFinding.ofDocument(name, p)).toList());
        }
        return compileOperations(name, document, version, sha256(source));
    }

    private CompiledContract compileOperations(String name, JsonNode document, String version, String sha) {
        List<ContractFinding> findings = new ArrayList<>();
        SchemaCompiler schemas = new SchemaCompiler(document, version.startsWith("3.1."));
        OperationCompiler operations = new OperationCompiler(name, document, schemas, policies);
        List<Operation> compiled = new ArrayList<>();
        Located paths = new Located(document, "").child("paths");
        for (Iterator<String> it = paths.node().fieldNames(); it.hasNext(); ) {
            String path = it.next();
            Located raw = paths.child(path);
            Located pathItem = JsonPointers.follow(document, raw.node(), raw.pointer());
            for (Iterator<String> keys = pathItem.node().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    compiled.add(operations.compile(path, key, pathItem, pathItem.child(key), findings));
                }
            }
        }
        checkPaths(name, compiled, findings);
        TriggerExtensions.Result triggers = new TriggerExtensions().read(name, document);
        findings.addAll(triggers.findings());
        String title = document.path("info").path("title").asText(name);
        return new CompiledContract(name, Optional.of(new CompiledContract.Parsed(title, version, sha, compiled,
                triggers.triggers())), findings);
    }

    /** Reserved prefixes, and two operations of this contract on the same method and path shape. */
    private static void checkPaths(String name, List<Operation> operations, List<ContractFinding> findings) {
        Map<String, Operation> seen = new HashMap<>();
        for (Operation op : operations) {
            String lower = op.path().toLowerCase(Locale.ROOT);
            for (String prefix : RESERVED_PREFIXES) {
                if (lower.equals(prefix) || lower.startsWith(prefix + "/")) {
                    findings.add(ContractFinding.of(op, "path " + op.path() + " is reserved for the gateway ("
                            + String.join(", ", RESERVED_PREFIXES) + ")"));
                }
            }
            String key = op.method() + " " + PathTemplate.parse(op.path()).shape();
            Operation earlier = seen.putIfAbsent(key, op);
            if (earlier != null) {
                findings.add(ContractFinding.of(op, "same route as " + earlier.label() + " in this contract"));
            }
        }
    }

    private static CompiledContract failed(String name, String reason) {
        return new CompiledContract(name, Optional.empty(), List.of(ContractFinding.ofDocument(name, reason)));
    }

    static String sha256(String source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
