package io.edihub.desk;

import io.edihub.ops.OrderTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order's timeline as a person reads it: a run of entries of one kind from one source (2,000 "contract price
 * differs" findings of one order, one per line) becomes one entry with a count, the entries behind a click. Entries of
 * other kinds stay as they are, in time order.
 */
final class TimelineGroups {

    /** What one group shows behind its click at most; the rest are counted. */
    static final int SHOWN_PER_GROUP = 200;

    private TimelineGroups() {
    }

    /**
     * One line of the grouped timeline.
     *
     * @param first   its first entry (one entry alone is a group of one)
     * @param last    when the run ended
     * @param count   how many entries the run has
     * @param entries the run's entries, at most {@link #SHOWN_PER_GROUP}
     * @param alert   whether any of them asks a person to look
     */
    record Group(OrderTimeline.Entry first, Instant last, int count, List<OrderTimeline.Entry> entries, boolean alert) {

        public boolean repeated() {
            return count > 1;
        }

        public int hidden() {
            return count - entries.size();
        }
    }

    static List<Group> of(List<OrderTimeline.Entry> entries) {
        List<Group> groups = new ArrayList<>();
        List<OrderTimeline.Entry> run = new ArrayList<>();
        int count = 0;
        boolean alert = false;
        OrderTimeline.Entry first = null;
        Instant last = null;
        for (OrderTimeline.Entry entry : entries) {
            if (first != null && !sameCheck(first, entry)) {
                groups.add(new Group(first, last, count, List.copyOf(run), alert));
                run.clear();
                count = 0;
                alert = false;
            }
            if (count == 0) {
                first = entry;
            }
            count++;
            last = entry.at();
            alert |= Boolean.TRUE.equals(entry.alert());
            if (run.size() < SHOWN_PER_GROUP) {
                run.add(entry);
            }
        }
        if (count > 0) {
            groups.add(new Group(first, last, count, List.copyOf(run), alert));
        }
        return groups;
    }

    /**
     * Whether two entries are findings of one check: the same source and kind, about no release or the same one. A
     * document or an invoice is never grouped with the next: each is a thing of its own that a person opens.
     */
    private static boolean sameCheck(OrderTimeline.Entry a, OrderTimeline.Entry b) {
        return a.source() == OrderTimeline.Source.EVENT && b.source() == OrderTimeline.Source.EVENT
                && Objects.equals(a.kind(), b.kind());
    }
}
