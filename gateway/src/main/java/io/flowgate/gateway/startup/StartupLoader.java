package io.flowgate.gateway.startup;

import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractRejected;
import io.flowgate.contracts.StartupReport;
import io.flowgate.engine.FlowDeployment;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.GatewaySettings;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Start-up, once, before the server takes traffic: deploy the example's and the flows directory's BPMN, then load
 * the stored contracts, the contracts directory and the example contract, with every consistency check. A broken
 * contract/flow pair stops start-up (findings printed) unless {@code FLOWGATE_START_ANYWAY=true}.
 */
@Context
public class StartupLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLoader.class);

    private final WorkflowEngine engine;
    private final ContractRegistry registry;
    private final GatewaySettings settings;

    public StartupLoader(WorkflowEngine engine, ContractRegistry registry, GatewaySettings settings) {
        this.engine = engine;
        this.registry = registry;
        this.settings = settings;
    }

    @PostConstruct
    void load() {
        if (settings.isExample()) {
            ExampleFiles.FLOWS.forEach(name -> deploy(name, ExampleFiles.read(name)));
        }
        directory(settings.getFlowsDir(), ".bpmn").forEach(file -> deploy(file.getFileName().toString(), read(file)));
        Path contractsDir = settings.getContractsDir() == null ? null : Path.of(settings.getContractsDir());
        StartupReport report;
        try {
            report = registry.load(contractsDir, settings.isStartAnyway());
        } catch (ContractRejected e) {
            LOG.error(describe(e.findings()));
            throw e;
        }
        if (settings.isExample()) {
            ExampleFiles.CONTRACTS.forEach(name ->
                    registry.publish(new String(ExampleFiles.read(name), StandardCharsets.UTF_8), null));
            publishPaymentCallbacks();
        }
        report.findings().forEach(f -> LOG.warn("route unavailable (FLOWGATE_START_ANYWAY): {}", f));
        LOG.info("Flowgate loaded {} flow(s) and {} contract(s)", engine.flows().size(), registry.contracts().size());
    }

    /** The provider's callbacks need the secret they are signed with; without it they stay off. */
    private void publishPaymentCallbacks() {
        String secret = System.getenv(ExampleFiles.CALLBACK_SECRET);
        if (secret == null || secret.isBlank()) {
            LOG.info("payment callbacks (POST /payment-callbacks) are off: set {} to publish them",
                    ExampleFiles.CALLBACK_SECRET);
            return;
        }
        registry.publish(new String(ExampleFiles.read(ExampleFiles.CALLBACKS), StandardCharsets.UTF_8), null);
    }

    private void deploy(String name, byte[] bpmn) {
        FlowDeployment deployment = engine.deploy(name, bpmn);
        if (deployment.created()) {
            LOG.info("deployed {}: {}", name, deployment.flows());
        }
    }

    private static List<Path> directory(String dir, String suffix) {
        if (dir == null || dir.isBlank()) {
            return List.of();
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("FLOWGATE_FLOWS_DIR is not a directory: " + path.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Printed once when start-up stops on findings. */
    static String describe(List<ContractFinding> findings) {
        StringBuilder text = new StringBuilder("start-up stopped: contracts and flows disagree\n");
        findings.forEach(f -> text.append("  - ").append(f).append('\n'));
        return text.append("fix them, or set FLOWGATE_START_ANYWAY=true to start and answer 503 on those routes")
                .toString();
    }

    /** The restaurant example shipped in the jar. */
    static final class ExampleFiles {
        static final List<String> FLOWS = List.of("refund-approval.bpmn", "order-fulfilment.bpmn",
                "order-lookup.bpmn", "store-stock.bpmn", "stock-transfer-approval.bpmn");
        static final List<String> CONTRACTS = List.of("restaurant-orders.yaml");
        static final String CALLBACKS = "payment-callbacks.yaml";
        /** The environment variable the callbacks' x-webhook secret is read from (see payment-callbacks.yaml). */
        static final String CALLBACK_SECRET = "FLOWGATE_PAYMENTS_WEBHOOK_SECRET";

        private ExampleFiles() {
        }

        static byte[] read(String name) {
            String resource = "/examples/restaurant/" + name;
            try (InputStream in = StartupLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("example resource missing from the jar: " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
