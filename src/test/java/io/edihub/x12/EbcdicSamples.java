package io.edihub.x12;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Makes the EBCDIC samples from ASCII ones, as a mainframe would write them: the interchange in one code page,
 * cut into fixed-length records, the last padded with spaces, each record ended by NL (0x15) or by nothing.
 * {@code EbcdicInterchangeTest} keeps the committed sample equal to what this makes from its ASCII source.
 */
final class EbcdicSamples {

    /** The committed sample: the blanket order of acme as a mainframe sends it. */
    static final Path BLANKET = Path.of("edi-samples/acme/ebcdic/blanket-cp037-80-byte-records.edi");

    static final byte NL = 0x15;

    private EbcdicSamples() {
    }

    /**
     * The blanket order sample with interchange, group and PO numbers of its own (the ASCII one reaches the same
     * hubs in other tests), its line breaks removed: segments run across the record boundaries.
     */
    static String blanketText() {
        try {
            return Files.readString(Path.of("edi-samples/acme/blanket-12-month-schedule.edi"), StandardCharsets.US_ASCII)
                    .replace("\r", "").replace("\n", "").replace("000000101", "000000921")
                    .replace("*1001*", "*1921*").replace("*1001~", "*1921~").replace("4500012345", "4500019201");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] blanket() {
        return records(blanketText(), EbcdicInterchange.CP037, 80, NL);
    }

    /**
     * {@code text} encoded in {@code charset}, cut into records of {@code length} bytes (the last padded with
     * EBCDIC spaces), each followed by {@code end} unless it is 0.
     */
    static byte[] records(String text, Charset charset, int length, byte end) {
        byte[] bytes = text.getBytes(charset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < bytes.length; at += length) {
            byte[] record = new byte[length];
            Arrays.fill(record, (byte) 0x40);
            System.arraycopy(bytes, at, record, 0, Math.min(length, bytes.length - at));
            out.writeBytes(record);
            if (end != 0) {
                out.write(end);
            }
        }
        return out.toByteArray();
    }
}
