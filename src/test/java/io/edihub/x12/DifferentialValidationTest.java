package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.PlannedOrder;
import io.edihub.fuzz.Mutator;
import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled validator against StAEDI's schema validation, on the same bytes: every sample, every file of the shared
 * corpus and thousands of fuzz inputs are read both ways ({@link InterchangeReader.Validation}), and everything the
 * reader says must be the same: the canonical JSON, the 997 / 999 / TA1 text, every error with its message, every
 * AK3 / AK4 with its codes and loop, the loops kept for the 999.
 *
 * <p>The fuzz seed is fresh each run and printed; {@code -Dfuzz.seed=N} replays one, {@code -Ddiff.inputs=N} sets how
 * many inputs (3,000). A seed that finds a difference goes into {@link #REGRESSIONS} with its input numbers.
 */
class DifferentialValidationTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final PartnerDirectory PARTNERS_999 = PartnerDirectory.load(Path.of("src/test/resources/partners-999"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int INPUTS = Integer.getInteger("diff.inputs", 3_000);
    /**
     * Inputs that once read differently, by seed (made from the samples of the seed's time, {@code fuzz/samples-<seed>.txt}):
     * sets cut short, a GE / IEA / ST where the SE should be, an ST inside a set (StAEDI refuses the schema there), a
     * syntax note broken in an 812 and an 850, an ISA inside an interchange, an ST without elements (StAEDI keeps the
     * schema of the set before).
     */
    private static final Map<Long, List<Integer>> REGRESSIONS = Map.of(
            902263045398L, List.of(19, 23, 31, 54, 56, 72, 230, 262, 329, 433, 454),
            1600887698072L, List.of(1145),
            1908112316144L, List.of(4496),
            5179247237277L, List.of(128));

    private static final InterchangeReader STAEDI = new InterchangeReader(InterchangeReader.Validation.STAEDI_SCHEMA);
    private static final InterchangeReader COMPILED = new InterchangeReader(InterchangeReader.Validation.COMPILED_TABLE);

    static Stream<Path> samples() throws IOException {
        return Files.walk(GoldenSampleTest.SAMPLES).filter(p -> p.toString().endsWith(".edi")).sorted();
    }

    static Stream<Path> corpus() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of();
        }
        return Files.walk(CORPUS).filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleReadsTheSameBothWays(Path sample) throws IOException {
        String partner = GoldenSampleTest.SAMPLES.relativize(sample).getName(0).toString();
        byte[] bytes = Files.readAllBytes(sample);
        assertSame(sample.toString(), bytes, PARTNERS, Optional.of(partner));
        assertSame(sample.toString(), bytes, PARTNERS_999, Optional.of("acme"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileReadsTheSameBothWays(Path file) throws IOException {
        assertSame(file.toString(), Files.readAllBytes(file), PARTNERS, Optional.empty());
    }

    @Test
    void everyFuzzInputReadsTheSameBothWays() throws IOException {
        System.out.println("DifferentialValidationTest seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + "), "
                + INPUTS + " inputs");
        List<Mutator.Input> inputs = new ArrayList<>();
        Mutator mutator = new Mutator(SEED, Mutator.x12Samples(GoldenSampleTest.SAMPLES), 2_000);
        for (int i = 0; i < INPUTS; i++) {
            inputs.add(mutator.input(i));
        }
        for (Map.Entry<Long, List<Integer>> seed : REGRESSIONS.entrySet()) {
            Mutator pinned = new Mutator(seed.getKey(), Mutator.x12SamplesOf(seed.getKey(), GoldenSampleTest.SAMPLES), 2_000);
            seed.getValue().forEach(i -> inputs.add(pinned.input(i)));
        }
        if (Boolean.getBoolean("diff.list")) {
            inputs.subList(INPUTS, inputs.size()).forEach(i -> System.out.println(i.seed() + " " + i.index() + " " + i.detail()));
        }
        List<String> different = new ArrayList<>();
        for (Mutator.Input input : inputs) {
            PartnerDirectory partners = input.index() % 2 == 0 ? PARTNERS : PARTNERS_999;
            String partner = partners == PARTNERS ? input.sample().partnerId() : "acme";
            String old = read(STAEDI, input.name(), input.content(), partners, Optional.of(partner));
            String compiled = read(COMPILED, input.name(), input.content(), partners, Optional.of(partner));
            if (!old.equals(compiled) && Integer.getInteger("diff.show", -1) == input.index()) {
                Files.writeString(Path.of("target", "diff-staedi.txt"), old);
                Files.writeString(Path.of("target", "diff-compiled.txt"), compiled);
                Files.write(Path.of("target", "diff-input.edi"), input.content());
            }
            if (!old.equals(compiled)) {
                different.add("seed " + input.seed() + " input " + input.index() + " (" + input.detail() + ")\n"
                        + firstDifference(old, compiled));
            }
        }
        assertThat(different).as("seed %d: inputs read differently", SEED).isEmpty();
    }

    /** A doubtful set larger than what the reader keeps of it in memory: read again from its spooled text. */
    @Test
    void aBrokenSetOfMoreThanAMegabyteIsReadAgainFromItsSpooledTextAsStaediReadsIt() throws IOException {
        Path file = Files.createTempFile("broken-set-", ".edi");
        try {
            io.edihub.bench.BrokenInterchanges.oneBrokenSet(file, "000000977", "PO-SPOOL-1", 3L * SpooledText.IN_MEMORY);
            long size = Files.size(file);
            assertThat(size).isGreaterThan(2L * SpooledText.IN_MEMORY);
            assertSame("one broken set of " + size + " bytes", Files.readAllBytes(file), PARTNERS, Optional.of("acme"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assertSame(String name, byte[] bytes, PartnerDirectory partners, Optional<String> partner) {
        String old = read(STAEDI, name, bytes, partners, partner);
        String compiled = read(COMPILED, name, bytes, partners, partner);
        assertThat(compiled).as(name).isEqualTo(old);
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<none>";
            String r = i < y.length ? y[i] : "<none>";
            if (!l.equals(r)) {
                return "  StAEDI schema: " + l + "\n  compiled:      " + r;
            }
        }
        return "";
    }

    /** Everything one read says, as text: the translation's JSON and acknowledgments, and each set's verdict in full. */
    static String read(InterchangeReader reader, String name, byte[] bytes, PartnerDirectory partners,
            Optional<String> partner) {
        X12Translator translator = new X12Translator(reader, new AcknowledgmentWriter(US), GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(partner.flatMap(partners::byId), partners, US,
                IntakeContext.DuplicateCheck.inMemory());
        Map<TransactionResult, PlannedOrder> orders = new IdentityHashMap<>();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            X12Translator.Translation translation = translator.translate(name, in, context, ControlNumbers.inMemory(),
                    new X12Translator.Listener() {
                        @Override
                        public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder o) {
                            if (o != null) {
                                orders.put(t, o);
                            }
                        }
                    });
            StringBuilder out = new StringBuilder();
            out.append(TranslationJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(TranslationJson.of(translation, orders))).append('\n');
            translation.acknowledgments().forEach(a -> out.append(a.text().replace("~", "~\n")).append('\n'));
            translation.result().describeErrors().forEach(l -> out.append(l).append('\n'));
            for (InterchangeResult i : translation.result().interchanges()) {
                for (GroupResult g : i.groups()) {
                    for (TransactionResult t : g.transactions()) {
                        out.append("set ").append(t.controlNumber()).append(' ').append(t.status()).append(' ')
                                .append(t.ak5Codes).append('\n');
                        for (SegmentError s : t.segmentErrors) {
                            out.append("  AK3 ").append(s.segmentId).append(' ').append(s.position).append(' ')
                                    .append(s.loopId).append(' ').append(s.syntaxCode).append(' ').append(s.elements)
                                    .append('\n');
                        }
                        for (TransactionResult.Loop l : t.loops) {
                            out.append("  loop ").append(l.code).append(' ').append(l.startTag).append(' ')
                                    .append(l.startPosition).append(' ').append(l.startValue).append(' ')
                                    .append(l.endPosition).append('\n');
                        }
                    }
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
