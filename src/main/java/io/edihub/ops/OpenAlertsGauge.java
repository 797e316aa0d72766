package io.edihub.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code edihub.alerts.open}, tagged by partner and kind: counted from the alert table, at most
 * once every ten seconds however often it is scraped. A partner and kind seen once keeps its gauge (at zero
 * once its alerts are closed), so a dashboard sees the count fall rather than the series vanish.
 */
@Component
class OpenAlertsGauge {

    static final String NAME = "edihub.alerts.open";
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Alerts about no partner in particular (an unreadable shipment event). */
    private static final String NO_PARTNER = "none";

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Map<Series, Gauge> gauges = new ConcurrentHashMap<>();
    private volatile Map<Series, Long> counts = Map.of();
    // scrape age, not business time: the hub's clock may be a test's clock that stands still
    private volatile long countedAt = System.nanoTime() - MAX_AGE_NANOS;

    OpenAlertsGauge(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    private record Series(String partnerId, String kind) {
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void started() {
        refresh();
    }

    /** Counts again now, and adds a gauge for every partner and kind with an open alert that has none yet. */
    public void refresh() {
        Map<Series, Long> fresh = count();
        for (Series s : fresh.keySet()) {
            gauges.computeIfAbsent(s, k -> Gauge.builder(NAME, this, g -> g.current(k))
                    .description("alerts open, by partner and kind").tag("partner", k.partnerId()).tag("kind", k.kind())
                    .register(registry));
        }
    }

    private double current(Series series) {
        if (System.nanoTime() - countedAt > MAX_AGE_NANOS) {
            count();
        }
        return counts.getOrDefault(series, 0L);
    }

    private synchronized Map<Series, Long> count() {
        Map<Series, Long> fresh = new HashMap<>();
        jdbc.query("select coalesce(partner_id, ?), kind, count(*) from alert where closed_at is null group by 1, 2",
                rs -> {
                    fresh.put(new Series(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, NO_PARTNER);
        counts = Map.copyOf(fresh);
        countedAt = System.nanoTime();
        return fresh;
    }
}
