package io.edihub.x12;

import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDISyntaxRule;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One set's schema in one release, compiled once into arrays that {@link TransactionWalk} steps through segment by
 * segment: its loops with the usage of each place, and per segment the type, length, codes and repeats of each
 * element position.
 *
 * <p>The table only answers "clean or not": it is built to be at least as strict as StAEDI's validation of the same
 * schema. Whatever it does not check itself (a binary element, a syntax rule of a kind it does not know, usage that
 * depends on the release) marks the segment as one StAEDI always checks, and a set with such a segment, or with
 * anything the table doubts, is read once more with StAEDI's schema, which then says exactly what is wrong.
 *
 * <p>Immutable and shared: one per set and release (see {@link ReleaseSchemas#table}).
 */
final class TransactionTable {

    final Loop root;

    private TransactionTable(Loop root) {
        this.root = root;
    }

    /** Compiles the transaction of a StAEDI schema; the schema's types are read once, here. */
    static TransactionTable compile(Schema schema) {
        Map<String, Segment> segments = new HashMap<>();
        int[] loopNumber = {0};
        return new TransactionTable(loop(schema.getMainLoop(), segments, loopNumber));
    }

    private static Loop loop(EDIComplexType type, Map<String, Segment> segments, int[] loopNumber) {
        List<EDIReference> refs = type.getReferences();
        int n = refs.size();
        Loop loop = new Loop(type.getCode(), n);
        for (int i = 0; i < n; i++) {
            EDIReference ref = refs.get(i);
            EDIType child = ref.getReferencedType();
            loop.min[i] = ref.getMinOccurs();
            loop.max[i] = ref.getMaxOccurs();
            boolean versioned = ref.hasVersions();
            if (child.isType(EDIType.Type.LOOP)) {
                Loop inner = loop((EDIComplexType) child, segments, loopNumber);
                loop.loops[i] = inner;
                loop.tags[i] = inner.tags[0];
                loop.segments[i] = inner.segments[0];
                loop.verify |= versioned;
            } else {
                loop.tags[i] = child.getCode();
                loop.segments[i] = segments.computeIfAbsent(child.getCode(), c -> segment((EDIComplexType) child));
                if (versioned) {
                    loop.verify = true;
                }
            }
        }
        Map<String, List<Integer>> places = new HashMap<>();
        for (int i = 0; i < n; i++) {
            places.computeIfAbsent(loop.tags[i], t -> new ArrayList<>()).add(i);
        }
        places.forEach((tag, at) -> loop.places.put(tag, at.stream().mapToInt(Integer::intValue).toArray()));
        return loop;
    }

    private static Segment segment(EDIComplexType type) {
        List<EDIReference> refs = type.getReferences();
        Segment s = new Segment(type.getCode(), refs.size());
        for (int p = 1; p <= refs.size(); p++) {
            EDIReference ref = refs.get(p - 1);
            EDIType t = ref.getReferencedType();
            Position position = new Position(ref.getMaxOccurs());
            if (ref.hasVersions()) {
                s.verify = true;
            }
            if (ref.getMinOccurs() > 0) {
                if (p >= 64) {
                    s.verify = true;
                } else {
                    s.required |= 1L << p;
                }
            }
            if (t.isType(EDIType.Type.COMPOSITE)) {
                List<EDIReference> parts = ((EDIComplexType) t).getReferences();
                position.components = new Element[parts.size() + 1];
                for (int c = 1; c <= parts.size(); c++) {
                    EDIReference part = parts.get(c - 1);
                    Element e = element((EDISimpleType) part.getReferencedType());
                    if (part.hasVersions() || part.getMaxOccurs() > 1 || e == null) {
                        s.verify = true;
                    }
                    if (part.getMinOccurs() > 0) {
                        if (c >= 64) {
                            s.verify = true;
                        } else {
                            position.requiredComponents |= 1L << c;
                        }
                    }
                    position.components[c] = e;
                }
                if (!((EDIComplexType) t).getSyntaxRules().isEmpty()) {
                    s.verify = true;
                }
            } else {
                position.element = element((EDISimpleType) t);
                if (position.element == null) {
                    s.verify = true;
                }
            }
            s.positions[p] = position;
        }
        List<EDISyntaxRule> rules = type.getSyntaxRules();
        s.rules = new Rule[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            EDISyntaxRule rule = rules.get(r);
            long mask = 0;
            for (int p : rule.getPositions()) {
                if (p <= 0 || p >= 64) {
                    s.verify = true;
                } else {
                    mask |= 1L << p;
                }
            }
            int first = rule.getPositions().isEmpty() ? 0 : rule.getPositions().get(0);
            RuleKind kind = switch (rule.getType()) {
                case PAIRED -> RuleKind.PAIRED;
                case REQUIRED -> RuleKind.REQUIRED;
                case EXCLUSION -> RuleKind.EXCLUSION;
                case CONDITIONAL -> RuleKind.CONDITIONAL;
                case LIST -> RuleKind.LIST;
                default -> null;
            };
            if (kind == null || first <= 0 || first >= 64) {
                s.verify = true;
                kind = RuleKind.PAIRED;
            }
            s.rules[r] = new Rule(kind, mask, 1L << Math.max(0, Math.min(first, 63)));
        }
        return s;
    }

    /** A simple element type as the table checks it, or null for one it leaves to StAEDI (binary, or release-dependent). */
    private static Element element(EDISimpleType type) {
        if (type.hasVersions() || type.getBase() == EDISimpleType.Base.BINARY) {
            return null;
        }
        Set<String> codes = type.getValueSet();
        long max = Math.min(type.getMaxLength(), Integer.MAX_VALUE);
        return new Element(type.getBase(), (int) type.getMinLength(), (int) max, codes.isEmpty() ? null : Set.copyOf(codes));
    }

    /** A loop (the transaction itself at the root) and its places, in order; place 0 of a loop is its first segment. */
    static final class Loop {
        /** The code StAEDI gives the loop ({@code PO1_1}), which the reader keeps for the 999. */
        final String code;
        final String[] tags;
        final Segment[] segments;
        /** The loop at each place, or null where a segment stands. */
        final Loop[] loops;
        final int[] min;
        final int[] max;
        /** Per segment id, the places it may stand at (a loop's by its first segment), ascending. */
        final Map<String, int[]> places = new HashMap<>();
        /** Usage the table does not know for every release: sets with this loop are left to StAEDI. */
        boolean verify;

        Loop(String code, int size) {
            this.code = code;
            tags = new String[size];
            segments = new Segment[size];
            loops = new Loop[size];
            min = new int[size];
            max = new int[size];
        }
    }

    /** One segment's element positions (index 0 unused), required positions as a bit mask, and syntax rules. */
    static final class Segment {
        final String tag;
        final Position[] positions;
        long required;
        Rule[] rules;
        boolean verify;

        Segment(String tag, int size) {
            this.tag = tag;
            positions = new Position[size + 1];
        }
    }

    /** An element position: a simple element, or a composite with its components (index 0 unused). */
    static final class Position {
        final int maxOccurs;
        Element element;
        Element[] components;
        long requiredComponents;

        Position(int maxOccurs) {
            this.maxOccurs = maxOccurs;
        }

        boolean composite() {
            return components != null;
        }
    }

    record Element(EDISimpleType.Base base, int minLength, int maxLength, Set<String> codes) {
    }

    enum RuleKind { PAIRED, REQUIRED, EXCLUSION, CONDITIONAL, LIST }

    /** An X12 syntax note over positions of the segment (bit p for position p), the first of them apart. */
    record Rule(RuleKind kind, long positions, long first) {

        boolean holds(long present) {
            long here = present & positions;
            return switch (kind) {
                case PAIRED -> here == 0 || here == positions;
                case REQUIRED -> here != 0;
                case EXCLUSION -> Long.bitCount(here) <= 1;
                case CONDITIONAL -> (here & first) == 0 || here == positions;
                case LIST -> (here & first) == 0 || here != first;
            };
        }
    }
}
