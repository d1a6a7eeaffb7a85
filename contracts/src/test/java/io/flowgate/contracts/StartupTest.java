package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import io.flowgate.contracts.internal.store.JdbcContractStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StartupTest {

    private static final String ORDERS = Fixtures.read("orders.yaml");
    private static final String KITCHEN = Fixtures.read("registry/kitchen.yaml");

    @TempDir
    Path temp;
    private Path contracts;
    private JdbcDataSource database;

    @BeforeEach
    void setUp() throws IOException {
        contracts = Files.createDirectories(temp.resolve("contracts"));
        database = new JdbcDataSource();
        // a file database: what a restart of a single node sees
        database.setURL("jdbc:h2:file:" + temp.resolve("db/flowgate").toAbsolutePath());
    }

    private DefaultContractRegistry start(BindingCheck... checks) {
        return new DefaultContractRegistry(new JdbcContractStore(database), List.of(checks));
    }

    private void writeFile(String name, String source) throws IOException {
        Files.writeString(contracts.resolve(name), source);
    }

    @Test
    void aRestartServesWhatWasPublishedBefore() {
        DefaultContractRegistry before = start();
        before.publish(ORDERS, null);
        before.publish(KITCHEN.replace("/orders/{orderId}:", "/kitchen/{orderId}:"), null);
        before.delete("kitchen");

        DefaultContractRegistry after = start();
        StartupReport report = after.load(contracts, false);

        assertThat(report.loaded()).containsExactly("restaurant-orders");
        assertThat(report.findings()).isEmpty();
        assertThat(after.match("POST", "/orders").orElseThrow().route().contractVersion()).isEqualTo(1);
        assertThat(after.match("POST", "/tickets")).isEmpty();
        assertThat(after.versions("kitchen")).hasSize(1);
    }

    @Test
    void loadsContractFilesAndStoresChangedOnesAsNewVersions() throws IOException {
        writeFile("orders.yaml", ORDERS);
        writeFile("notes.txt", "not a contract");
        assertThat(start().load(contracts, false).loaded()).containsExactly("restaurant-orders");

        assertThat(start().load(contracts, false).loaded()).containsExactly("restaurant-orders");
        assertThat(start().versions("restaurant-orders")).hasSize(1);

        writeFile("orders.yaml", ORDERS.replace("version: \"1.0\"", "version: \"1.1\""));
        DefaultContractRegistry restarted = start();
        restarted.load(contracts, false);
        assertThat(restarted.versions("restaurant-orders")).hasSize(2);
        assertThat(restarted.contract("restaurant-orders").orElseThrow().contract().version()).isEqualTo(2);
    }

    @Test
    void refusesToStartWithFindingsAndStoresNothing() throws IOException {
        writeFile("orders.yaml", ORDERS);
        DefaultContractRegistry registry = start(contract -> List.of(ContractFinding.ofDocument(contract.name(),
                "flow order-process is not deployed")));

        ContractRejected e = catchThrowableOfType(ContractRejected.class, () -> registry.load(contracts, false));

        assertThat(e.findings()).extracting(ContractFinding::reason).containsExactly("flow order-process is not deployed");
        assertThat(registry.versions("restaurant-orders")).isEmpty();
        assertThat(registry.match("POST", "/orders")).isEmpty();
    }

    @Test
    void startingAnywayMarksTheFailingRoutesUnavailableUntilARecheckPasses() throws IOException {
        writeFile("orders.yaml", ORDERS);
        writeFile("kitchen.yaml", KITCHEN.replace("/orders/{orderId}:", "/kitchen/{orderId}:"));
        AtomicBoolean deployed = new AtomicBoolean(false);
        BindingCheck orderFlow = contract -> deployed.get() ? List.of() : contract.operations().stream()
                .filter(op -> op.binding().map(b -> b.flowId().equals("order-process")).orElse(false))
                .map(op -> ContractFinding.of(op, "flow order-process is not deployed")).toList();
        DefaultContractRegistry registry = start(orderFlow);

        StartupReport report = registry.load(contracts, true);

        assertThat(report.loaded()).containsExactly("kitchen", "restaurant-orders");
        assertThat(report.findings()).hasSize(4);
        assertThat(registry.match("POST", "/orders").orElseThrow().route().unavailableReason())
                .contains("flow order-process is not deployed");
        assertThat(registry.match("GET", "/orders").orElseThrow().route().unavailableReason()).isEmpty();
        assertThat(registry.match("POST", "/tickets").orElseThrow().route().unavailableReason()).isEmpty();
        assertThat(registry.contract("restaurant-orders").orElseThrow().findings()).hasSize(4);

        deployed.set(true);
        assertThat(registry.recheck()).isEmpty();
        assertThat(registry.match("POST", "/orders").orElseThrow().route().unavailableReason()).isEmpty();
        assertThat(registry.contract("restaurant-orders").orElseThrow().findings()).isEmpty();
    }

    @Test
    void startingAnywayKeepsAConflictingRouteWithTheFirstContract() throws IOException {
        writeFile("orders.yaml", ORDERS);
        writeFile("kitchen.yaml", KITCHEN);

        StartupReport report = start().load(contracts, true);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.contract()).isEqualTo("restaurant-orders");
            assertThat(f.reason()).contains("already served by contract 'kitchen'");
        });
    }

    @Test
    void startingAnywaySkipsAnUnreadableFileAndReportsIt() throws IOException {
        writeFile("orders.yaml", ORDERS);
        writeFile("broken.yaml", "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\npaths: {}\npaths: {}\n");

        DefaultContractRegistry registry = start();
        StartupReport report = registry.load(contracts, true);

        assertThat(report.loaded()).containsExactly("restaurant-orders");
        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("file broken.yaml: not accepted as YAML"));
    }
}
