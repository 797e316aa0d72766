package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file that is no text the hub reads is named for what it looks like, with its first bytes in hex, never garbled. */
class UnreadableInputTest {

    private static final Charset CP037 = Charset.forName("IBM037");

    private static String describe(byte[] content) {
        String what = UnreadableInput.describe(content).orElseThrow();
        assertThat(what).as("readable: printable ASCII only").matches("[\\x20-\\x7E]*");
        return what;
    }

    @Test
    void textInAsciiOrUtf8IsNotUnreadable() {
        assertThat(UnreadableInput.describe("line,quantity\n1,5".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(UnreadableInput.describe("Kunde;Menge\r\nM\u00fcller;5".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(UnreadableInput.describe(new byte[0])).isEmpty();
    }

    @Test
    void utf16AndUtf32AreNamedWithTheirByteOrder() {
        String text = "\uFEFFpo_number,line\n1,1";
        assertThat(describe(text.getBytes(StandardCharsets.UTF_16LE)))
                .startsWith("the file is UTF-16 text (little-endian, with a byte order mark)").contains("save or send it as UTF-8")
                .contains("in hex: FF FE 70 00 6F 00");
        assertThat(describe(text.getBytes(StandardCharsets.UTF_16BE))).contains("UTF-16 text (big-endian");
        assertThat(describe("ISA*00*".getBytes(StandardCharsets.UTF_16LE))).contains("UTF-16 text without a byte order mark");
        assertThat(describe(text.getBytes(Charset.forName("UTF-32LE")))).contains("UTF-32");
    }

    @Test
    void archivesDocumentsAndImagesAreNamedByTheirMagicBytes() {
        assertThat(describe(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0})).contains("is a ZIP archive", "50 4B 03 04 14 00 06 00");
        assertThat(describe("%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1))).contains("is a PDF document");
        assertThat(describe(new byte[] {0x1F, (byte) 0x8B, 8, 0})).contains("gzip");
        assertThat(describe(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).contains("PNG");
    }

    @Test
    void ebcdicThatIsNoX12SaysEbcdicInPlainWords() {
        assertThat(describe("UNB+UNOA:1+SENDER:ZZ+EDIHUB:ZZ+261102:0930+1'".getBytes(CP037)))
                .startsWith("the file looks like EBCDIC (IBM cp037/cp500): read as EBCDIC it starts 'UNB+UNOA:1+SENDER:ZZ+EDI'")
                .contains("EDIFACT must come in ASCII or UTF-8");
        assertThat(describe("PO_NUMBER,LINE,QUANTITY\n4500012345,1,100".getBytes(CP037)))
                .contains("looks like EBCDIC", "'PO_NUMBER,LINE,QUANTITY.'", "D7 D6 6D D5");
    }

    @Test
    void binaryAndLatin1AreNamedByTheByteThatIsNoText() {
        assertThat(describe(new byte[] {'a', 'b', 0, 1, 2})).contains("control byte 0x00 at offset 2");
        assertThat(describe("po_number;Kunde\n1;M\u00fcller".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("is not UTF-8 text: the byte 0xFC at offset 19", "Latin-1");
    }
}
