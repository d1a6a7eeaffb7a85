package io.flowgate.gateway.auth;

import io.flowgate.gateway.auth.internal.RevocationFeed;
import io.flowgate.gateway.auth.internal.RevocationTable;
import io.flowgate.gateway.auth.internal.TokenGenerations;
import io.flowgate.gateway.cluster.ClusterSettings;
import io.flowgate.gateway.cluster.Rounds;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.users.UserStore;
import io.flowgate.gateway.users.UserTokenListener;
import io.flowgate.gateway.users.UsersSchema;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Revoked tokens, on every node within a second.
 * <ul>
 *   <li><b>Users.</b> Flowgate's tokens carry their user's token generation (claim {@code gen}), a random number
 *       that changes whenever the user's tokens must end: password, roles, tenant or disabled changed, or
 *       {@code revoke-tokens}. Every request compares it with the user's current one ({@link TokenGenerations}, a
 *       cache in front of the users table); a deleted or disabled user has none, so its tokens are refused.</li>
 *   <li><b>Single tokens.</b> {@code POST /auth/logout} puts the token's {@code jti} on a denylist until it
 *       expires. That works for an identity provider's tokens too when they carry a {@code jti}; their users are
 *       not in Flowgate's table, so everything else about them is revoked at the provider.</li>
 * </ul>
 * Every such change writes a {@code token_revocations} row in its own transaction. The node that made it applies it
 * at once; every node reads the table every {@code flowgate.auth.revocation.refresh} (500 ms). A table of its own
 * rather than the outbox: the outbox is relayed to Kafka and webhook subscribers, and neither should learn who
 * logged out; and rather than a timed cache: a cache that expires within a second would read the users table once a
 * second per active user and node, this reads one small table twice a second per node.
 */
@Singleton
public class TokenRevocations implements RevocationCheck, UserTokenListener, ApplicationEventListener<StartupEvent>,
        AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocations.class);

    private final RevocationTable table;
    private final TokenGenerations generations;
    private final RevocationFeed feed;
    private final AuthSettings auth;
    private final Duration refresh;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;

    @Inject
    public TokenRevocations(UsersSchema schema, BeanProvider<UserStore> users, AuthSettings auth,
                            RevocationSettings settings, ClusterSettings cluster) {
        // the store is reached lazily: it tells this bean of every change, so it is built with it
        this(schema.dataSource(), username -> users.get().tokenGeneration(username), auth, settings,
                cluster.getSyncGapTimeout(), Clock.systemUTC());
    }

    TokenRevocations(DataSource dataSource, Function<String, Optional<Long>> generationOf, AuthSettings auth,
                     RevocationSettings settings, Duration gapTimeout, Clock clock) {
        this.table = new RevocationTable(dataSource);
        this.generations = new TokenGenerations(generationOf, clock);
        this.feed = new RevocationFeed(table, generations, gapTimeout, clock);
        this.auth = auth;
        this.refresh = settings.refresh();
        this.clock = clock;
        try {
            // before the first request: tokens logged out before a restart stay refused
            feed.round();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the token revocations", e);
        }
    }

    @Override
    public boolean revoked(Caller caller, boolean issuedHere) {
        if (caller.claims().get("jti") instanceof String jti && feed.revoked(RevocationTable.tokenId(jti))) {
            return true;
        }
        if (!issuedHere) {
            return false;
        }
        // a token of ours without a generation was issued before generations existed: it cannot be checked
        Object generation = caller.claims().get(TokenIssuer.GENERATION_CLAIM);
        return !(generation instanceof Long || generation instanceof Integer)
                || !generations.current(caller.subject(), ((Number) generation).longValue());
    }

    /**
     * Revokes the caller's token ({@code POST /auth/logout}) on every node: refused here at once, elsewhere within
     * the refresh.
     *
     * @throws GatewayProblem 422 {@code token-not-revocable} when the token carries no {@code jti}
     */
    public void revoke(Caller caller) {
        if (!(caller.claims().get("jti") instanceof String jti) || jti.isBlank()) {
            throw new GatewayProblem(Problem.of(422, "token-not-revocable", "Unprocessable Content",
                    "this token carries no jti, so it cannot be revoked by itself; revoke it at the identity "
                            + "provider that issued it"));
        }
        Instant expiresAt = Instant.ofEpochSecond(((Number) caller.claims().get("exp")).longValue())
                .plus(auth.clockSkew());
        String tokenId = RevocationTable.tokenId(jti);
        try {
            table.appendToken(tokenId, expiresAt);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the token revocation", e);
        }
        feed.revokedHere(tokenId, expiresAt);
    }

    /** The row other nodes follow, kept as long as a token issued before the change could live. */
    @Override
    public void tokensChanging(Connection connection, String username) throws SQLException {
        RevocationTable.appendUser(connection, username,
                clock.instant().plus(auth.tokenTtl()).plus(auth.clockSkew()));
    }

    @Override
    public void tokensChanged(String username) {
        generations.evict(username);
    }

    /** Starts following the revocations of every node. */
    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "token-revocations");
            thread.setDaemon(true);
            return thread;
        });
        long every = refresh.toMillis();
        executor.scheduleWithFixedDelay(this::safeRound, every, every, TimeUnit.MILLISECONDS);
    }

    private void safeRound() {
        try {
            feed.round();
            if (failing) {
                failing = false;
                LOG.info("reading token revocations again");
            }
        } catch (SQLException | RuntimeException e) {
            // rows not applied yet are read again by the next round; logged once per outage
            if (!failing) {
                failing = true;
                LOG.warn("could not read token revocations (revocations made on other nodes wait until the "
                        + "database answers): {}", e.toString());
            }
        }
    }

    @Override
    @PreDestroy
    public void close() {
        Rounds.stop(executor, "a token revocation round", LOG);
    }
}
