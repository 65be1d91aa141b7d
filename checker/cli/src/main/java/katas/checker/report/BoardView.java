package katas.checker.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;

/** The board: every kata with its state, the learner's progress, and what to do next. */
public final class BoardView {

    private static final int BAR_WIDTH = 20;

    private BoardView() {
    }

    /**
     * @param katas     every kata of the manifest, in order
     * @param results   the result of each kata that could be checked, by slug
     * @param nextFiles the files to edit for the next kata (relative paths), or empty when all are solved
     */
    public static String render(List<Kata> katas, Map<String, KataResult> results, List<String> nextFiles) {
        long solved = katas.stream().filter(k -> isSolved(results.get(k.slug()))).count();
        StringBuilder out = new StringBuilder();
        out.append("Process Katas for Java: ").append(solved).append(" of ").append(katas.size())
                .append(" katas solved  ").append(bar(solved, katas.size())).append("\n\n");
        for (Kata kata : katas) {
            out.append(String.format("  %s %02d  %-42s %s%n", isSolved(results.get(kata.slug())) ? "*" : " ",
                    kata.number(), kata.title(), state(results.get(kata.slug()))));
        }
        Optional<Kata> next = katas.stream().filter(k -> results.containsKey(k.slug()))
                .filter(k -> !isSolved(results.get(k.slug()))).findFirst();
        out.append('\n');
        if (next.isEmpty()) {
            out.append("Every kata is solved. Well done! Try the interview questions in each kata's README.\n");
        } else {
            out.append(nextStep(next.get(), nextFiles));
        }
        return out.toString();
    }

    /** What to do next for one kata: its README, the files to edit, the command to check it. */
    public static String nextStep(Kata kata, List<String> files) {
        StringBuilder out = new StringBuilder("Next: kata ").append(kata.slug()).append(" (")
                .append(kata.title()).append(")\n")
                .append("  read   katas/").append(kata.slug()).append("/README.md\n");
        // The source folder once, then each file in it: whole paths would not fit 80 columns.
        String sources = "katas/" + kata.slug() + "/src/main/java/";
        out.append("  edit   ").append(sources).append('\n');
        for (String file : files) {
            out.append("           ").append(file.startsWith(sources) ? file.substring(sources.length()) : file)
                    .append('\n');
        }
        out.append("  check  ./kata check ").append(String.format("%02d", kata.number())).append('\n');
        return out.toString();
    }

    /** One kata's state in a few words. */
    public static String state(KataResult result) {
        if (result == null) {
            return "not available yet";
        }
        switch (result.outcome()) {
            case PASSED:
                return "solved (" + result.tests().size() + " tests pass)";
            case FAILED:
                return "failing: " + result.passedCount() + " of " + result.tests().size() + " tests pass";
            case COMPILE_ERROR:
                return "does not compile";
            case TIMED_OUT:
                return "timed out";
            case TAMPERED:
                return "tests changed (tampered)";
            default:
                return "crashed";
        }
    }

    private static boolean isSolved(KataResult result) {
        return result != null && result.passed();
    }

    private static String bar(long done, int total) {
        int filled = total == 0 ? 0 : (int) (done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + (total == 0 ? 0 : done * 100 / total) + "%";
    }
}
