package io.edihub.bench;

import io.edihub.canonical.PlannedOrder;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.FileResult;
import io.edihub.x12.GroupResult;
import io.edihub.x12.IntakeContext;
import io.edihub.x12.InterchangeListener;
import io.edihub.x12.InterchangeReader;
import io.edihub.x12.InterchangeResult;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.TransactionResult;
import io.edihub.x12.ValidationPasses;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How fast the hub reads X12 850s, beside a reference measured in the same run (DESIGN §10): a documented
 * command, not a test.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edihub.bench.ParseBenchmark -Dexec.args="1000 10000"
 * </pre>
 *
 * For each N it generates one interchange of N purchase orders (5 lines × 12 monthly SCH each, see
 * {@link InterchangeGenerator}) and times these passes over the same bytes:
 * <ul>
 * <li>(a) a bare StAEDI event pass: envelope validation only, every element's text touched;</li>
 * <li>(b) the same plus our 850 transaction schema, set while ST01 is read, as the reader did before the compiled
 * tables;</li>
 * <li>(b') the same bare pass with each set walked through its compiled 850 table instead
 * ({@code x12.ValidationPasses}): the hub's validation without StAEDI's transaction schema;</li>
 * <li>(c) the hub's full path: {@link InterchangeReader} validates, maps each set to a canonical
 * purchase order and plans its monthly releases;</li>
 * <li>(c') the same with StAEDI's schema per set and release instead of the compiled table.</li>
 * </ul>
 * Every pass is warmed up (at least {@code bench.warmup} rounds and {@code bench.warmupSeconds}), then
 * measured {@code bench.rounds} times, interleaved, and the median is reported. Passes (c) and (c') must accept
 * all N sets, or the benchmark fails. {@code -Dbench.passes=FULL_STAEDI} (a comma-separated list of
 * {@code BARE, SCHEMA, COMPILED, FULL, FULL_STAEDI}) times only those, to profile one.
 *
 * Run from the project folder (it reads {@code config/partners}); the first exec:java on a machine may
 * need the network once (drop {@code -o}) to fetch exec-maven-plugin.
 *
 * <p>{@code ParseBenchmark --big 100} instead writes a ~100 MB interchange to a temporary file and reads
 * it with the full path from a {@code FileInputStream}, to show that memory stays flat. It needs its own
 * JVM for {@code -Xmx256m}:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.edihub.bench.ParseBenchmark --big 100
 * </pre>
 */
public final class ParseBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 2);
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmupSeconds", "5"));
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    /** Only these passes ({@code -Dbench.passes=BARE,FULL}), e.g. to profile one of them; all by default. */
    private static final List<Pass> PASSES = System.getProperty("bench.passes") == null ? List.of(Pass.values())
            : Arrays.stream(System.getProperty("bench.passes").split(",")).map(String::strip).map(Pass::valueOf).toList();
    private static final double MB = 1_000_000.0;

    private final EDIInputFactory factory;
    private final Schema purchaseOrderSchema;
    private final InterchangeReader reader = new InterchangeReader();
    private final InterchangeReader staediSchemaReader = ValidationPasses.staediSchemaReader();
    private final ValidationPasses compiled = new ValidationPasses();
    private final IntakeContext context;

    /** Keeps the JIT from dropping the work of the StAEDI passes. */
    private long blackhole;

    enum Pass {
        BARE("(a) StAEDI bare event pass"),
        SCHEMA("(b) StAEDI + 850 schema, no mapping"),
        COMPILED("(b') StAEDI + compiled 850 table, no mapping"),
        FULL("(c) EDI Hub: validate, map, plan releases"),
        FULL_STAEDI("(c') as (c), with StAEDI's schema per release");

        final String label;

        Pass(String label) {
            this.label = label;
        }
    }

    ParseBenchmark() {
        factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        purchaseOrderSchema = InterchangeReader.loadSchema("/x12/850.xml");
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        PartnerProfile acme = partners.byId("acme").orElseThrow(() -> new IllegalStateException(
                "partner 'acme' not found in config/partners: run from the project folder"));
        context = new IntakeContext(Optional.of(acme), partners, new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P"),
                IntakeContext.DuplicateCheck.NEVER);
    }

    public static void main(String[] args) throws IOException {
        ParseBenchmark benchmark = new ParseBenchmark();
        if (args.length >= 1 && args[0].equals("--big")) {
            benchmark.big(args.length >= 2 ? Integer.parseInt(args[1]) : 100);
            return;
        }
        int[] sizes = args.length == 0 ? new int[] {1000, 10000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        benchmark.table(sizes);
    }

    private void table(int[] sizes) {
        System.out.printf("EDI Hub parse benchmark: Java %s, %d CPUs, max heap %,d MB; %d warm-up rounds (>= %.0f s) and %d"
                + " measured rounds per pass, median%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, WARMUP_ROUNDS,
                WARMUP_SECONDS, ROUNDS);
        System.out.println("each set: BEG CUR REF*2 PER ITD DTM N1/N3/N4*3, 5 PO1 lines x (PID + 12 SCH), CTT");
        List<String> rows = new ArrayList<>();
        for (int sets : sizes) {
            byte[] interchange = new InterchangeGenerator(sets).bytes();
            for (Pass pass : PASSES) {
                warmUp(pass, interchange, sets);
            }
            Map<Pass, long[]> nanos = new EnumMap<>(Pass.class);
            for (Pass pass : PASSES) {
                nanos.put(pass, new long[ROUNDS]);
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Pass pass : PASSES) {
                    nanos.get(pass)[round] = time(pass, interchange, sets);
                }
            }
            double bare = nanos.containsKey(Pass.BARE) ? median(nanos.get(Pass.BARE)) : Double.NaN;
            for (Pass pass : PASSES) {
                double seconds = median(nanos.get(pass)) / 1e9;
                rows.add(String.format("%,8d  %7.1f  %-43s %8.3f  %,9.0f  %7.2f  %6.0f %%", sets, interchange.length / MB,
                        pass.label, seconds, sets / seconds, interchange.length / MB / seconds,
                        100 * bare / median(nanos.get(pass))));
            }
            rows.add("");
        }
        System.out.println();
        System.out.printf("%8s  %7s  %-43s %8s  %9s  %7s  %8s%n", "sets", "MB", "pass", "median s", "sets/s", "MB/s", "% of (a)");
        rows.forEach(System.out::println);
        System.out.println("(blackhole " + (blackhole & 0xff) + ")");
    }

    private void warmUp(Pass pass, byte[] interchange, int sets) {
        long until = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        for (int round = 0; round < WARMUP_ROUNDS || System.nanoTime() < until; round++) {
            time(pass, interchange, sets);
        }
    }

    private long time(Pass pass, byte[] interchange, int sets) {
        long start = System.nanoTime();
        switch (pass) {
            case BARE -> stax(new ByteArrayInputStream(interchange), null, sets);
            case SCHEMA -> stax(new ByteArrayInputStream(interchange), purchaseOrderSchema, sets);
            case COMPILED -> compiled(new ByteArrayInputStream(interchange), sets);
            case FULL -> full(new ByteArrayInputStream(interchange), sets);
            case FULL_STAEDI -> full(staediSchemaReader, new ByteArrayInputStream(interchange), sets,
                    (long) sets * InterchangeGenerator.DELIVERIES);
        }
        long nanos = System.nanoTime() - start;
        if (VERBOSE) {
            System.err.printf("  %-43s %,8d sets %8.3f s%n", pass.label, sets, nanos / 1e9);
        }
        return nanos;
    }

    /**
     * A StAEDI event pass, with or without the 850 schema: every event pulled, every element's text read.
     * Fails when StAEDI reports any error, so that a fast pass cannot be a pass that rejected everything.
     */
    void stax(InputStream in, Schema schema, int expectedSets) {
        long chars = 0;
        int sets = 0;
        int errors = 0;
        String segment = null;
        try (EDIStreamReader r = factory.createEDIStreamReader(in)) {
            while (r.hasNext()) {
                switch (r.next()) {
                    case START_SEGMENT -> segment = r.getText();
                    case ELEMENT_DATA -> {
                        String text = r.getText();
                        chars += text.length();
                        if (schema != null && "ST".equals(segment) && r.getLocation().getElementPosition() == 1) {
                            r.setTransactionSchema("850".equals(text) ? schema : null);
                        }
                    }
                    case END_TRANSACTION -> sets++;
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors++;
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | IOException e) {
            throw new IllegalStateException("StAEDI failed on the generated interchange", e);
        }
        if (errors > 0 || sets != expectedSets) {
            throw new IllegalStateException("StAEDI pass (" + (schema == null ? "bare" : "850 schema") + ") read " + sets
                    + " of " + expectedSets + " sets with " + errors + " errors");
        }
        blackhole += chars;
    }

    /** StAEDI's bare event pass with every set walked through its compiled table; fails on any error or doubt. */
    void compiled(InputStream in, int expectedSets) {
        try {
            int sets = compiled.compiledPass(factory, in);
            if (sets != expectedSets) {
                throw new IllegalStateException("compiled pass read " + sets + " of " + expectedSets + " sets");
            }
            blackhole += sets;
        } catch (EDIStreamException | IOException e) {
            throw new IllegalStateException("StAEDI failed on the generated interchange", e);
        }
    }

    /** The hub's own path; fails unless every set became an order with its 12 monthly releases. */
    FullCount full(InputStream in, int expectedSets) {
        return full(in, expectedSets, (long) expectedSets * InterchangeGenerator.DELIVERIES);
    }

    /**
     * The hub's own path; fails unless every set became an order and, unless {@code expectedReleases} is negative, they
     * have that many releases in all.
     */
    FullCount full(InputStream in, int expectedSets, long expectedReleases) {
        return full(reader, in, expectedSets, expectedReleases);
    }

    private FullCount full(InterchangeReader reader, InputStream in, int expectedSets, long expectedReleases) {
        FullCount count = new FullCount();
        FileResult result = reader.read("bench.edi", in, context, count);
        if (count.orders != expectedSets || count.rejected != 0 || count.interchangeRejected
                || expectedReleases >= 0 && count.releases != expectedReleases) {
            throw new IllegalStateException("the hub accepted " + count.orders + " of " + expectedSets + " sets ("
                    + count.rejected + " rejected, " + count.releases + " releases, interchange "
                    + (count.interchangeRejected ? "rejected" : "accepted") + "): " + count.firstProblem + " "
                    + result.errors());
        }
        blackhole += count.releases;
        count.result = result;
        return count;
    }

    /** Counts what the reader hands over, holding nothing. */
    static final class FullCount implements InterchangeListener {

        int orders;
        int rejected;
        long releases;
        boolean interchangeRejected;
        String firstProblem = "";
        /** What the reader keeps: the verdicts the acknowledgments need, one small result per set. */
        FileResult result;

        @Override
        public void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                PlannedOrder order) {
            if (order != null) {
                orders++;
                releases += order.releases().size();
            } else {
                rejected++;
                if (firstProblem.isEmpty()) {
                    firstProblem = "set " + transaction.controlNumber() + ": " + transaction.errors();
                }
            }
        }

        @Override
        public void endInterchange(InterchangeResult interchange) {
            if (interchange.rejected()) {
                interchangeRejected = true;
                firstProblem = firstProblem + " interchange: " + interchange.errors();
            }
        }
    }

    /** Writes a big interchange to a temporary file, streamed, and reads it back with the full path. */
    private void big(int megabytes) throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        int sets = InterchangeGenerator.setsForSize(megabytes * 1_000_000L);
        Path file = Files.createTempFile("edihub-bench-", ".edi");
        try {
            long started = System.nanoTime();
            long size = new InterchangeGenerator(sets).writeTo(file);
            System.out.printf("wrote %,d sets, %,.1f MB to %s in %.1f s%n", sets, size / MB, file,
                    (System.nanoTime() - started) / 1e9);
            // warm the JIT on a small interchange first, so the figure is about reading, not compiling
            byte[] small = new InterchangeGenerator(1000).bytes();
            for (int i = 0; i < 3; i++) {
                full(new ByteArrayInputStream(small), 1000);
            }
            System.gc();
            started = System.nanoTime();
            FullCount count;
            try (InputStream in = new FileInputStream(file.toFile())) {
                count = full(in, sets);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime rt = Runtime.getRuntime();
            long inUse = rt.totalMemory() - rt.freeMemory();
            System.gc();
            long retained = rt.totalMemory() - rt.freeMemory();
            blackhole += count.result.interchanges().size();
            System.out.printf("read %,d sets (%,d orders, %,d releases) from %,.1f MB in %.1f s: %,.0f sets/s, %.2f MB/s%n",
                    sets, count.orders, count.releases, size / MB, seconds, sets / seconds, size / MB / seconds);
            System.out.printf("max heap (Runtime.maxMemory) %,d MB; peak heap used %,d MB; in use after the read %,d MB,"
                    + " of which live after a GC (the file's verdicts) %,d MB%n", maxHeap >> 20, peakHeapUsed() >> 20,
                    inUse >> 20, retained >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The sum of the heap pools' peak usage since the JVM started: an upper bound of the heap ever in use. */
    static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
