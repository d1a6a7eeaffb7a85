package io.flowgate.gateway.auth;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.TestDatabase;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.users.UsersSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes a verified token revoked, for Flowgate's own tokens and an identity provider's. */
class TokenRevocationsTest {

    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    private final HikariDataSource pool = TestDatabase.pool(4);
    private final Map<String, Optional<Long>> generations = new HashMap<>(Map.of("ada", Optional.of(42L)));
    private final TokenRevocations revocations = new TokenRevocations(new UsersSchema(pool).dataSource(),
            username -> generations.getOrDefault(username, Optional.empty()), AuthSettings.defaults(),
            RevocationSettings.defaults(), Duration.ofMinutes(2), clock);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void acceptsItsOwnTokenOnlyWithTheUsersCurrentGeneration() {
        assertThat(revocations.revoked(caller("ada", "j-1", 42L), true)).isFalse();
        assertThat(revocations.revoked(caller("ada", "j-1", 41L), true)).isTrue();
        assertThat(revocations.revoked(caller("ghost", "j-1", 42L), true)).as("no such user").isTrue();
        assertThat(revocations.revoked(caller("ada", "j-1", null), true)).as("issued before generations").isTrue();
    }

    @Test
    void neverAsksTheUsersTableAboutAnIdentityProvidersToken() {
        assertThat(revocations.revoked(caller("someone-else", "j-2", null), false)).isFalse();
    }

    @Test
    void refusesALoggedOutTokenOfEitherKindByItsJti() {
        Caller own = caller("ada", "j-3", 42L);
        Caller external = caller("someone-else", "j-4", null);

        revocations.revoke(own);
        revocations.revoke(external);

        assertThat(revocations.revoked(own, true)).isTrue();
        assertThat(revocations.revoked(external, false)).isTrue();
        assertThat(revocations.revoked(caller("ada", "j-5", 42L), true)).as("another token of ada").isFalse();
    }

    @Test
    void cannotLogOutATokenWithoutJti() {
        assertThatThrownBy(() -> revocations.revoke(caller("someone-else", null, null)))
                .isInstanceOfSatisfying(GatewayProblem.class, problem -> {
                    assertThat(problem.problem().status()).isEqualTo(422);
                    assertThat(problem.problem().code()).isEqualTo("token-not-revocable");
                });
    }

    private Caller caller(String subject, String jti, Long generation) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("exp", clock.instant().plusSeconds(900).getEpochSecond());
        if (jti != null) {
            claims.put("jti", jti);
        }
        if (generation != null) {
            claims.put(TokenIssuer.GENERATION_CLAIM, generation);
        }
        return new Caller(subject, null, Set.of(), claims);
    }
}
