package io.edihub.monitoring;

import io.edihub.document.OrderFormat;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each partner sent and got, counted from the record through the views the owning modules publish:
 * documents received and rejected per format ({@code inbound_document_overview}), releases dispatched to
 * fulfillment ({@code release_overview.dispatched_at}) and invoices sent ({@code invoice_overview}: each is an
 * 810 for the customer and an event for the ERP, committed together and delivered after; how far delivery lags
 * shows in the outbox metrics).
 *
 * <pre>
 * edihub_documents_received_total{partner, format}
 * edihub_documents_rejected_total{partner, format}   (outcome REJECTED: nothing in it was taken)
 * edihub_releases_dispatched_total{partner}
 * edihub_invoices_sent_total{partner}
 * </pre>
 */
class PartnerActivityMetrics extends CountsFromDatabase<PartnerActivityMetrics.Figures, PartnerActivityMetrics.Key> {

    /** The formats the intake recognises; any other found in the record is counted too. */
    static final List<String> FORMATS = Arrays.stream(OrderFormat.values()).map(Enum::name).toList();

    /** Meters for one partner ({@code format} null: the partner's release and invoice counters) or partner and format. */
    record Key(String partner, String format) {
    }

    record Documents(long received, long rejected) {
    }

    record Figures(Map<Key, Documents> documents, Map<String, Long> releasesDispatched, Map<String, Long> invoicesSent) {
    }

    private final JdbcTemplate jdbc;
    private final PartnerDirectory partners;

    PartnerActivityMetrics(JdbcTemplate jdbc, PartnerDirectory partners, MonitoringSettings settings) {
        super(settings.metricsCacheFor());
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @Override
    Figures read() {
        Map<Key, Documents> documents = new HashMap<>();
        jdbc.query("select partner_id, coalesce(format, 'UNKNOWN'), count(*), count(*) filter (where outcome = 'REJECTED') "
                + "from inbound_document_overview group by 1, 2", rs -> {
                    documents.put(new Key(rs.getString(1), rs.getString(2)), new Documents(rs.getLong(3), rs.getLong(4)));
                });
        return new Figures(documents,
                perPartner("select partner_id, count(*) from release_overview where dispatched_at is not null "
                        + "group by 1"),
                perPartner("select partner_id, count(*) from invoice_overview group by 1"));
    }

    private Map<String, Long> perPartner(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    @Override
    Collection<Key> knownKeys() {
        List<Key> keys = new ArrayList<>();
        for (PartnerProfile partner : partners.all()) {
            keys.add(new Key(partner.id(), null));
            FORMATS.forEach(format -> keys.add(new Key(partner.id(), format)));
        }
        return keys;
    }

    @Override
    Collection<Key> keysIn(Figures figures) {
        Set<Key> keys = new LinkedHashSet<>(figures.documents().keySet());
        figures.releasesDispatched().keySet().forEach(partner -> keys.add(new Key(partner, null)));
        figures.invoicesSent().keySet().forEach(partner -> keys.add(new Key(partner, null)));
        return keys;
    }

    @Override
    void register(Key key, MeterRegistry registry) {
        if (key.format() == null) {
            counter("edihub.releases.dispatched", "releases requested from fulfillment", key,
                    f -> f.releasesDispatched().getOrDefault(key.partner(), 0L), registry);
            counter("edihub.invoices.sent", "invoices issued (810 and invoice event)", key,
                    f -> f.invoicesSent().getOrDefault(key.partner(), 0L), registry);
        } else {
            counter("edihub.documents.received", "documents received (files and HTTP requests)", key,
                    f -> f.documents().getOrDefault(key, NONE).received(), registry);
            counter("edihub.documents.rejected", "documents of which nothing was taken", key,
                    f -> f.documents().getOrDefault(key, NONE).rejected(), registry);
        }
    }

    private static final Documents NONE = new Documents(0, 0);

    private void counter(String name, String description, Key key, ToLongFunction<Figures> count, MeterRegistry registry) {
        FunctionCounter.Builder<PartnerActivityMetrics> counter = FunctionCounter.builder(name, this, metrics -> {
            Figures figures = metrics.figures();
            // never read: unknown, rather than a zero that would look like a reset
            return figures == null ? Double.NaN : count.applyAsLong(figures);
        }).description(description).tag("partner", key.partner());
        if (key.format() != null) {
            counter.tag("format", key.format());
        }
        counter.register(registry);
    }
}
