package io.edihub.bench;

import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.edifact.EdifactInterchange;
import io.edihub.edifact.EdifactOrdersReader;
import io.edihub.edifact.SmooksProbe;
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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How fast the hub reads EDIFACT ORDERS, beside Smooks alone and beside the hub's X12 path, measured in the same
 * run (DESIGN §10): a documented command, not a test.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edihub.bench.EdifactBenchmark -Dexec.args="20 100"
 * </pre>
 *
 * For each N it makes the same N purchase orders twice: as one EDIFACT interchange of ORDERS D96A messages
 * (below) and as one X12 interchange of 850s ({@link InterchangeGenerator}): a full header and 5 lines, each
 * scheduled over 12 monthly deliveries. It times three passes:
 * <ol type="a">
 * <li>Smooks alone: the EDI cartridge reads the EDIFACT interchange into XML;</li>
 * <li>the hub's EDIFACT read: (a), plus the envelope checks, the XML read back, the mapping to canonical
 * orders and their monthly releases;</li>
 * <li>the hub's X12 path on the X12 twin: {@link InterchangeReader} validates, maps and plans releases, as
 * in {@link ParseBenchmark}.</li>
 * </ol>
 * Daffodil compiles the ORDERS schema on the first Smooks call; that time is printed on its own. Then every
 * pass is warmed up ({@code bench.warmup} rounds, at least {@code bench.warmupSeconds}) and measured
 * {@code bench.rounds} times, interleaved; the median is reported. (b) and (c) must accept all N orders.
 * Run from the project folder (it reads {@code config/partners}).
 */
public final class EdifactBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 1);
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmupSeconds", "5"));
    private static final double MB = 1_000_000.0;

    private final EdifactOrdersReader edifact = new EdifactOrdersReader();
    private final InterchangeReader x12 = new InterchangeReader();
    private final IntakeContext context;
    private long blackhole;

    enum Pass {
        SMOOKS("(a) Smooks alone (EDIFACT to XML)"),
        EDIFACT("(b) EDI Hub EDIFACT: Smooks, map, releases"),
        X12("(c) EDI Hub X12: validate, map, releases");

        final String label;

        Pass(String label) {
            this.label = label;
        }
    }

    EdifactBenchmark() {
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        PartnerProfile acme = partners.byId("acme").orElseThrow(() -> new IllegalStateException(
                "partner 'acme' not found in config/partners: run from the project folder"));
        context = new IntakeContext(Optional.of(acme), partners, new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P"),
                IntakeContext.DuplicateCheck.NEVER);
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {20, 100} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        new EdifactBenchmark().table(sizes);
    }

    private void table(int[] sizes) {
        System.out.printf("EDI Hub EDIFACT benchmark: Java %s, %d CPUs, max heap %,d MB; %d warm-up rounds (>= %.0f s) and %d"
                + " measured rounds per pass, median%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, WARMUP_ROUNDS,
                WARMUP_SECONDS, ROUNDS);
        long started = System.nanoTime();
        SmooksProbe.warmUp();
        System.out.printf("Smooks runtime set up and ORDERS D96A schema compiled (first call): %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        List<String> rows = new ArrayList<>();
        for (int orders : sizes) {
            byte[] edifactBytes = edifactInterchange(orders);
            byte[] x12Bytes = new InterchangeGenerator(orders).bytes();
            for (Pass pass : Pass.values()) {
                long until = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
                for (int round = 0; round < WARMUP_ROUNDS || System.nanoTime() < until; round++) {
                    time(pass, edifactBytes, x12Bytes, orders);
                }
            }
            Map<Pass, long[]> nanos = new EnumMap<>(Pass.class);
            for (Pass pass : Pass.values()) {
                nanos.put(pass, new long[ROUNDS]);
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Pass pass : Pass.values()) {
                    nanos.get(pass)[round] = time(pass, edifactBytes, x12Bytes, orders);
                }
            }
            for (Pass pass : Pass.values()) {
                double seconds = median(nanos.get(pass)) / 1e9;
                int size = pass == Pass.X12 ? x12Bytes.length : edifactBytes.length;
                rows.add(String.format("%,8d  %7.2f  %-44s %8.3f  %,9.0f  %7.2f", orders, size / MB, pass.label, seconds,
                        orders / seconds, size / MB / seconds));
            }
            rows.add("");
        }
        System.out.println();
        System.out.printf("%8s  %7s  %-44s %8s  %9s  %7s%n", "orders", "MB", "pass", "median s", "orders/s", "MB/s");
        rows.forEach(System.out::println);
        System.out.println("(blackhole " + (blackhole & 0xff) + ")");
    }

    private long time(Pass pass, byte[] edifactBytes, byte[] x12Bytes, int orders) {
        long start = System.nanoTime();
        switch (pass) {
            case SMOOKS -> blackhole += SmooksProbe.parse(edifactBytes);
            case EDIFACT -> edifactFull(edifactBytes, orders);
            case X12 -> x12Full(x12Bytes, orders);
        }
        return System.nanoTime() - start;
    }

    private void edifactFull(byte[] bytes, int expected) {
        EdifactInterchange interchange = edifact.read("bench.edifact", bytes, "acme");
        long releases = 0;
        for (PurchaseOrder order : interchange.orders()) {
            releases += ReleasePlanner.plan(order, PartnerProfile.ReleaseExtension.SEQUENCE).size();
        }
        if (interchange.orders().size() != expected || releases != (long) expected * DELIVERIES) {
            throw new IllegalStateException("the hub took " + interchange.orders().size() + " of " + expected
                    + " EDIFACT orders (" + releases + " releases): " + interchange.errors().stream().limit(3).toList());
        }
        blackhole += releases;
    }

    private void x12Full(byte[] bytes, int expected) {
        long[] counts = new long[2];
        FileResult result = x12.read("bench.edi", new ByteArrayInputStream(bytes), context, new InterchangeListener() {
            @Override
            public void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    PlannedOrder order) {
                if (order != null) {
                    counts[0]++;
                    counts[1] += order.releases().size();
                }
            }
        });
        if (counts[0] != expected || counts[1] != (long) expected * DELIVERIES) {
            throw new IllegalStateException("the hub took " + counts[0] + " of " + expected + " X12 orders: " + result.errors());
        }
        blackhole += counts[1];
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static final int LINES = 5;
    private static final int DELIVERIES = 12;
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate FIRST_DELIVERY = LocalDate.of(2027, 1, 15);
    private static final String[] PRODUCTS = {"RUGGED TABLET 10 INCH", "PROTECTIVE CASE PACK OF 12",
        "DOCKING STATION USB-C", "SPARE BATTERY 8000MAH", "STYLUS PEN PACK OF 5", "VEHICLE MOUNT KIT",
        "FIELD CHARGER 4 BAY"};
    /** The EDIFACT (UN/ECE Rec. 20) spelling of {@link InterchangeGenerator}'s units EA, CA, EA, EA, BX, EA, EA. */
    private static final String[] UNITS = {"PCE", "CS", "PCE", "PCE", "BX", "PCE", "PCE"};

    /**
     * The EDIFACT twin of {@link InterchangeGenerator}: the same N orders (PO numbers, parties, parts, quantities,
     * prices, dates) as ORDERS D96A messages in one interchange.
     */
    static byte[] edifactInterchange(int orders) {
        StringBuilder out = new StringBuilder(orders * 2600);
        out.append("UNA:+.? '\n");
        out.append("UNB+UNOC:3+ACMEFED:ZZZ+EDIHUB:ZZZ+261102:0930+101'\n");
        for (int n = 1; n <= orders; n++) {
            List<String> segments = new ArrayList<>();
            String reference = String.format("%04d", n);
            segments.add("UNH+" + reference + "+ORDERS:D:96A:UN");
            segments.add("BGM+221+45" + String.format("%08d", n) + "+9");
            segments.add("DTM+137:20261102:102");
            segments.add("DTM+2:" + CCYYMMDD.format(FIRST_DELIVERY) + ":102");
            segments.add("RFF+CT:GSA-47QSWA-2026");
            segments.add("NAD+BY+ACME-HQ::92++ACME FEDERAL PROCUREMENT");
            segments.add("CTA+PD+:JANE ROURKE");
            segments.add("COM+5555550142:TE");
            segments.add("COM+JROURKE@ACME.EXAMPLE:EM");
            segments.add("NAD+ST+DEPOT" + (n % 40 + 1) + "::92++ACME DEPOT " + (n % 40 + 1)
                    + "+400 LOGISTICS WAY:BUILDING C+DAYTON+OH+45433+US");
            segments.add("NAD+IV+ACME-AP::92++ACME ACCOUNTS PAYABLE+PO BOX 9000+WASHINGTON+DC+20405+US");
            segments.add("CUX+2:USD:9");
            segments.add("PAT+1++5:3:D:30");
            segments.add("PAT+22++5:3:D:10");
            segments.add("PCD+12:2");
            for (int line = 1; line <= LINES; line++) {
                int product = (n + line) % PRODUCTS.length;
                int monthly = 10 * ((n * 7 + line * 13) % 20 + 1);
                String unit = UNITS[product];
                segments.add("LIN+" + line + "++EH-" + (1000 + product * 37) + ":SA");
                segments.add("PIA+1+ACM-" + (77800 + product) + ":IN");
                segments.add("IMD+F++:::" + PRODUCTS[product]);
                segments.add("QTY+21:" + monthly * DELIVERIES + ":" + unit);
                segments.add("PRI+AAA:" + (40 + product * 13) + "." + (n % 100 < 10 ? "0" : "") + n % 100);
                for (int month = 0; month < DELIVERIES; month++) {
                    segments.add("SCC+1");
                    segments.add("QTY+21:" + monthly + ":" + unit);
                    segments.add("DTM+2:" + CCYYMMDD.format(FIRST_DELIVERY.plusMonths(month).plusDays(line - 1)) + ":102");
                }
            }
            segments.add("UNS+S");
            segments.add("CNT+2:" + LINES);
            segments.add("UNT+" + (segments.size() + 1) + "+" + reference);
            for (String s : segments) {
                out.append(s).append("'\n");
            }
        }
        out.append("UNZ+").append(orders).append("+101'\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
