package io.edihub.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.InputError;
import io.edihub.edifact.EdifactInterchange.Message;
import io.edihub.edifact.EdifactInterchange.Status;
import io.edihub.edifact.EdifactInterchange.SyntaxError;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CONTRL's segments for each kind of error, without Smooks: the interchanges are made by hand. */
class ContrlWriterTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-02T16:45:00+01:00");
    private final ContrlWriter writer = new ContrlWriter();

    @Test
    void pinsSegmentAndElementErrors() {
        Message bad = new Message("0002", "ORDERS", "D", "96A", "UN", Status.REJECTED, null, List.of(
                new SyntaxError("37", "QTY", 19, 1, 2), new SyntaxError("13", "LIN", 16, 0, 0)));
        Message fine = new Message("0001", "ORDERS", "D", "96A", "UN", Status.REJECTED, null, List.of());
        EdifactInterchange interchange = interchange(List.of(fine, bad), new InputError("segment 19 QTY", "INVALID_NUMBER", "x"), null);

        Contrl contrl = Contrl.read(writer.write(interchange, "EDIHUB", "ZZZ", 7, NOW));

        assertThat(contrl.problems()).isEmpty();
        assertThat(contrl.first("UNB")).isEqualTo("UNB+UNOC:3+EDIHUB:ZZZ+ACMEFED:ZZZ+261102:1545+7");
        assertThat(contrl.first("UCI")).isEqualTo("UCI+101+ACMEFED:ZZZ+EDIHUB:ZZZ+4");
        assertThat(contrl.all("UCM")).containsExactly("UCM+0001+ORDERS:D:96A:UN+4", "UCM+0002+ORDERS:D:96A:UN+4");
        assertThat(contrl.all("UCS")).containsExactly("UCS+19", "UCS+16+13");
        assertThat(contrl.all("UCD")).containsExactly("UCD+37+1:2");
        assertThat(contrl.first("UNT")).isEqualTo("UNT+8+1");
    }

    @Test
    void reportsEnvelopeErrorsOnUciAndUcm() {
        Message counted = new Message("0001", "ORDERS", "D", "96A", "UN", Status.REJECTED,
                new SyntaxError("29", "UNT", 0, 1, 0), List.of());
        EdifactInterchange interchange = interchange(List.of(counted), new InputError("segment UNZ", "MESSAGE_COUNT_MISMATCH", "x"),
                new SyntaxError("29", "UNZ", 0, 1, 0));

        Contrl contrl = Contrl.read(writer.write(interchange, "EDIHUB", null, 8, NOW));

        assertThat(contrl.problems()).isEmpty();
        assertThat(contrl.first("UCI")).isEqualTo("UCI+101+ACMEFED:ZZZ+EDIHUB:ZZZ+4+29+UNZ+1");
        assertThat(contrl.first("UCM")).isEqualTo("UCM+0001+ORDERS:D:96A:UN+4+29+UNT+1");
    }

    @Test
    void escapesSeparatorsInValues() {
        EdifactInterchange interchange = new EdifactInterchange("odd.edifact", "ACME+FED?", "ZZZ", "EDI:HUB", "ZZZ", "R'1",
                "UNOC", "3", false, List.of(), List.of(), List.of(), null);

        String text = writer.write(interchange, "EDIHUB", "ZZZ", 9, NOW);
        Contrl contrl = Contrl.read(text);

        assertThat(text).contains("UCI+R?'1+ACME?+FED??:ZZZ+EDI?:HUB:ZZZ+7'");
        assertThat(contrl.problems()).isEmpty();
        assertThat(contrl.first("UCI")).isEqualTo("UCI+R'1+ACME+FED?:ZZZ+EDI:HUB:ZZZ+7");
    }

    @Test
    void answersAFileThatIsNoInterchange() {
        EdifactInterchange interchange = new EdifactInterchange("junk.edifact", null, null, null, null, null, null, null,
                false, List.of(), List.of(), List.of(new InputError("start of file", "NOT_EDIFACT", "x")),
                new SyntaxError("13", "UNB", 0, 0, 0));

        Contrl contrl = Contrl.read(writer.write(interchange, "EDIHUB", "ZZZ", 10, NOW));

        assertThat(contrl.problems()).isEmpty();
        assertThat(contrl.first("UNB")).startsWith("UNB+UNOC:3+EDIHUB:ZZZ+UNKNOWN+");
        assertThat(contrl.first("UCI")).isEqualTo("UCI+UNKNOWN+UNKNOWN+UNKNOWN+4+13+UNB");
    }

    @Test
    void refusesAControlReferenceLongerThan14Digits() {
        EdifactInterchange interchange = interchange(List.of(), null, null);

        assertThatThrownBy(() -> writer.write(interchange, "EDIHUB", "ZZZ", 100_000_000_000_000L, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EdifactInterchange interchange(List<Message> messages, InputError error, SyntaxError interchangeError) {
        return new EdifactInterchange("x.edifact", "ACMEFED", "ZZZ", "EDIHUB", "ZZZ", "101", "UNOC", "3", false, messages,
                List.of(), error == null ? List.of() : List.of(error), interchangeError);
    }
}
