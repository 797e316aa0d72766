package io.edihub.bench;

/**
 * The one line per figure that {@code bench/run-all} reads, so that no script parses a benchmark's prose:
 * {@code RESULT}, the row's id, what is measured, the reference measured in the same run, the result, the goal, all
 * separated by tabs. A benchmark prints it beside its own table.
 */
final class BenchResult {

    private BenchResult() {
    }

    static void print(String row, String measure, String reference, String result, String goal) {
        System.out.println(String.join("\t", "RESULT", row, clean(measure), clean(reference), clean(result), clean(goal)));
    }

    private static String clean(String cell) {
        return cell == null || cell.isBlank() ? "-" : cell.replace('\t', ' ').replace('\n', ' ');
    }
}
