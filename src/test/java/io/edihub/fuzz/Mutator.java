package io.edihub.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the X12 samples into broken inputs for the intake fuzz test, deterministically: input {@code i} of
 * seed {@code s} is always the same bytes, whatever was generated before it, so one failing input can be
 * made again from its name alone ({@code -Dfuzz.seed=s -Dfuzz.only=i}).
 *
 * <p>Before it is mutated, every interchange of the sample gets an interchange control number (ISA13,
 * and the IEA02 that repeated it) of its own, so that the inputs are not all refused as duplicates of
 * each other and each answer can be told apart by the control number in its name.
 */
public final class Mutator {

    /** What was done to a sample; each input has exactly one. */
    public enum Kind {
        /** one to three bytes anywhere get one bit flipped or a random value */
        BYTE_FLIP,
        /** the file ends early, anywhere, even at zero bytes */
        TRUNCATION,
        /** two delimiters trade places everywhere, or one delimiter is replaced by another once */
        SEPARATOR_SWAP,
        SEGMENT_DELETED,
        SEGMENT_DUPLICATED,
        /** two segments trade places, or one moves elsewhere */
        SEGMENTS_REORDERED,
        /** one element of a segment (never the fixed-length ISA) becomes {@code hugeElementBytes} long */
        HUGE_ELEMENT,
        /** a group's GS08 names another X12 release (one we hold, one between, before or after them, or none), and
         * the ISA12 follows it half of the time */
        RELEASE_CHANGED,
        /** the ISA15 of an interchange says test instead of production, or the reverse */
        USAGE_INDICATOR_FLIPPED;

        /** The seeds whose regression inputs were found before the last two kinds existed. */
        private static final java.util.Set<Long> SEVEN_KIND_SEEDS = java.util.Set.of(20261123L, 20261207L);

        /** The kinds a seed's inputs take turns with: a seed keeps the kinds its regression inputs were found with. */
        static List<Kind> of(long seed) {
            boolean seven = SEVEN_KIND_SEEDS.contains(seed);
            return Arrays.stream(values()).filter(k -> !seven || k.ordinal() <= HUGE_ELEMENT.ordinal()).toList();
        }

        /** The kind as it appears in an input's name: {@code byte-flip}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A sample to mutate, with the partner whose channel it is sent on. */
    /** @param path the file below {@code edi-samples/} */
    public record Sample(String partnerId, String name, byte[] content, String path) {
    }

    /**
     * One mutated input.
     *
     * @param controlNumbers the interchange control numbers given to the sample before it was mutated
     */
    public record Input(long seed, int index, Kind kind, Sample sample, String name, byte[] content,
            List<String> controlNumbers, String detail) {
    }

    private static final Pattern DIGITS9 = Pattern.compile("\\d{9}");

    /** What a mutated GS08 says: releases we hold facts for, ones between, before and after them, suffixed, and none. */
    private static final String[] RELEASES = {"003010", "003020", "003040", "004010", "004010VICS", "004030", "004041",
            "005010", "005010X231A1", "006020", "006030", "007030", "008010", "009010", "", "4010", "ABCDEF"};

    /** The interchange control numbers of input {@code i} start at {@code 100,000,000 + 10 i}. */
    static final long NUMBERS_FROM = 100_000_000L;

    private final long seed;
    private final List<Sample> samples;
    private final int hugeElementBytes;
    private final long numbersFrom;
    private final List<Kind> kinds;

    public Mutator(long seed, List<Sample> samples, int hugeElementBytes) {
        this(seed, samples, hugeElementBytes, NUMBERS_FROM);
    }

    /**
     * @param numbersFrom where this mutator's interchange control numbers start: inputs of two seeds run side by side
     *                    must not share one, or the later would be refused as a repeated interchange
     */
    public Mutator(long seed, List<Sample> samples, int hugeElementBytes, long numbersFrom) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to mutate");
        }
        this.seed = seed;
        this.samples = List.copyOf(samples);
        this.hugeElementBytes = hugeElementBytes;
        this.numbersFrom = numbersFrom;
        this.kinds = Kind.of(seed);
    }

    /**
     * The X12 samples below {@code edi-samples/<partner>/} (any file whose content starts with an ISA),
     * sorted by path so that a seed means the same inputs on every machine.
     */
    public static List<Sample> x12Samples(Path root) throws IOException {
        return x12Samples(root, null);
    }

    /**
     * The X12 samples a seed's regression inputs were found with: the files named in
     * {@code src/test/resources/fuzz/samples-<seed>.txt} (paths below {@code edi-samples/}), so that samples added
     * later never change them; all samples when the seed has no such list.
     */
    public static List<Sample> x12SamplesOf(long seed, Path root) throws IOException {
        try (java.io.InputStream listed = Mutator.class.getResourceAsStream("/fuzz/samples-" + seed + ".txt")) {
            if (listed == null) {
                return x12Samples(root);
            }
            List<String> names = new String(listed.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            List<Sample> samples = x12Samples(root, java.util.Set.copyOf(names));
            List<String> found = samples.stream().map(Sample::path).toList();
            List<String> gone = names.stream().filter(n -> n.endsWith(".edi") && !found.contains(n)
                    && !Files.exists(root.resolve(n))).toList();
            if (!gone.isEmpty()) {
                throw new IllegalStateException("the samples of seed " + seed + "'s regression inputs are gone: " + gone
                        + "; restore them or find the regressions again with the samples there are");
            }
            return samples;
        }
    }

    private static List<Sample> x12Samples(Path root, java.util.Set<String> only) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".edi")).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                String text = new String(content, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").strip();
                if (!text.startsWith("ISA")) {
                    continue;
                }
                Path relative = root.relativize(file);
                if (only != null && !only.contains(relative.toString())) {
                    continue;
                }
                String name = relative.toString().replace(".edi", "").replace('/', '-').replace('.', '-');
                samples.add(new Sample(relative.getName(0).toString(), name, content, relative.toString()));
            }
        }
        return samples;
    }

    public long seed() {
        return seed;
    }

    /** Input {@code index}: the kinds take turns, the sample and the mutation's details come from the seed. */
    public Input input(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Kind kind = kinds.get(index % kinds.size());
        Sample sample = samples.get(random.nextInt(samples.size()));
        String text = new String(sample.content(), StandardCharsets.ISO_8859_1);
        List<String> controlNumbers = new ArrayList<>();
        text = renumber(text, numbersFrom, index, controlNumbers);
        StringBuilder detail = new StringBuilder();
        String mutated = mutate(kind, text, random, detail);
        String name = String.format(Locale.ROOT, "s%d-%05d-%s-%s.edi", seed, index, kind.label(), sample.name());
        return new Input(seed, index, kind, sample, name, mutated.getBytes(StandardCharsets.ISO_8859_1),
                List.copyOf(controlNumbers), detail.toString());
    }

    /** Every ISA13 of nine digits gets one of this input's own numbers, and each IEA02 that repeated it too. */
    static String renumber(String text, int index, List<String> assigned) {
        return renumber(text, NUMBERS_FROM, index, assigned);
    }

    private static String renumber(String text, long numbersFrom, int index, List<String> assigned) {
        Delimiters d = Delimiters.of(text);
        List<Segment> segments = Segment.split(text, d.segment());
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Segment s : segments) {
            String[] elements = s.body().strip().split(Pattern.quote(String.valueOf(d.element())), -1);
            if (elements[0].equals("ISA") && elements.length > 13 && DIGITS9.matcher(elements[13]).matches()) {
                String number = String.format(Locale.ROOT, "%09d", numbersFrom + index * 10L + numbers.size() % 10);
                numbers.putIfAbsent(elements[13], number);
            }
        }
        if (numbers.isEmpty()) {
            return text;
        }
        assigned.addAll(numbers.values());
        StringBuilder out = new StringBuilder(text.length());
        for (Segment s : segments) {
            String body = s.body();
            String trimmed = body.strip();
            String sep = String.valueOf(d.element());
            if (trimmed.startsWith("ISA" + sep) || trimmed.startsWith("IEA" + sep)) {
                String[] elements = body.split(Pattern.quote(sep), -1);
                int position = trimmed.startsWith("ISA") ? 13 : 2;
                if (elements.length > position && numbers.containsKey(elements[position].strip())) {
                    elements[position] = elements[position].replace(elements[position].strip(),
                            numbers.get(elements[position].strip()));
                    body = String.join(sep, elements);
                }
            }
            out.append(body).append(s.end());
        }
        return out.toString();
    }

    private String mutate(Kind kind, String text, SplittableRandom random, StringBuilder detail) {
        Delimiters d = Delimiters.of(text);
        List<Segment> segments = new ArrayList<>(Segment.split(text, d.segment()));
        switch (kind) {
            case BYTE_FLIP -> {
                if (text.isEmpty()) {
                    return text;
                }
                char[] chars = text.toCharArray();
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(chars.length);
                    char before = chars[at];
                    chars[at] = random.nextBoolean() ? (char) (before ^ (1 << random.nextInt(8))) : (char) random.nextInt(256);
                    detail.append(String.format(Locale.ROOT, "byte %d: 0x%02x -> 0x%02x; ", at, (int) before, (int) chars[at]));
                }
                return new String(chars);
            }
            case TRUNCATION -> {
                int at = random.nextInt(text.length() + 1);
                detail.append("cut at byte ").append(at).append(" of ").append(text.length());
                return text.substring(0, at);
            }
            case SEPARATOR_SWAP -> {
                char[] delimiters = {d.element(), d.component(), d.segment()};
                int a = random.nextInt(3);
                int b = (a + 1 + random.nextInt(2)) % 3;
                char from = delimiters[a];
                char to = delimiters[b];
                if (random.nextBoolean()) {
                    detail.append(String.format(Locale.ROOT, "'%c' and '%c' swapped everywhere", from, to));
                    StringBuilder out = new StringBuilder(text.length());
                    for (char c : text.toCharArray()) {
                        out.append(c == from ? to : c == to ? from : c);
                    }
                    return out.toString();
                }
                int[] positions = positionsOf(text, from);
                if (positions.length == 0) {
                    return text;
                }
                int at = positions[random.nextInt(positions.length)];
                detail.append(String.format(Locale.ROOT, "'%c' at byte %d replaced by '%c'", from, at, to));
                return text.substring(0, at) + to + text.substring(at + 1);
            }
            case SEGMENT_DELETED -> {
                if (segments.isEmpty()) {
                    return text;
                }
                int at = random.nextInt(segments.size());
                detail.append("segment ").append(at + 1).append(" (").append(tag(segments.get(at), d)).append(") deleted");
                segments.remove(at);
            }
            case SEGMENT_DUPLICATED -> {
                if (segments.isEmpty()) {
                    return text;
                }
                int at = random.nextInt(segments.size());
                detail.append("segment ").append(at + 1).append(" (").append(tag(segments.get(at), d)).append(") duplicated");
                segments.add(at, segments.get(at));
            }
            case SEGMENTS_REORDERED -> {
                if (segments.size() < 2) {
                    return text;
                }
                int from = random.nextInt(segments.size());
                int to = random.nextInt(segments.size());
                if (random.nextBoolean()) {
                    detail.append("segments ").append(from + 1).append(" and ").append(to + 1).append(" swapped");
                    Segment moved = segments.get(from);
                    segments.set(from, segments.get(to));
                    segments.set(to, moved);
                } else {
                    detail.append("segment ").append(from + 1).append(" (").append(tag(segments.get(from), d))
                            .append(") moved to ").append(to + 1);
                    segments.add(to, segments.remove(from));
                }
            }
            case RELEASE_CHANGED -> {
                List<Integer> groups = new ArrayList<>();
                for (int i = 0; i < segments.size(); i++) {
                    if (tag(segments.get(i), d).equals("GS")) {
                        groups.add(i);
                    }
                }
                if (groups.isEmpty()) {
                    return text;
                }
                int at = groups.get(random.nextInt(groups.size()));
                String release = RELEASES[random.nextInt(RELEASES.length)];
                segments.set(at, withElement(segments.get(at), d, 8, release));
                detail.append("GS08 of segment ").append(at + 1).append(" -> ").append(release);
                if (random.nextBoolean() && tag(segments.get(0), d).equals("ISA") && release.length() >= 5) {
                    segments.set(0, withElement(segments.get(0), d, 12, release.substring(0, 5)));
                    detail.append(", ISA12 -> ").append(release, 0, 5);
                }
            }
            case USAGE_INDICATOR_FLIPPED -> {
                if (segments.isEmpty() || !tag(segments.get(0), d).equals("ISA")) {
                    return text;
                }
                String[] elements = segments.get(0).body().split(Pattern.quote(String.valueOf(d.element())), -1);
                if (elements.length <= 15) {
                    return text;
                }
                String flipped = elements[15].equals("T") ? "P" : "T";
                detail.append("ISA15 ").append(elements[15]).append(" -> ").append(flipped);
                segments.set(0, withElement(segments.get(0), d, 15, flipped));
            }
            case HUGE_ELEMENT -> {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < segments.size(); i++) {
                    if (!tag(segments.get(i), d).equals("ISA")) {
                        candidates.add(i);
                    }
                }
                if (candidates.isEmpty()) {
                    return text;
                }
                int at = candidates.get(random.nextInt(candidates.size()));
                Segment segment = segments.get(at);
                String[] elements = segment.body().split(Pattern.quote(String.valueOf(d.element())), -1);
                int element = elements.length > 1 ? 1 + random.nextInt(elements.length - 1) : 1;
                if (element >= elements.length) {
                    elements = Arrays.copyOf(elements, element + 1);
                    elements[element] = "";
                }
                // digits reach the quantities, prices and dates; letters the names and codes
                char filler = random.nextBoolean() ? '9' : 'X';
                elements[element] = String.valueOf(filler).repeat(hugeElementBytes);
                detail.append(String.format(Locale.ROOT, "%s%02d of segment %d: %,d x '%c'", tag(segment, d), element, at + 1,
                        hugeElementBytes, filler));
                segments.set(at, new Segment(String.join(String.valueOf(d.element()), elements), segment.end()));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        StringBuilder out = new StringBuilder(text.length());
        segments.forEach(s -> out.append(s.body()).append(s.end()));
        return out.toString();
    }

    private static String tag(Segment segment, Delimiters d) {
        String body = segment.body().strip();
        int end = body.indexOf(d.element());
        return end < 0 ? body : body.substring(0, end);
    }

    /** The segment with element {@code position} set to {@code value}, added when the segment is shorter. */
    private static Segment withElement(Segment segment, Delimiters d, int position, String value) {
        String sep = String.valueOf(d.element());
        String[] elements = segment.body().split(Pattern.quote(sep), -1);
        if (elements.length <= position) {
            elements = Arrays.copyOf(elements, position + 1);
            Arrays.fill(elements, segment.body().split(Pattern.quote(sep), -1).length, position, "");
        }
        elements[position] = value;
        return new Segment(String.join(sep, elements), segment.end());
    }

    private static int[] positionsOf(String text, char c) {
        return java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == c).toArray();
    }

    /** The element, component and segment delimiters the first ISA declares; X12's usual ones if it cannot be read. */
    record Delimiters(char element, char component, char segment) {

        static Delimiters of(String text) {
            int isa = text.indexOf("ISA");
            if (isa >= 0 && text.length() >= isa + 106) {
                String header = text.substring(isa, isa + 106);
                char element = header.charAt(3);
                if (header.chars().filter(c -> c == element).count() == 16) {
                    return new Delimiters(element, header.charAt(104), header.charAt(105));
                }
            }
            return new Delimiters('*', '>', '~');
        }
    }

    /** A segment as sent: its text, and the terminator with any line break after it. */
    record Segment(String body, String end) {

        static List<Segment> split(String text, char terminator) {
            List<Segment> segments = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf(terminator, start);
                if (end < 0) {
                    segments.add(new Segment(text.substring(start), ""));
                    break;
                }
                int after = end + 1;
                while (after < text.length() && (text.charAt(after) == '\r' || text.charAt(after) == '\n')) {
                    after++;
                }
                segments.add(new Segment(text.substring(start, end), text.substring(end, after)));
                start = after;
            }
            return segments;
        }
    }
}
