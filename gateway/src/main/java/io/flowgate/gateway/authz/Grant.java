package io.flowgate.gateway.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A role grant: {@code subject} holds {@code role} in {@code domain}. The subject is a user name, or
 * {@code role:<name>} for a role hierarchy (every holder of that role also holds {@code role}). The domain is a
 * tenant name, or {@value #ANY_TENANT} for every tenant.
 *
 * @param subject user name or {@code role:<name>}
 * @param role    the role granted
 * @param domain  tenant name or {@value #ANY_TENANT}
 */
public record Grant(String subject, String role, String domain) {

    public static final String ANY_TENANT = "*";
    public static final String ROLE_PREFIX = "role:";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Whether the subject is a role (hierarchy) rather than a user. */
    public boolean roleSubject() {
        return subject != null && subject.startsWith(ROLE_PREFIX);
    }

    /** The subject without its {@code role:} prefix. */
    public String subjectName() {
        return roleSubject() ? subject.substring(ROLE_PREFIX.length()) : subject;
    }

    /** What is wrong with this grant, empty when it is valid; {@code where} names it in the messages. */
    public List<String> problems(String where) {
        List<String> problems = new ArrayList<>();
        if (subject == null || !NAME.matcher(subjectName()).matches()) {
            problems.add(where + ": subject must be a user name or role:<role> (letters, digits, . _ @ -, up to 128),"
                    + " was " + quoted(subject));
        }
        if (role == null || !NAME.matcher(role).matches()) {
            problems.add(where + ": role must be a role name (letters, digits, . _ @ -, up to 128), was "
                    + quoted(role));
        }
        if (domain == null || !(ANY_TENANT.equals(domain) || TENANT.matcher(domain).matches())) {
            problems.add(where + ": domain must be \"*\" (every tenant) or a tenant name, was " + quoted(domain));
        }
        if (problems.isEmpty() && roleSubject() && subjectName().equals(role)) {
            problems.add(where + ": a role cannot be granted to itself");
        }
        return problems;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
