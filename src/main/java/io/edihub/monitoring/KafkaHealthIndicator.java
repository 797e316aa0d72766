package io.edihub.monitoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health component {@code kafka}: asks the configured brokers for their cluster, the way the hub's own
 * producers and consumers find it. DOWN, with the reason, when no broker answers in time. One admin
 * client for the hub's lifetime: a new one per probe would open new connections every few seconds.
 */
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final String brokers;
    private final Map<String, Object> security;
    private final int timeoutMs;
    private final CachedProbe probe;
    private Admin admin;

    /** {@code security}: Kafka client properties for TLS / SASL, see {@link KafkaClientSecurity}. */
    KafkaHealthIndicator(String brokers, Map<String, Object> security, MonitoringSettings settings, Executor executor) {
        this.brokers = brokers;
        this.security = Map.copyOf(security);
        this.timeoutMs = (int) settings.probeTimeout().toMillis();
        this.probe = new CachedProbe("Kafka at " + brokers, this::describeCluster, settings.probeCacheFor(),
                settings.probeTimeout(), executor);
    }

    @Override
    public Health health() {
        return probe.health();
    }

    private Health describeCluster() {
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        try {
            Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return Health.up().withDetail("brokers", brokers).withDetail("clusterId", clusterId)
                    .withDetail("nodes", nodes.size()).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).withDetail("brokers", brokers).build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("brokers", brokers)
                    .withDetail("error", "no broker answered within " + timeoutMs + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("brokers", brokers).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(security);
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "edi-hub-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
            // a broker that is down is asked again at most every few seconds, not flooded
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
