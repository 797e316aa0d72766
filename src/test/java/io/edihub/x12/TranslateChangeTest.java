package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.cli.TranslateCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The translate command shows an 860's canonical change where it shows an 850's order. */
class TranslateChangeTest {

    @Test
    void translateShowsTheChangeOfAn860() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TranslateCommand.run(new String[] {"edi-samples/acme/changes/move-quantity-month2-to-month4.edi"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        assertThat(status).isZero();
        JsonNode group = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("interchanges").get(0).get("groups").get(0);
        assertThat(group.get("functionalId").asText()).isEqualTo("PC");
        JsonNode set = group.get("transactions").get(0);
        assertThat(set.get("type").asText()).isEqualTo("860");
        assertThat(set.has("order")).isFalse();
        JsonNode change = set.get("change");
        assertThat(change.get("poNumber").asText()).isEqualTo("4500012345");
        assertThat(change.get("purpose").asText()).isEqualTo("CHANGE");
        JsonNode line = change.get("lines").get(0);
        assertThat(line.get("action").asText()).isEqualTo("CHANGE");
        assertThat(line.get("x12Code").asText()).isEqualTo("RS");
        assertThat(line.get("schedule")).hasSize(11);
        assertThat(line.get("schedule").get(2).get("quantity").asInt()).isEqualTo(200);
        assertThat(line.get("schedule").get(2).get("deliveryDate").asText()).isEqualTo("2027-04-15");
    }

    @Test
    void aRejected860ShowsNoChange() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TranslateCommand.run(new String[] {"edi-samples/acme/changes/broken/860-duplicate-line.edi"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        JsonNode set = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("interchanges").get(0).get("groups").get(0).get("transactions").get(0);
        assertThat(set.get("status").asText()).isEqualTo("REJECTED");
        assertThat(set.get("change").isNull()).isTrue();
    }
}
