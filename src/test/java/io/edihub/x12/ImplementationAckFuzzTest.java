package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.fuzz.Mutator;
import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fuzz suite's inputs answered for a partner whose profile asks for 999s, without a hub: whatever the input, every
 * answer written is one StAEDI takes back with our 997 / 999 / TA1 schemas, and a 999 names the version it answers.
 * The seed is fresh each run and printed; {@code -Dfuzz.seed=N} replays one.
 */
class ImplementationAckFuzzTest {

    private static final PartnerDirectory PARTNERS_999 = PartnerDirectory.load(Path.of("src/test/resources/partners-999"));
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int INPUTS = Integer.getInteger("fuzz.inputs999", 600);

    /**
     * Inputs that once broke an answer, by seed (their samples are listed in {@code fuzz/samples-<seed>.txt}): a
     * control character in ST01 / ST02 copied into AK2, and a GS04 of the wrong length for its envelope and release.
     */
    private static final Map<Long, List<Integer>> REGRESSIONS = Map.of(
            12177450818183L, List.of(423, 2745, 4624, 4671, 5004, 12483, 12537, 13248, 17784),
            12306300093786L, List.of(135, 2966, 6451, 12654, 12861, 13320, 13975, 15480, 16263));

    @Test
    void everyAnswerToAMutatedInputIsOneStaediTakes() throws Exception {
        System.out.println("ImplementationAckFuzzTest seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        List<Mutator.Input> inputs = new ArrayList<>();
        Mutator mutator = new Mutator(SEED, Mutator.x12Samples(GoldenSampleTest.SAMPLES), 2_000);
        for (int i = 0; i < INPUTS; i++) {
            inputs.add(mutator.input(i));
        }
        for (Map.Entry<Long, List<Integer>> seed : REGRESSIONS.entrySet()) {
            Mutator pinned = new Mutator(seed.getKey(), Mutator.x12SamplesOf(seed.getKey(), GoldenSampleTest.SAMPLES), 2_000);
            seed.getValue().forEach(i -> inputs.add(pinned.input(i)));
        }
        List<String> problems = new ArrayList<>();
        int implementationAcks = 0;
        for (Mutator.Input input : inputs) {
            GoldenSampleTest.Translated t = GoldenSampleTest.translate(input.name(), new ByteArrayInputStream(input.content()),
                    PARTNERS_999, "acme");
            for (AcknowledgmentWriter.Acknowledgment a : t.translation().acknowledgments()) {
                AcknowledgmentValidation.problems(a.text())
                        .forEach(p -> problems.add(input.name() + " (" + input.detail() + "): " + p));
                if (a.implementationAcks()) {
                    implementationAcks++;
                    assertThat(a.text()).as(input.name()).contains("ST*999*").containsPattern("AK1\\*[A-Z]{2}\\*\\d+\\*\\d{6}");
                }
            }
        }
        assertThat(problems).as("seed %d", SEED).isEmpty();
        assertThat(implementationAcks).as("inputs answered with a 999, seed %d", SEED).isGreaterThan(INPUTS / 50);
    }
}
