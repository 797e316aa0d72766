package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.PlannedOrder;
import io.edihub.partner.PartnerDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden tests: every sample in {@code edi-samples/<partner>/} is read as if the partner had uploaded
 * it, and what comes out (the verdicts, the canonical orders with their releases, the TA1 / 997 text)
 * must equal the expected files beside it: {@code <name>.json} and {@code <name>.ack.x12}.
 *
 * <p>After an intended change, regenerate them with {@code ./mvnw test -Dtest=GoldenSampleTest
 * -Dedihub.golden.update=true} and review the diff like code.
 */
class GoldenSampleTest {

    static final Path SAMPLES = Path.of("edi-samples");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    /**
     * Every X12 sample but the delivery schedules (830, 862) in a {@code schedules} folder: the intake does not take
     * those yet, and their readers' tests check them against their expected schedules
     * ({@code PlanningSchedule830MapperTest}).
     */
    static Stream<Path> samples() throws IOException {
        return Files.walk(SAMPLES).filter(p -> p.toString().endsWith(".edi"))
                .filter(p -> !SAMPLES.relativize(p).toString().contains("schedules")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleTranslatesToItsGoldenFiles(Path sample) throws IOException {
        String partner = SAMPLES.relativize(sample).getName(0).toString();
        Translated t = translate(sample, partner);
        Path json = sibling(sample, ".json");
        Path ack = sibling(sample, ".ack.x12");
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.writeString(json, t.json() + "\n");
            Files.writeString(ack, t.acknowledgments());
        }
        assertThat(json).as("expected canonical JSON beside %s", sample).exists();
        assertThat(t.json() + "\n").isEqualTo(Files.readString(json));
        assertThat(t.acknowledgments()).isEqualTo(Files.readString(ack));
        for (String a : t.translation().acknowledgments().stream().map(AcknowledgmentWriter.Acknowledgment::text).toList()) {
            assertThat(AcknowledgmentValidation.problems(a)).as("StAEDI on the acknowledgment of %s", sample).isEmpty();
        }
    }

    record Translated(X12Translator.Translation translation, String json, String acknowledgments) {
    }

    static Translated translate(Path sample, String partnerId) {
        return translate(sample, PARTNERS, partnerId);
    }

    /** As {@link #translate(Path, String)}, with the partner profiles of the directory given. */
    static Translated translate(Path sample, PartnerDirectory partners, String partnerId) {
        try (InputStream in = Files.newInputStream(sample)) {
            return translate(SAMPLES.relativize(sample).toString(), in, partners, partnerId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #translate(Path, PartnerDirectory, String)}, for a file read from a stream. */
    static Translated translate(String name, InputStream in, PartnerDirectory partners, String partnerId) {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US), CLOCK);
        IntakeContext context = new IntakeContext(partners.byId(partnerId), partners, US,
                IntakeContext.DuplicateCheck.inMemory());
        Map<TransactionResult, PlannedOrder> orders = new IdentityHashMap<>();
        try {
            X12Translator.Translation translation = translator.translate(name, in, context,
                    ControlNumbers.inMemory(), new X12Translator.Listener() {
                        @Override
                        public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder o) {
                            if (o != null) {
                                orders.put(t, o);
                            }
                        }
                    });
            String json = TranslationJson.MAPPER.writeValueAsString(TranslationJson.of(translation, orders));
            StringBuilder acks = new StringBuilder();
            translation.acknowledgments().forEach(a -> acks.append(a.text()));
            return new Translated(translation, json, acks.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sibling(Path sample, String suffix) {
        String name = sample.getFileName().toString();
        return sample.resolveSibling(name.substring(0, name.length() - ".edi".length()) + suffix);
    }
}
