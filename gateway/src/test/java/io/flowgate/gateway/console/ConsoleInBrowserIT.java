package io.flowgate.gateway.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console end to end in headless Chromium, against the real gateway jar on embedded defaults: the jar built by
 * this module's package phase runs as its own process (H2 file database, in-process limiter, the example loaded),
 * and {@code designer-ui/e2e/console.e2e.mjs} (playwright-core driving Debian's /usr/bin/chromium) logs in, designs
 * and deploys a flow by drag and drop, publishes a contract, calls it, follows the instance, approves the task in the
 * inbox and sees the path completed. Screenshots of each step land in {@code target/console-e2e/}.
 */
class ConsoleInBrowserIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path UI = MODULE.resolveSibling("designer-ui");
    private static final Path OUT = MODULE.resolve("target/console-e2e");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static Process gateway;
    private static int port;
    private static String adminPassword;

    @BeforeAll
    static void startTheJar() throws Exception {
        assertThat(CHROMIUM).as("Debian's Chromium is needed for the console tests: apt-get install -y chromium "
                + "chromium-driver (.ci/run installs it)").isExecutable();
        Path jar = MODULE.resolve("target/flowgate.jar");
        assertThat(jar).as("the gateway jar (package phase)").exists();
        Files.createDirectories(OUT);
        try (var old = Files.newDirectoryStream(OUT, "*.png")) {
            for (Path shot : old) {
                Files.delete(shot); // screenshots of an earlier run would pass for this one's
            }
        }
        Path data = Files.createTempDirectory("flowgate-console-e2e");
        port = freePort();
        adminPassword = "e2e-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx768m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(OUT.resolve("gateway.log").toFile());
        builder.environment().put("FLOWGATE_PORT", Integer.toString(port));
        builder.environment().put("FLOWGATE_DATA_DIR", data.toString());
        builder.environment().put("FLOWGATE_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("FLOWGATE_BCRYPT_COST", "10");
        gateway = builder.start();
        awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    void anOperatorDesignsDeploysPublishesFollowsAndApprovesAFlowInTheBrowser() throws Exception {
        Path log = OUT.resolve("e2e.log");
        ProcessBuilder builder = new ProcessBuilder(nodeBinary(), "e2e/console.e2e.mjs").directory(UI.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FLOWGATE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("FLOWGATE_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("SCREENSHOT_DIR", OUT.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process e2e = builder.start();
        boolean ended = e2e.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            e2e.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("the browser test ended within 10 minutes:\n" + output).isTrue();
        assertThat(e2e.exitValue()).as("browser test output (screenshots in %s):%n%s", OUT, output).isZero();
        assertThat(output).contains("E2E PASSED");
        for (String shot : List.of("01-login.png", "05-deployed.png", "09-token-on-user-task.png",
                "12-instance-completed.png")) {
            assertThat(OUT.resolve(shot)).as("screenshot " + shot).exists();
        }
    }

    private static void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(gateway.isAlive()).as("the gateway process exited; see " + OUT.resolve("gateway.log")).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the gateway did not answer /health within " + timeout);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Node pinned by the designer-ui build (the one its npm packages were installed with), else the PATH's. */
    private static String nodeBinary() {
        Path pinned = UI.resolve("target/node/node");
        return Files.isExecutable(pinned) ? pinned.toString() : "node";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
