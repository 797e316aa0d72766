package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetGuideTest {

    @Test
    void theGuideOfA850IsWhatTheHubReadsItWith() {
        SetGuide.SetFacts facts = SetGuide.of("850");

        assertThat(facts.title()).isEqualTo("X12 850 Purchase Order");
        assertThat(facts.releases()).contains("004010", "005010");
        SetGuide.Segment beg = facts.segments().stream().filter(s -> s.id().equals("BEG")).findFirst().orElseThrow();
        assertThat(beg.elements()).extracting(SetGuide.Element::position)
                .containsExactly("BEG01", "BEG02", "BEG03", "BEG04", "BEG05", "BEG06", "BEG07");
        SetGuide.Element type = beg.elements().get(1);
        assertThat(type.number()).isEqualTo("92");
        assertThat(type.required()).isTrue();
        assertThat(type.codes()).contains("SA", "BK", "RL");
        assertThat(beg.elements().get(3).required()).as("BEG04, the release number").isFalse();
        // segments the hub does not map are not in the guide; the line items are
        assertThat(facts.segments()).extracting(SetGuide.Segment::id).contains("PO1", "SCH").doesNotContain("PWK");
    }

    @Test
    void aSetTheHubOnlyWritesHasNoReleasesOfItsOwn() {
        SetGuide.SetFacts facts = SetGuide.of("810");
        assertThat(facts.releases()).isEmpty();
        assertThat(facts.segments()).extracting(SetGuide.Segment::id).contains("BIG", "IT1", "TDS");
    }
}
