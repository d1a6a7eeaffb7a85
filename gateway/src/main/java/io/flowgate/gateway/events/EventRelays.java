package io.flowgate.gateway.events;

import io.flowgate.connectors.kafka.KafkaPublisher;
import io.flowgate.engine.config.NodeIdentity;
import io.flowgate.gateway.events.internal.Backoff;
import io.flowgate.gateway.events.internal.DeliveryStore;
import io.flowgate.gateway.events.internal.EventsSchema;
import io.flowgate.gateway.events.internal.KafkaRelay;
import io.flowgate.gateway.events.internal.OutboxReader;
import io.flowgate.gateway.events.internal.RelayLease;
import io.flowgate.gateway.events.internal.RelayLoop;
import io.flowgate.gateway.events.internal.SubscriberUrls;
import io.flowgate.gateway.events.internal.SubscriptionStore;
import io.flowgate.gateway.events.internal.WebhookRelay;
import io.flowgate.gateway.events.internal.WebhookSender;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events out: starts this node's relays at start-up and stops them at shutdown. The Kafka relay runs when
 * {@code flowgate.kafka.bootstrap-servers} is set, the webhook relay always (both switchable, see
 * {@link EventsSettings}). Every node starts both, but each works only while it holds its relay's lease, so the cluster
 * publishes every event once per transport (at least once across failures), whichever nodes are up.
 */
@Context
public final class EventRelays {

    static final String KAFKA = "kafka";
    static final String WEBHOOKS = "webhooks";
    private static final Logger LOG = LoggerFactory.getLogger(EventRelays.class);

    private final EventsSettings settings;
    private final String owner;
    private final List<RelayLoop> loops = new ArrayList<>();
    private final ExecutorService deliveryPool;

    public EventRelays(EventsSettings settings, WebhookSettings webhooks, KafkaPublisher kafka, EventsSchema schema,
                       SubscriptionStore subscriptions, DeliveryStore deliveries, NodeIdentity node) {
        this.settings = settings.validate();
        this.owner = node.id();
        webhooks.validate();
        Clock clock = Clock.systemUTC();
        if (!settings.isEnabled()) {
            LOG.info("events out are switched off (flowgate.events.enabled=false): nothing leaves the outbox here");
            deliveryPool = null;
            return;
        }
        if (settings.isKafkaEnabled() && kafka.unavailableReason().isEmpty()) {
            KafkaRelay relay = new KafkaRelay(kafka, reader(schema, KAFKA, clock), settings.getTopicPrefix(),
                    settings.getBatchSize());
            requireLeaseOutlasts(relay.waveTimeout());
            loops.add(new RelayLoop(lease(schema, KAFKA, clock), settings.getPollInterval(), relay).start());
            LOG.info("events are relayed to Kafka, topics {}<family> keyed by subject", settings.getTopicPrefix());
        } else {
            LOG.info("events are not relayed to Kafka here: {}", settings.isKafkaEnabled()
                    ? kafka.unavailableReason().orElse("") : "flowgate.events.kafka-enabled=false");
        }
        if (webhooks.isEnabled()) {
            deliveryPool = Executors.newFixedThreadPool(webhooks.getConcurrency(), threads("flowgate-webhook-"));
            WebhookSender sender = new WebhookSender(new SubscriberUrls(webhooks.isAllowPrivateNetworks(),
                    InetAddress::getAllByName), webhooks.getConnectTimeout(), webhooks.getReadTimeout(), clock);
            WebhookRelay relay = new WebhookRelay(schema, reader(schema, WEBHOOKS, clock), subscriptions, deliveries,
                    sender, new WebhookRelay.Limits(new Backoff(webhooks.getBackoffBase(), webhooks.getBackoffFactor(),
                    webhooks.getBackoffMax()), webhooks.getMaxAttempts(), settings.getBatchSize(),
                    webhooks.getConcurrency(), webhooks.perSubscriptionConcurrency()), clock, deliveryPool);
            RelayLoop loop = new RelayLoop(lease(schema, WEBHOOKS, clock), settings.getPollInterval(), relay);
            relay.onAttemptDone(loop::wake);
            loops.add(loop.start());
        } else {
            deliveryPool = null;
            LOG.info("events are not sent to webhook subscribers here: flowgate.events.webhooks.enabled=false");
        }
    }

    /** This node's name in the relay leases: its node id. */
    public String owner() {
        return owner;
    }

    private OutboxReader reader(EventsSchema schema, String relay, Clock clock) {
        return new OutboxReader(schema.dataSource(), relay, settings.getGapTimeout(), clock);
    }

    private RelayLease lease(EventsSchema schema, String relay, Clock clock) {
        return new RelayLease(schema.dataSource(), relay, owner, settings.getLeaseTtl(), clock);
    }

    /** A round renews the lease before each wave; a wave must end before the lease could expire under it. */
    private void requireLeaseOutlasts(Duration wave) {
        if (settings.getLeaseTtl().compareTo(wave.plus(settings.getPollInterval())) <= 0) {
            throw new IllegalArgumentException("flowgate.events.lease-ttl (FLOWGATE_EVENTS_LEASE_TTL, "
                    + settings.getLeaseTtl() + ") must be longer than Kafka's delivery plus request timeout and the "
                    + "poll interval (" + wave.plus(settings.getPollInterval()) + "): otherwise another node could "
                    + "take the lease while this one still waits for Kafka");
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the relays (a round in progress may finish) and gives up their leases so another node goes on at once. */
    @PreDestroy
    public void close() {
        Duration grace = settings.getPollInterval().plusSeconds(5);
        loops.forEach(loop -> loop.close(grace));
        if (deliveryPool != null) {
            deliveryPool.shutdown();
            try {
                deliveryPool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
