package io.edihub.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.ops.OrderTimeline;
import io.edihub.ops.OrderTimeline.Entry;
import io.edihub.ops.OrderTimeline.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineGroupsTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void aRunOfOneChecksFindingsIsOneEntryWithItsCountAndTheFirstOnesBehindIt() {
        List<Entry> entries = new ArrayList<>();
        entries.add(entry(Source.DOCUMENT_IN, "850", "received"));
        for (int line = 1; line <= 2_000; line++) {
            entries.add(entry(Source.EVENT, "CONTRACT_PRICE_DIFFERS", "line " + line + ": 40.00 against 42.50"));
        }
        entries.add(entry(Source.EVENT, "HELD", "over the release limit"));
        entries.add(entry(Source.DOCUMENT_OUT, "997", "accepted"));

        List<TimelineGroups.Group> groups = TimelineGroups.of(entries);

        assertThat(groups).extracting(g -> g.first().kind() + " x" + g.count())
                .containsExactly("850 x1", "CONTRACT_PRICE_DIFFERS x2000", "HELD x1", "997 x1");
        TimelineGroups.Group findings = groups.get(1);
        assertThat(findings.repeated()).isTrue();
        assertThat(findings.entries()).hasSize(TimelineGroups.SHOWN_PER_GROUP);
        assertThat(findings.entries().get(0).detail()).startsWith("line 1:");
        assertThat(findings.hidden()).isEqualTo(2_000 - TimelineGroups.SHOWN_PER_GROUP);
    }

    @Test
    void documentsAreNeverGroupedAndAnAlertAnywhereInARunMarksIt() {
        List<Entry> entries = List.of(entry(Source.DOCUMENT_IN, "850", "a"), entry(Source.DOCUMENT_IN, "850", "b"),
                entry(Source.EVENT, "SHIPPED", "one"),
                new Entry(AT, Source.EVENT, "SHIPPED", null, null, null, "two", Boolean.TRUE),
                entry(Source.EVENT, "ACCEPTED", "three"));

        List<TimelineGroups.Group> groups = TimelineGroups.of(entries);

        assertThat(groups).extracting(g -> g.first().kind() + " x" + g.count() + (g.alert() ? " alert" : ""))
                .containsExactly("850 x1", "850 x1", "SHIPPED x2 alert", "ACCEPTED x1");
        assertThat(TimelineGroups.of(List.of())).isEmpty();
    }

    private static Entry entry(OrderTimeline.Source source, String kind, String detail) {
        return new Entry(AT, source, kind, null, null, null, detail, null);
    }
}
