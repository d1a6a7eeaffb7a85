package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order saga at the size: a thousand orders, one in ten declined, some charges whose answer is lost once
 * (retried with the same key), some whose provider never answers (nothing recorded) and some whose provider took the
 * money but never said so. Whatever happens, a failed order is cancelled with its stock given back and no money kept,
 * and a paid order is charged exactly once — checked in the tables, not only in the answers.
 *
 * <p>The shipped flow waits a minute for a charge and retries it ten seconds apart; here the same flow is deployed
 * with a 20-second deadline and 2-second retries so the run takes seconds, not minutes.
 */
class OrderSagaIT {

    private static final int ORDERS = 1_000;
    private static final String DEADLINE = "PT20S";

    private static GatewayServer gateway;
    private static GatewayServer saga;
    private static Restaurant shop;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.payments.read-timeout", "2s"));
        String flow = GatewayServer.resource("/examples/restaurant/order-fulfilment.bpmn");
        assertThat(flow).contains("<bpmn:timeDuration>PT1M</bpmn:timeDuration>", "R3/PT10S");
        Reply deployed = gateway.post("/admin/flows?file=order-fulfilment.bpmn", "application/xml",
                flow.replace("<bpmn:timeDuration>PT1M</bpmn:timeDuration>",
                        "<bpmn:timeDuration>" + DEADLINE + "</bpmn:timeDuration>").replace("R3/PT10S", "R3/PT2S"));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        saga = gateway.as(gateway.createUser("saga", Restaurant.BISTRO, "customer"));
        shop = new Restaurant(gateway.context().getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** What the provider does with order {@code i}. */
    private static String token(int i) {
        if (i % 10 == 0) {
            return "decline";
        }
        return switch (i % 100) {
            case 3, 53 -> "timeout-once";
            case 7 -> "timeout";
            case 9 -> "timeout-captured";
            default -> "tok_visa";
        };
    }

    private static boolean fails(int i) {
        return List.of("decline", "timeout", "timeout-captured").contains(token(i));
    }

    @Test
    void cancelsEveryFailedOrderWithItsStockReleasedAndChargesEveryPaidOrderExactlyOnce() throws Exception {
        shop.setStock("uptown", "soda", 2_000);

        List<Reply> replies = shop.placeInParallel(saga, ORDERS, 50,
                i -> Restaurant.order("uptown", token(i), "{\"sku\":\"soda\",\"qty\":1}"));

        int failed = 0;
        for (int i = 0; i < ORDERS; i++) {
            Reply reply = replies.get(i);
            String expected = fails(i) ? "CANCELLED" : "PAID";
            switch (token(i)) {
                case "decline" -> assertThat(reply.status()).as(i + " " + reply).isEqualTo(402);
                case "tok_visa" -> assertThat(reply.status()).as(i + " " + reply).isEqualTo(201);
                case "timeout", "timeout-captured" -> {
                    assertThat(reply.status()).as(i + " " + reply).isEqualTo(202);
                    JsonNode status = gateway.awaitEnded(reply.header("Flowgate-Instance"), Duration.ofSeconds(120));
                    assertThat(status.path("error").path("code").asText()).as(i + " " + status).isEqualTo("PAYMENT_FAILED");
                }
                default -> assertThat(reply.status()).as(i + " " + reply).isIn(201, 202);
            }
            if (reply.status() == 202) {
                gateway.awaitEnded(reply.header("Flowgate-Instance"), Duration.ofSeconds(120));
            }
            assertThat(shop.stateOf(reply)).as("order " + i + " paying with " + token(i)).isEqualTo(expected);
            failed += fails(i) ? 1 : 0;
        }

        assertThat(failed).isEqualTo(120);
        assertThat(shop.stock("uptown", "soda")).as("failed orders gave their stock back, paid ones took it")
                .isEqualTo(new Restaurant.Stock(2_000 - (ORDERS - failed), 0));
        assertThat(shop.count("SELECT COUNT(*) FROM orders WHERE customer = 'saga' AND state = 'PAID'"))
                .isEqualTo(ORDERS - failed);
        assertThat(shop.count("SELECT COUNT(*) FROM orders o WHERE o.customer = 'saga' AND o.state = 'PAID' AND "
                + "(SELECT COUNT(*) FROM sandbox_payment_ledger l WHERE l.order_ref = o.id "
                + "AND l.status = 'CAPTURED' AND l.refunded_amount = 0) <> 1"))
                .as("paid orders not captured exactly once and kept").isZero();
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger l JOIN orders o ON l.order_ref = o.id "
                + "WHERE o.customer = 'saga' AND o.state = 'PAID' AND l.status <> 'CAPTURED'"))
                .as("other charges of paid orders").isZero();
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger l JOIN orders o ON l.order_ref = o.id "
                + "WHERE o.customer = 'saga' AND o.state = 'CANCELLED' AND l.status = 'CAPTURED' "
                + "AND l.refunded_amount < l.amount")).as("money kept for cancelled orders").isZero();
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger l JOIN orders o ON l.order_ref = o.id "
                + "WHERE o.customer = 'saga' AND o.state = 'CANCELLED' AND l.status = 'CAPTURED' "
                + "AND l.refunded_amount = l.amount")).as("taken without an answer, then refunded by the cancel")
                .isEqualTo(ORDERS / 100);
    }
}
