package io.edihub.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * An X12 interchange written in EBCDIC, as mainframes send it: IBM code page 037 (US/Canada) or 500
 * (international), often in fixed 80-byte records, each ended by NL (0x15) or LF (0x25), or by nothing at all.
 * It is turned into the ASCII text the reader takes, a byte at a time, as it streams: the file is never held whole.
 *
 * <p>The two code pages agree on letters, digits, space and most punctuation X12 uses ({@code * ~ : > '}); they
 * differ on seven bytes ({@code [ ] ! | ^ ¢ ¬}). The code page is chosen by the separators the ISA declares: cp037,
 * unless one of them is a character X12 cannot carry in cp037 but can in cp500 (0x5F is {@code ¬} in cp037,
 * {@code ^} in cp500, a common repetition separator).
 *
 * <p>Record ends are no part of the interchange unless its segment terminator is the record end itself: then
 * each record is one segment and its end becomes a line feed. Spaces padding a record after a segment terminator
 * (or before a record end that terminates the segment) are dropped; spaces inside a segment split across records
 * are kept.
 */
final class EbcdicInterchange {

    static final Charset CP037 = Charset.forName("IBM037");
    static final Charset CP500 = Charset.forName("IBM500");

    private static final int SPACE = 0x40;
    private static final int NL = 0x15;
    private static final int LF = 0x25;
    private static final int CR = 0x0D;
    private static final int TAB = 0x05;
    /** "ISA" in EBCDIC: the same bytes in cp037 and cp500. */
    private static final byte[] ISA = {(byte) 0xC9, (byte) 0xE2, (byte) 0xC1};
    private static final int ISA11 = 82;
    private static final int ISA16 = 104;

    private EbcdicInterchange() {
    }

    /** How many bytes of EBCDIC spaces, tabs and record ends come before {@code head}'s first character. */
    static int leadingNoise(byte[] head) {
        int i = 0;
        while (i < head.length && (isRecordEnd(head[i] & 0xFF) || head[i] == SPACE || head[i] == TAB)) {
            i++;
        }
        return i;
    }

    /** Whether {@code head}, from {@code at}, starts with ISA in EBCDIC. */
    static boolean startsWithIsa(byte[] head, int at) {
        if (head.length - at < ISA.length) {
            return false;
        }
        for (int i = 0; i < ISA.length; i++) {
            if (head[at + i] != ISA[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRecordEnd(int b) {
        return b == NL || b == LF || b == CR;
    }

    /**
     * The code page, the segment terminator and how records end, read from the ISA at the start of {@code head}
     * (record ends skipped). A head too short for an ISA decodes as cp037, with no terminator known: the reader
     * then says what is wrong with the header, in readable text.
     */
    static Layout layout(byte[] head) {
        byte[] isa = new byte[IsaHeader.LENGTH - 1];
        int n = 0;
        int i = 0;
        for (; i < head.length && n < isa.length; i++) {
            if (!isRecordEnd(head[i] & 0xFF)) {
                isa[n++] = head[i];
            }
        }
        if (n < isa.length || i >= head.length) {
            return new Layout(CP037, -1);
        }
        int terminator = head[i] & 0xFF;
        if (isRecordEnd(terminator) || terminator == SPACE) {
            // the record end as terminator (after padding, perhaps), or a record ending right after ISA16 with the
            // terminator at the start of the next one
            int next = i;
            int recordEnd = -1;
            while (next < head.length && (isRecordEnd(head[next] & 0xFF) || head[next] == SPACE)) {
                if (recordEnd < 0 && isRecordEnd(head[next] & 0xFF)) {
                    recordEnd = head[next] & 0xFF;
                }
                next++;
            }
            if (next < head.length && recordEnd >= 0) {
                terminator = Character.isLetter(decode(CP037, head[next] & 0xFF)) ? recordEnd : head[next] & 0xFF;
            }
        }
        int[] separators = {isa[3] & 0xFF, isa[ISA11] & 0xFF, isa[ISA16] & 0xFF, terminator};
        Charset charset = CP037;
        for (int s : separators) {
            if (!carriable(decode(CP037, s)) && carriable(decode(CP500, s))) {
                charset = CP500;
            }
        }
        return new Layout(charset, terminator);
    }

    private static char decode(Charset charset, int b) {
        return new String(new byte[] {(byte) b}, charset).charAt(0);
    }

    private static boolean carriable(char c) {
        return c >= 0x20 && c < 0x7F;
    }

    /** The code page of an interchange, and its segment terminator as an EBCDIC byte (-1 when unknown). */
    record Layout(Charset charset, int terminator) {

        /** The code page's name as people know it: cp037 or cp500. */
        String codePage() {
            return charset.equals(CP500) ? "cp500" : "cp037";
        }

        boolean recordEndTerminates() {
            return isRecordEnd(terminator);
        }
    }

    /** {@code input} (positioned at the ISA) as the ASCII (UTF-8 where a character has no ASCII form) text it holds. */
    static InputStream decoding(InputStream input, Layout layout) {
        return new Decoding(input, layout);
    }

    private static final class Decoding extends InputStream {

        private final InputStream in;
        private final Layout layout;
        private final byte[][] table = new byte[256][];
        private byte[] pending = new byte[0];
        private int pendingAt;
        /** Spaces read but not yet given out: padding, or data if a non-space follows in the same segment. */
        private int spaces;
        private boolean afterTerminator;

        Decoding(InputStream in, Layout layout) {
            this.in = in;
            this.layout = layout;
            for (int b = 0; b < 256; b++) {
                table[b] = String.valueOf(decode(layout.charset(), b)).getBytes(StandardCharsets.UTF_8);
            }
        }

        @Override
        public int read() throws IOException {
            while (pendingAt >= pending.length) {
                if (!fill()) {
                    return -1;
                }
            }
            return pending[pendingAt++] & 0xFF;
        }

        /** Reads raw bytes until some text is due; false at the end of the input (trailing padding dropped). */
        private boolean fill() throws IOException {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                if (b == SPACE && b != layout.terminator()) {
                    if (!afterTerminator) {
                        spaces++;
                    }
                    continue;
                }
                if (isRecordEnd(b)) {
                    if (layout.recordEndTerminates() && !afterTerminator) {
                        // a record is a segment: the spaces before its end pad it
                        spaces = 0;
                        afterTerminator = true;
                        give(new byte[] {'\n'});
                        return true;
                    }
                    // a record boundary inside the text: no part of it
                    continue;
                }
                byte[] text = table[b];
                if (spaces > 0) {
                    byte[] padded = new byte[spaces + text.length];
                    java.util.Arrays.fill(padded, 0, spaces, (byte) ' ');
                    System.arraycopy(text, 0, padded, spaces, text.length);
                    text = padded;
                    spaces = 0;
                }
                afterTerminator = b == layout.terminator();
                give(text);
                return true;
            }
        }

        private void give(byte[] text) {
            pending = text;
            pendingAt = 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
