package io.edihub.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Makes one X12 interchange of N 850 purchase orders from ACME (ISA ZZ/ACMEFED, GS02 ACMEFED) to the hub
 * (ZZ/EDIHUB), shaped like the blanket orders government customers send: a full header (BEG, CUR, REF,
 * PER, ITD, DTM, three N1 parties with addresses) and 5 PO1 lines, each scheduled over 12 monthly SCH
 * deliveries. Control numbers and counts (SE01, GE01, IEA01) are right, so the hub accepts every set.
 *
 * <p>The output is written as it is made: a file of any size never sits in memory.
 */
public final class InterchangeGenerator {

    static final int LINES = 5;
    static final int DELIVERIES = 12;
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate FIRST_DELIVERY = LocalDate.of(2027, 1, 15);
    private static final String[] PRODUCTS = {"RUGGED TABLET 10 INCH", "PROTECTIVE CASE PACK OF 12",
        "DOCKING STATION USB-C", "SPARE BATTERY 8000MAH", "STYLUS PEN PACK OF 5", "VEHICLE MOUNT KIT",
        "FIELD CHARGER 4 BAY"};
    private static final String[] UNITS = {"EA", "CA", "EA", "EA", "BX", "EA", "EA"};

    /** acme's contract parts (buyer part, our part, unit, contract price), for orders the contract check takes as sent */
    private static final String[][] CONTRACT_PARTS = {{"ACM-77812", "EH-1001", "EA", "42.50"},
        {"ACM-77813", "EH-2040", "CA", "118.00"}};

    private final int sets;
    private final int interchangeControlNumber;
    private final boolean onContract;
    private final int lines;
    private final int deliveries;
    private final String poNumber;
    /** The number of the first order: its PO number is 45 followed by it in eight digits. */
    private int firstOrder = 1;

    public InterchangeGenerator(int sets) {
        this(sets, 101);
    }

    public InterchangeGenerator(int sets, int interchangeControlNumber) {
        this(sets, interchangeControlNumber, false);
    }

    /**
     * Orders the hub's contract check takes as sent ({@code onContract}): only the parts on acme's contract, at
     * its prices, with monthly quantities that keep every release and order under the contract's limits.
     * Otherwise the parts are made up, which a parse does not mind but the contract check refuses.
     */
    public static InterchangeGenerator onAcmeContract(int sets, int interchangeControlNumber) {
        return new InterchangeGenerator(sets, interchangeControlNumber, true);
    }

    /** The same orders numbered from {@code firstOrder} on (PO 45 + eight digits), so that they are no other test's. */
    public InterchangeGenerator numberedFrom(int firstOrder) {
        this.firstOrder = firstOrder;
        return this;
    }

    /**
     * One 850 on acme's contract with {@code lines} PO1 lines, each over {@code deliveries} monthly SCH: the big
     * blanket order of a key account. Its value is far over the contract's limits, so the hub holds it for a person.
     */
    public static InterchangeGenerator bigOrder(int lines, int deliveries, int interchangeControlNumber, String poNumber) {
        return new InterchangeGenerator(1, interchangeControlNumber, true, lines, deliveries, poNumber);
    }

    private InterchangeGenerator(int sets, int interchangeControlNumber, boolean onContract) {
        this(sets, interchangeControlNumber, onContract, LINES, DELIVERIES, null);
    }

    private InterchangeGenerator(int sets, int interchangeControlNumber, boolean onContract, int lines, int deliveries,
            String poNumber) {
        if (lines < 1 || deliveries < 1 || deliveries > 24) {
            throw new IllegalArgumentException("1 or more lines of 1 to 24 deliveries (the contract runs two years), not "
                    + lines + " x " + deliveries);
        }
        this.lines = lines;
        this.deliveries = deliveries;
        this.poNumber = poNumber;
        this.onContract = onContract;
        if (sets < 1 || sets > 999_999) {
            throw new IllegalArgumentException("a group holds 1 to 999,999 sets (GE01), not " + sets);
        }
        this.sets = sets;
        this.interchangeControlNumber = interchangeControlNumber;
    }

    /** The number of 850 sets that make an interchange of about {@code bytes} bytes. */
    public static int setsForSize(long bytes) {
        long one = new InterchangeGenerator(1).bytes().length;
        long perSet = (new InterchangeGenerator(101).bytes().length - one) / 100;
        long envelope = one - perSet;
        return (int) Math.max(1, Math.min(999_999, (bytes - envelope) / perSet));
    }

    public int sets() {
        return sets;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sets * 2600 + 256);
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the interchange to a file, streamed; returns its size in bytes. */
    public long writeTo(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeTo(out);
        }
        return Files.size(file);
    }

    public void writeTo(OutputStream out) throws IOException {
        Writer w = new Writer(out);
        String icn = String.format("%09d", interchangeControlNumber);
        w.segment("ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261102*0930*U*00401*"
                + icn + "*0*P*>");
        int group = 1001;
        w.segment("GS*PO*ACMEFED*EDIHUB*20261102*0930*" + group + "*X*004010");
        for (int n = 1; n <= sets; n++) {
            purchaseOrder(w, n);
        }
        w.segment("GE*" + sets + "*" + group);
        w.segment("IEA*1*" + icn);
        w.flush();
    }

    private void purchaseOrder(Writer w, int n) throws IOException {
        String st = String.format("%04d", n);
        w.count = 0;
        w.segment("ST*850*" + st);
        String po = poNumber != null ? poNumber : "45" + String.format("%08d", firstOrder + n - 1);
        w.segment("BEG*00*BK*" + po + "**20261102*GSA-47QSWA-2026");
        w.segment("CUR*BY*USD");
        w.segment("REF*CT*GSA-47QSWA-2026");
        w.segment("REF*DP*OPS-DIV-" + (n % 20 + 1));
        w.segment("PER*BD*JANE ROURKE*TE*5555550142*EM*JROURKE@ACME.EXAMPLE");
        w.segment("ITD*01*3*2**10**30*****NET 30 2% 10");
        w.segment("DTM*002*" + CCYYMMDD.format(FIRST_DELIVERY));
        w.segment("N1*BY*ACME FEDERAL PROCUREMENT*92*ACME-HQ");
        w.segment("N1*ST*ACME DEPOT " + (n % 40 + 1) + "*92*DEPOT" + (n % 40 + 1));
        w.segment("N3*400 LOGISTICS WAY*BUILDING C");
        w.segment("N4*DAYTON*OH*45433*US");
        w.segment("N1*BT*ACME ACCOUNTS PAYABLE*92*ACME-AP");
        w.segment("N3*PO BOX 9000");
        w.segment("N4*WASHINGTON*DC*20405*US");
        for (int line = 1; line <= lines; line++) {
            int product = (n + line) % PRODUCTS.length;
            int monthly = 10 * ((n * 7 + line * 13) % 20 + 1);
            String unit = UNITS[product];
            if (onContract) {
                String[] part = CONTRACT_PARTS[(n + line) % CONTRACT_PARTS.length];
                monthly = (n * 7 + line * 13) % 20 + 1;
                unit = part[2];
                w.segment("PO1*" + line + "*" + monthly * deliveries + "*" + unit + "*" + part[3] + "*PE*BP*" + part[0]
                        + "*VP*" + part[1]);
            } else {
                w.segment("PO1*" + line + "*" + monthly * deliveries + "*" + unit + "*" + (40 + product * 13) + "."
                        + (n % 100 < 10 ? "0" : "") + n % 100 + "*PE*BP*ACM-" + (77800 + product) + "*VP*EH-"
                        + (1000 + product * 37));
            }
            w.segment("PID*F****" + PRODUCTS[product]);
            for (int month = 0; month < deliveries; month++) {
                // within the month: a big order's lines spread over its first four weeks
                w.segment("SCH*" + monthly + "*" + unit + "***002*"
                        + CCYYMMDD.format(FIRST_DELIVERY.plusMonths(month).plusDays((line - 1) % 28)));
            }
        }
        w.segment("CTT*" + lines);
        w.segment("SE*" + (w.count + 1) + "*" + st);
    }

    /** Writes segments terminated by {@code ~}, counting them for SE01. */
    private static final class Writer {

        private final OutputStream out;
        int count;

        Writer(OutputStream out) {
            this.out = out;
        }

        void segment(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.write('~');
            out.write('\n');
            count++;
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    /** Writes an interchange to a file: {@code InterchangeGenerator <sets> <file>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: InterchangeGenerator <sets> <file>");
            System.exit(2);
        }
        InterchangeGenerator generator = new InterchangeGenerator(Integer.parseInt(args[0]));
        long size = generator.writeTo(Path.of(args[1]));
        System.out.printf("%,d sets, %,d bytes in %s%n", generator.sets(), size, args[1]);
    }
}
