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

    /** Numbers that live as long as the object: for the translate command, which sends nothing. */
    static ControlNumbers inMemory() {
        Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
        return (partner, kind) -> counters.computeIfAbsent(partner + "/" + kind, k -> new AtomicLong()).incrementAndGet();
    }
}
