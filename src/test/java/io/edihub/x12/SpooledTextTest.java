package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpooledTextTest {

    @Test
    void givesBackItsTextBetweenWhatCameBeforeAndAfterInMemoryAndSpilled() throws Exception {
        try (SpooledText text = new SpooledText(16)) {
            text.append("ST*850*0001").append('~');
            assertThat(text.spilled()).isFalse();
            assertThat(read(text.open("ISA~GS~", "SE~"))).isEqualTo("ISA~GS~ST*850*0001~SE~");

            text.append("PO1*1*10*EA*12.50~").append("PID*F****CAF\u00c9~", 0, 13);
            assertThat(text.spilled()).isTrue();
            assertThat(read(text.open("", "SE~"))).isEqualTo("ST*850*0001~PO1*1*10*EA*12.50~PID*F****CAF\u00c9SE~");
            assertThat(read(text.open("", ""))).as("read twice, unchanged").startsWith("ST*850*0001~PO1");

            text.clear();
            assertThat(text.spilled()).isFalse();
            text.append("ST*860*0002~");
            assertThat(read(text.open("", ""))).isEqualTo("ST*860*0002~");
        }
    }

    private static String read(InputStream in) throws Exception {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
