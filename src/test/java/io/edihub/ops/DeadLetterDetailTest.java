package io.edihub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a dead letter's body is shown over HTTP, and which settings are refused. */
class DeadLetterDetailTest {

    private static DeadLetters.Detail detail(byte[] body) {
        DeadLetters.Summary summary = new DeadLetters.Summary(1, "receiveOrders-acme", "sftp acme inbound/x.edi", "acme",
                DeadLetters.Status.PARKED, 5, Instant.EPOCH, Instant.EPOCH, "java.lang.IllegalStateException", "boom");
        return new DeadLetters.Detail(summary, "direct:receivePartnerFile", Map.of(), body, "0".repeat(64), null, List.of());
    }

    @Test
    void x12AndJsonAreShownAsTextWithTheirLineEnds() {
        String x12 = "ISA*00*          *00*~\r\nGS*PO*ACMEFED~\n\tSE*2*0001~";
        assertThat(detail(x12.getBytes(StandardCharsets.UTF_8)).text()).contains(x12);
        assertThat(detail("{\"poNumber\": \"Ü-1\"}".getBytes(StandardCharsets.UTF_8)).text()).contains("{\"poNumber\": \"Ü-1\"}");
    }

    @Test
    void bytesThatAreNotPlainTextAreShownAsBase64() {
        byte[] latin1 = "Müller".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(detail(latin1).text()).isEmpty();
        assertThat(detail(latin1).base64()).isEqualTo("TfxsbGVy");
        // an X12 file using a control character as separator is shown as base64 too, never altered
        assertThat(detail("ISA\u001d00".getBytes(StandardCharsets.US_ASCII)).text()).isEmpty();
    }

    @Test
    void settingsThatWouldParkAtOnceOrNeverAreRefused() {
        assertThatThrownBy(() -> new DeadLetterSettings(0, Duration.ZERO)).hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new DeadLetterSettings(5, Duration.ofSeconds(-1))).hasMessageContaining("park-after");
        assertThat(new DeadLetterSettings(5, Duration.ofMinutes(1)).maxAttempts()).isEqualTo(5);
    }
}
