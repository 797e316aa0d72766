package io.edihub.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * acme interchanges broken in the ways issue 14 names, for the whole-hub test ({@code BadInputIT}) and the benchmark
 * ({@link BadInputBenchmark}): a file that ends inside an element, one 850 whose one element is megabytes long, and a
 * large file that is one 850 of which every line is in error. Each is written as it is made: a file of any size never
 * sits in memory.
 */
public final class BrokenInterchanges {

    /** One PO1 line in error: its quantity (PO102, numeric) is letters. */
    static final String BAD_LINE = "PO1*%d*MANY*EA*42.50*PE*BP*ACM-77812*VP*EH-1001~";

    private BrokenInterchanges() {
    }

    /** A good 850 of one line on acme's contract (released in one month), as the hub takes it. */
    public static byte[] goodOrder(String isa13, String poNumber) {
        return String.join("", header(isa13, poNumber), "PO1*1*10*EA*42.50*PE*BP*ACM-77812*VP*EH-1001~",
                "PID*F****RUGGED TABLET 10 INCH~", "SCH*10*EA***002*20270115~", "CTT*1~", "SE*14*0001~",
                trailer(isa13)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The good order's file cut inside an element of its PO1 line: no SE, GE nor IEA. */
    public static byte[] truncatedInsideAnElement(String isa13, String poNumber) {
        String good = new String(goodOrder(isa13, poNumber), StandardCharsets.US_ASCII);
        return good.substring(0, good.indexOf("*ACM-77812") + 5).getBytes(StandardCharsets.US_ASCII);
    }

    /** The good order with its line's description (PID05) {@code chars} characters long; returns the file's size. */
    public static long withHugeElement(Path file, String isa13, String poNumber, long chars) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, header(isa13, poNumber) + "PO1*1*10*EA*42.50*PE*BP*ACM-77812*VP*EH-1001~PID*F****");
            byte[] block = "X".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            for (long left = chars; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(left, block.length));
            }
            write(out, "~SCH*10*EA***002*20270115~CTT*1~SE*14*0001~" + trailer(isa13));
        }
        return Files.size(file);
    }

    /**
     * One 850 of about {@code bytes} bytes whose every line is in error ({@link #BAD_LINE}: a quantity in letters), with
     * its counts (SE01, CTT01) right; returns the number of lines.
     */
    public static long oneBrokenSet(Path file, String isa13, String poNumber, long bytes) throws IOException {
        long lines = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            String head = header(isa13, poNumber);
            write(out, head);
            long written = head.length();
            while (written < bytes) {
                String line = String.format(BAD_LINE, ++lines);
                write(out, line);
                written += line.length();
            }
            // ST to N4: 9 segments, then the lines, CTT and SE
            write(out, "CTT*" + lines + "~SE*" + (9 + lines + 2) + "*0001~" + trailer(isa13));
        }
        return lines;
    }

    private static String header(String isa13, String poNumber) {
        return "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261102*0930*U*00401*" + isa13
                + "*0*P*>~GS*PO*ACMEFED*EDIHUB*20261102*0930*" + group(isa13) + "*X*004010~ST*850*0001~"
                + "BEG*00*SA*" + poNumber + "**20261102~CUR*BY*USD~PER*BD*JANE ROURKE*TE*5555550142~"
                + "ITD*01*3*2**10**30~DTM*002*20270115~N1*ST*ACME DEPOT 12*92*DEPOT12~N3*400 LOGISTICS WAY~"
                + "N4*DAYTON*OH*45433*US~";
    }

    private static String trailer(String isa13) {
        return "GE*1*" + group(isa13) + "~IEA*1*" + isa13 + "~";
    }

    /** GS06: the interchange's control number without its leading zeros, so that each file's group is its own. */
    private static String group(String isa13) {
        return Long.toString(Long.parseLong(isa13));
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }
}
