package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static io.flowgate.gateway.webhooks.Deliveries.hexHmac;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivery ids are kept in the database: a delivery sent again after a restart still starts nothing. */
class WebhookReplayAfterRestartIT {

    private static final String SECRET = "It's a Secret to Everybody";

    @Test
    void aDeliverySentAgainAfterARestartIsAReplay() throws Exception {
        Path secrets = Files.createTempDirectory("webhook-secrets");
        Files.writeString(secrets.resolve("github"), SECRET);
        Files.writeString(secrets.resolve("plain"), "plain");
        Files.writeString(secrets.resolve("standard-new"), "whsec_dGhlIG5ldyBrZXk=");
        Files.writeString(secrets.resolve("standard-old"), "whsec_dGhlIG9sZCBrZXk=");
        try (GatewayServer gateway = GatewayServer.start(Map.of("flowgate.webhooks.secrets-dir",
                secrets.toString()))) {
            assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
            assertThat(gateway.deployFlow("payment-wait.bpmn").status()).isEqualTo(201);
            Reply published = gateway.post("/admin/contracts", "application/yaml",
                    GatewayServer.resource("webhook-shop.yaml").replace("@SECRETS@", secrets.toString()));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            String order = "R-" + UUID.randomUUID().toString().substring(0, 8);
            String body = "{\"orderId\":\"" + order + "\",\"name\":\"Ada\"}";
            String delivery = UUID.randomUUID().toString();

            Reply first = deliver(gateway, body, delivery);
            gateway.restart();
            Reply again = deliver(gateway, body, delivery);

            assertThat(first.status()).as(first.toString()).isEqualTo(202);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.header("Webhook-Replayed")).isEqualTo("true");
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(gateway.get("/admin/instances?businessKey=" + order).json().path("total").asInt())
                    .isEqualTo(1);
        }
    }

    private static Reply deliver(GatewayServer gateway, String body, String delivery) {
        int port = gateway.context().getBean(EmbeddedServer.class).getPort();
        return gateway.anonymous().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/hooks/github/orders"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + hexHmac(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
