package io.edihub.x12;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our outbound control numbers (ISA13, GS06), counted per partner and kind, never handed out twice.
 */
public interface ControlNumbers {

    enum Kind {
        INTERCHANGE, GROUP
    }

    long next(String partnerId, Kind kind);

    /**
     * Draws {@code count} consecutive numbers at once and returns the first: for documents written in a batch, such as
     * the 855s of an interchange's orders, one draw instead of one per document. This default draws them one by one,
     * which is consecutive only while nobody else draws.
     */
    default long reserve(String partnerId, Kind kind, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one number, not " + count);
        }
        long first = next(partnerId, kind);
        for (int i = 1; i < count; i++) {
            next(partnerId, kind);
        }
        return first;
    }

    /**
     * Numbers drawn beforehand ({@link #reserve}), handed out in order to one partner's documents: the block's
     * numbers must be used up exactly, or a partner would see a gap in our control numbers.
     */
    final class Block implements ControlNumbers {

        private final String partnerId;
        private final Map<Kind, long[]> nextAndEnd = new java.util.EnumMap<>(Kind.class);

        /** Reserves {@code count} numbers of each kind for {@code partnerId} from {@code numbers}. */
        public Block(ControlNumbers numbers, String partnerId, int count) {
            this.partnerId = partnerId;
            for (Kind kind : Kind.values()) {
                long first = numbers.reserve(partnerId, kind, count);
                nextAndEnd.put(kind, new long[] {first, first + count});
            }
        }

        @Override
        public long next(String partner, Kind kind) {
            long[] range = nextAndEnd.get(kind);
            if (!partnerId.equals(partner) || range[0] >= range[1]) {
                throw new IllegalStateException("no " + kind + " number reserved left for partner " + partner);
            }
            return range[0]++;
        }

        /** True when every reserved number was handed out. */
        public boolean usedUp() {
            return nextAndEnd.values().stream().allMatch(range -> range[0] == range[1]);
        }
    }

    /** Numbers that live as long as the object: for the translate command, which sends nothing. */
    static ControlNumbers inMemory() {
        Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
        return (partner, kind) -> counters.computeIfAbsent(partner + "/" + kind, k -> new AtomicLong()).incrementAndGet();
    }
}
