package io.flowgate.gateway.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.testsupport.TestDatabase;
import io.flowgate.contracts.internal.DefaultContractRegistry;
import io.flowgate.contracts.internal.store.JdbcContractStore;
import io.flowgate.gateway.admin.ChangeLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSyncTest {

    private final HikariDataSource db = TestDatabase.pool(4);
    private final Outbox outbox = new Outbox(db);
    private final DefaultContractRegistry registry;
    private final ClusterSettings settings = new ClusterSettings();

    ContractSyncTest() {
        ModuleSchema.migrate(db, "events");
        registry = new DefaultContractRegistry(new JdbcContractStore(db), List.of());
        settings.setSyncInterval(Duration.ofMillis(50));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNodeOnTheEmbeddedDatabaseFollowsNoOtherNode() {
        try (ContractSync sync = sync(true)) {
            sync.onApplicationEvent(null);

            assertThat(sync.following()).isFalse();
        }
    }

    @Test
    void aNodeOnASharedDatabaseFollowsFromStartUpUntilItCloses() {
        ContractSync sync = sync(false);
        sync.onApplicationEvent(null);
        assertThat(sync.following()).isTrue();

        sync.close();

        assertThat(sync.following()).isFalse();
    }

    private ContractSync sync(boolean alone) {
        return new ContractSync(outbox, registry, new ChangeLock(), settings, alone, Clock.systemUTC());
    }
}
