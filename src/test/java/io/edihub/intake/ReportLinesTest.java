package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportLinesTest {

    @Test
    void keepsTheFirstLinesAndCountsTheRestAndARollbackDropsBoth() {
        X12Intake.ReportLines lines = new X12Intake.ReportLines();
        for (int i = 1; i <= X12Intake.ReportLines.MAX - 2; i++) {
            lines.add("PO " + i + ": taken");
        }
        int group = lines.mark();
        for (int i = 1; i <= 5; i++) {
            lines.add("rolled back " + i);
        }
        assertThat(text(lines)).contains("rolled back 2").endsWith("... and 3 more\n");

        lines.truncate(group);
        assertThat(text(lines)).doesNotContain("rolled back").doesNotContain("more")
                .endsWith("PO " + (X12Intake.ReportLines.MAX - 2) + ": taken\n");

        for (int i = 1; i <= 40_000; i++) {
            lines.add("PO B" + i + ": taken");
        }
        String report = text(lines);
        assertThat(report.lines()).hasSize(X12Intake.ReportLines.MAX + 1);
        assertThat(report).contains("PO B2: taken").doesNotContain("PO B3: taken").endsWith("... and 39998 more\n");
        assertThat(lines.isEmpty()).isFalse();
        lines.truncate(0);
        assertThat(lines.isEmpty()).isTrue();
        assertThat(text(lines)).isEmpty();
    }

    private static String text(X12Intake.ReportLines lines) {
        StringBuilder sb = new StringBuilder();
        lines.appendTo(sb);
        return sb.toString();
    }
}
