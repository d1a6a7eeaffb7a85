package io.flowgate.gateway.authz.internal;

import io.flowgate.gateway.authz.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the policy file: casbin CSV with one {@code g, subject, role, domain} line per grant, {@code #} comments
 * and blank lines allowed. {@code p} lines are refused: operation policies come from the contracts'
 * {@code x-required-roles}, so a file could only contradict them.
 */
final class PolicyFile {

    private PolicyFile() {
    }

    static List<Grant> read(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        }
    }

    static List<Grant> parse(String name, List<String> lines) {
        List<Grant> grants = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + " line " + (i + 1);
            String[] fields = line.split(",", -1);
            if (!"g".equals(fields[0].strip()) || fields.length != 4) {
                problems.add(where + ": expected 'g, <user or role:name>, <role>, <tenant or *>' (operation policies "
                        + "come from x-required-roles), was '" + line + "'");
                continue;
            }
            Grant grant = new Grant(fields[1].strip(), fields[2].strip(), fields[3].strip());
            List<String> invalid = grant.problems(where);
            if (invalid.isEmpty()) {
                grants.add(grant);
            }
            problems.addAll(invalid);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the policy file (flowgate.authz.policy-file) is invalid: "
                    + String.join("; ", problems));
        }
        return List.copyOf(grants);
    }
}
