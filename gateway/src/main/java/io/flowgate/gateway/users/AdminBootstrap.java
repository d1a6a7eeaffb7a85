package io.flowgate.gateway.users;

import io.flowgate.gateway.auth.AuthSettings;
import io.flowgate.gateway.auth.Caller;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.List;

/**
 * First start: when no user has role {@code admin}, creates {@value #ADMIN_USERNAME} (role {@code admin}, no tenant)
 * with {@code FLOWGATE_ADMIN_PASSWORD}, or with a random password logged once at WARN. There is never a fixed default
 * password that would let anyone in.
 */
@Context
public class AdminBootstrap {

    public static final String ADMIN_USERNAME = "admin";
    static final int GENERATED_LENGTH = 24;
    // no look-alikes (0/O, 1/l/I): the password is read off a log
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserDirectory users;
    private final AuthSettings settings;

    public AdminBootstrap(UserDirectory users, AuthSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @PostConstruct
    void createFirstAdmin() {
        if (users.anyWithRole(Caller.ADMIN_ROLE)) {
            return;
        }
        boolean generated = settings.adminPassword() == null;
        String password = generated ? generatePassword() : settings.adminPassword();
        try {
            users.create(new NewUser(ADMIN_USERNAME, password, List.of(Caller.ADMIN_ROLE), null));
        } catch (UserAlreadyExists e) {
            // another node on the same database won the race, or a user 'admin' without the role exists
            if (!users.anyWithRole(Caller.ADMIN_ROLE)) {
                LOG.error("no user has role admin, and the user '{}' exists without it: nobody can administer "
                        + "Flowgate until it gets the role (delete it from the users table to have it recreated)",
                        ADMIN_USERNAME);
            }
            return;
        }
        if (generated) {
            LOG.warn("generated password for the first admin user '{}': {}; set FLOWGATE_ADMIN_PASSWORD to choose it",
                    ADMIN_USERNAME, password);
        } else {
            LOG.info("created the first admin user '{}' with the password from FLOWGATE_ADMIN_PASSWORD",
                    ADMIN_USERNAME);
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
