package io.flowgate.gateway.users;

import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.users.internal.JdbcUserStore;
import io.flowgate.gateway.users.internal.PasswordHasher;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users on a real (in-memory H2) store: checks naming the field, hashing, and the last platform admin rule. */
class UserDirectoryTest {

    static final String PASSWORD = "correct-horse-battery";

    UserDirectory users;
    JdbcUserStore store;
    final List<String> changing = new ArrayList<>();
    final List<String> changed = new ArrayList<>();

    @BeforeEach
    void store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = new JdbcUserStore(new UsersSchema(dataSource), List.of(new UserTokenListener() {
            @Override
            public void tokensChanging(Connection connection, String username) {
                changing.add(username);
            }

            @Override
            public void tokensChanged(String username) {
                changed.add(username);
            }
        }));
        users = new UserDirectory(store, new PasswordHasher(10), Clock.systemUTC());
    }

    @Test
    void storesABcryptHashAndChecksThePassword() {
        users.create(new NewUser("ada", PASSWORD, List.of("finance", "store-manager"), "tenant-a"));

        String hash = store.find("ada").orElseThrow().passwordHash();
        assertThat(hash).startsWith("$2a$10$").doesNotContain(PASSWORD);
        assertThat(users.authenticate("ada", PASSWORD)).get().extracting(login -> login.user().tenant())
                .isEqualTo("tenant-a");
        assertThat(users.authenticate("ada", PASSWORD + "x")).isEmpty();
        assertThat(users.authenticate("nobody", PASSWORD)).isEmpty();
        assertThat(users.authenticate("ada", "x".repeat(100))).isEmpty();
    }

    @Test
    void namesTheWrongField() {
        assertField(new NewUser("Ada", PASSWORD, List.of(), null), "username");
        assertField(new NewUser("a", PASSWORD, List.of(), null), "username");
        assertField(new NewUser("ada", "short", List.of(), null), "password");
        assertField(new NewUser("ada", "é".repeat(40), List.of(), null), "password");
        assertField(new NewUser("ada", PASSWORD, List.of("-bad"), null), "roles");
        assertField(new NewUser("ada", PASSWORD, List.of("has space"), null), "roles");
        assertField(new NewUser("ada", PASSWORD, List.of(), "a b"), "tenant");
    }

    @Test
    void refusesADuplicateUsername() {
        users.create(new NewUser("ada", PASSWORD, List.of(), null));
        assertThatThrownBy(() -> users.create(new NewUser("ada", PASSWORD, List.of(), null)))
                .isInstanceOf(UserAlreadyExists.class);
    }

    @Test
    void keepsWhatAChangeLeavesOut() {
        users.create(new NewUser("ada", PASSWORD, List.of("finance"), "tenant-a"));

        User changed = users.update("ada", new UserChange(null, List.of("auditor"), false, null));

        assertThat(changed.roles()).containsExactly("auditor");
        assertThat(changed.tenant()).isEqualTo("tenant-a");
        assertThat(users.authenticate("ada", PASSWORD)).isPresent();
        User platformWide = users.update("ada", new UserChange("another-long-password", null, true, null));
        assertThat(platformWide.tenant()).isNull();
        assertThat(users.authenticate("ada", "another-long-password")).isPresent();
        assertThat(users.authenticate("ada", PASSWORD)).isEmpty();
    }

    @Test
    void neverLeavesThePlatformWithoutAnAdmin() {
        users.create(new NewUser("root", PASSWORD, List.of("admin"), null));
        users.create(new NewUser("tenant-admin", PASSWORD, List.of("admin"), "tenant-a"));

        assertThatThrownBy(() -> users.delete("root")).isInstanceOf(LastPlatformAdmin.class);
        assertThatThrownBy(() -> users.update("root", new UserChange(null, List.of("finance"), false, null)))
                .isInstanceOf(LastPlatformAdmin.class);
        assertThatThrownBy(() -> users.update("root", new UserChange(null, null, true, "tenant-a")))
                .isInstanceOf(LastPlatformAdmin.class);
        assertThatThrownBy(() -> users.update("root", new UserChange(null, null, false, null, true)))
                .isInstanceOf(LastPlatformAdmin.class);
        users.delete("tenant-admin");

        users.create(new NewUser("second", PASSWORD, List.of("admin"), null));
        users.delete("root");
        assertThat(users.list()).extracting(User::username).containsExactly("second");
        assertThatThrownBy(() -> users.delete("second")).isInstanceOf(LastPlatformAdmin.class);
    }

    @Test
    void givesANewTokenGenerationForEveryChangeThatMustEndTheTokens() {
        users.create(new NewUser("ada", PASSWORD, List.of("finance"), "tenant-a"));
        long generation = generation("ada");

        users.update("ada", new UserChange(null, List.of("finance"), true, "tenant-a"));
        assertThat(generation("ada")).as("nothing a token carries changed").isEqualTo(generation);

        for (UserChange change : List.of(new UserChange("another-long-password", null, false, null),
                new UserChange(null, List.of("auditor"), false, null),
                new UserChange(null, null, true, "tenant-b"),
                new UserChange(null, null, false, null, true),
                new UserChange(null, null, false, null, false))) {
            users.update("ada", change);
            assertThat(generation("ada")).as(change.toString()).isNotEqualTo(generation);
            generation = generation("ada");
        }
        users.revokeTokens("ada");
        assertThat(generation("ada")).isNotEqualTo(generation);
    }

    @Test
    void tellsTheListenersOfCreatedDeletedAndRevokedUsersOnly() {
        users.create(new NewUser("ada", PASSWORD, List.of("finance"), null));
        users.update("ada", new UserChange(null, List.of("finance"), false, null));
        users.revokeTokens("ada");
        users.update("ada", new UserChange(null, null, false, null, true));
        users.delete("ada");

        assertThat(changing).containsExactly("ada", "ada", "ada", "ada");
        assertThat(changed).isEqualTo(changing);
        assertThatThrownBy(() -> users.revokeTokens("ghost")).isInstanceOf(UserNotFound.class);
        assertThat(changed).hasSize(4);
    }

    @Test
    void refusesTheLoginOfADisabledUserAndItsTokenGeneration() {
        users.create(new NewUser("ada", PASSWORD, List.of(), null));
        users.update("ada", new UserChange(null, null, false, null, true));

        assertThat(users.authenticate("ada", PASSWORD)).isEmpty();
        assertThat(store.tokenGeneration("ada")).isEmpty();
        assertThat(store.tokenGeneration("ghost")).isEmpty();
        users.update("ada", new UserChange(null, null, false, null, false));
        assertThat(users.authenticate("ada", PASSWORD)).get().extracting(Login::tokenGeneration)
                .isEqualTo(store.tokenGeneration("ada").orElseThrow());
    }

    @Test
    void answersNotFoundForAnUnknownUser() {
        assertThatThrownBy(() -> users.get("ghost")).isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> users.delete("ghost")).isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> users.update("ghost", new UserChange(null, null, false, null)))
                .isInstanceOf(UserNotFound.class);
    }

    @Test
    void aTenantAdminManagesOnlyItsTenantsUsersAndOthersAnswerAsUnknown() {
        users.create(new NewUser("root", PASSWORD, List.of("admin"), null));
        users.create(new NewUser("ann", PASSWORD, List.of("waiter"), "bistro"));
        users.create(new NewUser("dan", PASSWORD, List.of("waiter"), "diner"));
        AdminScope bistro = AdminScope.tenant("bistro");

        assertThat(users.list(bistro)).extracting(User::username).containsExactly("ann");
        for (String other : List.of("root", "dan")) {
            assertThatThrownBy(() -> users.get(bistro, other)).isInstanceOf(UserNotFound.class);
            assertThatThrownBy(() -> users.update(bistro, other, new UserChange("taken-over-password", null, false,
                    null))).isInstanceOf(UserNotFound.class);
            assertThatThrownBy(() -> users.delete(bistro, other)).isInstanceOf(UserNotFound.class);
        }
        assertThat(users.authenticate("root", PASSWORD)).as("unchanged").isPresent();
        assertThat(users.update(bistro, "ann", new UserChange(null, List.of("admin"), false, null)).roles())
                .containsExactly("admin");
        assertThat(users.create(bistro, new NewUser("bea", PASSWORD, List.of("admin"), null, false)).tenant())
                .isEqualTo("bistro");
        users.delete(bistro, "bea");
        assertThat(users.list()).extracting(User::username).containsExactly("ann", "dan", "root");
    }

    @Test
    void aChangeOfAUserMovedOutOfReachMeanwhileAnswersAsUnknownAndChangesNothing() {
        users.create(new NewUser("bob", PASSWORD, List.of("waiter"), "bistro"));
        // what the tenant admin of bistro built its change from
        StoredUser seen = store.find("bob").orElseThrow();
        StoredUser promoted = new StoredUser(new User("bob", List.of("admin"), "bistro", false,
                seen.user().createdAt(), seen.user().updatedAt()), seen.passwordHash(), seen.tokenGeneration());
        // meanwhile the platform admin moves bob to another tenant
        users.update("bob", new UserChange(null, null, true, "diner"));

        AdminScope bistro = AdminScope.tenant("bistro");
        assertThatThrownBy(() -> store.update(promoted, user -> UserScope.manages(bistro, user)))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> store.delete("bob", user -> UserScope.manages(bistro, user)))
                .isInstanceOf(UserNotFound.class);
        assertThat(users.get("bob").tenant()).isEqualTo("diner");
        assertThat(users.get("bob").roles()).containsExactly("waiter");
    }

    private long generation(String username) {
        return store.find(username).orElseThrow().tokenGeneration();
    }

    private void assertField(NewUser user, String field) {
        assertThatThrownBy(() -> users.create(user)).isInstanceOfSatisfying(InvalidUserField.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
