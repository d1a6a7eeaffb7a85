package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.TenantSource;

import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code tenant} member — {@code instance} or {@code {fixed: <tenant>}} — of {@code x-webhook} and of an
 * {@code x-flow-triggers} entry. A tenant is never read from the message itself: anyone who can send one could name
 * any tenant.
 */
public final class TenantMember {

    private TenantMember() {
    }

    /**
     * @param node  the member's value, null or missing when absent
     * @param where the member's location for findings, e.g. {@code x-webhook.tenant}
     * @return the source ({@link TenantSource#NONE} when absent); empty when malformed (then a finding was added)
     */
    public static Optional<TenantSource> read(JsonNode node, String where, List<String> findings) {
        if (node == null || node.isMissingNode()) {
            return Optional.of(TenantSource.NONE);
        }
        if (node.isTextual() && "instance".equals(node.asText())) {
            return Optional.of(TenantSource.INSTANCE);
        }
        if (node.isObject() && node.size() == 1 && node.has("fixed")) {
            JsonNode fixed = node.get("fixed");
            if (fixed.isTextual() && TenantSource.TENANT_ID.matcher(fixed.asText()).matches()) {
                return Optional.of(TenantSource.fixed(fixed.asText()));
            }
            findings.add(where + ".fixed: must be a tenant id (1 to 64 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit), not " + abbreviate(fixed));
            return Optional.empty();
        }
        findings.add(where + ": must be instance (the tenant of the instance the message is for; correlate only) "
                + "or {fixed: <tenant>}, not " + abbreviate(node));
        return Optional.empty();
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
