package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 997 codes that differ between X12 releases: each answer uses the code of the release the partner sent. */
class AckCodesTest {

    @Test
    void aRepeatedGroupControlNumberIsCode19From005010AndCode6Before() {
        assertThat(AckCodes.duplicateGroupControlNumber("005010")).isEqualTo("19");
        assertThat(AckCodes.duplicateGroupControlNumber("006020")).isEqualTo("19");
        // 19 is "S1E Security End Segment Missing" in 004010
        assertThat(AckCodes.duplicateGroupControlNumber("004010")).isEqualTo("6");
        assertThat(AckCodes.duplicateGroupControlNumber("004010VICS")).isEqualTo("6");
        assertThat(AckCodes.duplicateGroupControlNumber(null)).isEqualTo("6");
    }

    @Test
    void anApplicationSenderNotListedIsCode7From005010AndCode1Before() {
        assertThat(AckCodes.invalidApplicationSender("005010X231")).isEqualTo("7");
        assertThat(AckCodes.invalidApplicationSender("004010")).isEqualTo("1");
    }
}
