package io.edihub.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schemas of the sets the hub reads, one per X12 release: each release's own segments, in its own order, with
 * its own loops and repeat counts.
 *
 * <p>The structure of a set in a release is a fact file, {@code x12/structure/<set>/<release>.txt}: one line per
 * segment ({@code ID minUse maxUse}), an indented block being the loop the line above begins. The segment
 * definitions (which elements the hub maps, and how they are typed) come from the set's own schema,
 * {@code x12/<set>.xml}, and are the same in every release; a segment the hub does not map takes any content in its
 * positions. A release between two we hold is read with the nearest earlier one, a release before the first with
 * the first, a release after the last with the last; {@link Release#exact()} says which.
 *
 * <p>Thread-safe: schemas are built once per set and release, on first use.
 */
final class ReleaseSchemas {

    /** The releases we hold structure facts for, oldest first. */
    static final List<String> RELEASES = List.of("003040", "003050", "003060", "003070", "004010", "004020", "004030",
            "004040", "004050", "004060", "005010", "005020", "005030", "006020", "006030");
    /** The inbound sets read with a schema per release. */
    static final List<String> SETS = List.of("850", "860", "861", "812", "820", "997");
    /**
     * The delivery schedules (830 planning, 862 shipping), read with a schema per release by their own mappers but
     * not yet taken by the intake: {@link #schema} has none for them, so the reader answers them as it always has
     * (set not supported). The next step of the schedules moves them into {@link #SETS}.
     */
    static final List<String> SCHEDULE_SETS = List.of("830", "862");

    private static final Pattern SEGMENT_TYPE = Pattern.compile("<segmentType name=\"([A-Z0-9]+)\"");
    private static final Pattern RELEASE = Pattern.compile("^(\\d{6})");
    private static final String FREE_POSITIONS = "<element type=\"E_ANY\" maxOccurs=\"99\"/>".repeat(40);
    private static final String ANY_ELEMENT = "<elementType name=\"E_ANY\" code=\"ANY\" base=\"string\" number=\"0\" "
            + "minLength=\"0\" maxLength=\"99999\"/>";

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, TransactionTable> tables = new ConcurrentHashMap<>();
    private final Map<String, Structure> structures = new ConcurrentHashMap<>();
    /** Per set, the segments and places of every release we hold. */
    private final Map<String, Structure> union = new ConcurrentHashMap<>();

    /** The release a group's GS08 is read with. */
    record Release(String sent, String read, boolean exact) {

        /** Whether the release is newer than every release we hold facts for. */
        boolean newerThanFacts() {
            return sent.compareTo(RELEASES.get(RELEASES.size() - 1)) > 0;
        }
    }

    static Release release(String version) {
        Matcher m = RELEASE.matcher(version == null ? "" : version);
        String sent = m.find() ? m.group(1) : RELEASES.get(RELEASES.size() - 1);
        String read = RELEASES.get(0);
        for (String r : RELEASES) {
            if (r.compareTo(sent) <= 0) {
                read = r;
            }
        }
        return new Release(sent, read, read.equals(sent));
    }

    /** The schema of a set in a release, or null for a set the hub does not read. */
    Schema schema(String set, Release release) {
        if (!SETS.contains(set)) {
            return null;
        }
        return built(set, release);
    }

    /** The schema of a delivery schedule set ({@link #SCHEDULE_SETS}) in a release, or null for any other set. */
    Schema scheduleSchema(String set, Release release) {
        return SCHEDULE_SETS.contains(set) ? built(set, release) : null;
    }

    private Schema built(String set, Release release) {
        return schemas.computeIfAbsent(set + "/" + release.read(), k -> build(set, release.read()));
    }

    /** The schema of a set in a release compiled for {@link TransactionWalk}, or null for a set the hub does not read. */
    TransactionTable table(String set, Release release) {
        if (!SETS.contains(set)) {
            return null;
        }
        return tables.computeIfAbsent(set + "/" + release.read(), k -> TransactionTable.compile(schema(set, release)));
    }

    /** The segments of a set in one release, loops included, by id. */
    Set<String> segments(String set, Release release) {
        return structure(set, release.read()).ids;
    }

    /**
     * Whether a segment StAEDI found out of place is noted rather than refused: the set has it at this place in another
     * release (MTX in the N9 loop of a 004010 850, where only 004030 and later have it) but not in this one, or the
     * release is newer than every release we hold facts for and the segment is none the set has ever had. A segment
     * the release has at this place, sent out of order, stays an error.
     *
     * @param enclosing the ids of the loops the segment came in, innermost last
     */
    boolean tolerated(String set, Release release, String segmentId, List<String> enclosing) {
        if (!SETS.contains(set) || segmentId == null) {
            return false;
        }
        Structure own = structure(set, release.read());
        Structure every = everyRelease(set);
        if (release.newerThanFacts() && segmentId.matches("[A-Z][A-Z0-9]{1,2}") && !every.ids.contains(segmentId)) {
            return true;
        }
        List<String> parents = new ArrayList<>(enclosing);
        parents.add("");
        return parents.stream().map(p -> p + "/" + segmentId)
                .anyMatch(place -> !own.placements.contains(place) && every.placements.contains(place));
    }

    private Structure everyRelease(String set) {
        return union.computeIfAbsent(set, s -> {
            Set<String> ids = new TreeSet<>();
            Set<String> placements = new TreeSet<>();
            RELEASES.forEach(r -> {
                ids.addAll(structure(s, r).ids);
                placements.addAll(structure(s, r).placements);
            });
            return new Structure(List.of(), Collections.unmodifiableSet(ids), Collections.unmodifiableSet(placements));
        });
    }

    private Structure structure(String set, String release) {
        return structures.computeIfAbsent(set + "/" + release, k -> Structure.parse(k, read("/x12/structure/" + k + ".txt")));
    }

    private Schema build(String set, String release) {
        String xml = assemble(read("/x12/" + set + ".xml"), structure(set, release));
        try {
            return SchemaFactory.newFactory().createSchema(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the " + set + " schema of release " + release + " is broken: " + e.getMessage(), e);
        }
    }

    /** Our schema of the set with its transaction replaced by the release's, and a free definition for every segment it lacks. */
    static String assemble(String ownSchema, Structure structure) {
        int start = ownSchema.indexOf("<transaction>");
        int end = ownSchema.indexOf("</transaction>") + "</transaction>".length();
        if (start < 0 || end < start) {
            throw new IllegalStateException("our schema has no transaction");
        }
        Set<String> defined = new HashSet<>();
        Matcher m = SEGMENT_TYPE.matcher(ownSchema);
        while (m.find()) {
            defined.add(m.group(1));
        }
        StringBuilder added = new StringBuilder();
        if (!ownSchema.contains("name=\"E_ANY\"")) {
            added.append(ANY_ELEMENT).append('\n');
        }
        for (String id : structure.ids) {
            if (!defined.contains(id)) {
                added.append("<segmentType name=\"").append(id).append("\"><sequence>").append(FREE_POSITIONS)
                        .append("</sequence></segmentType>\n");
            }
        }
        int close = ownSchema.lastIndexOf("</schema>");
        return ownSchema.substring(0, start) + structure.transaction() + ownSchema.substring(end, close) + added
                + ownSchema.substring(close);
    }

    private static String read(String resource) {
        try (InputStream in = ReleaseSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One set's segments in one release, as its fact file gives them. */
    static final class Structure {
        final List<Node> body;
        final Set<String> ids;
        /** Where each segment may stand: {@code <id of the loop it is in>/<id>}, {@code /<id>} outside any loop. */
        final Set<String> placements;

        private Structure(List<Node> body, Set<String> ids, Set<String> placements) {
            this.body = body;
            this.ids = ids;
            this.placements = placements;
        }

        record Node(String id, int min, int max, List<Node> children) {
        }

        static Structure parse(String name, String text) {
            List<Node> body = new ArrayList<>();
            Deque<List<Node>> open = new ArrayDeque<>();
            open.push(body);
            Set<String> ids = new LinkedHashSet<>();
            int lineNumber = 0;
            for (String line : text.split("\n")) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int depth = (line.length() - line.stripLeading().length()) / 2;
                String[] f = line.strip().split("\\s+");
                if (f.length != 3 || !f[0].matches("[A-Z][A-Z0-9]{1,2}") || !f[1].matches("\\d{1,6}")
                        || !f[2].matches("\\d{1,6}") || depth > open.size()
                        || (depth == open.size() && open.peek().isEmpty())) {
                    throw new IllegalStateException(name + " line " + lineNumber + ": not 'ID minUse maxUse' at a known depth: " + line);
                }
                while (depth < open.size() - 1) {
                    open.pop();
                }
                if (depth == open.size()) {
                    List<Node> parent = open.peek();
                    open.push(parent.get(parent.size() - 1).children());
                }
                open.peek().add(new Node(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), new ArrayList<>()));
                ids.add(f[0]);
            }
            Set<String> placements = new HashSet<>();
            place(body, "", placements);
            return new Structure(body, Collections.unmodifiableSet(ids), Collections.unmodifiableSet(placements));
        }

        private static void place(List<Node> nodes, String loop, Set<String> placements) {
            for (Node n : nodes) {
                placements.add(loop + "/" + n.id());
                if (!n.children().isEmpty()) {
                    placements.add(n.id() + "/" + n.id());
                    place(n.children(), n.id(), placements);
                }
            }
        }

        /** The StAEDI {@code <transaction>} of this structure; a loop's code is its first segment's id, numbered. */
        String transaction() {
            StringBuilder xml = new StringBuilder("<transaction>");
            sequence(body, xml, new HashMap<>());
            return xml.append("</transaction>").toString();
        }

        private static void sequence(List<Node> nodes, StringBuilder xml, Map<String, Integer> loopNumbers) {
            xml.append("<sequence>");
            for (Node n : nodes) {
                if (n.children().isEmpty()) {
                    segment(xml, n.id(), n.min(), n.max());
                } else {
                    int number = loopNumbers.merge(n.id(), 1, Integer::sum);
                    xml.append("<loop code=\"").append(n.id()).append('_').append(number).append('"');
                    occurs(xml, n.min(), n.max());
                    xml.append('>');
                    List<Node> inside = new ArrayList<>();
                    inside.add(new Node(n.id(), 1, 1, List.of()));
                    inside.addAll(n.children());
                    sequence(inside, xml, loopNumbers);
                    xml.append("</loop>");
                }
            }
            xml.append("</sequence>");
        }

        private static void segment(StringBuilder xml, String id, int min, int max) {
            xml.append("<segment type=\"").append(id).append('"');
            occurs(xml, min, max);
            xml.append("/>");
        }

        private static void occurs(StringBuilder xml, int min, int max) {
            if (min > 0) {
                xml.append(" minOccurs=\"").append(min).append('"');
            }
            xml.append(" maxOccurs=\"").append(Math.max(max, 1)).append('"');
        }
    }
}
