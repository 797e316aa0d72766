package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An upload is spooled where it costs no heap, and what is read back is what came, byte for byte and by hash. */
class SpooledInputTest {

    @Test
    void aLargeUploadGoesToATemporaryFileThatClosingDeletes() throws Exception {
        byte[] content = new byte[3 * SpooledInput.IN_MEMORY + 17];
        new Random(7).nextBytes(content);
        SpooledInput spooled = SpooledInput.read(new ByteArrayInputStream(content), 10L * SpooledInput.IN_MEMORY, "big.edi");

        assertThat(spooled.size()).isEqualTo(content.length);
        assertThat(spooled.sha256()).isEqualTo(InboundDocuments.sha256(content));
        try (InputStream in = spooled.open()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(spooled.head()).hasSize(64 * 1024).isEqualTo(java.util.Arrays.copyOf(content, 64 * 1024));
        Path file = spooled.file();
        assertThat(file).isNotNull().hasSize(content.length);
        spooled.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void aSmallUploadStaysInMemoryAndMatchesItsInMemoryTwin() {
        byte[] content = "ISA*00*          *00*".getBytes();
        SpooledInput read = SpooledInput.read(new ByteArrayInputStream(content), 1000, "small.edi");
        SpooledInput given = SpooledInput.of(content);

        assertThat(read.file()).isNull();
        assertThat(read.bytes()).isEqualTo(content);
        assertThat(read.sha256()).isEqualTo(given.sha256());
        assertThat(read.size()).isEqualTo(given.size()).isEqualTo(content.length);
    }

    @Test
    void anUploadOverTheLimitIsReadOneBytePastIt() {
        byte[] content = new byte[2 * SpooledInput.IN_MEMORY];
        SpooledInput over = SpooledInput.read(new ByteArrayInputStream(content), SpooledInput.IN_MEMORY + 5L, "over.edi");
        assertThat(over.size()).isEqualTo(SpooledInput.IN_MEMORY + 6L);
        over.close();
        SpooledInput small = SpooledInput.read(new ByteArrayInputStream(content), 10, "over.edi");
        assertThat(small.size()).isEqualTo(11);
    }
}
