package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compiled 850 table of release 004010 walked segment by segment: the loops it names as StAEDI would, and the
 * doubt it raises wherever StAEDI's schema validation could find an error (the differential test compares the rest).
 */
class TransactionWalkTest {

    private static final TransactionTable TABLE_850 = new ReleaseSchemas().table("850", ReleaseSchemas.release("004010"));
    private static final List<String> ORDER = List.of("BEG*00*SA*4500012345**20261102", "CUR*BY*USD",
            "N1*ST*ACME DEPOT 12*92*DEPOT12", "N3*400 LOGISTICS WAY", "N1*BT*ACME", "PO1*1*300*EA*42.50*PE*BP*ACM-77812",
            "PID*F****TABLET", "SCH*100*EA***002*20270115", "SCH*200*EA***002*20270215", "PO1*2*1*EA*1.00", "CTT*2");

    private final List<String> loops = new ArrayList<>();
    private final TransactionWalk walk = new TransactionWalk();
    private final TransactionWalk.Loops listener = new TransactionWalk.Loops() {
        @Override
        public void loopEnded() {
            loops.add("end");
        }

        @Override
        public void loopStarted(String code) {
            loops.add(code);
        }
    };

    @Test
    void aCleanOrderRaisesNoDoubtAndNamesItsLoops() {
        walk(ORDER);

        assertThat(walk.doubtful()).isFalse();
        // the codes of our schema: a loop's first segment, numbered in the order of the set's diagram
        assertThat(loops).containsExactly("N1_1", "end", "N1_1", "end", "PO1_1", "PID_1", "end", "SCH_1", "end", "SCH_1",
                "end", "end", "PO1_1", "end", "CTT_1", "end");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a segment out of order            | 1 | CTT*2",
        "a segment the set does not have   | 1 | ZZZ*1",
        "a date that is none               | 0 | BEG*00*SA*4500012345**20261131",
        "a code not in the list            | 0 | BEG*99*SA*4500012345**20261102",
        "a mandatory element left out      | 0 | BEG*00*SA***20261102",
        "more elements than defined        | 0 | CUR*BY*USD*1*2*3*4*5*6*7*8*9*10*11*12*13*14*15*16*17*18*19*20*21*22",
        "a value too long                  | 1 | CUR*BY*USDOLLARS",
        "a number with letters             | 5 | PO1*1*3x0*EA*42.50*PE"})
    void anythingStaediCouldReportRaisesADoubt(String what, int at, String segment) {
        List<String> set = new ArrayList<>(ORDER);
        set.set(at, segment);

        walk(set);

        assertThat(walk.doubtful()).as(what).isTrue();
    }

    @Test
    void aMissingMandatoryLoopRaisesADoubtAtTheEnd() {
        walk(List.of("BEG*00*SA*4500012345**20261102", "CTT*0"));

        assertThat(walk.doubtful()).isTrue();
    }

    @Test
    void aLoopRepeatedMoreOftenThanAllowedRaisesADoubt() {
        List<String> set = new ArrayList<>(ORDER.subList(0, 1));
        for (int i = 0; i < 201; i++) {
            set.add("N1*ST*DEPOT " + i);
        }
        set.addAll(ORDER.subList(5, ORDER.size()));

        walk(set);

        assertThat(walk.doubtful()).isTrue();
    }

    /** Walks the body segments, as the reader hands them on: elements split at '*', components at '>'. */
    private void walk(List<String> segments) {
        walk.begin(TABLE_850);
        for (String segment : segments) {
            String[] elements = segment.split("\\*", -1);
            walk.segment(elements[0], listener);
            for (int p = 1; p < elements.length; p++) {
                String[] components = elements[p].split(">", -1);
                for (int c = 0; c < components.length; c++) {
                    walk.element(p, components.length > 1 ? c + 1 : -1, 1, components[c]);
                }
            }
            walk.endSegment();
        }
        walk.end(listener);
    }
}
