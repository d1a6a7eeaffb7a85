package io.flowgate.gateway.admin;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reproduction: a flow whose timer start event fires every millisecond, and the redeploy meant to stop
 * it, which answered 500 about half the time. The gateway runs without a timer floor, as one that deployed the flow
 * before the floor existed.
 */
class TimerRedeployIT {

    private static final String FLOW = "runaway-ticker";
    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.engine.timer-floor", "0s", "flowgate.example", false));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void redeployingAFlowWhoseTimerStartFiresEveryMillisecondAnswersEveryTime() throws InterruptedException {
        assertThat(deploy("R/PT0.001S", "Ticker").status()).isEqualTo(201);
        awaitInstances(20);

        List<String> answers = new ArrayList<>();
        for (int i = 2; i <= 9; i++) {
            Reply reply = deploy("R/PT0.001S", "Ticker " + i);
            answers.add(reply.status() + (reply.status() == 201 ? "" : " " + reply.body()));
            awaitInstances(instances() + 5);
        }
        Reply suspended = gateway.postJson(FlowLifecycleIT.versionPath(FLOW, 9) + "/suspend", "");
        Reply stopped = deploy("R/PT1H", "Ticker, hourly");

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo("201"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(201);
    }

    private static Reply deploy(String cycle, String name) {
        return gateway.post("/admin/flows?file=ticker.bpmn", "application/xml",
                FlowLifecycleIT.ticking(FLOW, cycle).replace("name=\"Ticker\"", "name=\"" + name + "\""));
    }

    private static long instances() {
        return gateway.get("/admin/instances?flow=" + FLOW + "&size=1").json().path("total").asLong();
    }

    private static void awaitInstances(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (instances() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(instances()).as("instances started by the timer").isGreaterThanOrEqualTo(atLeast);
    }
}
