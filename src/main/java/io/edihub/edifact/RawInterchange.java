package io.edihub.edifact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The interchange cut into segments by its separators (UNA, or the EDIFACT defaults), with each segment's
 * byte range. Smooks reads the content; this plain tokenizer is what the hub checks the envelope with before
 * Smooks runs, and what it maps a Smooks error's byte offset back to a segment with.
 */
final class RawInterchange {

    /** One segment: {@code elements.get(0)} holds the tag, then data elements, each a list of components. */
    record Segment(int index, String tag, int start, int end, boolean terminated, List<List<String>> elements) {

        String value(int element, int component) {
            if (element >= elements.size()) {
                return null;
            }
            List<String> components = elements.get(element);
            if (component < 1 || component > components.size()) {
                return null;
            }
            String v = components.get(component - 1);
            return v.isEmpty() ? null : v;
        }
    }

    final boolean serviceStringAdvice;
    final char componentSeparator;
    final char elementSeparator;
    final char decimalMark;
    final char release;
    final char terminator;
    final List<Segment> segments;

    private RawInterchange(boolean una, char component, char element, char decimal, char release, char terminator,
            List<Segment> segments) {
        this.serviceStringAdvice = una;
        this.componentSeparator = component;
        this.elementSeparator = element;
        this.decimalMark = decimal;
        this.release = release;
        this.terminator = terminator;
        this.segments = List.copyOf(segments);
    }

    static RawInterchange scan(byte[] bytes, Charset charset) {
        int i = skipBomAndSpace(bytes, 0);
        boolean una = i + 9 <= bytes.length && bytes[i] == 'U' && bytes[i + 1] == 'N' && bytes[i + 2] == 'A';
        char component = ':';
        char element = '+';
        char decimal = '.';
        char release = '?';
        char terminator = '\'';
        if (una) {
            component = (char) (bytes[i + 3] & 0xff);
            element = (char) (bytes[i + 4] & 0xff);
            decimal = (char) (bytes[i + 5] & 0xff);
            release = (char) (bytes[i + 6] & 0xff);
            terminator = (char) (bytes[i + 8] & 0xff);
            i += 9;
            if (release == ' ') {
                release = 0;
            }
        }
        List<Segment> segments = new ArrayList<>();
        ByteArrayOutputStream value = new ByteArrayOutputStream(64);
        List<List<String>> elements = new ArrayList<>();
        List<String> components = new ArrayList<>();
        int start = -1;
        while (i < bytes.length) {
            if (start < 0) {
                i = skipSpace(bytes, i);
                if (i >= bytes.length) {
                    break;
                }
                start = i;
            }
            char c = (char) (bytes[i] & 0xff);
            if (release != 0 && c == release && i + 1 < bytes.length) {
                value.write(bytes[i + 1]);
                i += 2;
                continue;
            }
            if (c == component) {
                components.add(value.toString(charset));
                value.reset();
            } else if (c == element || c == terminator) {
                components.add(value.toString(charset));
                value.reset();
                elements.add(components);
                components = new ArrayList<>();
                if (c == terminator) {
                    segments.add(segment(segments.size() + 1, start, i + 1, true, elements));
                    elements = new ArrayList<>();
                    start = -1;
                }
            } else {
                value.write(bytes[i]);
            }
            i++;
        }
        if (start >= 0) {
            components.add(value.toString(charset));
            elements.add(components);
            segments.add(segment(segments.size() + 1, start, bytes.length, false, elements));
        }
        return new RawInterchange(una, component, element, decimal, release, terminator, segments);
    }

    private static Segment segment(int index, int start, int end, boolean terminated, List<List<String>> elements) {
        String tag = elements.get(0).get(0).strip();
        return new Segment(index, tag, start, end, terminated, List.copyOf(elements));
    }

    /** The segment a byte offset falls in (or the first after it); the last segment when it is past the end. */
    Segment segmentAt(long offset) {
        for (Segment s : segments) {
            if (offset < s.end()) {
                return s;
            }
        }
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** The interchange's character set from UNB S001 0001; UTF-8 when it names none the JDK knows. */
    static Charset charsetOf(String syntaxId) {
        if (syntaxId == null) {
            return StandardCharsets.UTF_8;
        }
        String name = switch (syntaxId) {
            case "UNOA", "UNOB" -> "US-ASCII";
            case "UNOC" -> "ISO-8859-1";
            case "UNOD" -> "ISO-8859-2";
            case "UNOE" -> "ISO-8859-5";
            case "UNOF" -> "ISO-8859-7";
            case "UNOG" -> "ISO-8859-3";
            case "UNOH" -> "ISO-8859-4";
            case "UNOI" -> "ISO-8859-6";
            case "UNOJ" -> "ISO-8859-8";
            case "UNOK" -> "ISO-8859-9";
            default -> "UTF-8";
        };
        return Charset.forName(name);
    }

    /**
     * The syntax identifier of the UNB near the start, read without knowing the character set yet (the
     * separators are ASCII in every EDIFACT character set); null when there is no UNB there.
     */
    static String sniffSyntaxId(byte[] bytes) {
        int limit = Math.min(bytes.length, 512);
        for (int i = 0; i + 8 < limit; i++) {
            if (bytes[i] == 'U' && bytes[i + 1] == 'N' && bytes[i + 2] == 'B') {
                int from = i + 4;
                int to = from;
                while (to < limit && Character.isLetter((char) bytes[to])) {
                    to++;
                }
                return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int skipBomAndSpace(byte[] b, int i) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            i = 3;
        }
        return skipSpace(b, i);
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == '\r' || b[i] == '\n' || b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }
}
