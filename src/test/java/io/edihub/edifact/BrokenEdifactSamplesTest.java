package io.edihub.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken EDIFACT sample ({@code edi-samples/acme/broken-edifact/*.edifact}) is refused whole with the
 * errors in the golden file beside it ({@code <name>.errors.txt}, one error a line), each naming its segment,
 * and is answered with a CONTRL saying "rejected" (UCI action 4) that StAEDI reads back without objection.
 *
 * <p>After an intended change: {@code ./mvnw test -Dtest=BrokenEdifactSamplesTest -Dedihub.golden.update=true},
 * then review the diff like code.
 */
class BrokenEdifactSamplesTest {

    static final Path BROKEN = Path.of("edi-samples/acme/broken-edifact");
    private static final EdifactOrdersReader READER = new EdifactOrdersReader();

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(p -> p.toString().endsWith(".edifact")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void isRefusedWithTheGoldenErrorsAndARejectingContrl(Path sample) throws IOException {
        EdifactInterchange interchange = READER.read(sample.getFileName().toString(), Files.readAllBytes(sample), "acme");
        String errors = interchange.errors().stream().map(Object::toString).collect(Collectors.joining("\n", "", "\n"));
        Path golden = BROKEN.resolve(sample.getFileName().toString().replace(".edifact", ".errors.txt"));
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.writeString(golden, errors);
        }

        assertThat(interchange.accepted()).isFalse();
        assertThat(interchange.orders()).isEmpty();
        assertThat(interchange.messages()).allSatisfy(m -> assertThat(m.status()).isEqualTo(EdifactInterchange.Status.REJECTED));
        assertThat(golden).as("expected errors beside %s", sample).exists();
        assertThat(errors).isEqualTo(Files.readString(golden));
        assertThat(interchange.errors()).allSatisfy(e -> assertThat(e.location()).containsPattern("segment|start of file"));

        String contrl = new ContrlWriter().write(interchange, "EDIHUB", "ZZZ", 9, ZonedDateTime.parse("2026-11-02T15:00:00Z"));
        Contrl read = Contrl.read(contrl);
        assertThat(read.problems()).as("StAEDI on the CONTRL:%n%s", contrl).isEmpty();
        assertThat(read.first("UCI")).as(contrl).matches("UCI\\+[^+]+\\+[^+]+\\+[^+]+\\+4(\\+.*)?");
    }
}
