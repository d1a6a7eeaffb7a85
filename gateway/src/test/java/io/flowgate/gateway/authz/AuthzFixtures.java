package io.flowgate.gateway.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractDiff;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractVersion;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.contracts.PublishReport;
import io.flowgate.contracts.RouteMatch;
import io.flowgate.contracts.StartupReport;
import io.flowgate.gateway.authz.internal.DefaultGrants;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A small contract in code, a registry holding it, grants on an in-memory H2 database. */
final class AuthzFixtures {

    private AuthzFixtures() {
    }

    static Operation op(String method, String path, String... roles) {
        return new Operation("shop", method, path, null, null, Optional.empty(), null, null,
                new OperationPolicy(Set.of(roles), false, Optional.empty(), OperationPolicy.Idempotency.OPTIONAL));
    }

    static Operation publicOp(String method, String path) {
        return new Operation("shop", method, path, null, null, Optional.empty(), null, null,
                new OperationPolicy(Set.of(), true, Optional.empty(), OperationPolicy.Idempotency.OPTIONAL));
    }

    static DefaultGrants grants(String policyFile) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2);
        String file = policyFile == null ? null : resource(policyFile);
        return DefaultGrants.create(new HikariDataSource(config), new AuthzSettings(file, null));
    }

    static String resource(String name) {
        try {
            return Path.of(AuthzFixtures.class.getResource("/io/flowgate/gateway/authz/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registry whose live contracts a test replaces; only what the authorizer reads is implemented. */
    static final class FakeRegistry implements ContractRegistry {

        private final AtomicLong generation = new AtomicLong();
        private volatile List<ContractView> contracts = List.of();

        FakeRegistry(Operation... operations) {
            publish(operations);
        }

        void publish(Operation... operations) {
            contracts = List.of(new ContractView(new Contract("shop", 1, "Shop", "3.0.3", List.of(operations),
                    "sha", null), List.of()));
            generation.incrementAndGet();
        }

        @Override
        public List<ContractView> contracts() {
            return contracts;
        }

        @Override
        public long generation() {
            return generation.get();
        }

        @Override
        public PublishReport publish(String source, String nameOverride) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublishReport check(String source, String nameOverride) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StartupReport load(Path contractsDirectory, boolean startAnyway) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ContractFinding> recheck() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RouteMatch> match(String method, String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> allowedMethods(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ContractView> contract(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ContractVersion> versions(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> source(String name, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContractDiff diff(String name, int from, Integer to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonNode openApiDocument(String name, Integer version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Operation> operationsUsing(String flowKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException();
        }
    }
}
