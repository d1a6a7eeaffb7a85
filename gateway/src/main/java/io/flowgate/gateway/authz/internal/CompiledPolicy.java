package io.flowgate.gateway.authz.internal;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.authz.Grant;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.BuiltInFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One immutable jCasbin enforcer over {@code authz/model.conf}: {@code p} rules from the operations'
 * {@code x-required-roles} (each required role may call the operation in every tenant, domain {@code *}) and the
 * admin API for role {@code admin}, {@code g} rules from the grants. Never changed after it is built; a change builds
 * a new one.
 */
final class CompiledPolicy {

    static final String MODEL_RESOURCE = "/authz/model.conf";
    static final String ANY_DOMAIN = Grant.ANY_TENANT;
    /** The domain of callers without tenant (platform users): no tenant name can take this form. */
    static final String NO_TENANT = "(none)";
    static final String ADMIN_OBJECT = "flowgate:admin-api";
    static final String ADMIN_ACTION = "*";
    static final String ADMIN_ROLE = "admin";

    private static final String MODEL = readModel();

    private final Enforcer enforcer;
    private final int rules;

    private CompiledPolicy(Enforcer enforcer, int rules) {
        this.enforcer = enforcer;
        this.rules = rules;
    }

    static CompiledPolicy build(List<Operation> operations, List<Grant> grants) {
        Enforcer enforcer = new Enforcer(Model.newModelFromString(MODEL));
        enforcer.enableLog(false);
        enforcer.enableAutoSave(false);
        // a g link in domain "*" holds in every tenant
        enforcer.addNamedDomainMatchingFunc("g", "keyMatch", BuiltInFunctions::keyMatch);
        List<List<String>> policies = new ArrayList<>();
        policies.add(List.of(role(ADMIN_ROLE), ANY_DOMAIN, ADMIN_OBJECT, ADMIN_ACTION));
        for (Operation operation : operations) {
            for (String role : operation.policy().requiredRoles()) {
                policies.add(List.of(role(role), ANY_DOMAIN, object(operation), operation.method()));
            }
        }
        List<List<String>> links = grants.stream().map(CompiledPolicy::link).distinct().toList();
        enforcer.addPolicies(policies.stream().distinct().toList());
        if (!links.isEmpty()) {
            enforcer.addNamedGroupingPolicies("g", links);
        }
        enforcer.buildRoleLinks();
        return new CompiledPolicy(enforcer, policies.size() + links.size());
    }

    /**
     * Whether any of the subjects may act on the object in the domain. Serialized: the role manager caches lazily
     * while it matches, and only decision-cache misses get here.
     */
    synchronized boolean allows(List<String> subjects, String domain, String object, String action) {
        for (String subject : subjects) {
            if (enforcer.enforce(subject, domain, object, action)) {
                return true;
            }
        }
        return false;
    }

    int rules() {
        return rules;
    }

    static String object(Operation operation) {
        return operation.contractName() + ":" + operation.path();
    }

    static String user(String name) {
        return "user:" + name;
    }

    static String role(String name) {
        return Grant.ROLE_PREFIX + name;
    }

    private static List<String> link(Grant grant) {
        String subject = grant.roleSubject() ? role(grant.subjectName()) : user(grant.subject());
        return List.of(subject, role(grant.role()), grant.domain());
    }

    private static String readModel() {
        try (InputStream in = CompiledPolicy.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the authorization model " + MODEL_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
