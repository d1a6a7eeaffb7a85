package io.flowgate.gateway.users;

import io.flowgate.gateway.auth.AuthSettings;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.users.internal.PasswordHasher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Users: checked, hashed and kept in the {@link UserStore}. Checks a password for {@code POST /auth/token}. The
 * methods taking an {@link AdminScope} keep an admin within its reach ({@link UserScope}); those without are the
 * platform's own (first-admin bootstrap, tools).
 */
@Singleton
public class UserDirectory {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    public static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int MAX_ROLES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore store;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Inject
    public UserDirectory(UserStore store, AuthSettings settings) {
        this(store, new PasswordHasher(settings.bcryptCost()), Clock.systemUTC());
    }

    UserDirectory(UserStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @throws InvalidUserField naming the first wrong field; {@link UserAlreadyExists} */
    public User create(NewUser request) {
        checkUsername(request.username());
        checkPassword(request.password());
        List<String> roles = checkRoles(request.roles());
        checkTenant(request.tenant());
        Instant now = now();
        User user = new User(request.username(), roles, request.tenant(), false, now, now);
        store.create(new StoredUser(user, hasher.hash(request.password()), newTokenGeneration()));
        return user;
    }

    /**
     * Creates a user where the admin may put it ({@link UserScope#place}); every check runs before anything is
     * stored.
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 403 outside the admin's reach; as {@link #create(NewUser)}
     */
    public User create(AdminScope scope, NewUser request) {
        return create(UserScope.place(scope, request));
    }

    /** @throws UserNotFound, {@link InvalidUserField}, {@link LastPlatformAdmin} */
    public User update(String username, UserChange change) {
        return update(username, change, user -> true);
    }

    /**
     * Changes a user the admin manages; a user out of its reach answers as an unknown one, also when it was moved
     * out of reach while the change was being prepared.
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 403 when the change would move the user out of reach;
     *                                                    as {@link #update(String, UserChange)}
     */
    public User update(AdminScope scope, String username, UserChange change) {
        UserScope.checkChange(scope, change);
        return update(username, change, user -> UserScope.manages(scope, user));
    }

    private User update(String username, UserChange change, Predicate<User> inScope) {
        StoredUser current = store.find(username).filter(found -> inScope.test(found.user()))
                .orElseThrow(() -> new UserNotFound(username));
        if (change.password() != null) {
            checkPassword(change.password());
        }
        List<String> roles = change.roles() == null ? current.user().roles() : checkRoles(change.roles());
        String tenant = change.tenantGiven() ? change.tenant() : current.user().tenant();
        checkTenant(tenant);
        boolean disabled = change.disabled() == null ? current.user().disabled() : change.disabled();
        String hash = change.password() == null ? current.passwordHash() : hasher.hash(change.password());
        User user = new User(username, roles, tenant, disabled, current.user().createdAt(), now());
        // what a token carries (roles, tenant) or what got it (the password) changed, or the user was disabled or
        // enabled: every token issued before ends
        boolean endsTokens = change.password() != null || !roles.equals(current.user().roles())
                || !Objects.equals(tenant, current.user().tenant()) || disabled != current.user().disabled();
        store.update(new StoredUser(user, hash, endsTokens ? newTokenGeneration() : current.tokenGeneration()),
                inScope);
        return user;
    }

    /**
     * Ends every token of the user issued so far, on every node within a second; the user logs in again.
     *
     * @throws UserNotFound when there is no such user
     */
    public void revokeTokens(String username) {
        store.renewTokenGeneration(username, newTokenGeneration());
    }

    /** @throws UserNotFound, {@link LastPlatformAdmin} */
    public void delete(String username) {
        store.delete(username);
    }

    /** @throws UserNotFound also for a user out of the admin's reach; {@link LastPlatformAdmin} */
    public void delete(AdminScope scope, String username) {
        store.delete(username, user -> UserScope.manages(scope, user));
    }

    public User get(String username) {
        return store.find(username).map(StoredUser::user).orElseThrow(() -> new UserNotFound(username));
    }

    /** @throws UserNotFound also for a user out of the admin's reach */
    public User get(AdminScope scope, String username) {
        return store.find(username).map(StoredUser::user).filter(user -> UserScope.manages(scope, user))
                .orElseThrow(() -> new UserNotFound(username));
    }

    public List<User> list() {
        return store.list();
    }

    /** The users the admin manages, by username. */
    public List<User> list(AdminScope scope) {
        return store.list().stream().filter(user -> UserScope.manages(scope, user)).toList();
    }

    /**
     * The user when the password is theirs and the user is not disabled. Takes as long for an unknown username as
     * for a wrong password, so the answer time does not tell which usernames exist; a disabled user gets the same
     * answer as a wrong password.
     */
    public Optional<Login> authenticate(String username, String password) {
        Optional<StoredUser> stored = username == null || !USERNAME.matcher(username).matches()
                ? Optional.empty() : store.find(username);
        boolean matches = hasher.matches(password == null ? "" : password,
                stored.map(StoredUser::passwordHash).orElse(null));
        return matches ? stored.filter(s -> !s.user().disabled()).map(s -> new Login(s.user(), s.tokenGeneration()))
                : Optional.empty();
    }

    public boolean anyWithRole(String role) {
        return store.anyWithRole(role);
    }

    /** Random, never 0 (the generation of users created before generations existed). */
    private static long newTokenGeneration() {
        long generation;
        do {
            generation = RANDOM.nextLong();
        } while (generation == 0);
        return generation;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidUserField("username", "username must be 2 to 64 characters of a-z, 0-9, '.', '_' or "
                    + "'-', starting with a letter or digit");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < AuthSettings.MIN_PASSWORD_LENGTH) {
            throw new InvalidUserField("password", "password must be at least " + AuthSettings.MIN_PASSWORD_LENGTH
                    + " characters");
        }
        if (!PasswordHasher.fitsBcrypt(password)) {
            throw new InvalidUserField("password", "password must be at most " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (bcrypt reads no further)");
        }
    }

    private static List<String> checkRoles(List<String> roles) {
        if (roles.size() > MAX_ROLES) {
            throw new InvalidUserField("roles", "at most " + MAX_ROLES + " roles");
        }
        for (String role : roles) {
            if (role == null || !ROLE.matcher(role).matches()) {
                throw new InvalidUserField("roles", "role names are 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' "
                        + "or '-', starting with a letter or digit; got " + (role == null ? "null" : "'" + role + "'"));
            }
        }
        return User.sorted(roles);
    }

    private static void checkTenant(String tenant) {
        if (tenant != null && !TENANT.matcher(tenant).matches()) {
            throw new InvalidUserField("tenant", "tenant must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or "
                    + "'-', starting with a letter or digit, or null for a platform-wide user");
        }
    }
}
