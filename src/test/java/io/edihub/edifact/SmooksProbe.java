package io.edihub.edifact;

/** Smooks alone, without the hub's mapping: the reference pass of {@code io.edihub.bench.EdifactBenchmark}. */
public final class SmooksProbe {

    private SmooksProbe() {
    }

    /** Compiles the ORDERS schema if it is not yet (the first call takes seconds). */
    public static void warmUp() {
        SmooksParser.shared().warmUp();
    }

    /** Reads an interchange with Smooks; returns the length of the XML it made. */
    public static int parse(byte[] interchange) {
        try {
            return SmooksParser.shared().toXml(interchange).length();
        } catch (SmooksParser.ParseFailure e) {
            throw new IllegalStateException("Smooks cannot read the interchange: " + e.getMessage(), e);
        }
    }
}
